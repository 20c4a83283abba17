package com.corpintel.migrate.diff;

import com.corpintel.migrate.diff.Difference.Kind;
import com.corpintel.migrate.inspect.Column;
import com.corpintel.migrate.inspect.Constraint;
import com.corpintel.migrate.inspect.ContinuousAggregate;
import com.corpintel.migrate.inspect.Extension;
import com.corpintel.migrate.inspect.Hypertable;
import com.corpintel.migrate.inspect.Index;
import com.corpintel.migrate.inspect.IndexKey;
import com.corpintel.migrate.inspect.Job;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.inspect.SqlFunction;
import com.corpintel.migrate.inspect.Table;
import com.corpintel.migrate.inspect.Trigger;
import com.corpintel.migrate.inspect.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two schema models: every object expected but missing, found but not
 * expected, or present with an aspect that differs, one {@link Difference} each.
 * Objects are matched by name; a missing table is one difference, not one per column.
 * Column order and extension versions are not compared. Pure: no database.
 */
public final class SchemaDiff {

    private final List<Difference> differences = new ArrayList<>();

    private SchemaDiff() {
    }

    /** The differences in a stable order: by kind of object as the text form groups them, then by name. */
    public static List<Difference> compare(SchemaModel expected, SchemaModel actual) {
        SchemaDiff diff = new SchemaDiff();
        diff.extensions(expected.extensions(), actual.extensions());
        diff.functions(expected.functions(), actual.functions());
        diff.tables(expected.tables(), actual.tables());
        diff.views(expected.views(), actual.views());
        diff.hypertables(expected.hypertables(), actual.hypertables());
        diff.continuousAggregates(expected.continuousAggregates(), actual.continuousAggregates());
        diff.jobs(expected.jobs(), actual.jobs());
        return List.copyOf(diff.differences);
    }

    // ------------------------------------------------------------------ objects

    private void extensions(List<Extension> expected, List<Extension> actual) {
        match(expected, actual, Extension::name, (e, a) -> {
        }, e -> Difference.missing(Kind.EXTENSION, e.name(), null, SchemaModelText.line(e)),
                a -> Difference.unexpected(Kind.EXTENSION, a.name(), null, SchemaModelText.line(a)));
    }

    private void functions(List<SqlFunction> expected, List<SqlFunction> actual) {
        match(expected, actual, SqlFunction::signature, (e, a) -> {
            aspect(Kind.FUNCTION, e.signature(), null, "language", e.language(), a.language());
            aspect(Kind.FUNCTION, e.signature(), null, "returns", orNone(e.returns()), orNone(a.returns()));
            aspect(Kind.FUNCTION, e.signature(), null, "body", e.body(), a.body());
        }, e -> Difference.missing(Kind.FUNCTION, e.signature(), null, SchemaModelText.line(e)),
                a -> Difference.unexpected(Kind.FUNCTION, a.signature(), null, SchemaModelText.line(a)));
    }

    private void tables(List<Table> expected, List<Table> actual) {
        match(expected, actual, Table::name, (e, a) -> {
            columns(e.name(), e.columns(), a.columns());
            constraints(e.name(), e.constraints(), a.constraints());
            indexes(e.name(), e.indexes(), a.indexes());
            triggers(e.name(), e.triggers(), a.triggers());
        }, e -> Difference.missing(Kind.TABLE, e.name(), null, SchemaModelText.line(e)),
                a -> Difference.unexpected(Kind.TABLE, a.name(), null, SchemaModelText.line(a)));
    }

    private void views(List<View> expected, List<View> actual) {
        match(expected, actual, View::name, (e, a) -> {
            aspect(Kind.VIEW, e.name(), null, "", viewKind(e.materialized()), viewKind(a.materialized()));
            aspect(Kind.VIEW, e.name(), null, "definition", e.definition(), a.definition());
            columns(e.name(), e.columns(), a.columns());
            indexes(e.name(), e.indexes(), a.indexes());
        }, e -> Difference.missing(Kind.VIEW, e.name(), null, SchemaModelText.line(e)),
                a -> Difference.unexpected(Kind.VIEW, a.name(), null, SchemaModelText.line(a)));
    }

    private void hypertables(List<Hypertable> expected, List<Hypertable> actual) {
        match(expected, actual, Hypertable::table, (e, a) -> {
            aspect(Kind.HYPERTABLE, e.table(), null, "time column", e.timeColumn(), a.timeColumn());
            aspect(Kind.HYPERTABLE, e.table(), null, "chunk interval", e.chunkInterval(), a.chunkInterval());
            compression(e, a);
        }, e -> Difference.missing(Kind.HYPERTABLE, e.table(), null, SchemaModelText.line(e)),
                a -> Difference.unexpected(Kind.HYPERTABLE, a.table(), null, SchemaModelText.line(a)));
    }

