package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.timescale.RecordedBranch;
import com.corpintel.migrate.timescale.TimescaleLicense;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * Version 2: TimescaleDB's compression, policies and continuous aggregate, or the
 * Apache-license substitute. Plain SQL cannot branch on the license, so this step
 * reads the license on the migration's own connection (version 1 created the
 * extension) and runs the matching script from {@code db/timescale}. Registered
 * with Flyway as an instance: no class-path scanning, nothing reflective.
 *
 * <p>Its checksum is that of the branch it ran or will run, so the history records the
 * branch. Flyway asks for it when it resolves migrations, before and after applying, on
 * every command: for an applied V2 the answer is the branch the history recorded (read
 * from the database, {@link TimescaleFeaturesRecord}), for a pending one the branch the
 * upgrade planned from the license.
 */
public final class TimescaleFeaturesMigration implements JavaMigration {

    public static final String VERSION = "2";
    public static final String DESCRIPTION = "timescale features";
    private static final String SCRIPT_BASE = "V2__timescale_features";

    /**
     * The checksum binaries before the branch was recorded gave V2 on either branch: the CRC-32
     * of both scripts as they were then. Databases they migrated keep it; it stays valid, and
     * the branch of such a database is read from its catalog.
     */
    public static final int CHECKSUM_OF_BOTH_BRANCHES = -337962692;

    private final FeatureMode mode;
    private final BundledResources resources;
    private final Database database;
    private final Connection session;
    private final Edition planned;
    private boolean resolved;
    private Integer checksum;
    private Edition ran;

    public TimescaleFeaturesMigration(FeatureMode mode, BundledResources resources) {
        this(mode, resources, null, null, null);
    }

    private TimescaleFeaturesMigration(FeatureMode mode, BundledResources resources, Database database,
                                       Connection session, Edition planned) {
        this.mode = mode;
        this.resources = resources;
        this.database = database;
        this.session = session;
        this.planned = planned;
    }

    /**
     * The given migrations, with this step resolving its checksum against a database.
     *
     * @param session a session of {@code database} the caller holds (and closes) to resolve on, so that a
     *                status read asks on the session it reads the history with; null to open one
     * @param planned the branch an upgrade decided V2 takes, from the license and
     *                --timescale-features; null when this Flyway instance applies nothing
     */
    static JavaMigration[] against(List<JavaMigration> migrations, Database database, Connection session,
                                   Edition planned) {
        return migrations.stream()
                .map(m -> m instanceof TimescaleFeaturesMigration t
                        ? new TimescaleFeaturesMigration(t.mode, t.resources, database, session, planned) : m)
                .toArray(JavaMigration[]::new);
    }

    /** The bundled script for an edition, e.g. {@code db/timescale/V2__timescale_features.apache.sql}. */
    public static String scriptPath(Edition edition) {
        return BundledMigrations.TIMESCALE_DIRECTORY + SCRIPT_BASE + "." + edition.resourceName + ".sql";
    }

