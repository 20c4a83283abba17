package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Backend;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Extensions;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.Pause;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.timescale.BuiltEdition;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.timescale.TimescaleLicense;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies and reports the bundled migrations through Flyway. Flyway owns the
 * history table and the execution of each script; this class adds what operators
 * need around it: refusals before anything changes, one bounded lock shared by
 * every schema-changing command, retries of lock timeouts, and reports as data.
 */
public final class MigrationService {

    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** How a schema-changing command waits and retries. */
    public record Patience(Duration lockWait, int lockTimeoutRetries, Duration firstRetryPause) {
    }

    private final Database database;
    private final MigrationSource source;
    private final FeatureMode featureMode;
    private final String installedBy;
    private final Consumer<String> progress;
    private final OperationsLog operationsLog;
    private final OperationsLogCallback logCallback;
    private final ServerWarnings serverWarnings;
    private final StepNotices stepNotices;
    private final LockGuardCallback lockGuard = new LockGuardCallback();

    public MigrationService(Database database, MigrationSource source, FeatureMode featureMode, String installedBy,
                            Consumer<String> progress) {
        this.database = database;
        this.source = source;
        this.featureMode = featureMode;
        this.installedBy = installedBy;
        this.progress = progress;
        this.operationsLog = new OperationsLog(database.schema());
        this.logCallback = new OperationsLogCallback(operationsLog);
        this.serverWarnings = new ServerWarnings(progress);
        this.stepNotices = new StepNotices(progress);
    }

    public Database database() {
        return database;
    }

    public MigrationSource source() {
        return source;
    }

    // ------------------------------------------------------------------ reading

    public StatusReport status() {
        requireReachable();
        return statusOf(flyway(null));
    }

    public HistoryReport history() {
        requireReachable();
        List<MigrationRecord> all = Arrays.stream(info(flyway(null)).all()).map(MigrationService::record).toList();
        try (Connection connection = database.connect()) {
            return new HistoryReport(database.connection().describe(), database.schema(), all,
                    operationsLog.entries(connection));
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the operations log: " + SqlFailures.serverMessage(e), e);
        }
    }

    // ------------------------------------------------------------------ upgrade

