package com.corpintel.migrate.diff;

import com.corpintel.migrate.diff.PlannedScript.Statement;
import com.corpintel.migrate.inspect.Column;
import com.corpintel.migrate.inspect.Constraint;
import com.corpintel.migrate.inspect.ContinuousAggregate;
import com.corpintel.migrate.inspect.Extension;
import com.corpintel.migrate.inspect.Hypertable;
import com.corpintel.migrate.inspect.Index;
import com.corpintel.migrate.inspect.IndexKey;
import com.corpintel.migrate.inspect.Job;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SqlFunction;
import com.corpintel.migrate.inspect.Table;
import com.corpintel.migrate.inspect.Trigger;
import com.corpintel.migrate.inspect.View;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plans the SQL that turns one schema model into another (Atlas's "plan" step after
 * inspect and diff). The undo of a migration is the plan in the other direction, so a
 * pair is reversible by construction. Pure: no database.
 *
 * <p>Order: everything that goes away first, dependents before what they depend on
 * (policies, continuous aggregates, views, triggers, foreign keys, indexes, keys,
 * tables, columns, functions, extensions); then everything new, referenced objects
 * first (extensions, functions, tables, columns, keys, hypertables, indexes, foreign
 * keys, triggers, compression, views, continuous aggregates, policies). Within a phase,
 * objects go by name (tables by their foreign keys, then name), so the output is stable.
 *
 * <p>On a table that exists before the script, it plans for a populated database:
 * indexes are built CONCURRENTLY (on a hypertable, which rejects that, WITH
 * (timescaledb.transaction_per_chunk)), which makes the script non-transactional; foreign
 * keys and checks are added NOT VALID and validated in a second statement.
 */
