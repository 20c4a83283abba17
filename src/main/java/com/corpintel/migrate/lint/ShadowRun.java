package com.corpintel.migrate.lint;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.SqlStatements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lint --shadow: runs the checked scripts for real on a temporary database of a development server and
 * watches them. The temporary database gets the earlier scripts, then sample rows in every table, then
 * each checked statement on its own, observing the locks it holds on relations that existed before it
 * (pg_locks of its own session, before commit), whether it rewrote them (a new relfilenode), how long
 * it ran, and whether it failed (and if so, whether it would have passed on the empty database). The
 * temporary database is dropped at the end, on failure, and on Ctrl-C (a shutdown hook).
 */
public final class ShadowRun {

    public static final String PREFIX = "intel_lint_shadow_";

    private static final List<String> LOCK_ORDER = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    private final Function<String, Database> databases;
    private final String maintenanceDatabase;
    private final Duration lockThreshold;
    private final int sampleRows;
    private final Consumer<String> progress;

    /**
     * @param databases           a session to a database of the development server, by database name
     * @param maintenanceDatabase the database the temporary one is created from (the dev URL's)
     */
    public ShadowRun(Function<String, Database> databases, String maintenanceDatabase, Duration lockThreshold,
                     int sampleRows, Consumer<String> progress) {
        this.databases = databases;
        this.maintenanceDatabase = maintenanceDatabase;
        this.lockThreshold = lockThreshold;
        this.sampleRows = sampleRows;
        this.progress = progress;
    }

    public ShadowReport run(List<LintScript> set, Predicate<LintScript> checked) {
        String name = PREFIX + ProcessHandle.current().pid() + "_"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
        admin("CREATE DATABASE " + Identifiers.quote(name));
        AtomicBoolean dropped = new AtomicBoolean();
        Thread dropper = new Thread(() -> drop(name, dropped), "drop " + name);
        Runtime.getRuntime().addShutdownHook(dropper);
        progress.accept("shadow database " + name + " created");
        try {
            return runIn(name, set, checked);
        } finally {
            drop(name, dropped);
            try {
                Runtime.getRuntime().removeShutdownHook(dropper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook has dropped it, or is doing so.
            }
        }
    }

    private void drop(String name, AtomicBoolean dropped) {
        if (dropped.compareAndSet(false, true)) {
            // FORCE ends the run's own sessions, also when Ctrl-C interrupts it mid-statement.
            admin("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
            progress.accept("shadow database " + name + " dropped");
        }
    }

    private void admin(String sql) {
        try (Connection c = databases.apply(maintenanceDatabase).connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.REFUSED, "lint --shadow: " + sql + " failed on the development server: "
                    + e.getMessage(), e);
        }
    }

    private ShadowReport runIn(String name, List<LintScript> set, Predicate<LintScript> checked) {
        List<ShadowReport.Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Connection c = databases.apply(name).connect()) {
            c.setAutoCommit(true);
            List<LintScript> order = order(set, edition(c));
            boolean loaded = false;
            for (LintScript script : order) {
                if (!checked.test(script)) {
                    apply(c, script);
                    continue;
                }
                if (!loaded) {
                    loadSamples(c, notes);
                    loaded = true;
                }
                if (!observe(c, script, observations, findings, notes)) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.MIGRATION, "lint --shadow: " + e.getMessage(), e);
        }
        return new ShadowReport(name, List.copyOf(observations), List.copyOf(findings), List.copyOf(notes));
    }