    /**
     * Applies pending migrations up to {@code target} (null: the bundled head).
     *
     * @throws Failure refused (unknown target, target below current, read-only,
     *                 missing extensions, license), lock, migration or validation failures
     */
    public UpgradeResult upgrade(String target, Patience patience) {
        ServerInfo server = requireReachable();
        Preflight.requireSupportedServer(server);
        Preflight.requireWritable(server);

        try (MigrationLock lock = MigrationLock.acquire(database, patience.lockWait(), progress)) {
            lockGuard.guard(lock);
            // Checked under the lock: a concurrent downgrade may be dropping the very catalog read here.
            StatusReport before = requireUpgradable(target);
            if (!before.problems().isEmpty()) {
                StatusReport.Problem problem = before.problems().get(0);
                throw new Failure(Failure.Kind.VALIDATION, "the applied migrations no longer match the bundled scripts: V"
                        + problem.version() + " " + problem.description() + ": " + problem.kind()
                        + " (run `intel-migrate status` for details)");
            }
            List<MigrationRecord> pending = before.pending().stream()
                    .filter(m -> target == null || !MigrationVersion.fromVersion(m.version())
                            .isNewerThan(MigrationVersion.fromVersion(target).getVersion()))
                    .toList();
            String license;
            Edition edition;
            // --timescale-features=required: the upgraded schema has every TimescaleDB feature, whether or not
            // version 2 runs now. The license must offer them, and a version 2 applied earlier must have built
            // them. Only the bundled set has the license-dependent step.
            FeatureMode mode = source instanceof BundledMigrations ? featureMode : FeatureMode.AUTO;
            try (Connection connection = database.connect()) {
                if (!pending.isEmpty()) {
                    Extensions extensions = Extensions.read(connection);
                    Preflight.requireExtensions(extensions);
                    // What a role may not do is refused here, before anything changes, not halfway through V1.
                    license = UpgradeTrial.license(connection, UpgradeTrial.missing(extensions),
                            database.connection().database());
                    if (before.current() == null) {
                        UpgradeTrial.createInSchema(connection, database.schema());
                    }
                } else {
                    license = TimescaleLicense.ofInstalled(connection).orElse(null);
                }
                edition = pending.isEmpty() && license == null && mode == FeatureMode.AUTO
                        ? null : EditionChoice.choose(license, mode);
                if (mode == FeatureMode.REQUIRED && before.migrations().stream()
                        .anyMatch(m -> isTimescaleFeatures(m) && m.applied())) {
                    BuiltEdition.read(connection, database.schema())
                            .ifPresent(built -> EditionChoice.requireBuilt(built, mode));
                }
                if (!pending.isEmpty()) {
                    // The trial's rolled-back CREATE EXTENSION leaves TimescaleDB's library loaded in this
                    // server process: a session pooler must not hand it to the session that creates it for real.
                    Backend.retireIfPooled(connection);
                }
            } catch (SQLException e) {
                throw SqlFailures.whilePreparing(e, "cannot prepare the upgrade",
                        "grant this role that privilege, or run as a role that has it");
            }
            if (edition == Edition.APACHE && pending.stream().anyMatch(MigrationService::isTimescaleFeatures)) {
                // Said when version 2 begins, not now: refusals may still come (a non-empty schema, an earlier step).
                stepNotices.announce(TimescaleFeaturesMigration.VERSION, "TimescaleDB runs under the Apache license:"
                        + " skipping " + String.join("; ", edition.skippedFeatures));
            }
            if (pending.isEmpty()) {
                completeTimescaleFeatures(patience);
                // Nothing to do: the state read under the lock is the state after.
                return new UpgradeResult(before.currentVersion(), target, List.of(), license, edition, false, before);
            }
            List<UpgradeResult.Applied> applied = new ArrayList<>();
            migrate(flyway(target, edition), patience, applied);
            completeTimescaleFeatures(patience);
            boolean featuresApplied = source instanceof BundledMigrations
                    && applied.stream().anyMatch(a -> a.version().equals(TimescaleFeaturesMigration.VERSION));
            return new UpgradeResult(before.currentVersion(), target, applied, license, edition, featuresApplied,
                    statusOf(flyway(null)));
        }
    }

    /**
     * The upgrade --dry-run: every pending step up to {@code target} with the exact
     * script it would run on this server, including the TimescaleDB branch. Reads
     * only; the license probe runs in a transaction that is rolled back.
     */
    public Plan planUpgrade(String target) {
        ServerInfo server = requireReachable();
        Preflight.requireSupportedServer(server);
        requireUpgradable(target);
        MigrationInfo[] pending = info(flyway(target)).pending();
        String license = null;
        Edition edition = null;
        if (pending.length > 0) {
            try (Connection connection = database.connect()) {
                Preflight.requireExtensions(Extensions.read(connection));
                license = server.readOnly() || server.inRecovery()
                        ? TimescaleLicense.ofInstalled(connection).orElse(null)
                        : TimescaleLicense.probe(connection);
            } catch (SQLException e) {
                progress.accept("cannot tell TimescaleDB's license: " + SqlFailures.serverMessage(e));
            }
            edition = license == null ? null : EditionChoice.choose(license, featureMode);
        }
        List<Plan.Step> steps = new ArrayList<>();
        for (MigrationInfo migration : pending) {
            MigrationRecord record = record(migration);
            String unknown = edition == null ? ": it depends on TimescaleDB's license, which could not be told" : "";
            Script script = source.forward(record, edition).orElseThrow(() -> Failure.refused(
                    "cannot show the script of " + record.label() + unknown));
            steps.add(new Plan.Step("upgrade", record.version(), record.description(), script));
        }
        Edition branch = edition;
        initialRefresh().flatMap(refresh -> refresh.plan(steps, branch)).ifPresent(steps::add);
        return new Plan("upgrade", database.connection().describe(), database.schema(), license, edition, steps);
    }

