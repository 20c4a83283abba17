package com.corpintel.migrate.alembic;

import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.timescale.Edition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bundled bridge from an Alembic revision to a bundled version: its steps (one transaction
 * each), the shape the revision left (compared before anything runs), and its data checks.
 * Everything is read from the resource index, never by listing a directory.
 *
 * @param revision  the Alembic revision it adopts, e.g. {@code 001}
 * @param directory its resources, e.g. {@code db/alembic/001/}
 * @param reaches   the bundled version the schema is at once every step ran
 * @param scripts   every step script of either branch, by number
 */
public record Bridge(String revision, String directory, String reaches, List<BridgeScript> scripts,
                     BundledResources resources) {

    /** The Alembic table the bridge renames when it records the adoption, so that Alembic no longer runs here. */
    public static final String ALEMBIC_TABLE = "alembic_version";
    /** What alembic_version is renamed to: the inspector leaves intel_migrate_* tables out of every model. */
    public static final String KEPT_ALEMBIC_TABLE = "intel_migrate_alembic_version";
    /** The progress of a bridge: one row per step that committed. */
    public static final String PROGRESS_TABLE = "intel_migrate_alembic_bridge";

    static Bridge load(String revision, String directory, String reaches, BundledResources resources) {
        List<BridgeScript> scripts = new ArrayList<>();
        for (String file : resources.fileNames(directory)) {
            if (BridgeScript.isStep(file)) {
                scripts.add(BridgeScript.of(directory + file, resources.require(directory + file)));
            }
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("the bridge of Alembic revision " + revision + " (" + directory
                    + ") has no step in " + BundledResources.INDEX);
        }
        scripts.sort(Comparator.comparingInt(BridgeScript::number));
        return new Bridge(revision, directory, reaches, List.copyOf(scripts), resources);
    }

    /** The steps a server of {@code edition}'s branch runs, in order: one script per number at most. */
    public List<BridgeScript> steps(Edition edition) {
        List<BridgeScript> steps = new ArrayList<>();
        for (BridgeScript script : scripts) {
            if (script.belongsTo(edition)) {
                if (!steps.isEmpty() && steps.get(steps.size() - 1).number() == script.number()) {
                    throw new IllegalStateException(directory + " has two scripts for step " + script.number()
                            + " on the " + edition.resourceName + " branch");
                }
                steps.add(script);
            }
        }
        return steps;
    }

    /** The resource of the shape the revision left on a server of this branch. */
    public String shapeResource(Edition edition) {
        return directory + "shape." + edition.resourceName + ".txt";
    }

    /** The shape the revision left on a server of this branch (tables, indexes, constraints, TimescaleDB objects). */
    public SchemaModel shape(Edition edition) {
        return SchemaModelText.read(resources.require(shapeResource(edition)));
    }

    public DataCheck.Set checks() {
        String path = directory + "checks.sql";
        return DataCheck.parse(path, resources.require(path));
    }
}
