package com.corpintel.migrate.inspect;

import java.util.Objects;

/** A trigger of a table; its definition as pg_get_triggerdef gives it, on one line. */
public record Trigger(String name, String definition) {

    public Trigger {
        Objects.requireNonNull(name, "name");
        definition = SqlText.oneLine(Objects.requireNonNull(definition, "definition"));
    }
}
