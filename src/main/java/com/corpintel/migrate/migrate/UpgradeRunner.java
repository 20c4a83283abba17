package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.db.SqlStatements;
import com.corpintel.migrate.db.Transactions;
import com.corpintel.migrate.timescale.Edition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Applies the pending steps of one upgrade, under the migration lock, in O(N): the history was
 * read once before (the status the upgrade decided on), and each step then costs its own script
 * plus a constant number of statements, however long the history is.
 *
 * <p>Why not Flyway's migrate: it rebuilds its whole view of the history and the scripts before
 * every single step (DbMigrate.migrateGroup refreshes a MigrationInfoServiceImpl per migration),
 * so N pending steps cost O(N²): 5,000 trivial migrations took a minute on the JVM. Its
 * {@code group} option refreshes once, but runs everything in one transaction. So intel-migrate
 * runs the steps itself, as it already runs undo scripts, and keeps the history in Flyway's
 * format: the same table ({@link HistoryTable}), one row per step with {@code installed_rank}
 * one above the last, and type, script, description and checksum taken from Flyway's own
 * resolution of the migrations (the records of the status read). Flyway, and every read command
 * of this tool, which reads through Flyway, sees the history as if Flyway had written it.
 *
 * <p>A step, as Flyway ran it:
 * <ul>
 *   <li>before it, the lock is checked on its own session (exit 4 when lost, nothing of the step
 *       run), and the line announced for it (the Apache-license notice of V2) is printed;</li>
 *   <li>the role and the search path are reset as Flyway resets them: the original role, the
 *       target schema first in the search path;</li>
 *   <li>a transactional script runs in one transaction with its history row and its
 *       operations-log entry; a script marked {@code executeInTransaction=false}, or made only of
 *       statements PostgreSQL refuses in a transaction block (Flyway's own list), runs statement
 *       by statement ({@link SqlStatements}) in autocommit, then its row and entry commit
 *       together; a failure of such a step leaves a failed history row, as Flyway leaves it;</li>
 *   <li>the server's WARNINGs are printed with the step's name;</li>
 *   <li>a failed step is logged on a session of its own; a lock timeout of a step that rolled
 *       back runs it again ({@link StepRetries}).</li>
 * </ul>
 * All steps run on one session, as Flyway ran them.
 */
final class UpgradeRunner {

    /** Statements PostgreSQL refuses in a transaction block, as Flyway's PostgreSQL parser lists them. */
    private static final List<Pattern> OUTSIDE_TRANSACTION = List.of(
            Pattern.compile("^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\\b.*"),
            Pattern.compile("^ALTER SYSTEM\\b.*"),
            Pattern.compile("^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\\b.*"),
            Pattern.compile("^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\\b.*"),
            Pattern.compile("^VACUUM\\b.*"),
            Pattern.compile("^DISCARD ALL\\b.*"));

    /**
     * One pending step: Flyway's record of it and what runs.
     *
     * @param features the bundled version 2 when this step is it, else null
     * @param edition  the branch planned for version 2
     */
    record Step(MigrationRecord record, Script script, TimescaleFeaturesMigration features, Edition edition) {

        String label() {
            return record.label();
        }
    }

    private final Database database;
    private final MigrationSource source;
    private final OperationsLog operationsLog;
    private final HistoryTable history;
    private final String installedBy;
    private final Consumer<String> progress;
    private final Map<String, String> notices = new ConcurrentHashMap<>();

    UpgradeRunner(Database database, MigrationSource source, OperationsLog operationsLog, String installedBy,
                  Consumer<String> progress) {
        this.database = database;
        this.source = source;
        this.operationsLog = operationsLog;
        this.history = new HistoryTable(database.schema());
        this.installedBy = installedBy;
        this.progress = progress;
    }

    /**
     * Prints {@code line} when version {@code version} begins: said before the run, it would precede
     * refusals (a non-empty schema, a failing earlier step) as if the step had started.
     */
    void announce(String version, String line) {
        notices.put(version, line);
    }

    /**
     * Runs {@code pending} in order, each step under {@code lock}.
     *
     * @param pending  the pending records of the status read under the lock, in version order
     * @param edition  the branch planned for version 2 (its history checksum); null when not pending
     * @param features the bundled version 2, or null for a directory set
     * @return the applied steps' records as the history now holds them, in order
     * @throws Failure a lost lock (exit 4), a failed step (exit 5), a refused non-empty schema (9)
     */
    List<MigrationRecord> apply(List<MigrationRecord> pending, Edition edition, TimescaleFeaturesMigration features,
                                MigrationLock lock, Patience patience) {
        List<MigrationRecord> applied = new ArrayList<>();
        try (Connection connection = database.connect()) {
            Session session = Session.open(connection, database.schema());
            int rank = prepareHistory(connection);
            boolean logExists = operationsLog.exists(connection);
            List<String> extensions = CreatedExtensions.installed(connection);
            for (MigrationRecord record : pending) {
                Step step = step(record, edition, features);
                lock.requireHeld(step.label());
                String notice = notices.remove(record.version());
                if (notice != null) {
                    progress.accept(notice);
                }
                StepRetries retries = patience.retries(progress);
                while (true) {
                    Instant started = Instant.now();
                    long start = System.nanoTime();
                    try {
                        Outcome outcome = run(connection, session, step, rank, extensions, logExists, started, start);
                        applied.add(outcome.record());
                        extensions = outcome.extensions();
                        logExists = true;
                        rank++;
                        break;
                    } catch (SQLException | RuntimeException e) {
                        boolean rolledBack = step.script().transactional();
                        Transactions.rollbackQuietly(connection);
                        if (!rolledBack && recordFailedQuietly(connection, step, rank, start)) {
                            rank++;
                        }
                        logFailure(step, started, start, e);
                        if (retries.again(e, rolledBack, "applying " + step.label()
                                + " (another session holds a lock on its tables)")) {
                            extensions = CreatedExtensions.installed(connection);
                            continue;
                        }
                        throw FlywayFailures.stepFailed(step.label(), e, rolledBack);
                    }
                }
            }
            return applied;
        } catch (SQLException e) {
            // Outside any step: reading or creating the history, or a session lost between steps.
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw SqlFailures.onConnect(e, database.connection());
            }
            throw new Failure(Failure.Kind.MIGRATION, "upgrade failed: " + SqlFailures.serverMessage(e)
                    + (applied.isEmpty() ? "" : "; the " + applied.size() + " step(s) before it stay applied"), e);
        }
    }

    /** What a finished step leaves for the next: its history record and the extensions now installed. */
    private record Outcome(MigrationRecord record, List<String> extensions) {
    }

    /**
     * The history table, created as Flyway's migrate creates it when there is none yet (in its
     * own transaction, as Flyway commits it before the first step); the rank of the next row.
     */
    private int prepareHistory(Connection connection) throws SQLException {
        if (history.exists(connection)) {
            return history.nextRank(connection);
        }
        connection.setAutoCommit(false);
        try {
            if (!history.create(connection, installedBy)) {
                connection.rollback();
                throw FlywayFailures.nonEmptySchema(database.schema());
            }
            int rank = history.nextRank(connection);
            connection.commit();
            return rank;
        } catch (SQLException | RuntimeException e) {
            Transactions.rollbackQuietly(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The step's script, and whether it runs in a transaction; refuses a mix Flyway refuses too. */
    private Step step(MigrationRecord record, Edition edition, TimescaleFeaturesMigration features) {
        if (features != null && UpgradeChecks.isTimescaleFeatures(record)) {
            Script script = source.forward(record, edition).orElseThrow(() -> new Failure(Failure.Kind.INTERNAL,
                    "no script of " + record.label() + " for the " + edition + " branch in " + source.describe()));
            return new Step(record, script, features, edition);
        }
        Script script = source.forward(record, edition).orElseThrow(() -> new Failure(Failure.Kind.MIGRATION,
                record.label() + ": its script " + record.script() + " is gone from " + source.describe()));
        return new Step(record, new Script(script.path(), script.sql(), runsInTransaction(script, record)), null, null);
    }

    /**
     * Flyway's rule: a script marked {@code executeInTransaction=false} runs outside a transaction,
     * and so does one made only of statements PostgreSQL refuses in a transaction block; a script
     * mixing both kinds without the marker is refused.
     */
    static boolean runsInTransaction(Script script, MigrationRecord record) {
        if (!script.transactional()) {
            return false;
        }
        int outside = 0;
        int inside = 0;
        for (String statement : SqlStatements.split(script.sql())) {
            if (outsideTransaction(statement)) {
                outside++;
            } else {
                inside++;
            }
        }
        if (outside > 0 && inside > 0) {
            throw new Failure(Failure.Kind.MIGRATION, record.label() + " (" + script.path() + ") mixes statements that"
                    + " cannot run in a transaction (such as CREATE INDEX CONCURRENTLY) with others: mark it with a "
                    + script.path().substring(script.path().lastIndexOf('/') + 1) + ".conf saying"
                    + " executeInTransaction=false, or split it; nothing of it was run");
        }
        return outside == 0;
    }

    static boolean outsideTransaction(String statement) {
        String code = SqlStatements.withoutLeadingComments(statement).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return OUTSIDE_TRANSACTION.stream().anyMatch(p -> p.matcher(code).matches());
    }

    private Outcome run(Connection connection, Session session, Step step, int rank, List<String> extensionsBefore,
                        boolean logExists, Instant started, long startNanos) throws SQLException {
        String label = step.label();
        String detail = null;
        try (Statement statement = connection.createStatement()) {
            try {
                execute(connection, session, step, statement);
            } catch (SQLException | RuntimeException e) {
                // What the statements before the failing one warned about is said with the failure.
                ServerWarnings.print(statement, label, progress);
                throw e;
            }
            if (step.features() != null) {
                detail = step.features().operationsLogDetail();
            }
        }
        List<String> extensions = CreatedExtensions.installed(connection);
        String created = CreatedExtensions.detail(step.record().version(), extensionsBefore, extensions);
        int millis = (int) ((System.nanoTime() - startNanos) / 1_000_000);
        MigrationRecord record = step.record();
        Instant installedOn = history.append(connection, rank, record.version(), record.description(), record.type(),
                record.script(), record.checksum(), installedBy, millis, true);
        if (!logExists) {
            operationsLog.ensureExists(connection);
        }
        operationsLog.record(connection, record.version(), record.description(), "upgrade", true, started,
                (System.nanoTime() - startNanos) / 1_000_000, joined(created, detail));
        connection.commit();
        connection.setAutoCommit(true);
        return new Outcome(new MigrationRecord(record.version(), record.description(), record.type(),
                MigrationState.SUCCESS, record.script(), installedOn, installedBy(), millis, record.checksum(), rank),
                extensions);
    }

    /** The step's script on its session: in one transaction, or statement by statement in autocommit. */
    private void execute(Connection connection, Session session, Step step, Statement statement) throws SQLException {
        String label = step.label();
        if (step.script().transactional()) {
            connection.setAutoCommit(false);
            session.reset(statement);
            if (step.features() != null) {
                step.features().apply(connection, step.edition(), s -> ServerWarnings.print(s, label, progress));
            } else {
                statement.execute(step.script().sql());
                ServerWarnings.print(statement, label, progress);
            }
        } else {
            connection.setAutoCommit(true);
            session.reset(statement);
            for (String sql : SqlStatements.split(step.script().sql())) {
                statement.execute(sql);
                ServerWarnings.print(statement, label, progress);
            }
            connection.setAutoCommit(false);
        }
    }

    private String installedBy() {
        return installedBy.length() > 100 ? installedBy.substring(0, 100) : installedBy;
    }

    /** Both details of one step (the extensions it created, what version 2 ran), either may be null. */
    private static String joined(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }

    /** A non-transactional step that failed half-way: the failed history row Flyway writes, in autocommit. */
    private boolean recordFailedQuietly(Connection connection, Step step, int rank, long startNanos) {
        try {
            connection.setAutoCommit(true);
            MigrationRecord record = step.record();
            history.append(connection, rank, record.version(), record.description(), record.type(), record.script(),
                    record.checksum(), installedBy, (int) ((System.nanoTime() - startNanos) / 1_000_000), false);
            return true;
        } catch (SQLException | RuntimeException ignored) {
            // the failure itself is reported; repair finds the step by its leftovers
            return false;
        }
    }

    /** A failed step's transaction rolled back, and its log entry with it: record it on a session of its own. */
    private void logFailure(Step step, Instant started, long startNanos, Throwable e) {
        SQLException sql = SqlFailures.findSqlException(e);
        String detail = sql != null ? SqlFailures.serverMessage(sql) : SqlFailures.firstLine(e.getMessage());
        try (Connection connection = database.connect()) {
            operationsLog.recordFailure(connection, step.record().version(), step.record().description(), "upgrade",
                    started, (System.nanoTime() - startNanos) / 1_000_000, detail);
        } catch (SQLException | RuntimeException ignored) {
            // the failure itself is what the operator needs to see; the log entry is best effort here
        }
    }

    /**
     * What Flyway restores before each step (PostgreSQLConnection): the role the session began
     * with, and a search path with the target schema first, ahead of the session's own.
     */
    private record Session(String reset) {

        static Session open(Connection connection, String schema) throws SQLException {
            String role;
            String searchPath;
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_user, current_setting('search_path')")) {
                rs.next();
                role = rs.getString(1);
                searchPath = rs.getString(2);
            }
            String quoted = Identifiers.quote(schema);
            boolean first = schema.equals(searchPath) || searchPath.startsWith(schema + ",");
            String path = first ? searchPath : searchPath.isBlank() ? quoted : quoted + "," + searchPath;
            return new Session("SELECT set_config('role', " + Identifiers.literal(role) + ", false),"
                    + " set_config('search_path', " + Identifiers.literal(path) + ", false)");
        }

        void reset(Statement statement) throws SQLException {
            statement.execute(reset);
        }
    }
}