    /** The server's TimescaleDB license decides the branch of the edition-specific scripts, as in upgrade. */
    private static String edition(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            try (ResultSet r = s.executeQuery("SELECT current_setting('timescaledb.license', true)")) {
                return r.next() && "apache".equals(r.getString(1)) ? "apache" : "community";
            }
        } catch (SQLException e) {
            return "community"; // no TimescaleDB here: the scripts that need it fail and say so
        }
    }

    /** The forward scripts of this edition in the order upgrade runs them; shadow does not run undo scripts. */
    static List<LintScript> order(List<LintScript> set, String edition) {
        Map<LintScript, ScriptName> names = new LinkedHashMap<>();
        for (LintScript script : set) {
            ScriptName.parse(script.fileName())
                    .filter(n -> n.forward() && (n.edition() == null || n.edition().equals(edition)))
                    .ifPresent(n -> names.put(script, n));
        }
        return names.keySet().stream()
                .sorted(Comparator.comparing((LintScript s) -> names.get(s).migrationVersion())
                        .thenComparing(s -> names.get(s).part() == null ? "" : names.get(s).part()))
                .toList();
    }

    private static void apply(Connection c, LintScript script) throws SQLException {
        List<SqlStatements.Span> spans = SqlStatements.spans(script.sql());
        c.setAutoCommit(!script.transactional());
        try (Statement s = c.createStatement()) {
            for (SqlStatements.Span span : spans) {
                s.execute(span.text());
            }
            if (script.transactional()) {
                c.commit();
            }
        } catch (SQLException e) {
            if (script.transactional()) {
                c.rollback();
            }
            throw new SQLException("earlier script " + script.path() + " failed on the shadow database: "
                    + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    // ------------------------------------------------------------------ sample rows

    private void loadSamples(Connection c, List<String> notes) throws SQLException {
        Map<Long, String> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(ShadowQueries.TABLES)) {
            while (r.next()) {
                tables.put(r.getLong(1), r.getString(2));
            }
        }
        Set<Long> done = new HashSet<>();
        int filled = 0;
        for (int pass = 0; pass <= tables.size() && done.size() < tables.size(); pass++) {
            for (var table : tables.entrySet()) {
                if (done.contains(table.getKey()) || !referencedLoaded(c, table.getKey(), done, tables)) {
                    continue;
                }
                done.add(table.getKey());
                String insert = sampleInsert(c, table.getKey(), table.getValue());
                if (insert == null) {
                    notes.add("no sample rows in " + table.getValue() + ": a NOT NULL column of a type lint"
                            + " cannot make up");
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute(insert);
                    filled++;
                } catch (SQLException e) {
                    notes.add("no sample rows in " + table.getValue() + ": " + e.getMessage().lines().findFirst()
                            .orElse(""));
                }
            }
        }
        progress.accept("shadow database: " + sampleRows + " sample rows in each of " + filled + " tables");
    }

    private static boolean referencedLoaded(Connection c, long table, Set<Long> done, Map<Long, String> tables)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(ShadowQueries.REFERENCED)) {
            p.setLong(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long referenced = r.getLong(1);
                    if (tables.containsKey(referenced) && !done.contains(referenced)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** INSERT … SELECT … FROM generate_series(1, N): a made-up value per column, references to loaded rows. */
    private String sampleInsert(Connection c, long table, String name) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(ShadowQueries.COLUMNS)) {
            p.setLong(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String column = r.getString(1);
                    String type = r.getString(2);
                    boolean notNull = r.getBoolean(3);
                    String value = r.getString(5) != null ? reference(r.getString(5)) : value(r.getString(4), type);
                    if (value == null && notNull) {
                        return null;
                    }
                    columns.add(Identifiers.quote(column));
                    values.add(value == null ? "NULL" : "(" + value + ")::" + type);
                }
            }
        }
        return "INSERT INTO " + Identifiers.quote(name) + (columns.isEmpty() ? "" : " (" + String.join(", ", columns)
                + ")") + " SELECT " + String.join(", ", values) + " FROM generate_series(1, " + sampleRows + ") g";
    }

    private static String reference(String target) {
        String[] parts = target.split("\\|", 2);
        String column = Identifiers.quote(parts[1]);
        return "SELECT " + column + " FROM " + parts[0] + " ORDER BY " + column + " OFFSET (g % greatest((SELECT"
                + " count(*) FROM " + parts[0] + "), 1)) LIMIT 1";
    }

    private static String value(String typname, String type) {
        Matcher length = LENGTH.matcher(type);
        int n = length.find() ? Integer.parseInt(length.group(1)) : 32;
        return switch (typname) {
            case "int2", "int4", "int8", "numeric", "float4", "float8" -> "g";
            case "text", "varchar", "bpchar" -> "left(repeat(md5(g::text), 4), " + Math.min(n, 128) + ")";
            case "uuid" -> "md5(g::text)::uuid";
            case "timestamptz", "timestamp" -> "now() - g * interval '1 hour'";
            case "date" -> "current_date - g";
            case "bool" -> "g % 2 = 0";
            case "json", "jsonb" -> "'{}'";
            case "interval" -> "g * interval '1 minute'";
            case "vector" -> "(SELECT array_agg(random())::real[] FROM generate_series(1, " + n + "))::vector";
            default -> null;
        };
    }

    // ------------------------------------------------------------------ observing

    private record Relation(String name, long relfilenode, String kind) {
    }

    /** Runs a checked script statement by statement; false when one failed and the run stops. */
    private boolean observe(Connection c, LintScript script, List<ShadowReport.Observation> observations,
                            List<Finding> findings, List<String> notes) throws SQLException {
        Positions positions = new Positions(script.sql());
        for (SqlStatements.Span span : SqlStatements.spans(script.sql())) {
            int line = positions.line(Math.max(0, span.start()));
            int column = positions.column(Math.max(0, span.start()));
            String shown = script.sql().substring(Math.max(0, span.start())).lines().findFirst().orElse("");
            shown = shown.length() > 80 ? shown.substring(0, 79) + "…" : shown;
            Map<Long, Relation> before = relations(c);
            boolean inTransaction = script.transactional();
            c.setAutoCommit(!inTransaction);
            long started = System.nanoTime();
            String failure = null;
            Map<String, String> locks = new LinkedHashMap<>();
            List<String> rewritten = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.execute(span.text());
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (inTransaction) {
                    locks.putAll(locks(c, before));
                }
                Map<Long, Relation> after = relations(c);
                for (var entry : before.entrySet()) {
                    Relation now = after.get(entry.getKey());
                    if (now != null && now.relfilenode() != entry.getValue().relfilenode()
                            && !now.kind().equals("i")) {
                        rewritten.add(now.name());
                    }
                }
                if (inTransaction) {
                    c.commit();
                }
                observations.add(new ShadowReport.Observation(script.path(), line, shown,
                        locks.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList(), inTransaction,
                        List.copyOf(rewritten), millis, null));
                findings(script, line, column, locks, rewritten, millis, findings);
            } catch (SQLException e) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (inTransaction) {
                    c.rollback();
                }
                failure = e.getMessage().lines().findFirst().orElse(e.getSQLState());
                observations.add(new ShadowReport.Observation(script.path(), line, shown, List.of(), false,
                        List.of(), millis, failure));
                boolean passesEmpty = passesOnEmpty(c, span.text(), before);
                findings.add(new Finding(script.path(), line, column,
                        passesEmpty ? "shadow-fails-populated" : "shadow-failure", Severity.ERROR,
                        (passesEmpty ? "fails on the populated shadow database, though it passes on an empty one: "
                                : "fails on the shadow database: ") + failure,
                        passesEmpty ? "make it work on existing rows (a default, a backfill, NOT VALID), then retry"
                                : "fix the statement"));
                notes.add("the statements after " + script.path() + ":" + line + " did not run: it failed");
                return false;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return true;
    }

    private void findings(LintScript script, int line, int column, Map<String, String> locks, List<String> rewritten,
                          long millis, List<Finding> findings) {
        for (String table : rewritten) {
            findings.add(new Finding(script.path(), line, column, "shadow-rewrite", Severity.WARNING,
                    "rewrote " + table + " (it got a new relfilenode) in " + millis + " ms on " + sampleRows
                            + " sample rows: in production the rewrite copies every row under its lock",
                    "avoid the rewrite: a new column and a batched backfill, or a binary-compatible change"));
        }
        for (var lock : locks.entrySet()) {
            if (lock.getValue().equals("AccessExclusiveLock") && millis >= lockThreshold.toMillis()) {
                findings.add(new Finding(script.path(), line, column, "shadow-exclusive-lock", Severity.WARNING,
                        "held ACCESS EXCLUSIVE on " + lock.getKey() + " (no reads, no writes) for " + millis
                                + " ms on sample rows; it also queues every query behind it while it waits",
                        "keep it short: set lock_timeout (upgrade does), split the change, or use the form of the"
                                + " statement that takes a weaker lock"));
            }
        }
    }

    private static Map<Long, Relation> relations(Connection c) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery(ShadowQueries.RELATIONS)) {
            while (r.next()) {
                relations.put(r.getLong(1), new Relation(r.getString(2), r.getLong(3), r.getString(4)));
            }
        }
        return relations;
    }

    /** The strongest mode this session holds on each relation that existed before the statement (not indexes). */
    private static Map<String, String> locks(Connection c, Map<Long, Relation> before) throws SQLException {
        Map<String, String> strongest = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(ShadowQueries.OWN_LOCKS)) {
            while (r.next()) {
                Relation relation = before.get(r.getLong(1));
                if (relation == null || relation.kind().equals("i")) {
                    continue;
                }
                String mode = r.getString(2);
                strongest.merge(relation.name(), mode,
                        (a, b) -> LOCK_ORDER.indexOf(a) >= LOCK_ORDER.indexOf(b) ? a : b);
            }
        }
        return strongest;
    }

    /** Would the failed statement pass with the pre-existing tables empty? Tried in a transaction rolled back. */
    private static boolean passesOnEmpty(Connection c, String statement, Map<Long, Relation> before) {
        List<String> tables = before.values().stream().filter(r -> r.kind().equals("r") || r.kind().equals("p"))
                .filter(r -> !r.name().contains(".")).map(r -> Identifiers.quote(r.name())).sorted().toList();
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (!tables.isEmpty()) {
                    s.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
                }
                s.execute(statement);
                return true;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
