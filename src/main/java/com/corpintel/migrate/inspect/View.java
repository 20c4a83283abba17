package com.corpintel.migrate.inspect;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view or materialized view (not a continuous aggregate: see {@link ContinuousAggregate}).
 *
 * @param definition as pg_get_viewdef gives it, on one line
 * @param indexes    materialized views only; sorted by name
 */
public record View(String name, boolean materialized, String definition, List<Column> columns, List<Index> indexes) {

    public View {
        Objects.requireNonNull(name, "name");
        definition = SqlText.oneLine(Objects.requireNonNull(definition, "definition"));
        columns = List.copyOf(columns);
        indexes = indexes == null ? List.of()
                : indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
