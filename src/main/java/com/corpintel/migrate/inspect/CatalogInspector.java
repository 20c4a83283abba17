package com.corpintel.migrate.inspect;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.SqlFailures;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one schema of a live database into a {@link SchemaModel}: one query per kind
 * of object (see {@link SchemaQueries}), all in one read-only snapshot. TimescaleDB's
 * catalog is read only where the extension exists.
 */
public final class CatalogInspector {

    /** Opens a session, inspects the schema the database is configured for, and closes it. */
    public SchemaModel inspect(Database database) {
        try (Connection connection = database.connect()) {
            return inspect(connection, database.schema());
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the catalog of schema " + database.schema() + ": "
                    + SqlFailures.serverMessage(e), e);
        }
    }

    /**
     * The model of {@code schema}. On a connection in auto-commit mode it runs in a
     * read-only repeatable-read transaction of its own, rolled back afterwards; inside
     * the caller's transaction it only changes, and then restores, search_path and
     * IntervalStyle. A schema that does not exist gives an empty model.
     */
    public SchemaModel inspect(Connection connection, String schema) throws SQLException {
        boolean ownTransaction = connection.getAutoCommit();
        String[] previous = null;
        if (ownTransaction) {
            connection.setAutoCommit(false);
        }
        try {
            if (ownTransaction) {
                execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            } else {
                previous = settings(connection);
            }
            List<ExtensionRow> extensions = extensions(connection);
            // Extension objects (vector, uuid_generate_v4, time_bucket) print unqualified wherever they live.
            Set<String> path = new LinkedHashSet<>();
            path.add(schema);
            extensions.forEach(e -> path.add(e.schema()));
            path.remove("pg_catalog");
            configure(connection, String.join(", ", path.stream().map(Identifiers::quote).toList()), "postgres");
            SchemaModel model = read(connection, schema, extensions);
            if (!ownTransaction) {
                configure(connection, previous[0], previous[1]);
            }
            return model;
        } finally {
            if (ownTransaction) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private record ExtensionRow(String name, String version, String schema) {
    }

    /** A relation's kind and definition while its columns, keys and indexes are gathered. */
    private record Relation(String kind, String definition, List<Column> columns, List<Constraint> constraints,
                            List<Index> indexes, List<Trigger> triggers) {
        Relation(String kind, String definition) {
            this(kind, definition, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private SchemaModel read(Connection connection, String schema, List<ExtensionRow> extensionRows)
            throws SQLException {
        List<Extension> extensions = extensionRows.stream().map(e -> new Extension(e.name(), e.version())).toList();
        List<SqlFunction> functions = query(connection, SchemaQueries.FUNCTIONS, schema, rs -> new SqlFunction(
                rs.getString("proname"), rs.getString("arguments"), rs.getString("lanname"), rs.getString("returns"),
                rs.getString("prosrc")));

        Map<String, Relation> relations = new LinkedHashMap<>();
        for (String[] row : query(connection, SchemaQueries.RELATIONS, schema, rs -> new String[] {
                rs.getString("relname"), rs.getString("relkind"), rs.getString("definition")})) {
            relations.put(row[0], new Relation(row[1], row[2]));
        }
        for (Object[] row : query(connection, SchemaQueries.COLUMNS, schema, rs -> new Object[] {
                rs.getString("relname"), new Column(rs.getString("attname"), rs.getString("type"),
                rs.getBoolean("attnotnull"), rs.getString("default_expression"),
                Column.Identity.ofCatalog(rs.getString("identity")), rs.getBoolean("generated"))})) {
            relation(relations, (String) row[0]).columns().add((Column) row[1]);
        }
        for (Object[] row : query(connection, SchemaQueries.CONSTRAINTS, schema, rs -> new Object[] {
                rs.getString("relname"), Constraint.of(rs.getString("conname"), rs.getString("definition"))})) {
            relation(relations, (String) row[0]).constraints().add((Constraint) row[1]);
        }
        for (Object[] row : query(connection, SchemaQueries.INDEXES, schema, rs -> new Object[] {
                rs.getString("relname"), index(rs)})) {
            relation(relations, (String) row[0]).indexes().add((Index) row[1]);
        }
        for (Object[] row : query(connection, SchemaQueries.TRIGGERS, schema, rs -> new Object[] {
                rs.getString("relname"), new Trigger(rs.getString("tgname"), rs.getString("definition"))})) {
            relation(relations, (String) row[0]).triggers().add((Trigger) row[1]);
        }

        List<Hypertable> hypertables = List.of();
        List<ContinuousAggregate> aggregates = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        if (extensionRows.stream().anyMatch(e -> e.name().equals("timescaledb"))) {
            hypertables = query(connection, SchemaQueries.HYPERTABLES, schema, rs -> new Hypertable(
                    rs.getString("hypertable_name"), rs.getString("column_name"), rs.getString("chunk_interval"),
                    rs.getBoolean("compression_enabled"), strings(rs.getArray("segment_by")),
                    strings(rs.getArray("order_by"))));
            for (ContinuousAggregate aggregate : query(connection, SchemaQueries.CONTINUOUS_AGGREGATES, schema,
                    rs -> new ContinuousAggregate(rs.getString("view_name"), rs.getBoolean("materialized_only"),
                            rs.getString("view_definition"), List.of()))) {
                // Its view is the aggregate's face: its columns belong to the aggregate, not to a plain view.
                Relation view = relations.remove(aggregate.name());
                aggregates.add(new ContinuousAggregate(aggregate.name(), aggregate.materializedOnly(),
                        aggregate.definition(), view == null ? List.of() : view.columns()));
            }
            for (Job job : query(connection, SchemaQueries.JOBS, schema, CatalogInspector::job)) {
                if (job != null) {
                    jobs.add(job);
                }
            }
        }

        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        relations.forEach((name, r) -> {
            if (r.kind().equals("r") || r.kind().equals("p")) {
                tables.add(new Table(name, r.columns(), r.constraints(), r.indexes(), r.triggers()));
            } else {
                views.add(new View(name, r.kind().equals("m"), r.definition(), r.columns(), r.indexes()));
            }
        });
        return new SchemaModel(extensions, functions, tables, views, hypertables, aggregates, jobs);
    }

    private static Relation relation(Map<String, Relation> relations, String name) {
        Relation relation = relations.get(name);
        if (relation == null) {
            // Every query filters relations alike; a miss means the catalog changed under a non-snapshot read.
            throw new IllegalStateException("catalog changed while it was read: " + name + " appeared");
        }
        return relation;
    }

    private static Index index(ResultSet rs) throws SQLException {
        List<String> expressions = strings(rs.getArray("keys"));
        List<String> operatorClasses = strings(rs.getArray("operator_classes"));
        List<Boolean> descending = booleans(rs.getArray("descending"));
        List<Boolean> nullsFirst = booleans(rs.getArray("nulls_first"));
        List<IndexKey> keys = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            keys.add(new IndexKey(expressions.get(i), operatorClasses.get(i), descending.get(i), nullsFirst.get(i)));
        }
        return new Index(rs.getString("index_name"), rs.getBoolean("indisunique"), rs.getString("amname"), keys,
                strings(rs.getArray("include")), strings(rs.getArray("parameters")), rs.getString("predicate"),
                rs.getBoolean("backs_constraint"));
    }

    private static Job job(ResultSet rs) throws SQLException {
        Job.Kind kind = Job.Kind.ofProcedure(rs.getString("proc_name"));
        if (kind == null) {
            return null;
        }
        List<String> keys = strings(rs.getArray("config_keys"));
        List<String> values = strings(rs.getArray("config_values"));
        TreeMap<String, String> config = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            config.put(keys.get(i), values.get(i));
        }
        return new Job(kind, rs.getString("target"), rs.getString("schedule_interval"), config,
                rs.getBoolean("scheduled"));
    }

    private static List<ExtensionRow> extensions(Connection connection) throws SQLException {
        List<ExtensionRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SchemaQueries.EXTENSIONS)) {
            while (rs.next()) {
                rows.add(new ExtensionRow(rs.getString("extname"), rs.getString("extversion"), rs.getString("schema")));
            }
        }
        return rows;
    }

    private static String[] settings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('search_path'), current_setting('IntervalStyle')")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    /** Transaction-local, so they end with the inspection's own transaction. */
    private static void configure(Connection connection, String searchPath, String intervalStyle) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('search_path', ?, true), set_config('IntervalStyle', ?, true)")) {
            statement.setString(1, searchPath);
            statement.setString(2, intervalStyle);
            statement.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection connection, String sql, String schema, RowReader<T> reader)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
        }
        return rows;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> strings = new ArrayList<>(values.length);
        for (Object value : values) {
            strings.add(value == null ? null : value.toString());
        }
        return strings;
    }

    private static List<Boolean> booleans(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        List<Boolean> booleans = new ArrayList<>(values.length);
        for (Object value : values) {
            booleans.add(Boolean.TRUE.equals(value));
        }
        return booleans;
    }
}
