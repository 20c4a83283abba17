package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the two URL forms operators hand us: libpq's
 * {@code postgresql://user:pass@host:port/db?sslmode=require} and the JDBC driver's
 * {@code jdbc:postgresql://host:port/db?user=…&password=…}. Error messages name the
 * source and the part that is wrong, never the URL itself (it may hold a password),
 * and nothing of its query: a query parameter is named by its position.
 */
public final class DatabaseUrl {

    /** URL query parameters mapped to the PostgreSQL JDBC driver's property names. */
    private static final Map<String, String> DRIVER_PARAMETERS = Map.of(
            "sslrootcert", "sslrootcert",
            "sslcert", "sslcert",
            "sslkey", "sslkey",
            "connect_timeout", "connectTimeout",
            "connectTimeout", "connectTimeout");

    /** Parameters that are understood but deliberately not used. */
    private static final Set<String> IGNORED_PARAMETERS = Set.of("application_name", "ApplicationName");

    /** Seconds; the JDBC driver turns them into milliseconds in an int. */
    static final int MAX_CONNECT_TIMEOUT = Integer.MAX_VALUE / 1000;

    /** For messages, which name the accepted parameters instead of quoting a rejected one. */
    private static final String ACCEPTED_PARAMETERS = "user, password, dbname, host, port, sslmode, sslrootcert,"
            + " sslcert, sslkey, connect_timeout (connectTimeout), application_name";

    private DatabaseUrl() {
    }

    public static ConnectionParts parse(String url, String origin) {
        String text = url.trim();
        String rest;
        boolean jdbc;
        if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
            rest = text.substring(text.indexOf("://") + 3);
            jdbc = false;
        } else if (text.startsWith("jdbc:postgresql://")) {
            rest = text.substring("jdbc:postgresql://".length());
            jdbc = true;
        } else {
            throw malformed(origin, "it must start with postgresql://, postgres:// or jdbc:postgresql://");
        }

        String query = null;
        int questionMark = rest.indexOf('?');
        if (questionMark >= 0) {
            query = rest.substring(questionMark + 1);
            rest = rest.substring(0, questionMark);
        }
        String path = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }

        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            if (jdbc) {
                throw malformed(origin, "a JDBC URL takes user and password as ?user=…&password=…");
            }
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, origin, "user name");
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1), origin, "password");
            }
        }

        String host = null;
        Integer port = null;
        if (rest.contains(",")) {
            throw malformed(origin, "several hosts are not supported; name one host");
        }
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw malformed(origin, "an IPv6 host is missing its closing ']'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = authorityPort(after.substring(1), origin);
            } else if (!after.isEmpty()) {
                throw malformed(origin, "unexpected text after the IPv6 host");
            }
        } else {
            int colon = rest.indexOf(':');
            String hostText = colon >= 0 ? rest.substring(0, colon) : rest;
            if (colon >= 0) {
                port = authorityPort(rest.substring(colon + 1), origin);
            }
            host = hostText.isEmpty() ? null : decode(hostText, origin, "host");
        }

        if (path != null && path.contains("@")) {
            // "user:pa/ss@host/db" splits at the '/' inside the password, as libpq does too.
            throw malformed(origin, "the database name contains '@'; " + ENCODE_HINT);
        }
        String database = path == null || path.isEmpty() ? null : decode(path, origin, "database name");
        String sslMode = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null && query.contains("@") && at < 0 && path == null) {
            // "user:pa?ss@host" splits at the '?' inside the password: the query holds password text.
            throw malformed(origin, "the query contains '@' but the URL names no host before it; " + ENCODE_HINT);
        }
        if (query != null && !query.isEmpty()) {
            List<String> pairs = Arrays.stream(query.split("&")).filter(pair -> !pair.isEmpty()).toList();
            boolean afterPassword = false;
            for (int i = 0; i < pairs.size(); i++) {
                String pair = pairs.get(i);
                String where = "query parameter " + (i + 1) + " of " + pairs.size();
                // Nothing of the query is ever quoted: an unencoded '&' in a password value turns its
                // tail into what looks like a parameter, so any query text may be password text.
                // A parameter is named by its position; a recognised name is our own word, not quoted text.
                String hint = afterPassword ? "; if the password contains '&', percent-encode it as %26" : "";
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw malformed(origin, where + " is not of the form name=value" + hint);
                }
                String name = decode(pair.substring(0, equals), origin, "name of " + where);
                String value = decode(pair.substring(equals + 1), origin, "value of " + where);
                switch (name) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "dbname" -> database = value;
                    case "host" -> host = value;
                    case "port" -> port = queryPort(value, origin, where);
                    case "sslmode" -> {
                        if (!SslMode.VALUES.contains(value)) {
                            throw malformed(origin, "the sslmode of " + where + " is not one of "
                                    + String.join(", ", SslMode.VALUES));
                        }
                        sslMode = value;
                    }
                    case "connect_timeout", "connectTimeout" -> {
                        // The driver would quote a value it cannot read in its own error, and it
                        // multiplies the seconds by 1000 into an int.
                        boolean seconds = value.matches("\\d{1,7}") && Integer.parseInt(value) <= MAX_CONNECT_TIMEOUT;
                        if (!value.isEmpty() && !seconds) {
                            throw malformed(origin, "the " + name + " of " + where
                                    + " is not a whole number of seconds from 0 to " + MAX_CONNECT_TIMEOUT);
                        }
                        if (!value.isEmpty()) {
                            parameters.put(DRIVER_PARAMETERS.get(name), value);
                        }
                    }
                    default -> {
                        if (DRIVER_PARAMETERS.containsKey(name)) {
                            parameters.put(DRIVER_PARAMETERS.get(name), value);
                        } else if (!IGNORED_PARAMETERS.contains(name)) {
                            throw malformed(origin, where + " is not one intel-migrate accepts (it accepts "
                                    + ACCEPTED_PARAMETERS + ")" + hint);
                        }
                    }
                }
                afterPassword = afterPassword || name.equals("password");
            }
        }
        if (host != null && host.startsWith("/")) {
            throw malformed(origin, "Unix-domain sockets are not supported; connect over TCP (host name or address)");
        }
        return new ConnectionParts(host, port, database, user, Secret.of(password), sslMode, parameters);
    }

    private static final String ENCODE_HINT =
            "if the password contains '/', '?', '#' or '@', percent-encode it (%2F, %3F, %23, %40)";

    /** A port from the URL's authority: never echoed, since a misplaced '/' may put password text there. */
    private static Integer authorityPort(String text, String origin) {
        if (!text.isEmpty() && !text.matches("-?\\d+")) {
            throw malformed(origin, "the port is not a number; " + ENCODE_HINT);
        }
        return port(text, origin);
    }

    /** A port from the query: never echoed, since the query may hold the tail of a password. */
    private static Integer queryPort(String text, String origin, String where) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,5}")) {
            throw malformed(origin, "the port of " + where + " is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw malformed(origin, "the port of " + where + " is outside 1-65535");
        }
        return port;
    }

    static Integer port(String text, String origin) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw malformed(origin, "port " + port + " is outside 1-65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw malformed(origin, "port '" + printable(text) + "' is not a number");
        }
    }

    private static String decode(String text, String origin, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw malformed(origin, "bad percent-encoding in the " + what);
                }
                try {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw malformed(origin, "bad percent-encoding in the " + what);
                }
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Short, safe excerpt of user input for a message: never more than a few characters. */
    private static String printable(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    static Failure malformed(String origin, String detail) {
        return new Failure(Failure.Kind.CONNECTION, "malformed database URL in " + origin + ": " + detail);
    }
}
