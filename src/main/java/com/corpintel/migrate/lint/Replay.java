package com.corpintel.migrate.lint;

import java.util.List;
import java.util.Locale;

/**
 * Applies a statement's DDL to the static model. Understood: CREATE/ALTER/DROP TABLE (columns, types,
 * renames, TimescaleDB compression settings), CREATE/DROP INDEX, create_hypertable, materialized views and
 * continuous aggregates with their refresh policy, retention policies, INSERT and COPY (a table that
 * holds rows). Not understood, so left out of the model: anything inside DO blocks and functions,
 * dynamic SQL, views other than materialized ones, partitions, inheritance, ALTER … RENAME of indexes.
 */
public final class Replay {

    private Replay() {
    }

    static void apply(Statement s, StaticSchema schema, ScriptScope scope) {
        if (s.size() == 0) {
            return;
        }
        if (s.startsWith("CREATE") && createTable(s, schema, scope)) {
            return;
        }
        if (s.startsWith("ALTER", "TABLE")) {
            alterTable(s, schema);
        } else if (s.startsWith("DROP", "TABLE")) {
            dropTables(s, 2, schema);
        } else if (s.startsWith("DROP", "INDEX")) {
            for (String name : Ddl.dropNames(s, 2)) {
                schema.indexes.remove(name);
            }
        } else if (s.startsWith("DROP", "MATERIALIZED", "VIEW")) {
            for (String name : Ddl.dropNames(s, 3)) {
                schema.views.remove(name);
            }
        } else if (s.startsWith("CREATE", "MATERIALIZED", "VIEW")) {
            materializedView(s, schema, scope);
        } else if (s.startsWith("INSERT", "INTO") || s.startsWith("COPY")) {
            Statement.Name table = s.nameAt(s.startsWith("COPY") ? 1 : 2);
            if (table != null) {
                scope.loaded.add(table.name());
            }
        } else if (s.startsWith("SET") || s.startsWith("SET", "LOCAL") || s.startsWith("SET", "SESSION")) {
            scope.maintenanceWorkMem |= s.has("MAINTENANCE_WORK_MEM");
        }
        Ddl.IndexDef index = Ddl.index(s);
        if (index != null && index.name() != null) {
            schema.indexes.put(index.name(), index.table());
        }
        functionCalls(s, schema, scope);
    }

    private static boolean createTable(Statement s, StaticSchema schema, ScriptScope scope) {
        int at = s.find(0, "TABLE");
        if (at < 0 || at > 3 || s.has("FUNCTION") && s.find(0, "FUNCTION") < at) {
            return false;
        }
        int i = at + 1;
        if (s.matchesAt(i, "IF", "NOT", "EXISTS")) {
            i += 3;
        }
        Statement.Name name = s.nameAt(i);
        if (name == null) {
            return false;
        }
        StaticSchema.Table table = new StaticSchema.Table();
        Token next = s.token(name.next());
        if (next != null && next.isSymbol("(")) {
            int close = s.closing(name.next());
            for (int[] item : Ddl.items(s, name.next() + 1, close)) {
                Token first = s.token(item[0]);
                if (first == null || Ddl.isConstraintStart(first) || first.is("LIKE")) {
                    continue;
                }
                table.columns.put(first.name(), Ddl.type(s, item[0] + 1, item[1]));
            }
        } else if (s.has("AS")) {
            scope.loaded.add(name.name());
        }
        schema.putTable(name.name(), table);
        scope.created.add(name.name());
        return true;
    }

