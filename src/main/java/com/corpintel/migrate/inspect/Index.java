package com.corpintel.migrate.inspect;

import java.util.List;
import java.util.Objects;

/**
 * An index of a table or materialized view.
 *
 * @param method           btree, ivfflat, hnsw, gin…
 * @param include          INCLUDE columns, empty when none
 * @param parameters       storage parameters as the catalog keeps them: {@code lists=100}
 * @param predicate        the WHERE of a partial index, else null
 * @param backsConstraint  the index of a primary key, unique or exclusion constraint
 */
public record Index(String name, boolean unique, String method, List<IndexKey> keys, List<String> include,
                    List<String> parameters, String predicate, boolean backsConstraint) {

    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        keys = List.copyOf(keys);
        include = include == null ? List.of() : List.copyOf(include);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        predicate = SqlText.oneLine(predicate);
    }

    /** A plain index over the given keys. */
    public static Index of(String name, String method, IndexKey... keys) {
        return new Index(name, false, method, List.of(keys), List.of(), List.of(), null, false);
    }

    /** The key expressions without operator classes or order: {@code (embedding)}. */
    public List<String> expressions() {
        return keys.stream().map(IndexKey::expression).toList();
    }
}
