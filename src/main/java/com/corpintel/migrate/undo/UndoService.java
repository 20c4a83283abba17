package com.corpintel.migrate.undo;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Backend;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.db.SqlStatements;
import com.corpintel.migrate.db.Transactions;
import com.corpintel.migrate.migrate.BaselineFloor;
import com.corpintel.migrate.migrate.FollowedBranch;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.MigrationSource;
import com.corpintel.migrate.migrate.OperationsLog;
import com.corpintel.migrate.migrate.Patience;
import com.corpintel.migrate.migrate.Plan;
import com.corpintel.migrate.migrate.Preflight;
import com.corpintel.migrate.migrate.Script;
import com.corpintel.migrate.migrate.ServerWarnings;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.migrate.StepRetries;
import com.corpintel.migrate.migrate.TimescaleFeaturesMigration;
import com.corpintel.migrate.timescale.Edition;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reverts applied migrations with their undo scripts, newest first. Flyway's
 * community edition has no undo; this adds it on the same history table and lock.
 * Each step is one transaction holding the undo script, the removal of its
 * history row and its operations-log entry, so a crash never leaves the history
 * claiming a state the schema is not in. Everything that can be refused is
 * refused before the first step.
 */
public final class UndoService {

    /** Spelling of "nothing applied" for downgrade-to. */
    public static final String NOTHING = "0";

    /** Either the last {@code steps} migrations, or down to {@code target}. */
    public record Request(Integer steps, String target) {

        public static Request last(int steps) {
            return new Request(steps, null);
        }

        public static Request to(String target) {
            return new Request(null, target);
        }
    }

    private final MigrationService migrations;
    private final Database database;
    private final Consumer<String> progress;
    private final OperationsLog operationsLog;

    public UndoService(MigrationService migrations, Consumer<String> progress) {
        this.migrations = migrations;
        this.database = migrations.database();
        this.progress = progress;
        this.operationsLog = new OperationsLog(database.schema());
    }

    /** The downgrade --dry-run: the undo scripts that would run, in order. Changes nothing; refuses as a run would. */
    public Plan plan(Request request) {
        StatusReport state = migrations.status();
        FollowedBranch branch = branch();
        List<Plan.Step> steps = steps(request, state, branch.edition(), migrations.baselineFloor(state));
        requireUndoableHere(steps, branch);
        return new Plan(request.target() != null ? "downgrade-to" : "downgrade", state.database(), state.schema(),
                branch.license(), branch.edition(), steps);
    }

    public DowngradeResult downgrade(Request request, Patience patience, boolean allowDataLoss) {
        requireWritable();
        try (MigrationLock lock = MigrationLock.acquire(database, patience.lockWait(), progress)) {
            StatusReport before = migrations.status();
            FollowedBranch branch = branch();
            List<Plan.Step> steps = steps(request, before, branch.edition(), migrations.baselineFloor(before));
            requireUndoableHere(steps, branch);
            List<String> dataLoss = dataLoss(steps);
            if (!dataLoss.isEmpty() && !allowDataLoss) {
                throw Failure.refused("this downgrade destroys data that no upgrade brings back: "
                        + String.join("; ", dataLoss) + ". Take a backup, then pass --allow-data-loss"
                        + " (preview with --dry-run)");
            }
            dataLoss.forEach(loss -> progress.accept("data loss accepted: " + loss));
            List<DowngradeResult.Reverted> reverted = new ArrayList<>();
            for (Plan.Step step : steps) {
                lock.requireHeld("undo of " + step.label());
                reverted.add(revert(step, patience, reverted.size(), steps.size()));
            }
            return new DowngradeResult(before.currentVersion(), request.target(), reverted, dataLoss,
                    migrations.status());
        }
    }

    static List<String> dataLoss(List<Plan.Step> steps) {
        List<String> losses = new ArrayList<>();
        for (Plan.Step step : steps) {
            for (String loss : step.script().dataLoss()) {
                losses.add(step.label() + ": " + loss);
            }
        }
        return losses;
    }