    private static void alterTable(Statement s, StaticSchema schema) {
        String name = Ddl.alteredTable(s);
        StaticSchema.Table table = schema.tableToChange(name);
        if (table == null) {
            return;
        }
        for (int[] action : Ddl.alterActions(s)) {
            Token verb = s.token(action[0]);
            if (verb == null) {
                continue;
            }
            if (verb.is("ADD")) {
                int column = Ddl.columnOfAction(s, action[0], "ADD");
                if (column >= 0 && s.token(column) != null) {
                    table.columns.put(s.token(column).name(), Ddl.type(s, column + 1, action[1]));
                }
            } else if (verb.is("DROP")) {
                int column = Ddl.columnOfAction(s, action[0], "DROP");
                if (column >= 0 && s.token(column) != null) {
                    String dropped = s.token(column).name();
                    table.columns.remove(dropped);
                    table.segmentBy.remove(dropped);
                    table.orderBy.remove(dropped);
                }
            } else if (verb.is("ALTER")) {
                int column = Ddl.columnOfAction(s, action[0], "ALTER");
                int type = s.find(column, "TYPE");
                if (column >= 0 && type >= 0 && type < action[1]) {
                    table.columns.put(s.token(column).name(), Ddl.type(s, type + 1, action[1]));
                }
            } else if (verb.is("RENAME")) {
                rename(s, action, name, table, schema);
            } else if (verb.is("SET") && s.token(action[0] + 1) != null && s.token(action[0] + 1).isSymbol("(")) {
                compressionSettings(s, action[0] + 1, table);
            }
        }
    }

    private static void rename(Statement s, int[] action, String name, StaticSchema.Table table, StaticSchema schema) {
        if (s.matchesAt(action[0] + 1, "TO") && s.token(action[0] + 2) != null) {
            schema.removeTable(name);
            schema.putTable(s.token(action[0] + 2).name(), table);
            return;
        }
        int from = s.matchesAt(action[0] + 1, "COLUMN") ? action[0] + 2 : action[0] + 1;
        if (s.token(from) != null && s.matchesAt(from + 1, "TO") && s.token(from + 2) != null) {
            String type = table.columns.remove(s.token(from).name());
            table.columns.put(s.token(from + 2).name(), type);
        }
    }

    /** SET (timescaledb.compress[ = false], timescaledb.compress_segmentby = '…', timescaledb.compress_orderby = '…'). */
    static void compressionSettings(Statement s, int open, StaticSchema.Table table) {
        int close = s.closing(open);
        for (int[] option : Ddl.items(s, open + 1, close)) {
            String key = optionName(s, option);
            String value = optionValue(s, option);
            switch (key) {
                case "timescaledb.compress", "tsdb.compress" -> {
                    table.compression = value == null || List.of("true", "on", "t", "1").contains(value);
                    if (!table.compression) {
                        table.segmentBy.clear();
                        table.orderBy.clear();
                    }
                }
                case "timescaledb.compress_segmentby", "tsdb.segmentby" -> {
                    table.segmentBy.clear();
                    table.segmentBy.addAll(columnList(value));
                }
                case "timescaledb.compress_orderby", "tsdb.orderby" -> {
                    table.orderBy.clear();
                    table.orderBy.addAll(columnList(value));
                }
                default -> {
                }
            }
        }
    }

    static String optionName(Statement s, int[] option) {
        StringBuilder key = new StringBuilder();
        for (int i = option[0]; i < option[1] && !s.token(i).isSymbol("="); i++) {
            key.append(s.token(i).kind() == Token.Kind.SYMBOL ? s.token(i).text() : s.token(i).name());
        }
        return key.toString();
    }

