package com.corpintel.migrate.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons, respecting
 * quotes, quoted identifiers, dollar quoting, E'' escapes and both comment styles.
 * Needed for scripts marked non-transactional: each statement must reach the
 * server on its own, since a multi-statement query runs as one implicit transaction.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static List<String> split(String script) {
        return spans(script).stream().map(Span::text).toList();
    }

    /**
     * A statement and where it is in the script, for tools that point at it (lint).
     *
     * @param text         the statement as {@link #split} returns it, leading comments included
     * @param start        offset of its first character of code (not of a leading comment)
     * @param unterminated what is left open at the end of the script ("quoted string",
     *                     "quoted identifier", "dollar-quoted string", "block comment"), else null
     */
    public record Span(String text, int start, String unterminated) {
    }

    /** The statements of {@link #split} with their positions; the runner and lint split alike. */
    public static List<Span> spans(String script) {
        List<Span> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean code = false; // anything but comments and white space since the last split point
        int codeStart = -1;
        String open = null;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int end = blockCommentEnd(script, i);
                if (end < 0) {
                    open = open == null ? "block comment" : open;
                    codeStart = code ? codeStart : i;
                    end = n;
                }
                current.append(script, i, end);
                i = end;
            } else if (c == '\'') {
                boolean escapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
                int close = quotedEnd(script, i, '\'', escapes);
                open = close < 0 && open == null ? "quoted string" : open;
                int end = close < 0 ? n : close;
                codeStart = code ? codeStart : i;
                current.append(script, i, end);
                code = true;
                i = end;
            } else if (c == '"') {
                int close = quotedEnd(script, i, '"', false);
                open = close < 0 && open == null ? "quoted identifier" : open;
                int end = close < 0 ? n : close;
                codeStart = code ? codeStart : i;
                current.append(script, i, end);
                code = true;
                i = end;
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                open = close < 0 && open == null ? "dollar-quoted string" : open;
                codeStart = code ? codeStart : i;
                current.append(script, i, end);
                code = true;
                i = end;
            } else if (c == ';') {
                add(statements, current, code, codeStart, null);
                current.setLength(0);
                code = false;
                i++;
            } else {
                current.append(c);
                if (!code && !Character.isWhitespace(c)) {
                    code = true;
                    codeStart = i;
                }
                i++;
            }
        }
        // An unclosed comment is kept even without code before it, so the server (or lint) reports it.
        add(statements, current, code || open != null, codeStart, open);
        return statements;
    }

    /** Adds the text unless it holds nothing but comments and white space. */
    private static void add(List<Span> statements, StringBuilder text, boolean code, int start, String open) {
        if (code) {
            statements.add(new Span(text.toString().strip(), start, open));
        }
    }

    /** The offset after the comment's closing star-slash, or -1 when the script ends inside it. */
    private static int blockCommentEnd(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The offset after the closing quote, or -1 when the script ends inside the quotes. */
    private static int quotedEnd(String s, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** "$$" or "$tag$" starting at i, or null when the '$' is something else ($1, a name). Lint's lexer shares it. */
    public static String dollarTag(String s, int i) {
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(s.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
    }

    /** The statement without the comments and blank space before its first word. */
    public static String withoutLeadingComments(String statement) {
        String s = statement.strip();
        while (true) {
            if (s.startsWith("--")) {
                int end = s.indexOf('\n');
                s = end < 0 ? "" : s.substring(end + 1).strip();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).strip();
            } else {
                return s;
            }
        }
    }
}
