package com.corpintel.migrate.lint;

import com.corpintel.migrate.db.SqlStatements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns one statement's text into tokens; enough of PostgreSQL's lexical rules for the lint rules. */
final class Lexer {

    private Lexer() {
    }

    /** Tokens of {@code text}, whose first character is at {@code base} in the script. */
    static List<Token> tokens(String text, int base) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || ((c == 'E' || c == 'e') && next == '\'')) {
                int start = c == '\'' ? i : i + 1;
                StringBuilder value = new StringBuilder();
                int j = start + 1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (d == '\'' && j + 1 < n && text.charAt(j + 1) == '\'') {
                        value.append('\'');
                        j += 2;
                    } else if (d == '\'') {
                        break;
                    } else {
                        value.append(d);
                        j++;
                    }
                }
                tokens.add(new Token(Token.Kind.STRING, value.toString(), base + i));
                i = Math.min(n, j + 1);
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                tokens.add(new Token(Token.Kind.QUOTED_NAME, text.substring(i + 1, end), base + i));
                i = Math.min(n, end + 1);
            } else if (c == '$' && SqlStatements.dollarTag(text, i) != null) {
                String tag = SqlStatements.dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close;
                tokens.add(new Token(Token.Kind.STRING, text.substring(i + tag.length(), end), base + i));
                i = close < 0 ? n : close + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                        || text.charAt(j) == '$')) {
                    j++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(i, j).toUpperCase(Locale.ROOT), base + i));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(i, j), base + i));
                i = j;
            } else if ((c == ':' && next == ':') || (c == '=' && next == '>')) {
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(i, i + 2), base + i));
                i += 2;
            } else {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), base + i));
                i++;
            }
        }
        return tokens;
    }
}
