package com.corpintel.migrate.inspect;

import java.util.List;
import java.util.Objects;

/**
 * One key column of an index.
 *
 * @param expression    the column name, or the expression as pg_get_indexdef prints it
 *                      (parenthesised unless a function call)
 * @param operatorClass null when it is the default one of a btree index; always named for
 *                      other methods, where it decides what the index answers (for pgvector,
 *                      {@code vector_cosine_ops} and {@code vector_l2_ops} are different indexes)
 * @param descending    DESC
 * @param nullsFirst    NULLS FIRST; the default is true for DESC and false otherwise
 */
public record IndexKey(String expression, String operatorClass, boolean descending, boolean nullsFirst) {

    public IndexKey {
        Objects.requireNonNull(expression, "expression");
    }

    /** An ascending key with the default operator class. */
    public static IndexKey of(String expression) {
        return new IndexKey(expression, null, false, false);
    }

    public static IndexKey of(String expression, String operatorClass) {
        return new IndexKey(expression, operatorClass, false, false);
    }

    /** DESC and NULLS as CREATE INDEX would say them, empty for the default order. */
    public String order() {
        String nulls = nullsFirst == descending ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST";
        return ((descending ? " DESC" : "") + nulls).strip();
    }

    /** {@code embedding vector_cosine_ops}, {@code metric_date DESC}. */
    public String text() {
        return expression + (operatorClass == null ? "" : " " + operatorClass) + (order().isEmpty() ? "" : " " + order());
    }

    /** Reads {@link #text()} back. */
    static IndexKey parse(String text) {
        List<String> tokens = SqlText.split(text.strip(), ' ').stream().filter(t -> !t.isEmpty()).toList();
        int end = tokens.size();
        boolean descending = false;
        Boolean nullsFirst = null;
        if (end >= 2 && tokens.get(end - 2).equals("NULLS")) {
            nullsFirst = tokens.get(end - 1).equals("FIRST");
            end -= 2;
        }
        if (end >= 1 && (tokens.get(end - 1).equals("DESC") || tokens.get(end - 1).equals("ASC"))) {
            descending = tokens.get(end - 1).equals("DESC");
            end--;
        }
        if (end < 1 || end > 2) {
            throw new IllegalArgumentException("cannot read index key: " + text);
        }
        return new IndexKey(tokens.get(0), end == 2 ? tokens.get(1) : null, descending,
                nullsFirst == null ? descending : nullsFirst);
    }
}
