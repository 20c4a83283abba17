package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Backend;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Extensions;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.timescale.TimescaleLicense;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies and reports the bundled migrations through Flyway. Flyway owns the history
 * table and the execution of each script; this class adds what operators need around
 * it: refusals before anything changes, one bounded lock shared by every
 * schema-changing command, retries of lock timeouts, and reports as data. Flyway's
 * configuration, the status read, the dry run and the wording of failures live in
 * {@link FlywayFactory}, {@link StatusReader}, {@link UpgradeDryRun} and {@link FlywayFailures}.
 */
public final class MigrationService {

    public static final String HISTORY_TABLE = "flyway_schema_history";

    private final Database database;
    private final MigrationSource source;
    private final FeatureMode featureMode;
    private final Consumer<String> progress;
    private final OperationsLog operationsLog;
    private final OperationsLogCallback logCallback;
    private final StepNotices stepNotices;
    private final LockGuardCallback lockGuard = new LockGuardCallback();
    private final StepTracker steps = new StepTracker();
    private final FlywayFactory flyways;
    private final StatusReader statusReader;
    private final String installedBy;

    public MigrationService(Database database, MigrationSource source, FeatureMode featureMode, String installedBy,
                            Consumer<String> progress) {
        this.database = database;
        this.source = source;
        this.featureMode = featureMode;
        this.progress = progress;
        this.operationsLog = new OperationsLog(database.schema());
        this.logCallback = new OperationsLogCallback(operationsLog);
        this.stepNotices = new StepNotices(progress);
        // The tracker last: a step counts as done only once every other callback accepted it.
        this.flyways = new FlywayFactory(database, source, featureMode, installedBy,
                List.of(logCallback, new ServerWarnings(progress), stepNotices, lockGuard, steps));
        this.statusReader = new StatusReader(database, source, operationsLog);
        this.installedBy = installedBy;
    }

    /** Who the history names for what this run records: user@host. */
    public String installedBy() {
        return installedBy;
    }

    public OperationsLog operationsLog() {
        return operationsLog;
    }

    public Database database() {
        return database;
    }

    public MigrationSource source() {
        return source;
    }

    // ------------------------------------------------------------------ reading

    public StatusReport status() {
        Preflight.reach(database);
        return statusReader.of(flyways.reading());
    }

    public HistoryReport history() {
        Preflight.reach(database);
        return statusReader.history(flyways.reading());
    }

