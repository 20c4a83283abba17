package com.corpintel.migrate.lint;

import java.util.Locale;

/**
 * A lexical token of a statement, comments left out.
 *
 * @param text   a keyword or unquoted name in upper case, a quoted name as written (without quotes),
 *               a string literal's content, or the symbol itself
 * @param offset where it starts in the script
 */
public record Token(Kind kind, String text, int offset) {

    public enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

    public boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** The name this token stands for, as PostgreSQL folds it: unquoted names are lower case. */
    public String name() {
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }
}
