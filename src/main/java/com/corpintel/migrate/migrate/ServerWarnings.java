package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.SqlFailures;

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
 * so this is the only place they reach the operator. Upgrade steps ({@link UpgradeRunner})
 * and undo scripts call {@link #print} after each statement they execute.
 */
public final class ServerWarnings {

    private ServerWarnings() {
    }

    /** Prints what the statement collected, then forgets it so the next execute starts clean. */
    public static void print(Statement statement, String step, Consumer<String> progress) throws SQLException {
        lines(step, statement.getWarnings()).forEach(progress);
        statement.clearWarnings();
    }

    /** One line per WARNING in the chain (SQLSTATE class 01); NOTICEs (00000) and INFO are left out. */
    static List<String> lines(String step, SQLWarning first) {
        List<String> lines = new ArrayList<>();
        for (SQLWarning warning = first; warning != null; warning = warning.getNextWarning()) {
            if (isWarning(warning.getSQLState())) {
                lines.add(step + ": server warning: " + SqlFailures.firstLine(warning.getMessage()));
            }
        }
        return lines;
    }

    static boolean isWarning(String sqlState) {
        return sqlState != null && sqlState.startsWith("01");
    }
}