public final class MigrationPlanner {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
            "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading",
            "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
            "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table", "then", "to",
            "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with");

    private final SchemaModel from;
    private final SchemaModel to;
    private final List<Statement> statements = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private MigrationPlanner(SchemaModel from, SchemaModel to) {
        this.from = from;
        this.to = to;
    }

    /** The statements that turn {@code from} into {@code to}; empty when they are equal. */
    public static PlannedScript plan(SchemaModel from, SchemaModel to) {
        MigrationPlanner planner = new MigrationPlanner(from, to);
        planner.dropPhase();
        planner.createPhase();
        boolean transactional = planner.statements.stream().noneMatch(Statement::nonTransactional);
        return new PlannedScript(planner.statements, transactional, planner.warnings);
    }

    // ------------------------------------------------------------------ what goes away

    private void dropPhase() {
        for (Job job : from.jobs()) {
            if (!to.jobs().contains(job)) {
                add("SELECT " + removePolicy(job.kind()) + "(" + literal(job.target()) + ", if_exists => true)");
            }
        }
        for (ContinuousAggregate aggregate : from.continuousAggregates()) {
            if (!to.continuousAggregates().contains(aggregate)) {
                comment("continuous aggregate " + aggregate.name() + ": its materialized data is recomputed by"
                        + " its refresh policy or CALL refresh_continuous_aggregate");
                add("DROP MATERIALIZED VIEW " + name(aggregate.name()));
            }
        }
        for (View view : reversed(viewsToRebuild())) {
            add("DROP " + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + name(view.name()));
        }
        for (Table table : keptTables()) {
            Table target = to.table(table.name()).orElseThrow();
            for (Trigger trigger : table.triggers()) {
                if (!target.triggers().contains(trigger)) {
                    add("DROP TRIGGER " + name(trigger.name()) + " ON " + name(table.name()));
                }
            }
        }
        for (Table table : keptTables()) {
            for (Constraint constraint : removed(table, Constraint.Kind.FOREIGN_KEY, true)) {
                add("ALTER TABLE " + name(table.name()) + " DROP CONSTRAINT " + name(constraint.name()));
            }
        }
        for (Table table : keptTables()) {
            for (Index index : table.indexes()) {
                if (!index.backsConstraint() && !to.table(table.name()).orElseThrow().indexes().contains(index)) {
                    dropIndex(table.name(), index, isHypertable(from, table.name()));
                }
            }
        }
        for (View view : from.views()) {
            Optional<View> target = to.view(view.name());
            if (target.isPresent() && !rebuilt(view)) {
                for (Index index : view.indexes()) {
                    if (!target.get().indexes().contains(index)) {
                        dropIndex(view.name(), index, false);
                    }
                }
            }
        }
        for (Table table : keptTables()) {
            for (Constraint constraint : removed(table, Constraint.Kind.FOREIGN_KEY, false)) {
                add("ALTER TABLE " + name(table.name()) + " DROP CONSTRAINT " + name(constraint.name()));
            }
        }
        for (Hypertable hypertable : from.hypertables()) {
            Optional<Hypertable> target = to.hypertable(hypertable.table());
            if (hypertable.compressionEnabled() && target.isPresent()
                    && !sameCompression(hypertable, target.get())) {
                comment("compressed chunks must be decompressed before compression settings change");
                add("SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks(" + literal(hypertable.table())
                        + ") c");
                if (!target.get().compressionEnabled()) {
                    add("ALTER TABLE " + name(hypertable.table()) + " SET (timescaledb.compress = false)");
                }
            }
            if (target.isEmpty() && to.table(hypertable.table()).isPresent()) {
                destructive("hypertable " + hypertable.table() + " cannot become an ordinary table in place:"
                        + " copy its rows to a new table by hand");
                add("DO $$ BEGIN RAISE EXCEPTION 'turning hypertable " + hypertable.table().replace("'", "''")
                        + " back into an ordinary table is not automated'; END $$");
            }
        }
        List<Table> dropped = from.tables().stream().filter(t -> to.table(t.name()).isEmpty()).toList();
        for (Table table : reversed(byReferences(dropped))) {
            destructive("drops table " + table.name() + " and every row in it");
            add("DROP TABLE " + name(table.name()));
        }
        for (Table table : keptTables()) {
            Table target = to.table(table.name()).orElseThrow();
            for (Column column : table.columns()) {
                if (target.column(column.name()).isEmpty()) {
                    destructive("drops column " + table.name() + "." + column.name() + " and its data");
                    add("ALTER TABLE " + name(table.name()) + " DROP COLUMN " + name(column.name()));
                }
            }
        }
        for (SqlFunction function : from.functions()) {
            Optional<SqlFunction> target = function(to, function.signature());
            if (target.isEmpty() || !Objects.equals(target.get().returns(), function.returns())
                    || !target.get().language().equals(function.language())) {
                add("DROP " + (function.returns() == null ? "PROCEDURE " : "FUNCTION ") + name(function.name())
                        + "(" + function.arguments() + ")");
            }
        }
        for (Extension extension : from.extensions()) {
            if (!to.hasExtension(extension.name())) {
                destructive("drops extension " + extension.name() + " and every object of it");
                add("DROP EXTENSION " + name(extension.name()));
            }
        }
    }

    private void dropIndex(String relation, Index index, boolean hypertable) {
        if (hypertable) {
            add("DROP INDEX " + name(index.name()));
        } else {
            nonTransactional("DROP INDEX CONCURRENTLY " + name(index.name()));
        }
    }

    // ------------------------------------------------------------------ what is new or changed

    private void createPhase() {
        for (Extension extension : to.extensions()) {
            if (!from.hasExtension(extension.name())) {
                add("CREATE EXTENSION IF NOT EXISTS " + name(extension.name()));
            }
        }
        for (SqlFunction function : to.functions()) {
            if (!Optional.of(function).equals(function(from, function.signature()))) {
                String quote = function.body().contains("$$") ? "$body$" : "$$";
                add("CREATE OR REPLACE " + (function.returns() == null ? "PROCEDURE " : "FUNCTION ")
                        + name(function.name()) + "(" + function.arguments() + ")"
                        + (function.returns() == null ? "" : " RETURNS " + function.returns())
                        + "\nLANGUAGE " + function.language() + " AS " + quote + " " + function.body() + " " + quote);
            }
        }
        List<Table> created = to.tables().stream().filter(t -> from.table(t.name()).isEmpty()).toList();
        for (Table table : byReferences(created)) {
            createTable(table);
        }
        for (Table table : keptTables()) {
            alterColumns(from.table(table.name()).orElseThrow(), to.table(table.name()).orElseThrow());
        }
        for (Table table : keptTables()) {
            for (Constraint constraint : added(table.name(), false)) {
                addConstraint(table.name(), constraint, true);
            }
        }
        for (Hypertable hypertable : to.hypertables()) {
            Optional<Hypertable> before = from.hypertable(hypertable.table());
            if (before.isEmpty()) {
                boolean existing = from.table(hypertable.table()).isPresent();
                add("SELECT create_hypertable(" + literal(hypertable.table()) + ", " + literal(hypertable.timeColumn())
                        + ", chunk_time_interval => INTERVAL " + literal(hypertable.chunkInterval())
                        + ", create_default_indexes => false" + (existing ? ", migrate_data => true" : "") + ")");
            } else if (!before.get().chunkInterval().equals(hypertable.chunkInterval())) {
                comment("applies to chunks created from now on");
                add("SELECT set_chunk_time_interval(" + literal(hypertable.table()) + ", INTERVAL "
                        + literal(hypertable.chunkInterval()) + ")");
            }
        }
        for (Table table : to.tables()) {
            Optional<Table> before = from.table(table.name());
            for (Index index : table.indexes()) {
                if (!index.backsConstraint() && (before.isEmpty() || !before.get().indexes().contains(index))) {
                    createIndex(table.name(), index, before.isPresent(), isHypertable(to, table.name()));
                }
            }
        }
        for (View view : to.views()) {
            Optional<View> before = from.view(view.name());
            if (before.isPresent() && !rebuilt(before.get())) {
                for (Index index : view.indexes()) {
                    if (!before.get().indexes().contains(index)) {
                        createIndex(view.name(), index, true, false);
                    }
                }
            }
        }
        for (Table table : to.tables()) {
            boolean existing = from.table(table.name()).isPresent();
            for (Constraint constraint : added(table.name(), true)) {
                addConstraint(table.name(), constraint, existing);
            }
        }
        for (Table table : to.tables()) {
            Optional<Table> before = from.table(table.name());
            for (Trigger trigger : table.triggers()) {
                if (before.isEmpty() || !before.get().triggers().contains(trigger)) {
                    add(trigger.definition());
                }
            }
        }
        for (Hypertable hypertable : to.hypertables()) {
            Optional<Hypertable> before = from.hypertable(hypertable.table());
            if (hypertable.compressionEnabled() && (before.isEmpty() || !sameCompression(before.get(), hypertable))) {
                List<String> settings = new ArrayList<>(List.of("timescaledb.compress"));
                if (!hypertable.segmentBy().isEmpty()) {
                    settings.add("timescaledb.compress_segmentby = " + literal(String.join(", ", hypertable.segmentBy())));
                }
                if (!hypertable.orderBy().isEmpty()) {
                    settings.add("timescaledb.compress_orderby = " + literal(String.join(", ", hypertable.orderBy())));
                }
                add("ALTER TABLE " + name(hypertable.table()) + " SET (\n    " + String.join(",\n    ", settings) + "\n)");
            }
        }
        for (View view : viewsToRebuild().stream().map(v -> to.view(v.name())).flatMap(Optional::stream).toList()) {
            createView(view);
        }
        for (View view : byMention(to.views().stream().filter(v -> from.view(v.name()).isEmpty()).toList(),
                View::name, View::definition)) {
            createView(view);
        }
        for (ContinuousAggregate aggregate : to.continuousAggregates()) {
            if (!from.continuousAggregates().contains(aggregate)) {
                comment("WITH NO DATA runs inside a transaction; its refresh policy, or CALL"
                        + " refresh_continuous_aggregate outside one, fills it");
                add("CREATE MATERIALIZED VIEW " + name(aggregate.name()) + "\nWITH (timescaledb.continuous,"
                        + " timescaledb.materialized_only = " + aggregate.materializedOnly() + ") AS\n"
                        + query(aggregate.definition()) + "\nWITH NO DATA");
            }
        }
        for (Job job : to.jobs()) {
            if (!from.jobs().contains(job)) {
                addPolicy(job);
            }
        }
    }

    private void createTable(Table table) {
        int width = table.columns().stream().mapToInt(c -> name(c.name()).length()).max().orElse(0);
        int typeWidth = table.columns().stream().mapToInt(c -> c.type().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Column column : table.columns()) {
            String rest = columnOptions(column);
            String line = pad(name(column.name()), width) + " " + (rest.isEmpty() ? column.type()
                    : pad(column.type(), typeWidth) + " " + rest);
            lines.add(line.stripTrailing());
        }
        for (Constraint constraint : table.constraints()) {
            if (constraint.kind() != Constraint.Kind.FOREIGN_KEY) {
                lines.add("CONSTRAINT " + name(constraint.name()) + " " + constraint.definition());
            }
        }
        add("CREATE TABLE " + name(table.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)");
    }

    private static String columnOptions(Column column) {
        List<String> options = new ArrayList<>();
        if (column.identity() != null) {
            options.add("GENERATED " + (column.identity() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT")
                    + " AS IDENTITY");
        }
        if (column.generated()) {
            options.add("GENERATED ALWAYS AS (" + column.defaultExpression() + ") STORED");
        }
        if (column.notNull()) {
            options.add("NOT NULL");
        }
        if (!column.generated() && column.defaultExpression() != null) {
            options.add("DEFAULT " + column.defaultExpression());
        }
        return String.join(" ", options);
    }

    private void alterColumns(Table before, Table after) {
        String table = name(after.name());
        for (Column column : after.columns()) {
            Optional<Column> old = before.column(column.name());
            String col = name(column.name());
            if (old.isEmpty()) {
                if (column.notNull() && column.defaultExpression() == null && column.identity() == null) {
                    warn("adds NOT NULL column " + after.name() + "." + column.name() + " without a default: fails"
                            + " on a table that has rows");
                }
                add("ALTER TABLE " + table + " ADD COLUMN " + (col + " " + column.type() + " "
                        + columnOptions(column)).strip());
                continue;
            }
            Column was = old.get();
            if (was.generated() != column.generated()
                    || (column.generated() && !Objects.equals(was.defaultExpression(), column.defaultExpression()))) {
                destructive("recreates generated column " + after.name() + "." + column.name());
                add("ALTER TABLE " + table + " DROP COLUMN " + col);
                add("ALTER TABLE " + table + " ADD COLUMN " + (col + " " + column.type() + " "
                        + columnOptions(column)).strip());
                continue;
            }
            boolean typeChanges = !was.type().equals(column.type());
            String currentDefault = was.defaultExpression();
            if (typeChanges && currentDefault != null) {
                add("ALTER TABLE " + table + " ALTER COLUMN " + col + " DROP DEFAULT");
                currentDefault = null;
            }
            if (typeChanges) {
                List<String> comments = new ArrayList<>();
                if (!widens(was.type(), column.type())) {
                    String warning = "changes the type of " + after.name() + "." + column.name() + " from "
                            + was.type() + " to " + column.type() + ": may lose data or fail on existing values";
                    warnings.add(warning);
                    comments.add("DESTRUCTIVE: " + warning);
                }
                comments.add("rewrites the table unless the new type is binary-compatible");
                statements.add(new Statement(comments, "ALTER TABLE " + table + " ALTER COLUMN " + col + " TYPE "
                        + column.type() + (baseType(was.type()).equals(baseType(column.type())) ? ""
                        : " USING " + col + "::" + column.type()), false));
            }
            if (!Objects.equals(currentDefault, column.defaultExpression())) {
                add("ALTER TABLE " + table + " ALTER COLUMN " + col + (column.defaultExpression() == null
                        ? " DROP DEFAULT" : " SET DEFAULT " + column.defaultExpression()));
            }
            if (was.notNull() != column.notNull()) {
                if (column.notNull()) {
                    comment("fails while any row holds NULL here; scans the table under an exclusive lock");
                }
                add("ALTER TABLE " + table + " ALTER COLUMN " + col + (column.notNull() ? " SET" : " DROP")
                        + " NOT NULL");
            }
            if (was.identity() != column.identity()) {
                if (column.identity() == null) {
                    add("ALTER TABLE " + table + " ALTER COLUMN " + col + " DROP IDENTITY");
                } else if (was.identity() == null) {
                    add("ALTER TABLE " + table + " ALTER COLUMN " + col + " ADD GENERATED "
                            + (column.identity() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY");
                } else {
                    add("ALTER TABLE " + table + " ALTER COLUMN " + col + " SET GENERATED "
                            + (column.identity() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT"));
                }
            }
        }
    }

    private void addConstraint(String table, Constraint constraint, boolean existingTable) {
        boolean validateLater = existingTable && (constraint.kind() == Constraint.Kind.FOREIGN_KEY
                || constraint.kind() == Constraint.Kind.CHECK);
        if (validateLater) {
            comment("NOT VALID first: existing rows are checked by VALIDATE without blocking writes");
            add("ALTER TABLE " + name(table) + " ADD CONSTRAINT " + name(constraint.name()) + " "
                    + constraint.definition() + " NOT VALID");
            add("ALTER TABLE " + name(table) + " VALIDATE CONSTRAINT " + name(constraint.name()));
        } else {
            add("ALTER TABLE " + name(table) + " ADD CONSTRAINT " + name(constraint.name()) + " "
                    + constraint.definition());
        }
    }

    private void createIndex(String relation, Index index, boolean existing, boolean hypertable) {
        String keys = index.keys().stream().map(IndexKey::text).collect(Collectors.joining(", "));
        List<String> with = new ArrayList<>();
        if (existing && hypertable) {
            // TimescaleDB rejects CONCURRENTLY on a hypertable; this builds chunk by chunk instead.
            with.add("timescaledb.transaction_per_chunk");
        }
        with.addAll(index.parameters().stream().map(p -> p.replaceFirst("=", " = ")).toList());
        String sql = "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
                + (existing && !hypertable ? "CONCURRENTLY " : "") + name(index.name()) + " ON " + name(relation)
                + (index.method().equals("btree") ? "" : " USING " + index.method()) + " (" + keys + ")"
                + (index.include().isEmpty() ? "" : " INCLUDE (" + names(index.include()) + ")")
                + (with.isEmpty() ? "" : " WITH (" + String.join(", ", with) + ")")
                + (index.predicate() == null ? "" : " WHERE " + index.predicate());
        if (existing) {
            statements.add(new Statement(List.of("outside a transaction: writes go on while it builds;"
                    + " a failed build leaves an INVALID index to drop"), sql, true));
        } else {
            add(sql);
        }
    }

    private void createView(View view) {
        add("CREATE " + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + name(view.name()) + " AS\n"
                + query(view.definition()) + (view.materialized() ? "\nWITH DATA" : ""));
        for (Index index : view.indexes()) {
            createIndex(view.name(), index, false, false);
        }
    }

    private void addPolicy(Job job) {
        Map<String, String> config = new TreeMap<>(job.config());
        List<String> arguments = new ArrayList<>(List.of(literal(job.target())));
        List<String> known = switch (job.kind()) {
            case COMPRESSION -> List.of("compress_after");
            case RETENTION -> List.of("drop_after");
            case REFRESH -> List.of("start_offset", "end_offset");
            case REORDER -> List.of("index_name");
        };
        for (String key : known) {
            String value = config.remove(key);
            if (value != null) {
                arguments.add(key + " => " + (key.equals("index_name") ? literal(value)
                        : value.equals("null") ? "NULL" : "INTERVAL " + literal(value)));
            }
        }
        arguments.add("schedule_interval => INTERVAL " + literal(job.scheduleInterval()));
        List<String> comments = config.isEmpty() ? List.of()
                : List.of("not set here, TimescaleDB's defaults apply: " + config);
        statements.add(new Statement(comments, "SELECT " + addPolicy(job.kind()) + "(" + String.join(", ", arguments)
                + ")", false));
        if (!job.scheduled()) {
            add("SELECT alter_job(j.job_id, scheduled => false) FROM timescaledb_information.jobs j"
                    + " WHERE j.proc_name = " + literal(job.kind().procedure) + " AND j.hypertable_name = "
                    + literal(job.target()));
        }
    }

    private static String addPolicy(Job.Kind kind) {
        return switch (kind) {
            case COMPRESSION -> "add_compression_policy";
            case RETENTION -> "add_retention_policy";
            case REFRESH -> "add_continuous_aggregate_policy";
            case REORDER -> "add_reorder_policy";
        };
    }

    private static String removePolicy(Job.Kind kind) {
        return switch (kind) {
            case COMPRESSION -> "remove_compression_policy";
            case RETENTION -> "remove_retention_policy";
            case REFRESH -> "remove_continuous_aggregate_policy";
            case REORDER -> "remove_reorder_policy";
        };
    }

    // ------------------------------------------------------------------ what depends on what

    private List<Table> keptTables() {
        return from.tables().stream().filter(t -> to.table(t.name()).isPresent()).toList();
    }

    /** Constraints of a kept table that are gone or different in {@code to}. */
    private List<Constraint> removed(Table table, Constraint.Kind kind, boolean only) {
        Table target = to.table(table.name()).orElseThrow();
        return table.constraints().stream().filter(c -> (c.kind() == kind) == only)
                .filter(c -> !target.constraints().contains(c)).toList();
    }

    /** Constraints of a table in {@code to} that are new or different; none for a new table but its foreign keys. */
    private List<Constraint> added(String table, boolean foreignKeys) {
        Table target = to.table(table).orElseThrow();
        Optional<Table> before = from.table(table);
        if (before.isEmpty() && !foreignKeys) {
            return List.of(); // created with the table
        }
        return target.constraints().stream()
                .filter(c -> (c.kind() == Constraint.Kind.FOREIGN_KEY) == foreignKeys)
                .filter(c -> before.isEmpty() || !before.get().constraints().contains(c)).toList();
    }

    /**
     * Views of {@code from} dropped or rebuilt: gone, different, or reading a table whose
     * columns change type or go away (PostgreSQL refuses those changes under a view).
     */
    private List<View> viewsToRebuild() {
        return byMention(from.views().stream().filter(this::rebuilt).toList(), View::name, View::definition);
    }

    private boolean rebuilt(View view) {
        Optional<View> target = to.view(view.name());
        if (target.isEmpty() || target.get().materialized() != view.materialized()
                || !target.get().definition().equals(view.definition())) {
            return true;
        }
        for (Table table : from.tables()) {
            Optional<Table> after = to.table(table.name());
            boolean columnsChange = after.isEmpty() || table.columns().stream().anyMatch(c ->
                    after.get().column(c.name()).map(a -> !a.type().equals(c.type())).orElse(true));
            if (columnsChange && mentions(view.definition(), table.name())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(String sql, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_$\"])" + Pattern.quote(name) + "(?![A-Za-z0-9_$\"])").matcher(sql).find();
    }

    /** Tables ordered so that a referenced table comes before the tables that reference it; else by name. */
    private static List<Table> byReferences(List<Table> tables) {
        return ordered(tables, Table::name, t -> t.constraints().stream()
                .filter(c -> c.kind() == Constraint.Kind.FOREIGN_KEY).map(Constraint::referencedTable)
                .collect(Collectors.toSet()));
    }

    /** Relations ordered so that one whose definition names another comes after it; else by name. */
    private static <T> List<T> byMention(List<T> relations, Function<T, String> name, Function<T, String> definition) {
        Set<String> names = relations.stream().map(name).collect(Collectors.toSet());
        return ordered(relations, name, r -> names.stream().filter(n -> !n.equals(name.apply(r)))
                .filter(n -> mentions(definition.apply(r), n)).collect(Collectors.toSet()));
    }

    private static <T> List<T> ordered(List<T> items, Function<T, String> name, Function<T, Set<String>> dependsOn) {
        List<T> pending = new ArrayList<>(items.stream().sorted(Comparator.comparing(name)).toList());
        Set<String> names = pending.stream().map(name).collect(Collectors.toSet());
        Set<String> done = new LinkedHashSet<>();
        List<T> result = new ArrayList<>();
        while (!pending.isEmpty()) {
            T next = pending.stream().filter(item -> dependsOn.apply(item).stream()
                    .allMatch(d -> d.equals(name.apply(item)) || !names.contains(d) || done.contains(d)))
                    .findFirst().orElse(pending.get(0)); // a cycle: break it by name
            pending.remove(next);
            done.add(name.apply(next));
            result.add(next);
        }
        return result;
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static boolean isHypertable(SchemaModel model, String table) {
        return model.hypertable(table).isPresent();
    }

    private static boolean sameCompression(Hypertable a, Hypertable b) {
        return a.compressionEnabled() == b.compressionEnabled() && a.segmentBy().equals(b.segmentBy())
                && a.orderBy().equals(b.orderBy());
    }

    private static Optional<SqlFunction> function(SchemaModel model, String signature) {
        return model.functions().stream().filter(f -> f.signature().equals(signature)).findFirst();
    }

    /** Type changes that keep every value: a longer varchar, a wider integer, varchar to text. */
    static boolean widens(String from, String to) {
        String base = baseType(from);
        if (base.equals(baseType(to))) {
            Integer a = modifier(from);
            Integer b = modifier(to);
            return a != null && (b == null || b >= a) && !from.contains(",");
        }
        return switch (base + " -> " + baseType(to)) {
            case "smallint -> integer", "smallint -> bigint", "integer -> bigint", "real -> double precision",
                 "character varying -> text", "character -> text", "character -> character varying" ->
                    true;
            default -> false;
        };
    }

    private static String baseType(String type) {
        int paren = type.indexOf('(');
        return (paren < 0 ? type : type.substring(0, paren)).strip();
    }

    private static Integer modifier(String type) {
        int open = type.indexOf('(');
        int close = type.indexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        try {
            return Integer.parseInt(type.substring(open + 1, close).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ SQL text

    /** A catalog view definition without its final semicolon. */
    private static String query(String definition) {
        String query = definition.strip();
        return query.endsWith(";") ? query.substring(0, query.length() - 1).strip() : query;
    }

    /** An identifier as SQL must say it: bare when plain and not reserved, else double-quoted. */
    static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() && !RESERVED.contains(name) ? name
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String names(List<String> names) {
        return names.stream().map(MigrationPlanner::name).collect(Collectors.joining(", "));
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    // ------------------------------------------------------------------ collecting

    private final List<String> pendingComments = new ArrayList<>();

    private void comment(String text) {
        pendingComments.add(text);
    }

    private void destructive(String what) {
        warnings.add(what);
        comment("DESTRUCTIVE: " + what);
    }

    private void warn(String what) {
        warnings.add(what);
        comment("WARNING: " + what);
    }

    private void add(String sql) {
        statements.add(new Statement(pendingComments, sql, false));
        pendingComments.clear();
    }

    private void nonTransactional(String sql) {
        statements.add(new Statement(pendingComments, sql, true));
        pendingComments.clear();
    }
}