    /**
     * The bundled migrations up to {@code version}, as the history would record them if V2 ran
     * on {@code edition}'s branch: Flyway's own type, script and checksum for each.
     */
    public List<MigrationRecord> bundledUpTo(String version, Edition edition) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        return statusReader.of(flyways.applying(null, edition)).migrations().stream()
                .filter(m -> m.version() != null && m.state().bundled() && !"BASELINE".equals(m.type())
                        && !MigrationVersion.fromVersion(m.version()).isNewerThan(limit.getVersion()))
                .toList();
    }

    /** The floor of downgrades (see {@link BaselineFloor}); reads the history and the operations log. */
    public Optional<String> baselineFloor(StatusReport state) {
        try (Connection connection = database.connect()) {
            return BaselineFloor.of(state, operationsLog.latestBaseline(connection));
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the operations log: "
                    + SqlFailures.serverMessage(e), e);
        }
    }

    /** The upgrade --dry-run (see {@link UpgradeDryRun}). */
    public Plan planUpgrade(String target) {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        return new UpgradeDryRun(database, source, featureMode, progress)
                .plan(server, statusReader.of(flyways.reading()), target, initialRefresh());
    }

    // ------------------------------------------------------------------ upgrade

    /**
     * Applies pending migrations up to {@code target} (null: the bundled head).
     *
     * @throws Failure refused (unknown target, target below current, read-only,
     *                 missing extensions, license), lock, migration or validation failures
     */
    public UpgradeResult upgrade(String target, Patience patience) {
        return upgrade(target, patience, pending -> { });
    }

    /**
     * {@link #upgrade(String, Patience)}, with a look at the pending migrations under the lock before
     * anything changes (lint); {@code beforeApplying} may refuse by throwing a {@link Failure}.
     */
    public UpgradeResult upgrade(String target, Patience patience, Consumer<List<MigrationRecord>> beforeApplying) {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        Preflight.requireWritable(server);

        try (MigrationLock lock = MigrationLock.acquire(database, patience.lockWait(), progress)) {
            lockGuard.guard(lock);
            // Checked under the lock: a concurrent downgrade may be dropping the very catalog read here.
            StatusReport before = statusReader.of(flyways.reading());
            List<MigrationRecord> pending = UpgradeChecks.pending(before, target);
            if (!before.problems().isEmpty()) {
                StatusReport.Problem problem = before.problems().get(0);
                throw FlywayFailures.mismatch("V" + problem.version() + " " + problem.description() + ": "
                        + problem.kind());
            }
            beforeApplying.accept(pending);
            String license;
            Edition edition;
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
                edition = UpgradeChecks.edition(connection, source, featureMode, database.schema(), before,
                        !pending.isEmpty(), license);
                if (!pending.isEmpty()) {
                    // The trial's rolled-back CREATE EXTENSION leaves TimescaleDB's library loaded in this
                    // server process: a session pooler must not hand it to the session that creates it for real.
                    Backend.retireIfPooled(connection);
                }
            } catch (SQLException e) {
                throw SqlFailures.whilePreparing(e, "cannot prepare the upgrade",
                        "grant this role that privilege, or run as a role that has it");
            }
            if (edition == Edition.APACHE && pending.stream().anyMatch(UpgradeChecks::isTimescaleFeatures)) {
                // Said when version 2 begins, not now: refusals may still come (a non-empty schema, an earlier step).
                stepNotices.announce(TimescaleFeaturesMigration.VERSION, "TimescaleDB runs under the Apache license:"
                        + " skipping " + String.join("; ", edition.skippedFeatures));
            }
            if (pending.isEmpty()) {
                completeTimescaleFeatures(patience);
                // Nothing to do: the state read under the lock is the state after.
                return new UpgradeResult(before.currentVersion(), target, List.of(), license, edition, false, before);
            }
            List<UpgradeResult.Applied> applied = migrate(flyways.applying(target, edition), edition, patience);
            completeTimescaleFeatures(patience);
            boolean featuresApplied = source instanceof BundledMigrations
                    && applied.stream().anyMatch(a -> a.version().equals(TimescaleFeaturesMigration.VERSION));
            return new UpgradeResult(before.currentVersion(), target, applied, license, edition, featuresApplied,
                    statusReader.of(flyways.reading()));
        }
    }

    /** Runs Flyway's migrate, again after a lock timeout of a step that rolled back; returns the steps applied. */
    private List<UpgradeResult.Applied> migrate(Flyway flyway, Edition edition, Patience patience) {
        List<UpgradeResult.Applied> applied = new ArrayList<>();
        StepRetries retries = patience.retries(progress);
        while (true) {
            steps.reset();
            try {
                MigrateResult result = flyway.migrate();
                for (MigrateOutput output : result.migrations) {
                    if (!Boolean.TRUE.equals(output.rolledBack) && output.version != null && !output.version.isEmpty()) {
                        applied.add(new UpgradeResult.Applied(output.version, output.description, output.executionTime));
                    }
                }
                return applied;
            } catch (FlywayException e) {
                applied.addAll(steps.completed());
                Optional<MigrationInfo> failed = steps.failed();
                if (failed.isEmpty()) {
                    throw failedOutsideSteps(e);
                }
                MigrationInfo step = failed.get();
                boolean transactional = transactional(step, edition);
                logFailure(step, e);
                String label = StepCallback.label(step);
                if (retries.again(e, transactional, "applying " + label
                        + " (another session holds a lock on its tables)")) {
                    continue;
                }
                throw FlywayFailures.stepFailed(label, e, transactional);
            }
        }
    }

    private Failure failedOutsideSteps(FlywayException e) {
        Failure ours = FlywayFailures.ours(e);
        if (ours != null) {
            return ours; // raised by one of our callbacks (the lock guard): keep its kind
        }
        if (e instanceof FlywayValidateException) {
            return FlywayFailures.mismatch(SqlFailures.firstLine(e.getMessage()));
        }
        if (FlywayFailures.isNonEmptySchema(e)) {
            return FlywayFailures.nonEmptySchema(database.schema());
        }
        return FlywayFailures.translate(e, "upgrade failed", database.connection());
    }

    /** Whether a step ran in one transaction, so that its failure left nothing behind: its script says. */
    private boolean transactional(MigrationInfo step, Edition edition) {
        return source.forward(StatusReader.record(step), edition).map(Script::transactional).orElse(false);
    }

    /** A failed step's transaction rolled back, and its log entry with it: record it on a session of its own. */
    private void logFailure(MigrationInfo step, Throwable e) {
        if (step.getVersion() == null) {
            return;
        }
        SQLException sql = SqlFailures.findSqlException(e);
        String detail = sql != null ? SqlFailures.serverMessage(sql) : SqlFailures.firstLine(e.getMessage());
        try (Connection connection = database.connect()) {
            operationsLog.recordFailure(connection, step.getVersion().getVersion(), step.getDescription(),
                    "upgrade", logCallback.started(), logCallback.elapsedMillis(), detail);
        } catch (SQLException | RuntimeException ignored) {
            // the failure itself is what the operator needs to see; the log entry is best effort here
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
}
