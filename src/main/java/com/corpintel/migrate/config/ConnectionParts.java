package com.corpintel.migrate.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection settings as one configuration source gives them; any field may be
 * absent. Sources are layered field by field: the first one that sets a field wins.
 *
 * @param parameters driver settings carried over from a URL (TLS files, timeouts),
 *                   already translated to the PostgreSQL JDBC driver's names
 */
public record ConnectionParts(
        String host,
        Integer port,
        String database,
        String user,
        Secret password,
        String sslMode,
        Map<String, String> parameters) {

    public ConnectionParts {
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }

    public static final ConnectionParts NONE = new ConnectionParts(null, null, null, null, null, null, Map.of());

    /** This source's fields where it has them, {@code lower}'s elsewhere. */
    public ConnectionParts over(ConnectionParts lower) {
        Map<String, String> merged = new LinkedHashMap<>(lower.parameters);
        merged.putAll(parameters);
        return new ConnectionParts(
                host != null ? host : lower.host,
                port != null ? port : lower.port,
                database != null ? database : lower.database,
                user != null ? user : lower.user,
                password != null ? password : lower.password,
                sslMode != null ? sslMode : lower.sslMode,
                merged);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
