package com.corpintel.migrate.inspect;

import java.util.Objects;

/**
 * A function or procedure of the schema that no extension owns, such as the shared
 * {@code set_updated_at()} trigger function.
 *
 * @param arguments its identity arguments as pg_get_function_identity_arguments gives them
 * @param returns   its result type as pg_get_function_result gives it; null for a procedure
 * @param body      its source (prosrc) on one line
 */
public record SqlFunction(String name, String arguments, String language, String returns, String body) {

    public SqlFunction {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
        Objects.requireNonNull(language, "language");
        body = SqlText.oneLine(Objects.requireNonNull(body, "body"));
    }

    /** What tells overloads apart: {@code set_updated_at()}. */
    public String signature() {
        return name + "(" + arguments + ")";
    }
}
