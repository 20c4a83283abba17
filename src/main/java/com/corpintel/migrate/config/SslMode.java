package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;

import java.util.List;

/** libpq's sslmode values, which the PostgreSQL JDBC driver accepts under the same names. */
final class SslMode {

    static final List<String> VALUES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private SslMode() {
    }

    static String check(String value, String origin) {
        if (!VALUES.contains(value)) {
            throw new Failure(Failure.Kind.CONNECTION,
                    "invalid sslmode '" + value + "' in " + origin + "; expected one of " + String.join(", ", VALUES));
        }
        return value;
    }
}
