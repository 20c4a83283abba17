package com.corpintel.migrate.inspect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TimescaleDB continuous aggregate, named by its user-facing view.
 *
 * @param materializedOnly true unless real-time aggregation is on
 * @param definition       the aggregate's query (its direct view, as
 *                         timescaledb_information.continuous_aggregates shows it), on one line
 * @param columns          the columns of its view, in order
 */
public record ContinuousAggregate(String name, boolean materializedOnly, String definition, List<Column> columns) {

    public ContinuousAggregate {
        Objects.requireNonNull(name, "name");
        definition = SqlText.oneLine(Objects.requireNonNull(definition, "definition"));
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
