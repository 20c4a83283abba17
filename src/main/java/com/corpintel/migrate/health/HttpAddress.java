package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;

import java.util.Map;

/**
 * Where `serve` listens. Read from the environment when `serve` runs, never at
 * class initialisation: a native image would otherwise keep the build machine's values.
 *
 * @param port 0 lets the system choose a free port (serve prints which)
 */
public record HttpAddress(String host, int port) {

    public static final String HOST_VARIABLE = "INTEL_MIGRATE_HTTP_HOST";
    public static final String PORT_VARIABLE = "INTEL_MIGRATE_HTTP_PORT";
    static final String DEFAULT_HOST = "0.0.0.0";
    static final int DEFAULT_PORT = 8080;

    public static HttpAddress from(Map<String, String> environment) {
        String host = environment.get(HOST_VARIABLE);
        String port = environment.get(PORT_VARIABLE);
        return new HttpAddress(host == null || host.isBlank() ? DEFAULT_HOST : host.strip(),
                port == null || port.isBlank() ? DEFAULT_PORT : port(port.strip()));
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw Failure.usage(PORT_VARIABLE + " must be a port number from 0 to 65535, not '" + value + "'");
    }

    /** For messages and URLs: an IPv6 literal in brackets. */
    public String authority(int boundPort) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
    }
}