    /** Refusals shared by upgrade and its dry run: bad targets, failed migrations. Returns the state read. */
    private StatusReport requireUpgradable(String target) {
        StatusReport before = statusOf(flyway(null));
        if (target != null) {
            requireKnownTarget(target, before);
        }
        if (!before.failed().isEmpty()) {
            MigrationRecord failed = before.failed().get(0);
            throw new Failure(Failure.Kind.VALIDATION, "the history records a failed migration, " + failed.label()
                    + ": repair it before upgrading (see MIGRATION_GUIDE, troubleshooting)");
        }
        return before;
    }

    private void migrate(Flyway flyway, Patience patience, List<UpgradeResult.Applied> applied) {
        Duration pause = patience.firstRetryPause();
        for (int attempt = 1; ; attempt++) {
            try {
                MigrateResult result = flyway.migrate();
                collect(result, applied);
                return;
            } catch (FlywayMigrateException e) {
                if (e.getErrorResult() != null) {
                    collect(e.getErrorResult(), applied);
                }
                logFailure(e);
                // Only a rolled-back step can simply run again; a non-transactional one may be half done.
                if (SqlFailures.isLockTimeout(e) && e.isExecutableInTransaction()
                        && attempt <= patience.lockTimeoutRetries()) {
                    progress.accept("lock_timeout while applying " + label(e.getMigration())
                            + " (another session holds a lock on its tables); retry " + attempt + " of "
                            + patience.lockTimeoutRetries() + " in " + pause.toMillis() + " ms");
                    Pause.sleep(pause);
                    pause = pause.multipliedBy(2);
                    continue;
                }
                throw migrationFailed(e);
            } catch (FlywayValidateException e) {
                throw new Failure(Failure.Kind.VALIDATION, "the applied migrations no longer match the bundled scripts: "
                        + firstLine(e.getMessage()) + " (run `intel-migrate status` for details)", e);
            } catch (FlywayException e) {
                if (e.getCause() instanceof Failure ours) {
                    throw ours; // raised by one of our callbacks (the lock guard): keep its kind
                }
                if (e.getMessage() != null && e.getMessage().contains("non-empty schema")) {
                    throw Failure.refused("schema " + database.schema() + " already holds objects but has no "
                            + HISTORY_TABLE + ": intel-migrate does not build the platform schema over objects it"
                            + " did not create; use an empty schema (--schema), or move the objects away (adopting an existing"
                            + " database with a baseline command is planned)");
                }
                throw translate(e, "upgrade failed");
            }
        }
    }

    /** A failed step's transaction rolled back, and its log entry with it: record it on a session of its own. */
    private void logFailure(FlywayMigrateException e) {
        MigrationInfo migration = e.getMigration();
        if (migration == null || migration.getVersion() == null) {
            return;
        }
        try (Connection connection = database.connect()) {
            operationsLog.recordFailure(connection, migration.getVersion().getVersion(), migration.getDescription(),
                    "upgrade", logCallback.started(), logCallback.elapsedMillis(), failureDetail(e));
        } catch (SQLException | RuntimeException ignored) {
            // the failure itself is what the operator needs to see; the log entry is best effort here
        }
    }

    private static String failureDetail(Throwable e) {
        SQLException sql = SqlFailures.findSqlException(e);
        return sql != null ? SqlFailures.serverMessage(sql) : firstLine(e.getMessage());
    }

    private static void collect(MigrateResult result, List<UpgradeResult.Applied> applied) {
        for (MigrateOutput output : result.migrations) {
            if (!Boolean.TRUE.equals(output.rolledBack) && output.version != null && !output.version.isEmpty()) {
                applied.add(new UpgradeResult.Applied(output.version, output.description, output.executionTime));
            }
        }
    }

