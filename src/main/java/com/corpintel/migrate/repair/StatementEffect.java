package com.corpintel.migrate.repair;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one statement of a migration or undo script leaves in the catalog, for the
 * statements whose effect a catalog lookup can tell: an index, a table or a column that
 * exists or not afterwards. Any other statement is {@link Kind#UNKNOWN}: repair cannot
 * tell whether it ran.
 */
public record StatementEffect(String statement, Kind kind, String table, String name, boolean rerunnable) {

    public enum Kind {
        CREATE_INDEX, CREATE_TABLE, ADD_COLUMN, DROP_INDEX, DROP_TABLE, DROP_COLUMN, UNKNOWN;

        /** The statement's effect is that its object exists (else: that it is gone). */
        boolean creates() {
            return this == CREATE_INDEX || this == CREATE_TABLE || this == ADD_COLUMN;
        }
    }

    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+(?:ONLY\\s+)?" + NAME + "\\b.*", FLAGS);
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*\\(.*", FLAGS);
    private static final Pattern ADD_COLUMN = Pattern.compile("ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
            + NAME + "\\s+ADD\\s+(?:COLUMN\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+[^,]*", FLAGS);
    private static final Pattern DROP_INDEX = Pattern.compile("DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(IF\\s+EXISTS\\s+)?"
            + NAME + "\\s*(?:CASCADE|RESTRICT)?\\s*", FLAGS);
    private static final Pattern DROP_TABLE = Pattern.compile("DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?" + NAME
            + "\\s*(?:CASCADE|RESTRICT)?\\s*", FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile("ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
            + NAME + "\\s+DROP\\s+(?:COLUMN\\s+)?(IF\\s+EXISTS\\s+)?" + NAME + "\\s*(?:CASCADE|RESTRICT)?\\s*", FLAGS);
    private static final java.util.Set<String> NOT_COLUMNS = java.util.Set.of("constraint", "primary", "unique",
            "foreign", "check", "exclude");

    /** The effect of one statement as {@code SqlStatements.split} gives it (comments before it allowed). */
    public static StatementEffect of(String statement) {
        String sql = withoutLeadingComments(statement).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        Matcher m;
        if ((m = CREATE_INDEX.matcher(sql)).matches()) {
            return new StatementEffect(statement, Kind.CREATE_INDEX, name(m.group(3)), name(m.group(2)), m.group(1) != null);
        }
        if ((m = CREATE_TABLE.matcher(sql)).matches()) {
            return new StatementEffect(statement, Kind.CREATE_TABLE, name(m.group(2)), name(m.group(2)), m.group(1) != null);
        }
        if ((m = ADD_COLUMN.matcher(sql)).matches() && !NOT_COLUMNS.contains(name(m.group(3)))) {
            return new StatementEffect(statement, Kind.ADD_COLUMN, name(m.group(1)), name(m.group(3)), m.group(2) != null);
        }
        if ((m = DROP_INDEX.matcher(sql)).matches()) {
            return new StatementEffect(statement, Kind.DROP_INDEX, null, name(m.group(2)), m.group(1) != null);
        }
        if ((m = DROP_TABLE.matcher(sql)).matches()) {
            return new StatementEffect(statement, Kind.DROP_TABLE, name(m.group(2)), name(m.group(2)), m.group(1) != null);
        }
        if ((m = DROP_COLUMN.matcher(sql)).matches() && !NOT_COLUMNS.contains(name(m.group(3)))) {
            return new StatementEffect(statement, Kind.DROP_COLUMN, name(m.group(1)), name(m.group(3)), m.group(2) != null);
        }
        return new StatementEffect(statement, Kind.UNKNOWN, null, null, false);
    }

    /** The object in words: "index idx_a on t", "table t", "column t.c". */
    public String subject() {
        return switch (kind) {
            case CREATE_INDEX, DROP_INDEX -> "index " + name + (table == null ? "" : " on " + table);
            case CREATE_TABLE, DROP_TABLE -> "table " + name;
            case ADD_COLUMN, DROP_COLUMN -> "column " + table + "." + name;
            case UNKNOWN -> "`" + oneLine() + "`";
        };
    }

    /** The statement, comments before it left out, on one line. */
    public String oneLine() {
        return withoutLeadingComments(statement).strip().replaceAll("\\s+", " ");
    }

    /** SQL that takes this statement's effect back, if it is one that can be (no data to restore). */
    Optional<String> inverse(String schema) {
        String qualifiedTable = table == null ? null : quote(schema) + "." + quote(table);
        return switch (kind) {
            case CREATE_INDEX -> Optional.of("DROP INDEX CONCURRENTLY IF EXISTS " + quote(schema) + "." + quote(name) + ";");
            case CREATE_TABLE -> Optional.of("DROP TABLE IF EXISTS " + qualifiedTable + "; -- destroys its rows");
            case ADD_COLUMN -> Optional.of("ALTER TABLE " + qualifiedTable + " DROP COLUMN IF EXISTS " + quote(name)
                    + "; -- destroys its values");
            default -> Optional.empty();
        };
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** An unquoted identifier folds to lower case; a schema prefix is dropped (the target schema is searched). */
    private static String name(String qualified) {
        String last = qualified;
        int dot = lastDotOutsideQuotes(qualified);
        if (dot >= 0) {
            last = qualified.substring(dot + 1);
        }
        return last.startsWith("\"") ? last.substring(1, last.length() - 1) : last.toLowerCase(Locale.ROOT);
    }

    private static int lastDotOutsideQuotes(String s) {
        boolean quoted = false;
        int at = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                at = i;
            }
        }
        return at;
    }

    private static String withoutLeadingComments(String statement) {
        String rest = statement.strip();
        while (rest.startsWith("--") || rest.startsWith("/*")) {
            int end = rest.startsWith("--") ? rest.indexOf('\n') : rest.indexOf("*/");
            if (end < 0) {
                return "";
            }
            rest = rest.substring(rest.startsWith("--") ? end + 1 : end + 2).strip();
        }
        return rest;
    }
}
