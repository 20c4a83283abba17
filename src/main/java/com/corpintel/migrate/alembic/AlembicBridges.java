package com.corpintel.migrate.alembic;

import com.corpintel.migrate.migrate.BundledResources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Alembic revisions this binary adopts, from {@code db/alembic/revisions.txt}: one line
 * per revision naming its bridge directory and the version it reaches. Adopting a later
 * revision is a line there and a directory of scripts, not code.
 */
public final class AlembicBridges {

    public static final String REVISIONS = "db/alembic/revisions.txt";

    private final Map<String, String[]> lines;
    private final BundledResources resources;

    private AlembicBridges(Map<String, String[]> lines, BundledResources resources) {
        this.lines = lines;
        this.resources = resources;
    }

    public static AlembicBridges load(BundledResources resources) {
        return parse(resources.require(REVISIONS), resources);
    }

    static AlembicBridges parse(String text, BundledResources resources) {
        Map<String, String[]> lines = new LinkedHashMap<>();
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(REVISIONS + ": '" + line + "' is not <revision> <bridge> <version>");
            }
            if (lines.put(fields[0], fields) != null) {
                throw new IllegalArgumentException(REVISIONS + " names revision " + fields[0] + " twice");
            }
        }
        return new AlembicBridges(lines, resources);
    }

    /** The revisions there is a bridge for, in file order. */
    public List<String> revisions() {
        return List.copyOf(lines.keySet());
    }

    /** The bridge of {@code revision}; empty when this binary has none. */
    public Optional<Bridge> forRevision(String revision) {
        String[] fields = lines.get(revision);
        if (fields == null) {
            return Optional.empty();
        }
        return Optional.of(Bridge.load(revision, "db/alembic/" + fields[1] + "/", fields[2], resources));
    }
}
