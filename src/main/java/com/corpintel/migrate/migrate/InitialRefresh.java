package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.db.SqlStatements;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.RecordedBranch;
import com.corpintel.migrate.timescale.TimescaleLicense;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The step `upgrade` runs after V2's community branch has committed: the continuous
 * aggregate's initial full refresh (see its script for why it exists). It cannot run in
 * a transaction, so it is no Flyway step: it runs on a session of its own in autocommit,
 * under the caller's migration lock. Its completion is an operations-log entry; until
 * one exists newer than V2's own entry, every upgrade runs it again (after a kill, a
 * failure, or on a database migrated before it existed). The refresh is idempotent.
 */
final class InitialRefresh {

    static final String DESCRIPTION = "initial refresh of daily_metrics_summary";
    static final String SCRIPT = BundledMigrations.TIMESCALE_DIRECTORY + "V2__timescale_features.community.refresh.sql";

    private final Database database;
    private final BundledResources resources;
    private final Consumer<String> progress;
    private final OperationsLog operationsLog;
    private final TimescaleFeaturesRecord record;

    InitialRefresh(Database database, BundledResources resources, Consumer<String> progress) {
        this.database = database;
        this.resources = resources;
        this.progress = progress;
        this.operationsLog = new OperationsLog(database.schema());
        this.record = new TimescaleFeaturesRecord(database.schema(), resources);
    }

    /**
     * Pending when V2 ran the community branch and no completed refresh is logged after V2's
     * newest entry. A V2 applied by a binary that kept no operations log has no entry: any
     * completed refresh then counts.
     */
    static boolean pending(Optional<RecordedBranch> branch, Optional<OperationsLog.Entry> features,
                           Optional<OperationsLog.Entry> refreshed) {
        if (branch.isEmpty() || branch.get().edition() != Edition.COMMUNITY) {
            return false;
        }
        return refreshed.isEmpty() || features.map(f -> f.id() > refreshed.get().id()).orElse(false);
    }

    Script script() {
        return new Script(SCRIPT, resources.require(SCRIPT), false);
    }

    /**
     * For the dry run: the refresh step after V2 when V2 takes the community branch in this
     * plan, or when V2 is applied with its refresh pending and the server can run it.
     */
    Optional<Plan.Step> plan(List<Plan.Step> steps, Edition edition) {
        boolean featuresPlanned = steps.stream().anyMatch(s -> TimescaleFeaturesMigration.VERSION.equals(s.version()));
        if (featuresPlanned) {
            return edition == Edition.COMMUNITY ? Optional.of(step()) : Optional.empty();
        }
        try (Connection connection = database.connect()) {
            Optional<RecordedBranch> pending = pendingBranch(connection);
            return pending.isPresent() && blocked(connection, pending.get()).isEmpty()
                    ? Optional.of(step()) : Optional.empty();
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the operations log: " + SqlFailures.serverMessage(e), e);
        }
    }

    private Plan.Step step() {
        return new Plan.Step("upgrade", TimescaleFeaturesMigration.VERSION, DESCRIPTION, script());
    }

    /** Runs the refresh when it is pending and this server can; retries lock timeouts like a step. */
    void runIfPending(Patience patience) {
        boolean due;
        try (Connection connection = database.connect()) {
            due = due(connection);
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the operations log: " + SqlFailures.serverMessage(e), e);
        }
        if (due) {
            run(patience);
        }
    }

    /**
     * Whether the refresh is pending and this server can run it (saying why not when it cannot),
     * read on the caller's session: a no-op upgrade asks on the session it prepared with.
     */
    boolean due(Connection connection) {
        try {
            Optional<RecordedBranch> pending = pendingBranch(connection);
            if (pending.isEmpty()) {
                return false;
            }
            Optional<String> blocked = blocked(connection, pending.get());
            if (blocked.isPresent()) {
                progress.accept(blocked.get());
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the operations log: " + SqlFailures.serverMessage(e), e);
        }
    }

    /** Runs the refresh, {@link #due} or not; retries lock timeouts like a step. */
    void run(Patience patience) {
        StepRetries retries = patience.retries(progress);
        while (true) {
            Instant started = Instant.now();
            long start = System.nanoTime();
            try (Connection connection = database.connect()) {
                refresh(connection, started, start);
                progress.accept(DESCRIPTION + " (after V2's community branch): done in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
                return;
            } catch (SQLException e) {
                logFailure(started, start, e);
                // Safe to run again whatever it did before it timed out: it only recomputes the summary.
                if (retries.again(e, true, "running the " + DESCRIPTION)) {
                    continue;
                }
                throw new Failure(Failure.Kind.MIGRATION, "V2 is applied, but its " + DESCRIPTION + " (" + SCRIPT
                        + ") failed: " + StepRetries.reason(e) + "; the summary holds only what the refresh policy materialized (the last 3 days)."
                        + " The schema is complete; the next `upgrade` runs the refresh again (if it ran out of"
                        + " time, give it a larger --statement-timeout)", e);
            }
        }
    }

    /** The recorded (community) branch when the refresh is pending, else empty. */
    private Optional<RecordedBranch> pendingBranch(Connection connection) throws SQLException {
        Optional<TimescaleFeaturesRecord.Applied> applied = record.applied(connection);
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        Optional<RecordedBranch> branch = record.branch(connection, applied.get());
        boolean pending = pending(branch,
                operationsLog.latestUpgrade(connection, TimescaleFeaturesMigration.VERSION,
                        TimescaleFeaturesMigration.DESCRIPTION),
                operationsLog.latestUpgrade(connection, TimescaleFeaturesMigration.VERSION, DESCRIPTION));
        return pending ? branch : Optional.empty();
    }

    /** Why the refresh cannot run on this server now (it needs the community license), or empty. */
    private static Optional<String> blocked(Connection connection, RecordedBranch branch) throws SQLException {
        return branch.disagreement(TimescaleLicense.ofInstalled(connection).orElse(null))
                .map(mismatch -> mismatch + ": the " + DESCRIPTION + " needs the community license and did not"
                        + " run; the next `upgrade` on a server with that license runs it");
    }

    /** In autocommit, as the procedure requires; the completion entry in a transaction of its own. */
    private void refresh(Connection connection, Instant started, long startNanos) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(Identifiers.setSearchPath(database.schema()));
            for (String sql : SqlStatements.split(script().sql())) {
                statement.execute(sql);
            }
        }
        connection.setAutoCommit(false);
        try {
            operationsLog.ensureExists(connection);
            operationsLog.record(connection, TimescaleFeaturesMigration.VERSION, DESCRIPTION, "upgrade", true, started,
                    (System.nanoTime() - startNanos) / 1_000_000, SCRIPT);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private void logFailure(Instant started, long startNanos, SQLException e) {
        try (Connection connection = database.connect()) {
            operationsLog.recordFailure(connection, TimescaleFeaturesMigration.VERSION, DESCRIPTION, "upgrade",
                    started, (System.nanoTime() - startNanos) / 1_000_000, SqlFailures.serverMessage(e));
        } catch (SQLException | RuntimeException ignored) {
            // best effort: the failure itself is reported to the operator
        }
    }
}
