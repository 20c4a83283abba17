package com.corpintel.migrate.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What exists before a statement, as far as replaying the earlier scripts' DDL tells: tables and
 * their column types, which are hypertables with which compression settings and retention, indexes,
 * and continuous aggregates with their refresh window. Names are bare (schema qualification dropped),
 * since every platform object lives in one schema.
 */
public final class StaticSchema {

    /** A table and what TimescaleDB knows about it. */
    public static final class Table {
        public final Map<String, String> columns = new LinkedHashMap<>();
        public boolean hypertable;
        public boolean compression;
        public final Set<String> segmentBy = new LinkedHashSet<>();
        public final Set<String> orderBy = new LinkedHashSet<>();
        /** drop_after of its retention policy, in seconds; null without one. */
        public Long retentionSeconds;

        Table copy() {
            Table t = new Table();
            t.columns.putAll(columns);
            t.hypertable = hypertable;
            t.compression = compression;
            t.segmentBy.addAll(segmentBy);
            t.orderBy.addAll(orderBy);
            t.retentionSeconds = retentionSeconds;
            return t;
        }
    }

    /**
     * A materialized view; {@code continuous} for a TimescaleDB continuous aggregate.
     *
     * @param refreshStartSeconds start_offset of its refresh policy, null without one
     */
    public record View(String name, String source, boolean continuous, Long refreshStartSeconds) {
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    final Map<String, String> indexes = new LinkedHashMap<>();
    final Map<String, View> views = new LinkedHashMap<>();
    /**
     * The tables this schema may change in place; any other may be shared with a copy and is
     * copied the first time it changes ({@link #tableToChange}). A copy per undo script must not
     * copy every table: at thousands of scripts that made linting quadratic.
     */
    private final Set<String> owned = new HashSet<>();
    /** For each table the current script created, dropped or renamed: whether it existed when the script began. */
    private final Map<String, Boolean> atScriptStart = new HashMap<>();

    /** Everything as it is now; the tables are shared until either side changes one. */
    public StaticSchema copy() {
        StaticSchema s = new StaticSchema();
        s.tables.putAll(tables);
        owned.clear();
        s.indexes.putAll(indexes);
        s.views.putAll(views);
        return s;
    }

    /** A script begins: {@link #existedWhenScriptBegan} answers for the state now. */
    void beginScript() {
        atScriptStart.clear();
    }

    /** The table was there when the current script began, whatever the script did to it since. */
    boolean existedWhenScriptBegan(String name) {
        Boolean existed = atScriptStart.get(name);
        return existed != null ? existed : tables.containsKey(name);
    }

    void putTable(String name, Table table) {
        atScriptStart.putIfAbsent(name, tables.containsKey(name));
        tables.put(name, table);
        owned.add(name);
    }

    Table removeTable(String name) {
        atScriptStart.putIfAbsent(name, tables.containsKey(name));
        owned.remove(name);
        return tables.remove(name);
    }

    /** The table, to change in place: this schema's own, copied first if a copy may share it. */
    Table tableToChange(String name) {
        Table table = table(name);
        if (table != null && owned.add(name)) {
            table = table.copy();
            tables.put(name, table);
        }
        return table;
    }

    /** The table, to read: change it only through {@link #tableToChange}. */
    public Table table(String name) {
        return name == null ? null : tables.get(name);
    }

    public boolean hasTable(String name) {
        return table(name) != null;
    }

    public boolean isHypertable(String name) {
        Table t = table(name);
        return t != null && t.hypertable;
    }

    /** The table an index belongs to, or null when no earlier script created it. */
    public String tableOfIndex(String index) {
        return indexes.get(index);
    }

    public View view(String name) {
        return views.get(name);
    }

    public List<View> continuousAggregatesOn(String table) {
        List<View> on = new ArrayList<>();
        for (View v : views.values()) {
            if (v.continuous() && table.equals(v.source())) {
                on.add(v);
            }
        }
        return on;
    }
}
