package com.corpintel.migrate.repair;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The catalog lookups repair makes: is a statement's effect in place in the target schema. */
final class CatalogPresence {

    private static final String INDEX = """
            SELECT i.indisvalid FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relname = ?""";
    private static final String TABLE = """
            SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')""";
    private static final String COLUMN = """
            SELECT 1 FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relname = ? AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped""";

    private CatalogPresence() {
    }

    static RepairPlanner.Presence of(Connection connection, String schema, StatementEffect effect) throws SQLException {
        return switch (effect.kind()) {
            case CREATE_INDEX -> {
                Boolean valid = index(connection, schema, effect.name());
                yield valid == null ? RepairPlanner.Presence.NOT_DONE
                        : valid ? RepairPlanner.Presence.DONE : RepairPlanner.Presence.INVALID_INDEX;
            }
            case DROP_INDEX -> index(connection, schema, effect.name()) == null
                    ? RepairPlanner.Presence.DONE : RepairPlanner.Presence.NOT_DONE;
            case CREATE_TABLE -> done(exists(connection, TABLE, schema, effect.name()));
            case DROP_TABLE -> done(!exists(connection, TABLE, schema, effect.name()));
            case ADD_COLUMN -> done(exists(connection, COLUMN, schema, effect.table(), effect.name()));
            case DROP_COLUMN -> done(!exists(connection, COLUMN, schema, effect.table(), effect.name()));
            case UNKNOWN -> RepairPlanner.Presence.UNKNOWN;
        };
    }

    private static RepairPlanner.Presence done(boolean done) {
        return done ? RepairPlanner.Presence.DONE : RepairPlanner.Presence.NOT_DONE;
    }

    /** null: no such index; else whether it is valid. */
    private static Boolean index(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INDEX)) {
            s.setString(1, schema);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
