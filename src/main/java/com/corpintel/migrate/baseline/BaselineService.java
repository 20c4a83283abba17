package com.corpintel.migrate.baseline;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.diff.Difference;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.CatalogInspector;
import com.corpintel.migrate.inspect.ExpectedSchema;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.HistoryTable;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.OperationsLog;
import com.corpintel.migrate.migrate.Patience;
import com.corpintel.migrate.migrate.Preflight;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.migrate.TimescaleFeaturesMigration;
import com.corpintel.migrate.migrate.TimescaleFeaturesRecord;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.TimescaleLicense;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Adopts a database whose schema the bundled migrations would have built up to a version,
 * but which has no history: it compares the live catalog with the expected model at that
 * version and, only when they agree, records V1..V as applied without running them, in
 * one transaction with their operations-log entries. Everything it refuses, it refuses
 * before changing anything.
 */
public final class BaselineService {

    private final MigrationService migrations;
    private final Database database;
    private final Consumer<String> progress;

    public BaselineService(MigrationService migrations, Consumer<String> progress) {
        this.migrations = migrations;
        this.database = migrations.database();
        this.progress = progress;
    }

    /** The --dry-run: every check of a real run, then what it would record. Changes nothing. */
    public BaselineResult plan(String version) {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        Prepared prepared = prepare(version);
        return prepared.result(true, prepared.before());
    }

    public BaselineResult baseline(String version, Patience patience) {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        Preflight.requireWritable(server);
        try (MigrationLock lock = MigrationLock.acquire(database, patience.lockWait(), progress)) {
            // Under the lock: a concurrent upgrade may be writing the very history this checks is absent.
            Prepared prepared = prepare(version);
            lock.requireHeld("recording the baseline");
            record(prepared);
            progress.accept("recorded V1 to V" + prepared.version() + " as applied without running them"
                    + " (baseline): the schema matched the expected model of V" + prepared.version());
            return prepared.result(false, migrations.status());
        }
    }

    private record Prepared(String version, Edition edition, String license, int compared,
                            List<MigrationRecord> records, StatusReport before) {
        BaselineResult result(boolean dryRun, StatusReport status) {
            return new BaselineResult(version, edition, license, compared, records, dryRun, status);
        }
    }

    private Prepared prepare(String version) {
        if (!(migrations.source() instanceof BundledMigrations)) {
            throw Failure.refused("baseline compares the schema with the expected models of the bundled migrations;"
                    + " " + migrations.source().describe() + " has none: run it without --migrations");
        }
        StatusReport state = migrations.status();
        requireNoHistory(state);
        String wanted = requireBundledVersion(version, state);
        try (Connection connection = database.connect()) {
            String license = TimescaleLicense.ofInstalled(connection).orElse(null);
            Edition edition = edition(connection, wanted, license);
            SchemaModel expected = ExpectedSchema.loadAt(wanted, state.head(), edition)
                    .orElseThrow(() -> new Failure(Failure.Kind.INTERNAL, "this binary carries no expected model of"
                            + " V" + wanted + " (" + ExpectedSchema.resource(wanted, state.head(), edition) + ")"));
            SchemaModel actual = new CatalogInspector().inspect(connection, database.schema());
            List<Difference> differences = SchemaDiff.compare(expected, actual);
            if (!differences.isEmpty()) {
                throw drift(wanted, edition, differences);
            }
            List<MigrationRecord> records = migrations.bundledUpTo(wanted, edition);
            int facts = (int) SchemaModelText.write(expected).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            return new Prepared(wanted, edition, license, facts, records, state);
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot inspect the schema: " + SqlFailures.serverMessage(e), e);
        }
    }

    private void requireNoHistory(StatusReport state) {
        List<MigrationRecord> recorded = state.migrations().stream()
                .filter(m -> m.applied() || m.state().failed()).toList();
        if (!recorded.isEmpty()) {
            throw Failure.refused("schema " + database.schema() + " already has a migration history ("
                    + recorded.size() + " entr" + (recorded.size() == 1 ? "y" : "ies") + ", current "
                    + (state.current() == null ? "none" : "V" + state.currentVersion()) + "): baseline adopts a"
                    + " database without one; see `intel-migrate history`");
        }
    }

    private static String requireBundledVersion(String version, StatusReport state) {
        MigrationVersion wanted;
        try {
            wanted = MigrationVersion.fromVersion(version);
        } catch (RuntimeException e) {
            throw Failure.refused("invalid version '" + version + "'");
        }
        List<String> bundled = state.migrations().stream()
                .filter(m -> m.version() != null && m.state().bundled()).map(MigrationRecord::version).toList();
        return bundled.stream().filter(v -> MigrationVersion.fromVersion(v).equals(wanted)).findFirst()
                .orElseThrow(() -> Failure.refused("unknown version " + version + ": the bundled versions are "
                        + String.join(", ", bundled)));
    }

    /**
     * The branch to compare with: from version 2 on, the one the catalog shows (compression or a
     * continuous aggregate: community; a plain materialized view: Apache), else the license's.
     */
    private Edition edition(Connection connection, String version, String license) throws SQLException {
        Optional<Edition> offered = license == null ? Optional.empty() : EditionChoice.offered(license);
        boolean withFeatures = !MigrationVersion.fromVersion(TimescaleFeaturesMigration.VERSION)
                .isNewerThan(version);
        Optional<Edition> built = withFeatures
                ? new TimescaleFeaturesRecord(database.schema(), ((BundledMigrations) migrations.source()).resources())
                .catalogEdition(connection)
                : Optional.empty();
        return built.or(() -> offered).orElse(Edition.APACHE);
    }

    private Failure drift(String version, Edition edition, List<Difference> differences) {
        StringBuilder message = new StringBuilder("schema " + database.schema() + " is not what the bundled"
                + " migrations build at V" + version + " (" + edition.resourceName + " branch): "
                + differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                + "; nothing was recorded");
        for (Difference difference : differences) {
            message.append("\n  ").append(difference.message());
        }
        message.append("\nBring the schema to V").append(version).append(" (or baseline at the version it is at),"
                + " then run baseline again; compare with `intel-migrate snapshot`");
        return Failure.refused(message.toString());
    }

    /**
     * What a baseline writes, in the caller's transaction: a history row per migration, recorded
     * as applied without running, and an operations-log entry each whose detail starts with
     * {@link OperationsLog#BASELINE_DETAIL_PREFIX} (which makes it the floor of downgrades).
     */
    public static void recordApplied(Connection connection, MigrationService migrations, List<MigrationRecord> records,
                                     String detail) throws SQLException {
        HistoryTable history = new HistoryTable(migrations.database().schema());
        history.ensureExists(connection);
        history.recordApplied(connection, records, migrations.installedBy());
        OperationsLog log = migrations.operationsLog();
        log.ensureExists(connection);
        Instant now = Instant.now();
        for (MigrationRecord migration : records) {
            log.record(connection, migration.version(), migration.description(), "upgrade", true, now, 0, detail);
        }
    }

    /** The history rows and their log entries, in one transaction: all of them or none. */
    private void record(Prepared prepared) {
        String detail = OperationsLog.BASELINE_DETAIL_PREFIX + prepared.version() + ": recorded without running its"
                + " script; the schema matched the expected model of V" + prepared.version() + " ("
                + prepared.edition().resourceName + " branch)";
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try {
                recordApplied(connection, migrations, prepared.records(), detail);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.MIGRATION, "cannot record the baseline (nothing was recorded): "
                    + SqlFailures.serverMessage(e), e);
        }
    }
}
