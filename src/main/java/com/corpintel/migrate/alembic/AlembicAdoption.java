package com.corpintel.migrate.alembic;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.baseline.BaselineService;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.Relations;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.db.SqlStatements;
import com.corpintel.migrate.db.Transactions;
import com.corpintel.migrate.diff.Difference;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.CatalogInspector;
import com.corpintel.migrate.inspect.ExpectedSchema;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.OperationsLog;
import com.corpintel.migrate.migrate.Patience;
import com.corpintel.migrate.migrate.Preflight;
import com.corpintel.migrate.migrate.ServerWarnings;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.migrate.StepRetries;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.TimescaleLicense;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code baseline --from-alembic}: adopts a database that Alembic built, through the bundled
 * bridge of its revision. Before anything changes, under the migration lock, it reads the
 * revision, compares the schema with the shape the revision left, and runs the bridge's data
 * checks; any mismatch or offending row is refused (exit 9), listed, and nothing changes.
 * Then every step runs in a transaction of its own and records itself in
 * {@value Bridge#PROGRESS_TABLE}, so that a run killed between or during steps resumes where
 * it stopped. Last, in one transaction, it keeps alembic_version as
 * {@value Bridge#KEPT_ALEMBIC_TABLE}, compares the result with the expected model of the
 * version the bridge reaches, and records V1 up to it as applied (a baseline: the floor of
 * downgrades).
 */
public final class AlembicAdoption {

    private static final int ROWS_SHOWN = 10;

    private final MigrationService migrations;
    private final Database database;
    private final Consumer<String> progress;

    public AlembicAdoption(MigrationService migrations, Consumer<String> progress) {
        this.migrations = migrations;
        this.database = migrations.database();
        this.progress = progress;
    }

    /** The --dry-run: every check of a real run, then the plan with its locks. Changes nothing. */
    public AdoptionResult plan() {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        Prepared prepared = prepare();
        return prepared.result(true, prepared.plan().steps().stream()
                .map(s -> new AdoptionResult.StepOutcome(s.label(), s.locks(), s.done(), -1)).toList(),
                prepared.state());
    }

    public AdoptionResult adopt(Patience patience) {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        Preflight.requireWritable(server);
        try (MigrationLock lock = MigrationLock.acquire(database, patience.lockWait(), progress)) {
            // Under the lock: a concurrent run may be bridging or recording this very schema.
            Prepared prepared = prepare();
            BridgePlan plan = prepared.plan();
            if (plan.scriptsDone() > 0) {
                progress.accept("resuming the bridge of Alembic revision " + prepared.bridge().revision() + " after "
                        + plan.scriptsDone() + " committed step" + (plan.scriptsDone() == 1 ? "" : "s")
                        + " (recorded in " + Bridge.PROGRESS_TABLE + ")");
            }
            List<AdoptionResult.StepOutcome> outcomes = new ArrayList<>();
            int total = plan.remaining().size();
            int ran = 0;
            for (BridgePlan.Step step : plan.steps()) {
                if (step.done()) {
                    outcomes.add(new AdoptionResult.StepOutcome(step.label(), step.locks(), true, -1));
                    continue;
                }
                lock.requireHeld("bridge step " + step.label());
                long millis = run(prepared.bridge(), step, patience, ran, total);
                ran++;
                progress.accept("bridged " + step.label() + " (" + ran + " of " + total + ", " + millis + " ms)");
                outcomes.add(new AdoptionResult.StepOutcome(step.label(), step.locks(), false, millis));
            }
            lock.requireHeld("recording the adoption");
            record(prepared);
            progress.accept("recorded V1 to V" + prepared.bridge().reaches() + " as applied (baseline, adopted from"
                    + " Alembic revision " + prepared.bridge().revision() + ")");
            return prepared.result(false, outcomes, migrations.status());
        }
    }

    // ------------------------------------------------------------------ checks

    private record Prepared(Bridge bridge, Edition edition, String license, int shapeFacts, int checks,
                            BridgePlan plan, List<AdoptionResult.TableSize> tables, List<MigrationRecord> records,
                            StatusReport state) {
        AdoptionResult result(boolean dryRun, List<AdoptionResult.StepOutcome> steps, StatusReport status) {
            return new AdoptionResult(bridge.revision(), bridge.directory(), bridge.reaches(), edition, license,
                    dryRun, shapeFacts, checks, plan.scriptsDone(), steps, tables, records, status);
        }
    }

    private Prepared prepare() {
        if (!(migrations.source() instanceof BundledMigrations bundled)) {
            throw Failure.refused("baseline --from-alembic records the bundled migrations; " + migrations.source()
                    .describe() + " is not them: run it without --migrations");
        }
        StatusReport state = migrations.status();
        requireNoHistory(state);
        AlembicBridges bridges = AlembicBridges.load(bundled.resources());
        try (Connection connection = database.connect()) {
            try (Statement s = connection.createStatement()) {
                s.execute(Identifiers.setSearchPath(database.schema()));
            }
            String revision = revision(connection, bridges);
            Bridge bridge = bridges.forRevision(revision).orElseThrow(() -> Failure.refused("schema "
                    + database.schema() + " is at Alembic revision " + revision + ", which this version cannot adopt:"
                    + " it bridges revision" + (bridges.revisions().size() == 1 ? " " : "s ")
                    + String.join(", ", bridges.revisions()) + " (" + AlembicBridges.REVISIONS + "); nothing was"
                    + " changed. A later revision needs a bridge of its own: see docs/MIGRATION_GUIDE.md,"
                    + " \"Adopting an existing database\""));
            String license = TimescaleLicense.ofInstalled(connection).orElse(null);
            Edition edition = (license == null ? Optional.<Edition>empty() : EditionChoice.offered(license))
                    .orElse(Edition.APACHE);
            Map<String, Integer> committed = committed(connection);
            int shapeFacts = 0;
            if (committed.isEmpty()) {
                shapeFacts = requireShape(connection, bridge, edition);
            }
            DataCheck.Set checks = bridge.checks();
            requireCleanData(connection, bridge, checks);
            List<BridgePlan.CompressedChunk> compressed = edition == Edition.COMMUNITY
                    ? compressedChunks(connection) : List.of();
            BridgePlan plan = BridgePlan.of(bridge, edition, compressed, committed.keySet());
            requireSameSteps(plan, committed);
            List<AdoptionResult.TableSize> tables = sizes(connection, plan);
            List<MigrationRecord> records = migrations.bundledUpTo(bridge.reaches(), edition);
            return new Prepared(bridge, edition, license, shapeFacts, checks.checks().size(), plan, tables, records,
                    state);
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot inspect the Alembic database: "
                    + SqlFailures.serverMessage(e), e);
        }
    }

    private void requireNoHistory(StatusReport state) {
        long recorded = state.migrations().stream().filter(m -> m.applied() || m.state().failed()).count();
        if (recorded > 0) {
            throw Failure.refused("schema " + database.schema() + " already has a migration history (" + recorded
                    + " entr" + (recorded == 1 ? "y" : "ies") + ", current "
                    + (state.current() == null ? "none" : "V" + state.currentVersion()) + "): it was adopted or built"
                    + " by intel-migrate already; see `intel-migrate history`");
        }
    }

    /** The one revision in alembic_version. */
    private String revision(Connection connection, AlembicBridges bridges) throws SQLException {
        String table = Identifiers.quote(database.schema()) + "." + Bridge.ALEMBIC_TABLE;
        if (!Relations.exists(connection, table)) {
            throw Failure.refused("schema " + database.schema() + " has no " + Bridge.ALEMBIC_TABLE + " table: it was"
                    + " not built by Alembic (or Alembic kept its table in another schema: --schema names it). For a"
                    + " schema the bundled migrations built, use `baseline --version V`; for an empty one, `upgrade`");
        }
        List<String> revisions = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_num FROM " + table + " ORDER BY version_num")) {
            while (rs.next()) {
                revisions.add(rs.getString(1));
            }
        }
        if (revisions.size() != 1) {
            throw Failure.refused(Bridge.ALEMBIC_TABLE + " in schema " + database.schema() + " holds "
                    + (revisions.isEmpty() ? "no revision" : revisions.size() + " revisions (" + String.join(", ",
                    revisions) + "): several Alembic heads") + "; the bridges adopt a database at exactly one of "
                    + String.join(", ", bridges.revisions()) + "; nothing was changed");
        }
        return revisions.get(0);
    }

    private int requireShape(Connection connection, Bridge bridge, Edition edition) throws SQLException {
        SchemaModel shape = bridge.shape(edition);
        SchemaModel actual = new CatalogInspector().inspect(connection, database.schema());
        List<Difference> differences = SchemaDiff.compare(shape, actual);
        if (!differences.isEmpty()) {
            StringBuilder message = new StringBuilder("schema " + database.schema() + " is not the shape Alembic"
                    + " revision " + bridge.revision() + " left (" + edition.resourceName + " branch, "
                    + bridge.shapeResource(edition) + "): " + differences.size() + " difference"
                    + (differences.size() == 1 ? "" : "s") + "; nothing was changed");
            for (Difference difference : differences) {
                message.append("\n  ").append(difference.message());
            }
            message.append("\nThe bridge rewrites exactly that shape. Bring the schema back to it (or adopt it by"
                    + " hand: docs/MIGRATION_GUIDE.md, \"Adopting an existing database\"), then run again");
            throw Failure.refused(message.toString());
        }
        return (int) SchemaModelText.write(shape).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    }

    /** Runs every data check in a transaction that is rolled back (its temporary functions go with it). */
    private void requireCleanData(Connection connection, Bridge bridge, DataCheck.Set checks) throws SQLException {
        List<DataProblem> problems = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (String sql : checks.setup()) {
                s.execute(sql);
            }
            for (DataCheck check : checks.checks()) {
                List<String> rows = new ArrayList<>();
                long count = 0;
                try (ResultSet rs = s.executeQuery(check.sql())) {
                    while (rs.next()) {
                        if (count++ < ROWS_SHOWN) {
                            rows.add(rs.getString(1) + ": " + rs.getString(2));
                        }
                    }
                }
                if (count > 0) {
                    problems.add(new DataProblem(check, rows, count));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        if (!problems.isEmpty()) {
            throw dataRefused(bridge, problems);
        }
    }

    private Failure dataRefused(Bridge bridge, List<DataProblem> problems) {
        long rows = problems.stream().mapToLong(DataProblem::count).sum();
        StringBuilder message = new StringBuilder("the data of schema " + database.schema() + " does not fit the"
                + " bridge of Alembic revision " + bridge.revision() + ": " + rows + " row" + (rows == 1 ? "" : "s")
                + " in " + problems.size() + " check" + (problems.size() == 1 ? "" : "s") + "; nothing was changed");
        for (DataProblem problem : problems) {
            message.append("\n  ").append(problem.check().name()).append(" (").append(problem.count()).append(" row")
                    .append(problem.count() == 1 ? "" : "s").append("): ").append(problem.check().description());
            for (String row : problem.rows()) {
                message.append("\n    ").append(row);
            }
            if (problem.count() > problem.rows().size()) {
                message.append("\n    … and ").append(problem.count() - problem.rows().size())
                        .append(" more (the check's query is in ").append(bridge.directory()).append("checks.sql)");
            }
        }
        message.append("\nCorrect or remove these rows (the bridge drops nothing), then run again");
        return Failure.refused(message.toString());
    }

    /** The steps an earlier run committed, with the checksums of their scripts. */
    private Map<String, Integer> committed(Connection connection) throws SQLException {
        Map<String, Integer> committed = new LinkedHashMap<>();
        String table = progressTable();
        if (!Relations.exists(connection, table)) {
            return committed;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT step, checksum FROM " + table + " ORDER BY finished_at, step")) {
            while (rs.next()) {
                committed.put(rs.getString(1), rs.getInt(2));
            }
        }
        return committed;
    }

    private static void requireSameSteps(BridgePlan plan, Map<String, Integer> committed) {
        Map<String, Integer> bundled = plan.checksums();
        for (Map.Entry<String, Integer> done : committed.entrySet()) {
            Integer expected = bundled.get(done.getKey());
            if (!done.getValue().equals(expected)) {
                throw Failure.refused("an interrupted bridge committed step " + done.getKey() + (expected == null
                        ? ", which this version's bridge does not have" : " from a script that differs from this"
                        + " version's") + " (" + Bridge.PROGRESS_TABLE + "): finish it with the version of"
                        + " intel-migrate that started it; nothing was changed");
            }
        }
    }

    private List<BridgePlan.CompressedChunk> compressedChunks(Connection connection) throws SQLException {
        List<BridgePlan.CompressedChunk> chunks = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT h.hypertable_name,"
                + " format('%I.%I', s.chunk_schema, s.chunk_name), coalesce(s.before_compression_total_bytes, 0)"
                + " FROM timescaledb_information.hypertables h,"
                + " LATERAL chunk_compression_stats(format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass) s"
                + " WHERE h.hypertable_schema = ? AND s.compression_status <> 'Uncompressed'"
                + " ORDER BY h.hypertable_name, s.chunk_name")) {
            s.setString(1, database.schema());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    chunks.add(new BridgePlan.CompressedChunk(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return chunks;
    }

    private List<AdoptionResult.TableSize> sizes(Connection connection, BridgePlan plan) throws SQLException {
        List<String> tables = plan.remaining().stream().flatMap(s -> s.locks().stream()).map(LockEstimate::table)
                .distinct().toList();
        List<AdoptionResult.TableSize> sizes = new ArrayList<>();
        // hypertable_size counts the chunks; a plain table's size is its relation's, indexes and TOAST included.
        // Rows are the planner's estimate: -1 where the table was never analyzed.
        try (PreparedStatement s = connection.prepareStatement("WITH r AS (SELECT c.oid, c.reltuples, EXISTS (SELECT 1"
                + " FROM timescaledb_information.hypertables h WHERE format('%I.%I', h.hypertable_schema,"
                + " h.hypertable_name)::regclass = c.oid) AS hyper FROM pg_class c WHERE c.oid = to_regclass(?))"
                + " SELECT CASE WHEN hyper THEN hypertable_size(oid) ELSE pg_total_relation_size(oid) END,"
                + " CASE WHEN hyper THEN approximate_row_count(oid) ELSE reltuples::bigint END FROM r")) {
            for (String table : tables) {
                s.setString(1, table.contains(".") ? table : Identifiers.quote(database.schema()) + "."
                        + Identifiers.quote(table));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        sizes.add(new AdoptionResult.TableSize(table, rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        }
        return sizes;
    }

    // ------------------------------------------------------------------ running

    private long run(Bridge bridge, BridgePlan.Step step, Patience patience, int done, int total) {
        StepRetries retries = patience.retries(progress);
        while (true) {
            Instant started = Instant.now();
            long start = System.nanoTime();
            try (Connection connection = database.connect()) {
                try (Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    statement.execute(Identifiers.setSearchPath(database.schema()));
                    for (String sql : SqlStatements.split(step.sql())) {
                        statement.execute(sql);
                        ServerWarnings.print(statement, "bridge step " + step.label(), progress);
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (step.script().isPresent()) {
                        recordStep(connection, bridge, step.script().get(), started, millis);
                    }
                    connection.commit();
                    return millis;
                } catch (SQLException e) {
                    Transactions.rollbackQuietly(connection);
                    if (retries.again(e, true, "running bridge step " + step.label())) {
                        continue;
                    }
                    throw stepFailed(step, e, done, total);
                }
            } catch (SQLException e) {
                throw new Failure(Failure.Kind.CONNECTION, "lost the connection around bridge step " + step.label()
                        + ": " + SqlFailures.serverMessage(e) + "; run `baseline --from-alembic` again: it resumes"
                        + " after the last committed step", e);
            }
        }
    }

    private Failure stepFailed(BridgePlan.Step step, SQLException e, int done, int total) {
        return new Failure(StepRetries.kind(e, true), "bridge step " + step.label()
                + step.script().map(s -> " (" + s.path() + ")").orElse("") + " failed: " + StepRetries.reason(e)
                + "; its transaction was rolled back. " + (done == 0 ? "No step of this run committed"
                : "The " + done + " earlier step" + (done == 1 ? "" : "s") + " of this run (of " + total
                + ") stay committed, recorded in " + Bridge.PROGRESS_TABLE) + "; no history was recorded. Remove the"
                + " cause and run `intel-migrate baseline --from-alembic` again: it resumes at " + step.label(), e);
    }

    private String progressTable() {
        return Identifiers.quote(database.schema()) + "." + Bridge.PROGRESS_TABLE;
    }

    private void recordStep(Connection connection, Bridge bridge, BridgeScript script, Instant started, long millis)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + progressTable() + " ("
                    + " step varchar(100) PRIMARY KEY,"
                    + " revision varchar(32) NOT NULL,"
                    + " script varchar(200) NOT NULL,"
                    + " checksum integer NOT NULL,"
                    + " installed_by varchar(100) NOT NULL,"
                    + " started_at timestamptz NOT NULL,"
                    + " finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
                    + " duration_ms integer NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + progressTable()
                + " (step, revision, script, checksum, installed_by, started_at, duration_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            String by = migrations.installedBy();
            insert.setString(1, script.label());
            insert.setString(2, bridge.revision());
            insert.setString(3, script.path());
            insert.setInt(4, script.checksum());
            insert.setString(5, by.length() > 100 ? by.substring(0, 100) : by);
            insert.setTimestamp(6, java.sql.Timestamp.from(started));
            insert.setInt(7, (int) Math.min(Integer.MAX_VALUE, millis));
            insert.executeUpdate();
        }
    }

    /**
     * Keeps alembic_version under the tool's prefix, checks the result against the expected
     * model, and records the history with its log entries: all in one transaction.
     */
    private void record(Prepared prepared) {
        Bridge bridge = prepared.bridge();
        String head = prepared.state().head();
        SchemaModel expected = ExpectedSchema.loadAt(bridge.reaches(), head, prepared.edition())
                .orElseThrow(() -> new Failure(Failure.Kind.INTERNAL, "this binary carries no expected model of V"
                        + bridge.reaches()));
        String detail = OperationsLog.BASELINE_DETAIL_PREFIX + bridge.reaches() + ": adopted from Alembic revision "
                + bridge.revision() + " through the bundled bridge " + bridge.directory() + " ("
                + prepared.edition().resourceName + " branch, steps in " + Bridge.PROGRESS_TABLE + "); recorded"
                + " without running its script; alembic_version kept as " + Bridge.KEPT_ALEMBIC_TABLE;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try {
                try (Statement s = connection.createStatement()) {
                    s.execute("ALTER TABLE " + Identifiers.quote(database.schema()) + "." + Bridge.ALEMBIC_TABLE
                            + " RENAME TO " + Bridge.KEPT_ALEMBIC_TABLE);
                }
                List<Difference> differences = SchemaDiff.compare(expected,
                        new CatalogInspector().inspect(connection, database.schema()));
                if (!differences.isEmpty()) {
                    connection.rollback();
                    StringBuilder message = new StringBuilder("the bridge ran, but schema " + database.schema()
                            + " is not what the bundled migrations build at V" + bridge.reaches() + ": "
                            + differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                            + "; no history was recorded (the bridge's steps stay committed)");
                    differences.forEach(d -> message.append("\n  ").append(d.message()));
                    message.append("\nSomething changed the schema during the bridge, or the bridge has a defect:"
                            + " correct the differences by hand and run again, or restore the backup");
                    throw new Failure(Failure.Kind.MIGRATION, message.toString());
                }
                BaselineService.recordApplied(connection, migrations, prepared.records(), detail);
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.MIGRATION, "cannot record the adoption (no history was recorded; the"
                    + " bridge's steps stay committed, run again to record): " + SqlFailures.serverMessage(e), e);
        }
    }
}