    private Failure migrationFailed(FlywayMigrateException e) {
        SQLException sql = SqlFailures.findSqlException(e);
        String reason = sql != null ? SqlFailures.serverMessage(sql) : firstLine(e.getMessage());
        if (sql != null && sql.getSQLState() != null) {
            reason += " [SQLSTATE " + sql.getSQLState() + "]";
        }
        String where = label(e.getMigration());
        String state = e.isExecutableInTransaction()
                ? "it ran in a transaction that was rolled back, so the database is as before " + where
                : where + " is not transactional: the statements before the failing one stay applied; check the"
                        + " schema and finish or revert them by hand before retrying";
        // "Another migration is running" (4) only when nothing is left behind; a half-applied step is 5.
        Failure.Kind kind = SqlFailures.isLockTimeout(e) && e.isExecutableInTransaction()
                ? Failure.Kind.LOCK : Failure.Kind.MIGRATION;
        return new Failure(kind, where + " failed: " + reason + "; " + state, e);
    }

    // ------------------------------------------------------------------ helpers

    private ServerInfo requireReachable() {
        try (Connection connection = database.connect()) {
            return ServerInfo.read(connection);
        } catch (SQLException e) {
            throw SqlFailures.onConnect(e, database.connection());
        }
    }

    private void requireKnownTarget(String target, StatusReport before) {
        MigrationVersion wanted;
        try {
            wanted = MigrationVersion.fromVersion(target);
        } catch (FlywayException e) {
            throw Failure.refused("invalid target version '" + target + "'");
        }
        List<String> bundled = before.migrations().stream()
                .filter(m -> m.version() != null && !m.state().startsWith("future") && !m.state().startsWith("missing"))
                .map(MigrationRecord::version).toList();
        if (bundled.stream().noneMatch(v -> MigrationVersion.fromVersion(v).equals(wanted))) {
            throw Failure.refused("unknown target version " + target + ": the bundled versions are "
                    + String.join(", ", bundled));
        }
        if (before.current() != null
                && MigrationVersion.fromVersion(before.current().version()).isNewerThan(wanted.getVersion())) {
            throw Failure.refused("target " + target + " is below the current version " + before.current().version()
                    + "; use downgrade-to to go back");
        }
    }

    /** The step V2's community branch needs after it committed; bundled migrations only. */
    private Optional<InitialRefresh> initialRefresh() {
        return source instanceof BundledMigrations bundled
                ? Optional.of(new InitialRefresh(database, bundled.resources(), progress)) : Optional.empty();
    }

    private void completeTimescaleFeatures(Patience patience) {
        initialRefresh().ifPresent(refresh -> refresh.runIfPending(patience));
    }

    Flyway flyway(String target) {
        return flyway(target, null);
    }

    /** @param planned the TimescaleDB branch V2 takes if this instance applies it (it records its checksum) */
    Flyway flyway(String target, Edition planned) {
        var configuration = source.applyTo(Flyway.configure(MigrationService.class.getClassLoader()))
                .dataSource(database.dataSource())
                .schemas(database.schema())
                .defaultSchema(database.schema())
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .javaMigrations(TimescaleFeaturesMigration.against(source.javaMigrations(featureMode), database, planned))
                .callbacks(logCallback, serverWarnings, stepNotices, lockGuard)
                .placeholderReplacement(false)
                // Flyway's default lock is a transaction held open for the whole run, which
                // CREATE INDEX CONCURRENTLY waits for forever; our advisory lock serializes runs.
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .installedBy(installedBy)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .connectRetries(0)
                .ignoreMigrationPatterns("*:future", "*:pending");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private MigrationInfoService info(Flyway flyway) {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            throw translate(e, "cannot read the migration history");
        }
    }