    static String optionValue(Statement s, int[] option) {
        for (int i = option[0]; i < option[1]; i++) {
            if (s.token(i).isSymbol("=") && s.token(i + 1) != null) {
                return s.token(i + 1).text().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** 'company_id, metric_type' or 'metric_date DESC, period_type' → the column names. */
    private static List<String> columnList(String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .map(part -> part.split("\\s+")[0].replace("\"", ""))
                .toList();
    }

    private static void dropTables(Statement s, int at, StaticSchema schema) {
        for (String name : Ddl.dropNames(s, at)) {
            schema.removeTable(name);
            schema.indexes.values().removeIf(name::equals);
            schema.views.values().removeIf(v -> name.equals(v.source()));
        }
    }

    private static void materializedView(Statement s, StaticSchema schema, ScriptScope scope) {
        int i = 3;
        if (s.matchesAt(i, "IF", "NOT", "EXISTS")) {
            i += 3;
        }
        Statement.Name name = s.nameAt(i);
        if (name == null) {
            return;
        }
        int as = s.find(name.next(), "AS");
        int from = as < 0 ? -1 : s.find(as, "FROM");
        Statement.Name source = from < 0 ? null : s.nameAt(from + 1);
        boolean continuous = isContinuous(s);
        schema.views.put(name.name(), new StaticSchema.View(name.name(), source == null ? null : source.name(),
                continuous, null));
    }

    /** CREATE MATERIALIZED VIEW … WITH (timescaledb.continuous …). */
    public static boolean isContinuous(Statement s) {
        for (int i = 0; i + 2 < s.size(); i++) {
            if ((s.token(i).is("TIMESCALEDB") || s.token(i).is("TSDB")) && s.token(i + 1).isSymbol(".")
                    && s.token(i + 2).is("CONTINUOUS")) {
                return true;
            }
        }
        return false;
    }

    private static void functionCalls(Statement s, StaticSchema schema, ScriptScope scope) {
        for (Calls.Call call : Calls.of(s, "create_hypertable")) {
            StaticSchema.Table table = schema.tableToChange(tableArgument(call));
            if (table != null) {
                table.hypertable = true;
            }
        }
        for (Calls.Call call : Calls.of(s, "add_retention_policy")) {
            StaticSchema.Table table = schema.tableToChange(tableArgument(call));
            Calls.Argument dropAfter = call.argument("drop_after", 1);
            if (table != null && dropAfter != null) {
                table.retentionSeconds = dropAfter.seconds();
            }
        }
        for (Calls.Call call : Calls.of(s, "remove_retention_policy")) {
            StaticSchema.Table table = schema.tableToChange(tableArgument(call));
            if (table != null) {
                table.retentionSeconds = null;
            }
        }
        for (Calls.Call call : Calls.of(s, "add_continuous_aggregate_policy")) {
            String view = tableArgument(call);
            StaticSchema.View v = schema.view(view);
            Calls.Argument start = call.argument("start_offset", 1);
            if (v != null) {
                schema.views.put(view, new StaticSchema.View(v.name(), v.source(), v.continuous(),
                        start == null ? null : start.seconds()));
            }
        }
        for (Calls.Call call : Calls.of(s, "remove_continuous_aggregate_policy")) {
            StaticSchema.View v = schema.view(tableArgument(call));
            if (v != null) {
                schema.views.put(v.name(), new StaticSchema.View(v.name(), v.source(), v.continuous(), null));
            }
        }
        // A DO block's body is a string: look inside it too for the calls that matter.
        if (s.has("DECOMPRESS_CHUNK") || s.tokens().stream().anyMatch(t -> t.kind() == Token.Kind.STRING
                && t.text().toLowerCase(Locale.ROOT).contains("decompress_chunk("))) {
            scope.decompressed = true;
        }
        if (!Calls.of(s, "set_config").isEmpty() && s.has("MAINTENANCE_WORK_MEM")) {
            scope.maintenanceWorkMem = true;
        }
        for (Token t : s.tokens()) {
            if (t.kind() == Token.Kind.STRING && t.text().toLowerCase(Locale.ROOT).contains("maintenance_work_mem")) {
                scope.maintenanceWorkMem = true;
            }
        }
    }

    /** The first argument of a TimescaleDB function: a table or view name given as a string. */
    public static String tableArgument(Calls.Call call) {
        Calls.Argument first = call.argument("relation", 0);
        if (first == null) {
            first = call.argument("hypertable", 0);
        }
        String name = first == null ? null : first.string();
        return name == null ? null : Statement.bareName(name);
    }
}
