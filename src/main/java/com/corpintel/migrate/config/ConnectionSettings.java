package com.corpintel.migrate.config;

import java.util.Map;

/**
 * Everything needed to open a session: where, who, how. Complete (defaults filled
 * in), unlike {@link ConnectionParts}.
 *
 * @param origin which configuration sources contributed, for diagnostics
 */
public record ConnectionSettings(
        String host,
        int port,
        String database,
        String user,
        Secret password,
        String sslMode,
        Map<String, String> parameters,
        String origin) {

    public ConnectionSettings {
        parameters = Map.copyOf(parameters);
    }

    /** user@host:port/database: safe to print, it never holds the password. */
    public String describe() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return user + "@" + hostPart + ":" + port + "/" + database;
    }
}
