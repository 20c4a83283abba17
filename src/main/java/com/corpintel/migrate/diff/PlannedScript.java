package com.corpintel.migrate.diff;

import java.util.List;

/**
 * The SQL that turns one schema model into another, as {@link MigrationPlanner} orders it.
 *
 * @param statements    in the order they must run; each ends with a semicolon and may be
 *                      preceded by comment lines of its own
 * @param transactional false when a statement cannot run inside a transaction
 *                      (CREATE INDEX CONCURRENTLY, timescaledb.transaction_per_chunk): the
 *                      script is then marked non-transactional and runs statement by statement
 * @param warnings      destructive or risky steps in words, for stderr; the script says the
 *                      same in comments
 */
public record PlannedScript(List<Statement> statements, boolean transactional, List<String> warnings) {

    /** One statement and the comment lines written above it (without "-- "). */
    public record Statement(List<String> comments, String sql, boolean nonTransactional) {

        public Statement {
            comments = List.copyOf(comments);
        }

        public String text() {
            StringBuilder text = new StringBuilder();
            comments.forEach(c -> text.append("-- ").append(c).append('\n'));
            return text.append(sql).append(';').toString();
        }
    }

    public PlannedScript {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The statements, one block each, separated by a blank line. */
    public String body() {
        StringBuilder body = new StringBuilder();
        for (Statement statement : statements) {
            if (!body.isEmpty()) {
                body.append("\n\n");
            }
            body.append(statement.text());
        }
        return body.isEmpty() ? "" : body.append('\n').toString();
    }
}