    /** Compression is reported on its own, so that a server without it shows as exactly that. */
    private void compression(Hypertable expected, Hypertable actual) {
        String table = expected.table();
        if (expected.compressionEnabled() && !actual.compressionEnabled()) {
            differences.add(Difference.missing(Kind.COMPRESSION, table, table,
                    SchemaModelText.compressionDescription(expected)));
        } else if (!expected.compressionEnabled() && actual.compressionEnabled()) {
            differences.add(Difference.unexpected(Kind.COMPRESSION, table, table,
                    SchemaModelText.compressionDescription(actual)));
        } else if (expected.compressionEnabled()) {
            aspect(Kind.COMPRESSION, table, table, "segment by", list(expected.segmentBy()), list(actual.segmentBy()));
            aspect(Kind.COMPRESSION, table, table, "order by", list(expected.orderBy()), list(actual.orderBy()));
        }
    }

    private void continuousAggregates(List<ContinuousAggregate> expected, List<ContinuousAggregate> actual) {
        match(expected, actual, ContinuousAggregate::name, (e, a) -> {
            aspect(Kind.CONTINUOUS_AGGREGATE, e.name(), null, "", refresh(e.materializedOnly()),
                    refresh(a.materializedOnly()));
            aspect(Kind.CONTINUOUS_AGGREGATE, e.name(), null, "definition", e.definition(), a.definition());
            columns(e.name(), e.columns(), a.columns());
        }, e -> Difference.missing(Kind.CONTINUOUS_AGGREGATE, e.name(), null, SchemaModelText.line(e)),
                a -> Difference.unexpected(Kind.CONTINUOUS_AGGREGATE, a.name(), null, SchemaModelText.line(a)));
    }

    private void jobs(List<Job> expected, List<Job> actual) {
        match(expected, actual, j -> j.target() + " " + j.kind().words, (e, a) -> {
            String name = e.kind().words;
            aspect(Kind.JOB, name, e.target(), "schedule interval", e.scheduleInterval(), a.scheduleInterval());
            aspect(Kind.JOB, name, e.target(), "", e.scheduled() ? "scheduled" : "paused",
                    a.scheduled() ? "scheduled" : "paused");
            for (String key : new TreeSet<>(union(e.config().keySet(), a.config().keySet()))) {
                aspect(Kind.JOB, name, e.target(), key, orNotSet(e.config().get(key)), orNotSet(a.config().get(key)));
            }
        }, e -> Difference.missing(Kind.JOB, e.kind().words, e.target(), SchemaModelText.line(e)),
                a -> Difference.unexpected(Kind.JOB, a.kind().words, a.target(), SchemaModelText.line(a)));
    }

    // ------------------------------------------------------------------ parts of tables and views

    private void columns(String relation, List<Column> expected, List<Column> actual) {
        match(expected, actual, Column::name, (e, a) -> {
            aspect(Kind.COLUMN, e.name(), relation, "type", e.type(), a.type());
            aspect(Kind.COLUMN, e.name(), relation, "", e.notNull() ? "NOT NULL" : "nullable",
                    a.notNull() ? "NOT NULL" : "nullable");
            aspect(Kind.COLUMN, e.name(), relation, "default", defaultOf(e), defaultOf(a));
            aspect(Kind.COLUMN, e.name(), relation, "identity",
                    e.identity() == null ? "none" : e.identity().words, a.identity() == null ? "none" : a.identity().words);
        }, e -> Difference.missing(Kind.COLUMN, e.name(), relation, SchemaModelText.line(relation, e)),
                a -> Difference.unexpected(Kind.COLUMN, a.name(), relation, SchemaModelText.line(relation, a)));
    }

    private void constraints(String table, List<Constraint> expected, List<Constraint> actual) {
        match(expected, actual, Constraint::name, (e, a) -> {
            int before = differences.size();
            aspect(Kind.CONSTRAINT, e.name(), table, "", e.kind().keyword, a.kind().keyword);
            if (differences.size() == before) {
                aspect(Kind.CONSTRAINT, e.name(), table, "columns", parenthesised(e.columns()),
                        parenthesised(a.columns()));
                if (e.kind() == Constraint.Kind.FOREIGN_KEY) {
                    aspect(Kind.CONSTRAINT, e.name(), table, "references",
                            e.referencedTable() + " " + parenthesised(e.referencedColumns()),
                            a.referencedTable() + " " + parenthesised(a.referencedColumns()));
                    aspect(Kind.CONSTRAINT, e.name(), table, "ON DELETE", e.onDelete().keyword, a.onDelete().keyword);
                    aspect(Kind.CONSTRAINT, e.name(), table, "ON UPDATE", e.onUpdate().keyword, a.onUpdate().keyword);
                }
            }
            // The definition says what the parts do not (a check's expression, DEFERRABLE, MATCH FULL).
            if (differences.size() == before) {
                aspect(Kind.CONSTRAINT, e.name(), table, "definition", e.definition(), a.definition());
            }
        }, e -> Difference.missing(Kind.CONSTRAINT, e.name(), table, SchemaModelText.line(table, e)),
                a -> Difference.unexpected(Kind.CONSTRAINT, a.name(), table, SchemaModelText.line(table, a)));
    }

