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
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies and reports the migrations. Where the history stands is read as Flyway 12 reads it, with
 * one query on a session this class already holds and without a Flyway instance
 * ({@link StatusReader}; Flyway's own reading only for histories that port does not cover). The
 * steps themselves run in {@link UpgradeRunner}, which writes Flyway's history format, so that applying N
 * migrations costs O(N) where Flyway's migrate costs O(N²) (see there). This class adds what
 * operators need around them: refusals before anything changes, one bounded lock shared by every
 * schema-changing command, retries of lock timeouts, and reports as data. Flyway's
 * configuration, the dry run and the wording of failures live in {@link FlywayFactory},
 * {@link UpgradeDryRun} and {@link FlywayFailures}.
 */
public final class MigrationService {

    public static final String HISTORY_TABLE = "flyway_schema_history";

    private final Database database;
    private final MigrationSource source;
    private final FeatureMode featureMode;
    private final Consumer<String> progress;
    private final OperationsLog operationsLog;
    private final StatusReader statusReader;
    private final String installedBy;

    public MigrationService(Database database, MigrationSource source, FeatureMode featureMode, String installedBy,
                            Consumer<String> progress) {
        this.database = database;
        this.source = source;
        this.featureMode = featureMode;
        this.progress = progress;
        this.operationsLog = new OperationsLog(database.schema());
        this.statusReader = new StatusReader(database, source, operationsLog,
                new FlywayFactory(database, source, featureMode, installedBy));
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
        PhaseTimings phases = PhaseTimings.fromEnvironment("status");
        return onReachedSession(reached -> {
            phases.mark("reach");
            return statusReader.of(reached.session(), null, phases);
        });
    }

    public HistoryReport history() {
        return onReachedSession(reached -> statusReader.history(reached.session()));
    }

    /** Reaches the server and reads on that same session, then closes it: one session, not two. */
    private <T> T onReachedSession(Function<Preflight.Reached, T> read) {
        Preflight.Reached reached = Preflight.reachKeeping(database);
        try (Connection session = reached.session()) {
            return read.apply(reached);
        } catch (SQLException e) {
            throw SqlFailures.onConnect(e, database.connection());
        }
    }

    /**
     * The bundled migrations up to {@code version}, as the history would record them if V2 ran
     * on {@code edition}'s branch: Flyway's own type, script and checksum for each.
     */
    public List<MigrationRecord> bundledUpTo(String version, Edition edition) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        try (Connection connection = database.connect()) {
            return statusReader.of(connection, edition, PhaseTimings.off()).migrations().stream()
                    .filter(m -> m.version() != null && m.state().bundled() && !"BASELINE".equals(m.type())
                            && !MigrationVersion.fromVersion(m.version()).isNewerThan(limit.getVersion()))
                    .toList();
        } catch (SQLException e) {
            throw SqlFailures.onConnect(e, database.connection());
        }
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
        record Read(ServerInfo server, StatusReport before) {
        }
        // The session is closed before planning, which opens one of its own.
        Read read = onReachedSession(reached -> {
            Preflight.requireSupportedServer(reached.server());
            return new Read(reached.server(), statusReader.of(reached.session(), null, PhaseTimings.off()));
        });
        return new UpgradeDryRun(database, source, featureMode, progress)
                .plan(read.server(), read.before(), target, initialRefresh());
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
        PhaseTimings phases = PhaseTimings.fromEnvironment("upgrade");
        // The session that checks the server goes on to hold the lock: one session fewer.
        Preflight.Reached reached = Preflight.reachKeeping(database);
        try {
            Preflight.requireSupportedServer(reached.server());
            Preflight.requireWritable(reached.server());
        } catch (RuntimeException e) {
            reached.close();
            throw e;
        }
        phases.mark("reach");

        try (MigrationLock lock = MigrationLock.acquire(database, reached.session(), patience.lockWait(), progress)) {
            phases.mark("lock");
            StatusReport before;
            List<MigrationRecord> pending;
            String license;
            Edition edition;
            boolean refreshDue = false;
            // The session that prepares the upgrade reads the history first: one session for both.
            try (Connection connection = database.connect()) {
                // Read once, under the lock: a concurrent downgrade may be dropping the very catalog read here.
                before = statusReader.of(connection, null, phases);
                pending = UpgradeChecks.pending(before, target);
                if (!before.problems().isEmpty()) {
                    StatusReport.Problem problem = before.problems().get(0);
                    throw FlywayFailures.mismatch("V" + problem.version() + " " + problem.description() + ": "
                            + problem.kind());
                }
                beforeApplying.accept(pending);
                if (!pending.isEmpty()) {
                    Extensions extensions = Extensions.read(connection);
                    Preflight.requireExtensions(extensions);
                    // What a role may not do is refused here, before anything changes, not halfway through V1.
                    UpgradeTrial.Outcome trial = UpgradeTrial.license(connection, UpgradeTrial.missing(extensions),
                            database.connection().database(), licenseNeeded(pending));
                    license = trial.license();
                    if (before.current() == null) {
                        UpgradeTrial.createInSchema(connection, database.schema());
                    }
                    if (trial.libraryLoaded()) {
                        // TimescaleDB's library stays loaded in this server process (after LOAD or a rolled-back
                        // CREATE EXTENSION): a session pooler must not hand it to the session that creates it for real.
                        Backend.retireIfPooled(connection);
                    }
                } else {
                    license = TimescaleLicense.ofInstalled(connection).orElse(null);
                }
                edition = UpgradeChecks.edition(connection, source, featureMode, database.schema(), before,
                        licenseNeeded(pending), license);
                if (pending.isEmpty()) {
                    // Asked on this session rather than a new one: a no-op upgrade opens no more than it must.
                    refreshDue = initialRefresh().map(refresh -> refresh.due(connection)).orElse(false);
                }
            } catch (SQLException e) {
                throw SqlFailures.whilePreparing(e, "cannot prepare the upgrade",
                        "grant this role that privilege, or run as a role that has it");
            }
            phases.mark("prepare");
            if (pending.isEmpty()) {
                if (refreshDue) {
                    initialRefresh().ifPresent(refresh -> refresh.run(patience));
                }
                phases.mark("initial refresh");
                // Nothing to do: the state read under the lock is the state after.
                return new UpgradeResult(before.currentVersion(), target, List.of(), license, edition, false, before);
            }
            UpgradeRunner runner = new UpgradeRunner(database, source, operationsLog, installedBy, progress);
            if (edition == Edition.APACHE && pending.stream().anyMatch(UpgradeChecks::isTimescaleFeatures)) {
                // Said when version 2 begins, not now: refusals may still come (a non-empty schema, an earlier step).
                runner.announce(TimescaleFeaturesMigration.VERSION, "TimescaleDB runs under the Apache license:"
                        + " skipping " + String.join("; ", edition.skippedFeatures));
            }
            List<MigrationRecord> applied = runner.apply(withPlannedBranch(pending, edition), edition,
                    timescaleFeatures(), lock, patience);
            phases.mark("apply " + applied.size());
            completeTimescaleFeatures(patience);
            phases.mark("initial refresh");
            boolean featuresApplied = source instanceof BundledMigrations
                    && applied.stream().anyMatch(a -> a.version().equals(TimescaleFeaturesMigration.VERSION));
            return new UpgradeResult(before.currentVersion(), target,
                    applied.stream().map(a -> new UpgradeResult.Applied(a.version(), a.description(),
                            a.executionMillis())).toList(),
                    license, edition, featuresApplied, before.afterApplying(applied));
        }
    }

    /** The license decides something: version 2 is among the steps, or --timescale-features=required. */
    private boolean licenseNeeded(List<MigrationRecord> pending) {
        return UpgradeChecks.licenseNeeded(source, featureMode, pending);
    }

    /**
     * The pending records as the history records them: version 2's checksum is that of the branch
     * the upgrade planned (the status read resolved it from what the server had then, if anything).
     */
    private List<MigrationRecord> withPlannedBranch(List<MigrationRecord> pending, Edition edition) {
        if (!(source instanceof BundledMigrations bundled) || edition == null) {
            return pending;
        }
        int checksum = TimescaleFeaturesMigration.checksum(edition, bundled.resources());
        return pending.stream()
                .map(m -> UpgradeChecks.isTimescaleFeatures(m)
                        ? new MigrationRecord(m.version(), m.description(), m.type(), m.state(), m.script(),
                        m.installedOn(), m.installedBy(), m.executionMillis(), checksum, m.installedRank())
                        : m)
                .toList();
    }

    /** The bundled version 2's Java step, or null for a directory set. */
    private TimescaleFeaturesMigration timescaleFeatures() {
        return source.javaMigrations(featureMode).stream()
                .filter(TimescaleFeaturesMigration.class::isInstance)
                .map(TimescaleFeaturesMigration.class::cast)
                .findFirst().orElse(null);
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
