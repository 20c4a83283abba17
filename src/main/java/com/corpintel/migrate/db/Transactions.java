package com.corpintel.migrate.db;

import java.sql.Connection;
import java.sql.SQLException;

/** What every step runner does with a transaction that failed. */
public final class Transactions {

    private Transactions() {
    }

    /** Rolls back an open transaction; a failure to do so is ignored, the session is closed next. */
    public static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the step's outcome is already decided
        }
    }
}
