package com.corpintel.migrate.inspect;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table. Columns keep their order in the table; constraints, indexes and triggers
 * are sorted by name, so two models of the same schema are equal.
 */
public record Table(String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                    List<Trigger> triggers) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        constraints = constraints.stream().sorted(Comparator.comparing(Constraint::name)).toList();
        indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
        triggers = triggers.stream().sorted(Comparator.comparing(Trigger::name)).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Constraint> constraint(String name) {
        return constraints.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Index> index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<Trigger> trigger(String name) {
        return triggers.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
