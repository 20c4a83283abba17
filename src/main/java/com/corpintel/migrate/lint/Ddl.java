package com.corpintel.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small readers of DDL shapes that both the replay and the rules need. */
public final class Ddl {

    private static final Set<String> COLUMN_CONSTRAINT = Set.of("NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY",
            "UNIQUE", "CHECK", "REFERENCES", "GENERATED", "COLLATE", "USING");

    private Ddl() {
    }

    /** Tokens from {@code from} (inclusive) to {@code to} (exclusive) split at top-level commas. */
    public static List<int[]> items(Statement s, int from, int to) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token t = s.token(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                items.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            items.add(new int[] {start, to});
        }
        return items;
    }

    /** The type written from token {@code from} up to the first column constraint keyword, normalized. */
    public static String type(Statement s, int from, int to) {
        StringBuilder type = new StringBuilder();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token t = s.token(i);
            if (depth == 0 && t.kind() == Token.Kind.WORD && COLUMN_CONSTRAINT.contains(t.text())) {
                break;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            boolean word = t.kind() != Token.Kind.SYMBOL;
            if (word && type.length() > 0 && Character.isLetterOrDigit(type.charAt(type.length() - 1))) {
                type.append(' ');
            }
            type.append(t.kind() == Token.Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : t.text());
        }
        return type.toString();
    }

    /** The index of the first token of the statement's TABLE name after {@code ALTER TABLE [IF EXISTS] [ONLY]}. */
    public static int afterAlterTable(Statement s) {
        int i = 2;
        if (s.matchesAt(i, "IF", "EXISTS")) {
            i += 2;
        }
        if (s.matchesAt(i, "ONLY")) {
            i++;
        }
        return i;
    }

    /** The actions of an ALTER TABLE, each as [start, end) token indexes. */
    public static List<int[]> alterActions(Statement s) {
        Statement.Name table = s.nameAt(afterAlterTable(s));
        if (table == null) {
            return List.of();
        }
        return items(s, table.next(), s.size());
    }

    /** The table an ALTER TABLE works on, or null. */
    public static String alteredTable(Statement s) {
        if (!s.startsWith("ALTER", "TABLE")) {
            return null;
        }
        Statement.Name table = s.nameAt(afterAlterTable(s));
        return table == null ? null : table.name();
    }

    /** For ADD [COLUMN] [IF NOT EXISTS] name, DROP [COLUMN] [IF EXISTS] name, ALTER [COLUMN] name: the column's token index. */
    public static int columnOfAction(Statement s, int start, String verb) {
        int i = start + 1;
        if (s.matchesAt(i, "COLUMN")) {
            i++;
        } else if (verb.equals("ADD") && isConstraintStart(s.token(i))) {
            return -1;
        } else if (verb.equals("DROP") && s.token(i) != null && s.token(i).is("CONSTRAINT")) {
            return -1;
        } else if (verb.equals("ALTER") && s.token(i) != null && s.token(i).is("CONSTRAINT")) {
            return -1;
        }
        if (s.matchesAt(i, "IF", "NOT", "EXISTS")) {
            i += 3;
        } else if (s.matchesAt(i, "IF", "EXISTS")) {
            i += 2;
        }
        return i;
    }

    public static boolean isConstraintStart(Token t) {
        return t != null && t.kind() == Token.Kind.WORD
                && Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE").contains(t.text());
    }

    /** CREATE [UNIQUE] INDEX …: the index's parts, or null for other statements. */
    public static IndexDef index(Statement s) {
        if (!s.startsWith("CREATE")) {
            return null;
        }
        int i = 1;
        if (s.matchesAt(i, "UNIQUE")) {
            i++;
        }
        if (!s.matchesAt(i, "INDEX")) {
            return null;
        }
        i++;
        boolean concurrently = false;
        if (s.matchesAt(i, "CONCURRENTLY")) {
            concurrently = true;
            i++;
        }
        if (s.matchesAt(i, "IF", "NOT", "EXISTS")) {
            i += 3;
        }
        String name = null;
        if (!s.matchesAt(i, "ON")) {
            Statement.Name n = s.nameAt(i);
            name = n == null ? null : n.name();
            i = n == null ? i + 1 : n.next();
        }
        int on = s.find(i, "ON");
        if (on < 0) {
            return null;
        }
        i = on + 1;
        if (s.matchesAt(i, "ONLY")) {
            i++;
        }
        Statement.Name table = s.nameAt(i);
        if (table == null) {
            return null;
        }
        i = table.next();
        String method = "btree";
        if (s.matchesAt(i, "USING") && s.token(i + 1) != null) {
            method = s.token(i + 1).name();
            i += 2;
        }
        int open = s.token(i) != null && s.token(i).isSymbol("(") ? i : -1;
        int close = open < 0 ? i : s.closing(open);
        return new IndexDef(name, table.name(), method, concurrently, open, close, s.token(0));
    }

    /**
     * A CREATE INDEX statement's parts.
     *
     * @param open  index of the "(" of the key list, -1 when missing
     * @param close index of its ")"
     */
    public record IndexDef(String name, String table, String method, boolean concurrently, int open, int close,
                           Token at) {

        public boolean vector() {
            return method.equals("ivfflat") || method.equals("hnsw");
        }
    }

    /**
     * A column as a statement defines it (CREATE TABLE column, ALTER TABLE ADD COLUMN) or retypes it
     * (ALTER COLUMN … TYPE).
     *
     * @param typeAt the type's first token
     * @param end    index after the column's definition
     */
    public record ColumnDef(String table, Token column, Token typeAt, String type, int start, int end,
                            How how) {

        public enum How { CREATED, ADDED, RETYPED }
    }

    /** The column definitions and retypings of a CREATE TABLE or ALTER TABLE statement. */
    public static List<ColumnDef> columns(Statement s) {
        List<ColumnDef> columns = new ArrayList<>();
        if (s.startsWith("CREATE")) {
            int at = s.find(0, "TABLE");
            if (at < 0 || at > 3) {
                return columns;
            }
            int i = at + 1;
            if (s.matchesAt(i, "IF", "NOT", "EXISTS")) {
                i += 3;
            }
            Statement.Name name = s.nameAt(i);
            if (name == null || s.token(name.next()) == null || !s.token(name.next()).isSymbol("(")) {
                return columns;
            }
            int close = s.closing(name.next());
            for (int[] item : items(s, name.next() + 1, close)) {
                Token first = s.token(item[0]);
                if (first == null || isConstraintStart(first) || first.is("LIKE") || item[0] + 1 >= item[1]) {
                    continue;
                }
                columns.add(new ColumnDef(name.name(), first, s.token(item[0] + 1), type(s, item[0] + 1, item[1]),
                        item[0], item[1], ColumnDef.How.CREATED));
            }
        } else if (s.startsWith("ALTER", "TABLE")) {
            String table = alteredTable(s);
            for (int[] action : alterActions(s)) {
                Token verb = s.token(action[0]);
                if (verb == null) {
                    continue;
                }
                if (verb.is("ADD")) {
                    int column = columnOfAction(s, action[0], "ADD");
                    if (column >= 0 && column + 1 < action[1]) {
                        columns.add(new ColumnDef(table, s.token(column), s.token(column + 1),
                                type(s, column + 1, action[1]), action[0], action[1], ColumnDef.How.ADDED));
                    }
                } else if (verb.is("ALTER")) {
                    int column = columnOfAction(s, action[0], "ALTER");
                    int type = column < 0 ? -1 : s.find(column, "TYPE");
                    if (type >= 0 && type < action[1] && type + 1 < action[1]) {
                        columns.add(new ColumnDef(table, s.token(column), s.token(type + 1),
                                type(s, type + 1, action[1]), action[0], action[1], ColumnDef.How.RETYPED));
                    }
                }
            }
        }
        return columns;
    }

    /** The names of DROP … [CONCURRENTLY] [IF EXISTS] a, b [CASCADE]. */
    public static List<String> dropNames(Statement s, int at) {
        int i = at;
        if (s.matchesAt(i, "CONCURRENTLY")) {
            i++;
        }
        if (s.matchesAt(i, "IF", "EXISTS")) {
            i += 2;
        }
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        while (i < s.size()) {
            Statement.Name name = s.nameAt(i);
            if (name == null || s.token(i).is("CASCADE") || s.token(i).is("RESTRICT")) {
                break;
            }
            names.add(name.name());
            i = name.next();
            if (s.token(i) != null && s.token(i).isSymbol(",")) {
                i++;
            } else {
                break;
            }
        }
        return names;
    }

}