    private StatusReport statusOf(Flyway flyway) {
        MigrationInfoService info = info(flyway);
        List<MigrationRecord> all = Arrays.stream(info.all()).map(MigrationService::record).toList();
        MigrationRecord current = current(all);
        String head = all.stream()
                .filter(r -> !r.state().startsWith("future") && !r.state().startsWith("missing"))
                .map(MigrationRecord::version)
                .reduce((a, b) -> b)
                .orElse(null);
        List<StatusReport.Problem> problems = new ArrayList<>();
        ValidateResult validation;
        try {
            validation = flyway.validateWithResult();
        } catch (FlywayException e) {
            throw translate(e, "cannot validate the migration history");
        }
        if (!validation.validationSuccessful && validation.invalidMigrations != null) {
            for (ValidateOutput invalid : validation.invalidMigrations) {
                String kind = invalid.errorDetails == null || invalid.errorDetails.errorCode == null
                        ? "invalid" : invalid.errorDetails.errorCode.toString().toLowerCase(Locale.ROOT);
                String message = invalid.errorDetails == null ? "" : firstLine(invalid.errorDetails.errorMessage);
                problems.add(new StatusReport.Problem(invalid.version, invalid.description, kind, message));
            }
        }
        MigrationSource.Inventory inventory = source.inventory();
        long resolved = Arrays.stream(info.all())
                .filter(i -> i.getVersion() != null && i.getState().isResolved()).count();
        if (source instanceof BundledMigrations && resolved < inventory.migrations()) {
            throw BundledResources.missing("Flyway resolved " + resolved + " of the " + inventory.migrations()
                    + " bundled migrations");
        }
        return new StatusReport(
                database.connection().describe(),
                database.schema(),
                inventory,
                current,
                head,
                (int) all.stream().filter(r -> r.applied() && r.version() != null && r.state().equals("success")).count(),
                all.stream().filter(r -> r.state().equals("pending")).toList(),
                all.stream().filter(r -> r.state().contains("failed")).toList(),
                problems,
                all.stream().filter(r -> r.state().startsWith("future")).toList(),
                all);
    }

    /**
     * The newest successfully applied version. Not Flyway's info.current(): that can be
     * the "<< Flyway Schema Creation >>" marker row, which has no version.
     */
    private static final java.util.Set<String> CURRENT_STATES =
            java.util.Set.of("success", "baseline", "future_success", "out_of_order");

    static MigrationRecord current(List<MigrationRecord> all) {
        return all.stream()
                .filter(r -> r.applied() && r.version() != null && CURRENT_STATES.contains(r.state()))
                .max(java.util.Comparator.comparing(r -> MigrationVersion.fromVersion(r.version())))
                .orElse(null);
    }

    /** The bundled, license-dependent version 2 (a Java step; a directory's V2 is plain SQL). */
    private static boolean isTimescaleFeatures(MigrationRecord migration) {
        return TimescaleFeaturesMigration.VERSION.equals(migration.version()) && "JDBC".equals(migration.type());
    }

    static MigrationRecord record(MigrationInfo info) {
        return new MigrationRecord(
                info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(),
                info.getType() == null ? null : info.getType().name(),
                info.getState().name().toLowerCase(Locale.ROOT),
                info.getScript(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                info.getInstalledBy(),
                info.getInstalledOn() == null ? null : info.getExecutionTime(),
                info.getChecksum(),
                info.getInstalledRank());
    }

    private static String label(MigrationInfo info) {
        return info == null ? "a migration" : "V" + info.getVersion() + " " + info.getDescription();
    }

    private Failure translate(FlywayException e, String what) {
        SQLException sql = SqlFailures.findSqlException(e);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return SqlFailures.onConnect(sql, database.connection());
        }
        String reason = sql != null ? SqlFailures.serverMessage(sql) : firstLine(e.getMessage());
        return new Failure(Failure.Kind.MIGRATION, what + ": " + reason, e);
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline >= 0 ? trimmed.substring(0, newline).strip() : trimmed;
    }

}