    private void indexes(String relation, List<Index> expected, List<Index> actual) {
        match(expected, actual, Index::name, (e, a) -> {
            String name = e.name();
            aspect(Kind.INDEX, name, relation, "", e.unique() ? "unique" : "not unique", a.unique() ? "unique" : "not unique");
            aspect(Kind.INDEX, name, relation, "method", e.method(), a.method());
            int before = differences.size();
            aspect(Kind.INDEX, name, relation, "columns", parenthesised(e.expressions()), parenthesised(a.expressions()));
            if (differences.size() == before) {
                // Same key expressions: compare each key's operator class and order.
                for (int i = 0; i < e.keys().size(); i++) {
                    IndexKey ek = e.keys().get(i);
                    IndexKey ak = a.keys().get(i);
                    aspect(Kind.INDEX, name, relation, "operator class", orDefault(ek.operatorClass()),
                            orDefault(ak.operatorClass()));
                    aspect(Kind.INDEX, name, relation, "order of " + ek.expression(), orAscending(ek.order()),
                            orAscending(ak.order()));
                }
            }
            aspect(Kind.INDEX, name, relation, "include", noneIfEmpty(e.include()), noneIfEmpty(a.include()));
            aspect(Kind.INDEX, name, relation, "parameters", noneIfEmpty(e.parameters()), noneIfEmpty(a.parameters()));
            aspect(Kind.INDEX, name, relation, "predicate", orNone(e.predicate()), orNone(a.predicate()));
            aspect(Kind.INDEX, name, relation, "", backing(e.backsConstraint()), backing(a.backsConstraint()));
        }, e -> Difference.missing(Kind.INDEX, e.name(), relation, SchemaModelText.line(relation, e)),
                a -> Difference.unexpected(Kind.INDEX, a.name(), relation, SchemaModelText.line(relation, a)));
    }

    private void triggers(String table, List<Trigger> expected, List<Trigger> actual) {
        match(expected, actual, Trigger::name,
                (e, a) -> aspect(Kind.TRIGGER, e.name(), table, "definition", e.definition(), a.definition()),
                e -> Difference.missing(Kind.TRIGGER, e.name(), table, SchemaModelText.line(table, e)),
                a -> Difference.unexpected(Kind.TRIGGER, a.name(), table, SchemaModelText.line(table, a)));
    }

    // ------------------------------------------------------------------ the matching

    private interface Both<T> {
        void compare(T expected, T actual);
    }

    /**
     * Walks expected and actual by key: expected ones in their order (missing or
     * compared), then the unexpected ones in theirs.
     */
    private <T> void match(List<T> expected, List<T> actual, Function<T, String> key, Both<T> both,
                           Function<T, Difference> missing, Function<T, Difference> unexpected) {
        Map<String, T> found = new LinkedHashMap<>();
        actual.forEach(a -> found.put(key.apply(a), a));
        for (T e : expected) {
            T a = found.remove(key.apply(e));
            if (a == null) {
                differences.add(missing.apply(e));
            } else {
                both.compare(e, a);
            }
        }
        found.values().forEach(a -> differences.add(unexpected.apply(a)));
    }

    private void aspect(Kind kind, String name, String table, String aspect, String expected, String found) {
        if (!Objects.equals(expected, found)) {
            differences.add(Difference.different(kind, name, table, aspect, expected, found));
        }
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String defaultOf(Column column) {
        if (column.generated()) {
            return "GENERATED ALWAYS AS (" + column.defaultExpression() + ") STORED";
        }
        return column.defaultExpression() == null ? "NULL" : column.defaultExpression();
    }

    private static String viewKind(boolean materialized) {
        return materialized ? "materialized view" : "view";
    }

    private static String refresh(boolean materializedOnly) {
        return materializedOnly ? "materialized only" : "real-time";
    }

    private static String backing(boolean backsConstraint) {
        return backsConstraint ? "backing a constraint" : "not backing a constraint";
    }

    private static String parenthesised(List<String> items) {
        return "(" + String.join(", ", items) + ")";
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static String noneIfEmpty(List<String> items) {
        return items.isEmpty() ? "none" : parenthesised(items);
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String orNotSet(String value) {
        return value == null ? "not set" : value;
    }

    private static String orDefault(String operatorClass) {
        return operatorClass == null ? "default" : operatorClass;
    }

    private static String orAscending(String order) {
        return order.isEmpty() ? "ASC" : order;
    }
}
