package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.Relations;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.RecordedBranch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a database records about the bundled version 2: whether it is applied, with which
 * checksum, and so which TimescaleDB branch it ran (see {@link RecordedBranch#resolve}).
 * Only the bundled migrations have the license-dependent Java step; a directory's V2 is a
 * plain SQL migration, which the history tells apart by its type.
 */
public final class TimescaleFeaturesRecord {

    static final String SUMMARY = "daily_metrics_summary";
    static final String METRICS = "financial_metrics";

    /** The bundled V2 is applied; its checksum may be null if someone cleared it. */
    record Applied(Integer checksum) {
    }

    private final String schema;
    private final Map<Edition, Integer> checksums;
    private final OperationsLog operationsLog;

    public TimescaleFeaturesRecord(String schema, BundledResources resources) {
        this.schema = schema;
        this.checksums = TimescaleFeaturesMigration.checksums(resources);
        this.operationsLog = new OperationsLog(schema);
    }

    /** Empty for a source without the bundled V2 (a migration directory). */
    public static Optional<TimescaleFeaturesRecord> of(MigrationSource source, String schema) {
        return source instanceof BundledMigrations bundled
                ? Optional.of(new TimescaleFeaturesRecord(schema, bundled.resources()))
                : Optional.empty();
    }

    /** The branch the applied V2 ran; empty when V2 is not applied, or nothing tells. */
    public Optional<RecordedBranch> branch(Connection connection) throws SQLException {
        Optional<Applied> applied = applied(connection);
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        return branch(connection, applied.get());
    }

    Optional<RecordedBranch> branch(Connection connection, Applied applied) {
        return RecordedBranch.resolve(applied.checksum(), checksums,
                reading(() -> loggedEdition(connection)), reading(() -> catalogEdition(connection)));
    }

    /** The history row of the bundled V2, if it is applied. */
    Optional<Applied> applied(Connection connection) throws SQLException {
        String history = Identifiers.quote(schema) + "." + MigrationService.HISTORY_TABLE;
        if (!Relations.exists(connection, history)) {
            return Optional.empty();
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT checksum FROM " + history
                + " WHERE version = ? AND type = 'JDBC' AND success ORDER BY installed_rank DESC LIMIT 1")) {
            s.setString(1, TimescaleFeaturesMigration.VERSION);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int checksum = rs.getInt(1);
                return Optional.of(new Applied(rs.wasNull() ? null : checksum));
            }
        }
    }

    /** The branch named by V2's newest upgrade entry; binaries before this record wrote no detail. */
    Optional<Edition> loggedEdition(Connection connection) throws SQLException {
        return operationsLog.latestUpgrade(connection, TimescaleFeaturesMigration.VERSION,
                        TimescaleFeaturesMigration.DESCRIPTION)
                .flatMap(entry -> RecordedBranch.ofLogDetail(entry.detail()));
    }

    /**
     * The branch V2's objects show: compression on financial_metrics or a continuous
     * aggregate is the community branch, a plain materialized view daily_metrics_summary
     * the Apache one. TimescaleDB's information views read its catalog under either license.
     */
    public Optional<Edition> catalogEdition(Connection connection) throws SQLException {
        try (PreparedStatement installed = connection.prepareStatement(
                "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
             ResultSet rs = installed.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
        }
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                                WHERE hypertable_schema = ? AND hypertable_name = ? AND compression_enabled)
                       OR EXISTS (SELECT 1 FROM timescaledb_information.continuous_aggregates
                                   WHERE view_schema = ? AND view_name = ?),
                       EXISTS (SELECT 1 FROM pg_matviews WHERE schemaname = ? AND matviewname = ?)
                """)) {
            s.setString(1, schema);
            s.setString(2, METRICS);
            s.setString(3, schema);
            s.setString(4, SUMMARY);
            s.setString(5, schema);
            s.setString(6, SUMMARY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.of(Edition.COMMUNITY);
                }
                return rs.getBoolean(2) ? Optional.of(Edition.APACHE) : Optional.empty();
            }
        }
    }

    @FunctionalInterface
    private interface SqlRead<T> {
        T get() throws SQLException;
    }

    /** For the lazily read sources: a failed read is a lost session, as anywhere else. */
    private static <T> Supplier<T> reading(SqlRead<T> read) {
        return () -> {
            try {
                return read.get();
            } catch (SQLException e) {
                throw new Failure(Failure.Kind.CONNECTION, "cannot read which TimescaleDB branch V2 ran: "
                        + SqlFailures.serverMessage(e), e);
            }
        };
    }
}
