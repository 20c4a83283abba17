package com.corpintel.migrate.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The little SQL lexing the model needs: splitting lists at top-level separators,
 * quoting and unquoting identifiers, and folding catalog text onto one line.
 * Quotes ('', "") and brackets ((), [], {}) nest; nothing else is understood.
 */
final class SqlText {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[^\\s,()\\[\\]{}'\"=]([^,()\\[\\]{}'\"=]*[^\\s,()\\[\\]{}'\"=])?");

    private SqlText() {
    }

    /** Runs of white space (line breaks included) become one space, so each fact fits on one line. */
    static String oneLine(String text) {
        return text == null ? null : WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The name as it must be written so that {@link #readName} reads it back: quoted unless plain. */
    static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A value in a key=value list: bare when nothing in it could be mistaken for the list, else quoted ''. */
    static String value(String value) {
        return PLAIN_VALUE.matcher(value).matches() ? value : "'" + value.replace("'", "''") + "'";
    }

    /** Reads {@link #value} back. */
    static String readValue(String text) {
        String s = text.strip();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        return s;
    }

    /** An identifier as PostgreSQL prints it, without its quotes. */
    static String unquote(String identifier) {
        String s = identifier.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    /** Splits at separators outside quotes and brackets; parts are stripped, empty input gives no parts. */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        if (text.isBlank()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = quoteEnd(text, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** Index just past the bracket that closes the one at {@code open}. */
    static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = quoteEnd(text, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        throw new IllegalArgumentException("unbalanced brackets in: " + text);
    }

    /** The identifiers of a parenthesised list such as {@code (company_id, "Odd Name")}, unquoted. */
    static List<String> identifiers(String parenthesised) {
        String inner = parenthesised.strip();
        if (!inner.startsWith("(") || !inner.endsWith(")")) {
            throw new IllegalArgumentException("expected a parenthesised list: " + parenthesised);
        }
        return split(inner.substring(1, inner.length() - 1), ',').stream().map(SqlText::unquote).toList();
    }

    /** Index just past the quote that closes the one at {@code start}; doubled quotes stay inside. */
    static int quoteEnd(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** Index just past a (possibly quoted) name starting at {@code start}: bare names end at a space, dot, '(' or ':'. */
    static int nameEnd(String text, int start) {
        if (start < text.length() && text.charAt(start) == '"') {
            return quoteEnd(text, start);
        }
        int i = start;
        while (i < text.length() && " .(:".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