    // ------------------------------------------------------------------ planning

    /** The TimescaleDB branch the undo scripts follow: the one the applied V2 recorded, else the license's. */
    private FollowedBranch branch() {
        try (Connection connection = database.connect()) {
            return FollowedBranch.read(connection, migrations.source(), database.schema());
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read which TimescaleDB branch V2 ran: "
                    + SqlFailures.serverMessage(e), e);
        }
    }

    /**
     * Refuses, before anything changes, to revert V2 with community functions the server no
     * longer has; otherwise says when the license and the recorded branch disagree.
     */
    void requireUndoableHere(List<Plan.Step> steps, FollowedBranch branch) {
        Optional<Plan.Step> featuresUndo = steps.stream()
                .filter(s -> TimescaleFeaturesMigration.VERSION.equals(s.version())).findFirst();
        Optional<String> refusal = branch.refusal();
        if (featuresUndo.isPresent() && refusal.isPresent()) {
            throw Failure.refused(refusal.get() + ": " + featuresUndo.get().script().path() + " needs TimescaleDB's community-licensed functions"
                    + " (remove_*_policy, decompress_chunk) to take back compression, compressed chunks, the policies"
                    + " and the continuous aggregate, and this server lacks them; nothing was changed. Start the"
                    + " server with TimescaleDB's community license, then downgrade again");
        }
        branch.disagreement().ifPresent(mismatch ->
                progress.accept(mismatch + ": the undo scripts follow the recorded branch"));
    }

    List<Plan.Step> steps(Request request, StatusReport state, Edition edition) {
        return steps(request, state, edition, BaselineFloor.of(state, Optional.empty()));
    }

    /**
     * The steps to run, newest first, or a refusal naming what is wrong. Pure apart from reading scripts.
     *
     * @param floor the baseline no downgrade goes below ({@link BaselineFloor})
     */
    List<Plan.Step> steps(Request request, StatusReport state, Edition edition, Optional<String> floor) {
        if (!state.failed().isEmpty()) {
            throw new Failure(Failure.Kind.VALIDATION, "the history records a failed migration, "
                    + state.failed().get(0).label() + ": run `intel-migrate repair` (it lists what to do; --apply does it)"
                    + " before downgrading");
        }
        List<MigrationRecord> applied = state.migrations().stream()
                .filter(m -> m.applied() && m.version() != null && !"BASELINE".equals(m.type())
                        && !"SCHEMA".equals(m.type()) && !m.state().failed())
                .sorted(Comparator.comparing((MigrationRecord m) -> MigrationVersion.fromVersion(m.version())).reversed())
                .toList();
        String baseline = floor.orElse(null);
        if (baseline != null) {
            // Versions a baseline recorded without running are not revertible: their scripts did not build them.
            MigrationVersion lowest = MigrationVersion.fromVersion(baseline);
            applied = applied.stream()
                    .filter(m -> MigrationVersion.fromVersion(m.version()).isNewerThan(lowest.getVersion()))
                    .toList();
        }

        List<MigrationRecord> toRevert = request.target() == null
                ? byCount(request.steps(), applied, baseline)
                : byTarget(request.target(), applied, baseline, state);

        for (MigrationRecord migration : toRevert) {
            state.problems().stream()
                    .filter(p -> migration.version().equals(p.version()))
                    .findFirst()
                    .ifPresent(p -> {
                        throw new Failure(Failure.Kind.VALIDATION, migration.label() + ": " + p.kind()
                                + (p.message().isEmpty() ? "" : " (" + p.message() + ")")
                                + " — its undo script was written for the schema the bundled script builds,"
                                + " not for the one this database has");
                    });
        }

        List<String> missing = new ArrayList<>();
        List<Plan.Step> steps = new ArrayList<>();
        for (MigrationRecord migration : toRevert) {
            migrations.source().undo(migration, edition).ifPresentOrElse(
                    script -> steps.add(new Plan.Step("downgrade", migration.version(), migration.description(), script)),
                    () -> missing.add(undoName(migration)));
        }
        if (!missing.isEmpty()) {
            throw Failure.refused("missing undo script" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " in " + migrations.source().describe() + ": nothing was reverted");
        }
        return steps;
    }

    private static String undoName(MigrationRecord migration) {
        return MigrationSource.undoStem(migration) + ".sql";
    }

    private static List<MigrationRecord> byCount(Integer steps, List<MigrationRecord> applied, String baseline) {
        int count = steps == null ? 1 : steps;
        if (count < 1) {
            throw Failure.usage("the number of migrations to revert must be at least 1, not " + count);
        }
        if (count > applied.size()) {
            throw Failure.refused("cannot revert " + count + " migrations: only " + applied.size()
                    + " applied migration" + (applied.size() == 1 ? " is" : "s are") + " revertible"
                    + (baseline == null ? "" : " above the baseline " + baseline));
        }
        return applied.subList(0, count);
    }

    private static List<MigrationRecord> byTarget(String target, List<MigrationRecord> applied, String baseline,
                                                  StatusReport state) {
        MigrationVersion wanted;
        try {
            wanted = MigrationVersion.fromVersion(target);
        } catch (RuntimeException e) {
            throw Failure.refused("invalid target version '" + target + "'");
        }
        boolean nothing = NOTHING.equals(target);
        if (baseline != null && (nothing || MigrationVersion.fromVersion(baseline).isNewerThan(wanted.getVersion()))) {
            throw Failure.refused("target " + target + " is below the baseline " + baseline
                    + ": the migrations up to the baseline were never run by intel-migrate (recorded as already"
                    + " there), and it does not undo a schema it did not build");
        }
        boolean known = nothing || (baseline != null && MigrationVersion.fromVersion(baseline).equals(wanted))
                || applied.stream().anyMatch(m -> MigrationVersion.fromVersion(m.version()).equals(wanted));
        if (!known) {
            String current = state.currentVersion();
            throw Failure.refused("target " + target + " is not an applied version"
                    + (current == null ? " (nothing is applied)" : " (applied: "
                    + String.join(", ", applied.stream().map(MigrationRecord::version)
                    .sorted(Comparator.comparing(MigrationVersion::fromVersion)).toList()) + ")")
                    + "; use " + NOTHING + " to revert everything");
        }
        return applied.stream()
                .filter(m -> nothing || MigrationVersion.fromVersion(m.version()).isNewerThan(wanted.getVersion()))
                .toList();
    }

    // ------------------------------------------------------------------ running

    private DowngradeResult.Reverted revert(Plan.Step step, Patience patience, int done, int total) {
        StepRetries retries = patience.retries(progress);
        while (true) {
            Instant started = Instant.now();
            long start = System.nanoTime();
            Connection connection = database.connect();
            try {
                try {
                    run(connection, step, started, start);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    progress.accept("reverted " + step.label() + " (" + millis + " ms)");
                    return new DowngradeResult.Reverted(step.version(), step.description(), step.script().path(), millis);
                } catch (SQLException e) {
                    Transactions.rollbackQuietly(connection);
                    logFailure(step, started, start, e);
                    if (retries.again(e, step.script().transactional(), "reverting " + step.label())) {
                        continue;
                    }
                    throw stepFailed(step, e, done, total);
                }
            } finally {
                retireQuietly(connection);
            }
        }
    }

    private void run(Connection connection, Plan.Step step, Instant started, long startNanos) throws SQLException {
        Script script = step.script();
        try (Statement statement = connection.createStatement()) {
            statement.execute(Identifiers.setSearchPath(database.schema()));
            if (script.transactional()) {
                connection.setAutoCommit(false);
                statement.execute(script.sql());
                ServerWarnings.print(statement, "undo of " + step.label(), progress);
            } else {
                Parts parts = Parts.of(script.sql());
                connection.setAutoCommit(true);
                for (String sql : SqlStatements.split(parts.autocommit())) {
                    statement.execute(sql);
                    ServerWarnings.print(statement, "undo of " + step.label(), progress);
                }
                connection.setAutoCommit(false);
                for (String sql : SqlStatements.split(parts.finalTransaction())) {
                    statement.execute(sql);
                }
            }
            forget(connection, step);
            operationsLog.ensureExists(connection);
            operationsLog.record(connection, step.version(), step.description(), "downgrade", true, started,
                    (System.nanoTime() - startNanos) / 1_000_000, null);
            connection.commit();
        }
    }

    /** Removes the reverted migration from Flyway's history, in the undo's transaction. */
    private void forget(Connection connection, Plan.Step step) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + Identifiers.quote(database.schema())
                + "." + MigrationService.HISTORY_TABLE + " WHERE version = ? AND success")) {
            delete.setString(1, step.version());
            int rows = delete.executeUpdate();
            if (rows != 1) {
                throw new SQLException("expected one history row for version " + step.version() + ", found " + rows);
            }
        }
    }

    private Failure stepFailed(Plan.Step step, SQLException e, int done, int total) {
        String state = step.script().transactional()
                ? "its transaction was rolled back, so the schema and the history are as they were before it"
                : "the script is not transactional: statements before the failing one stay applied (except those"
                        + " after a final-transaction marker, which commit only with the history row) while the history"
                        + " still records " + step.label() + "; if the script's header says it can run again, as the bundled"
                        + " community U2 does, run the same downgrade again, else run `intel-migrate repair`";
        String earlier = done == 0 ? "" : "; the " + done + " earlier step" + (done == 1 ? "" : "s")
                + " of this downgrade (of " + total + ") stay reverted";
        return new Failure(StepRetries.kind(e, step.script().transactional()), "undo of " + step.label() + " ("
                + step.script().path() + ") failed: " + StepRetries.reason(e)
                + "; " + state + earlier, e);
    }

    private void logFailure(Plan.Step step, Instant started, long startNanos, SQLException e) {
        try (Connection connection = database.connect()) {
            operationsLog.recordFailure(connection, step.version(), step.description(), "downgrade", started,
                    (System.nanoTime() - startNanos) / 1_000_000, SqlFailures.serverMessage(e));
        } catch (SQLException | RuntimeException ignored) {
            // best effort: the failure itself is reported to the operator
        }
    }

    /**
     * Marks where a non-transactional undo script's last transaction begins: the statements
     * after it commit together with the removal of the history row and the log entry, so a
     * crash never leaves the history recording a version whose objects are gone.
     */
    public static final String FINAL_TRANSACTION_MARKER = "-- final-transaction:";

    /** A non-transactional script split at its final-transaction marker (all autocommit without one). */
    record Parts(String autocommit, String finalTransaction) {

        static Parts of(String sql) {
            int at = 0;
            for (String line : sql.split("\n", -1)) {
                if (line.strip().toLowerCase(Locale.ROOT).startsWith(FINAL_TRANSACTION_MARKER)) {
                    return new Parts(sql.substring(0, at), sql.substring(at));
                }
                at += line.length() + 1;
            }
            return new Parts(sql, "");
        }
    }

    // ------------------------------------------------------------------ helpers

    private void requireWritable() {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        Preflight.requireWritable(server);
    }

    /**
     * A server process that dropped TimescaleDB cannot create it again in its lifetime:
     * a pooler must not hand a step's process to a later upgrade.
     */
    private static void retireQuietly(Connection connection) {
        try (connection) {
            Backend.retireIfPooled(connection);
        } catch (SQLException ignored) {
            // the step's outcome is already decided
        }
    }

}
