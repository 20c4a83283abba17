package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.SqlFailures;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.callback.Warning;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints the WARNINGs the server raises while a step runs, on the progress channel:
 * they say something about the schema being built (TimescaleDB's "does not follow
 * best practices", "should be used for segmenting or ordering"). NOTICEs are chatter
 * and stay silent. Flyway's own echo of both is switched off in application.properties,
 * so this is the only place they reach the operator.
 *
 * <p>Three routes, one format: Flyway calls this back after each statement of an SQL
 * migration; the Java step hands over its JDBC statement ({@link #report}); undo
 * scripts, which run outside Flyway, call {@link #print}.
 */
public final class ServerWarnings extends StepCallback {

    private final Consumer<String> progress;
    private String step = "a migration";

    public ServerWarnings(Consumer<String> progress) {
        // Not AFTER_EACH_MIGRATE_STATEMENT_ERROR: Flyway collects no warnings from a failing statement.
        super("server warnings", Event.BEFORE_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE_STATEMENT);
        this.progress = progress;
    }

    /**
     * For a Java migration: prints what its statement collected, through the
     * ServerWarnings registered with the Flyway that runs it (if any).
     */
    public static void report(org.flywaydb.core.api.migration.Context context, Statement statement)
            throws SQLException {
        SQLWarning warnings = statement.getWarnings();
        for (Callback callback : context.getConfiguration().getCallbacks()) {
            if (callback instanceof ServerWarnings serverWarnings) {
                lines(serverWarnings.step, warnings).forEach(serverWarnings.progress);
            }
        }
        statement.clearWarnings();
    }

    /** For undo scripts: prints what the statement collected, then forgets it so the next execute starts clean. */
    public static void print(Statement statement, String step, Consumer<String> progress) throws SQLException {
        lines(step, statement.getWarnings()).forEach(progress);
        statement.clearWarnings();
    }

    /** One line per WARNING in the chain (SQLSTATE class 01); NOTICEs (00000) and INFO are left out. */
    static List<String> lines(String step, SQLWarning first) {
        List<String> lines = new ArrayList<>();
        for (SQLWarning warning = first; warning != null; warning = warning.getNextWarning()) {
            if (isWarning(warning.getSQLState())) {
                lines.add(line(step, warning.getMessage()));
            }
        }
        return lines;
    }

    static boolean isWarning(String sqlState) {
        return sqlState != null && sqlState.startsWith("01");
    }

    private static String line(String step, String message) {
        return step + ": server warning: " + SqlFailures.firstLine(message);
    }

    /** The step the next warnings belong to, e.g. "V1 initial schema". */
    void stepBegins(String label) {
        step = label;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            stepBegins(label(context.getMigrationInfo()));
            return;
        }
        if (context.getStatement() == null || context.getStatement().getWarnings() == null) {
            return;
        }
        for (Warning warning : context.getStatement().getWarnings()) {
            if (isWarning(warning.getState())) {
                progress.accept(line(step, warning.getMessage()));
            }
        }
    }
}
