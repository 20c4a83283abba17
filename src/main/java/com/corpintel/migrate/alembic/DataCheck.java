package com.corpintel.migrate.alembic;

import com.corpintel.migrate.db.SqlStatements;

import java.util.ArrayList;
import java.util.List;

/**
 * One data check of a bridge, read from its {@code checks.sql}: a name, what it means, and a
 * SELECT of (key, offending value) for each row the bridge could not carry over as it is.
 *
 * @param name        e.g. {@code embedding-not-vector}
 * @param description its comment lines, joined
 * @param sql         the one SELECT
 */
public record DataCheck(String name, String description, String sql) {

    private static final String MARKER = "-- check:";

    /** The statements that prepare the session (before the first check) and the checks, in file order. */
    public record Set(List<String> setup, List<DataCheck> checks) {
    }

    /**
     * Parses a checks file.
     *
     * @throws IllegalArgumentException when a check has no name or not exactly one statement
     */
    public static Set parse(String path, String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith(MARKER)) {
                blocks.add(block.toString());
                block.setLength(0);
            }
            block.append(line).append('\n');
        }
        blocks.add(block.toString());
        List<String> setup = SqlStatements.split(blocks.get(0)).stream().map(SqlStatements::withoutLeadingComments)
                .toList();
        List<DataCheck> checks = new ArrayList<>();
        for (String b : blocks.subList(1, blocks.size())) {
            List<String> lines = b.lines().toList();
            String name = lines.get(0).strip().substring(MARKER.length()).strip();
            StringBuilder description = new StringBuilder();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.strip().startsWith("--")) {
                    break;
                }
                description.append(description.isEmpty() ? "" : " ").append(line.strip().substring(2).strip());
            }
            List<String> statements = SqlStatements.split(b);
            if (name.isEmpty() || statements.size() != 1) {
                throw new IllegalArgumentException(path + ": check '" + name + "' must have a name and exactly one"
                        + " SELECT, found " + statements.size() + " statements");
            }
            checks.add(new DataCheck(name, description.toString(), SqlStatements.withoutLeadingComments(statements.get(0))));
        }
        return new Set(List.copyOf(setup), List.copyOf(checks));
    }
}
