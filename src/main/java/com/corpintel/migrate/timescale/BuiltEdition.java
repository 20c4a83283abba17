package com.corpintel.migrate.timescale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Which branch an applied version 2 built, read from the catalog: the community
 * branch makes daily_metrics_summary a continuous aggregate (a view over its
 * materialization hypertable), the Apache branch a plain materialized view.
 */
public final class BuiltEdition {

    private static final String SUMMARY_KIND = """
            SELECT c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = 'daily_metrics_summary'
            """;

    private BuiltEdition() {
    }

    /** Empty when the schema has no daily_metrics_summary (version 2 not applied, or drifted). */
    public static Optional<Edition> read(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SUMMARY_KIND)) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return switch (rs.getString(1)) {
                    case "v" -> Optional.of(Edition.COMMUNITY);
                    case "m" -> Optional.of(Edition.APACHE);
                    default -> Optional.empty();
                };
            }
        }
    }
}