    /** The checksum a branch records: its name and its script, so the two branches never share one. */
    public static int checksum(Edition edition, BundledResources resources) {
        CRC32 crc = new CRC32();
        crc.update(RecordedBranch.logDetail(edition).getBytes(StandardCharsets.UTF_8));
        crc.update(resources.require(scriptPath(edition)).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    public static Map<Edition, Integer> checksums(BundledResources resources) {
        Map<Edition, Integer> checksums = new EnumMap<>(Edition.class);
        for (Edition edition : Edition.values()) {
            checksums.put(edition, checksum(edition, resources));
        }
        return checksums;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return DESCRIPTION;
    }

    /** Read once per Flyway instance: the history does not change under one command's lock. */
    @Override
    public Integer getChecksum() {
        if (!resolved) {
            checksum = resolveChecksum();
            resolved = true;
        }
        return checksum;
    }

    private Integer resolveChecksum() {
        Map<Edition, Integer> checksums = checksums(resources);
        if (database == null) {
            return planned == null ? null : checksums.get(planned);
        }
        try {
            if (session != null) {
                return resolveChecksum(session, checksums);
            }
            try (Connection connection = database.connect()) {
                return resolveChecksum(connection, checksums);
            }
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the history of V2 " + DESCRIPTION + ": "
                    + SqlFailures.serverMessage(e), e);
        }
    }

    private Integer resolveChecksum(Connection connection, Map<Edition, Integer> checksums) throws SQLException {
        TimescaleFeaturesRecord record = new TimescaleFeaturesRecord(database.schema(), resources);
        Optional<TimescaleFeaturesRecord.Applied> applied = record.applied(connection);
        if (applied.isPresent()) {
            return resolvedChecksum(applied.get().checksum(), checksums,
                    () -> record.branch(connection, applied.get()).map(RecordedBranch::edition));
        }
        Edition pending = planned != null ? planned
                : TimescaleLicense.ofInstalled(connection).flatMap(EditionChoice::offered).orElse(null);
        return pending == null ? null : checksums.get(pending);
    }

    /**
     * The checksum resolved for an applied V2: what the history recorded when that is one
     * branch's checksum or the one from before branches were recorded, so either is valid;
     * anything else is a changed script, shown as a mismatch against the checksum of the
     * branch the database ran (null when even that cannot be told).
     */
    static Integer resolvedChecksum(Integer recorded, Map<Edition, Integer> checksums,
                                    Supplier<Optional<Edition>> recordedBranch) {
        if (recorded != null && (checksums.containsValue(recorded) || recorded == CHECKSUM_OF_BOTH_BRANCHES)) {
            return recorded;
        }
        return recordedBranch.get().map(checksums::get).orElse(null);
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String license = license(context.getConnection());
        Edition edition = EditionChoice.choose(license, mode);
        // The history records the checksum resolved before this ran: it must name this branch.
        if (!Objects.equals(getChecksum(), checksum(edition, resources))) {
            throw branchChanged(license, edition, planned);
        }
        // Upgrades run version 2 through apply(); Flyway itself would only run it from a configuration of its own.
        runBranch(context.getConnection(), edition, Statement::clearWarnings);
    }

    /** What an upgrade step runs once it holds its statement, for the server warnings it collected. */
    interface StatementCheck {
        void ran(Statement statement) throws SQLException;
    }

    /**
     * Runs version 2 as {@link UpgradeRunner} applies it: on the step's connection, in its
     * transaction, the branch the license gives, which must be the one the upgrade planned
     * and records in the history.
     */
    Edition apply(Connection connection, Edition planned, StatementCheck afterwards) throws SQLException {
        String license = license(connection);
        Edition edition = EditionChoice.choose(license, mode);
        if (edition != planned) {
            throw branchChanged(license, edition, planned);
        }
        runBranch(connection, edition, afterwards);
        return edition;
    }

    private static String license(Connection connection) throws SQLException {
        return TimescaleLicense.ofInstalled(connection)
                .orElseThrow(() -> new IllegalStateException(
                        "the timescaledb extension is missing; version 1 should have created it"));
    }

    private static IllegalStateException branchChanged(String license, Edition edition, Edition planned) {
        return new IllegalStateException("TimescaleDB's license is now '" + license + "', which gives the "
                + edition.resourceName + " branch, but this upgrade planned "
                + (planned == null ? "no branch" : "the " + planned.resourceName + " branch")
                + "; nothing of V2 was applied: run the upgrade again");
    }

    private void runBranch(Connection connection, Edition edition, StatementCheck afterwards) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(resources.require(scriptPath(edition)));
            afterwards.ran(statement);
        }
        ran = edition;
    }

    /** "timescale edition: community" once this step ran, for its operations-log entry. */
    String operationsLogDetail() {
        return ran == null ? null : RecordedBranch.logDetail(ran);
    }
}
