package com.corpintel.migrate.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a script as the runner splits it, tokenized, with where it starts
 * and the lint suppressions written in the comments before it.
 *
 * @param offset       where its first character of code is in the script
 * @param unterminated what the script leaves open inside this statement, else null
 */
public record Statement(int index, String text, int offset, int line, int column, List<Token> tokens,
                        List<Suppression> suppressions, String unterminated) {

    /**
     * {@code -- lint:ignore RULE[, RULE…] reason: WHY} in a comment of the statement.
     *
     * @param reason null when the comment gives none
     */
    public record Suppression(Set<String> rules, String reason, int line, int column) {

        public boolean covers(String rule) {
            return rules.contains(rule);
        }
    }

    private static final Pattern SUPPRESSION = Pattern.compile(
            "lint:ignore\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)(?:\\s+reason:\\s*(.*?))?\\s*(?:\\*/.*)?$",
            Pattern.MULTILINE);

    static Statement of(int index, String text, int codeOffset, String unterminated, Positions positions) {
        List<Token> local = Lexer.tokens(text, 0);
        int textOffset = local.isEmpty() ? codeOffset : codeOffset - local.get(0).offset();
        List<Token> tokens = Lexer.tokens(text, textOffset);
        List<Suppression> suppressions = new ArrayList<>();
        Matcher m = SUPPRESSION.matcher(text);
        while (m.find()) {
            if (insideComment(text, m.start())) {
                Set<String> rules = new LinkedHashSet<>();
                for (String rule : m.group(1).split("\\s*,\\s*")) {
                    rules.add(rule.strip());
                }
                String reason = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
                int at = textOffset + m.start();
                suppressions.add(new Suppression(rules, reason, positions.line(at), positions.column(at)));
            }
        }
        return new Statement(index, text, codeOffset, positions.line(codeOffset), positions.column(codeOffset),
                tokens, List.copyOf(suppressions), unterminated);
    }

    /** True when the position is in a "--" or block comment (a string that mentions lint:ignore is no suppression). */
    private static boolean insideComment(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        if (text.substring(lineStart, at).contains("--")) {
            return true;
        }
        int open = text.lastIndexOf("/*", at);
        return open >= 0 && text.lastIndexOf("*/", at) < open;
    }

    // ------------------------------------------------------------------ token helpers for the rules

    public Token token(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    public int size() {
        return tokens.size();
    }

    /** Do the first tokens spell these keywords? */
    public boolean startsWith(String... words) {
        return matchesAt(0, words);
    }

    public boolean matchesAt(int at, String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = token(at + k);
            if (t == null || !t.is(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first keyword sequence at or after {@code from}, or -1. */
    public int find(int from, String... words) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (matchesAt(i, words)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String... words) {
        return find(0, words) >= 0;
    }

    /** Index of the closing parenthesis matching the opening one at {@code open}, or the last token. */
    public int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }

    /** A possibly schema-qualified name starting at token {@code at}: its last part, and the index after it. */
    public Name nameAt(int at) {
        Token t = token(at);
        if (t == null || (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED_NAME)) {
            return null;
        }
        int i = at;
        String name = t.name();
        while (token(i + 1) != null && token(i + 1).isSymbol(".") && token(i + 2) != null) {
            i += 2;
            name = token(i).name();
        }
        return new Name(name, at, i + 1);
    }

    /** A name, where it starts and the index of the token after it. */
    public record Name(String name, int start, int next) {
    }

    /** The string argument of a function call such as {@code create_hypertable('t', …)}: the table's bare name. */
    public static String bareName(String regclass) {
        String s = regclass.strip();
        int dot = s.lastIndexOf('.');
        s = dot >= 0 ? s.substring(dot + 1) : s;
        return s.startsWith("\"") && s.endsWith("\"") && s.length() > 1
                ? s.substring(1, s.length() - 1) : s.toLowerCase(java.util.Locale.ROOT);
    }
}
