package com.corpintel.migrate.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The extensions the platform schema needs, as the server offers them.
 *
 * @param timescalePreloaded timescaledb is in shared_preload_libraries, without which it cannot be created
 */
public record Extensions(List<Available> available, boolean timescalePreloaded) {

    /** A required extension and where an operator gets it. */
    public record Extension(String name, String minimumVersion, String packageHint) {
    }

    public static final List<Extension> REQUIRED = List.of(
            // 2.11: the community V2 enables compression on financial_metrics, whose primary key
            // (id, metric_date) has a column, id, that is neither segment-by nor order-by. Before
            // 2.11 (unique constraints on compressed chunks, timescaledb#5252) that was an error,
            // "column must be used for segmenting or ordering"; since, a warning. Everything else
            // V2, its initial refresh and U2 call is older: refresh_continuous_aggregate with NULL
            // bounds, timescaledb.materialized_only, the policy functions, decompress_chunk with
            // if_compressed (2.0), remove_continuous_aggregate_policy's if_exists (2.8).
            new Extension("timescaledb", "2.11", "TimescaleDB 2.11 or newer"),
            new Extension("vector", "0.5", "pgvector 0.5 or newer"),
            new Extension("uuid-ossp", "1.0", "PostgreSQL contrib"));

    /** An extension the server can create; installedVersion is set when this database has it. */
    public record Available(String name, String defaultVersion, String installedVersion) {

        public String effectiveVersion() {
            return installedVersion != null ? installedVersion : defaultVersion;
        }

        public boolean atLeast(String minimum) {
            return compareVersions(effectiveVersion(), minimum) >= 0;
        }
    }

    public Available find(String name) {
        return available.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    public static Extensions read(Connection connection) throws SQLException {
        List<Available> available = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(CatalogQueries.EXTENSIONS)) {
                while (rs.next()) {
                    available.add(new Available(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            try (ResultSet rs = statement.executeQuery(CatalogQueries.TIMESCALE_LOADED)) {
                rs.next();
                return new Extensions(available, rs.getBoolean(1));
            }
        }
    }

    /** Compares dotted versions numerically ("0.10.0" is newer than "0.5"); non-digits end a part. */
    static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? leadingNumber(a[i]) : 0;
            int y = i < b.length ? leadingNumber(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
    }
}
