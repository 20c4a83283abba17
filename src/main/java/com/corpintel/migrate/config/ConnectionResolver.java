package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves connection settings from every source product.md names, highest first:
 * command-line options; DATABASE_URL or POSTGRES_URL (and DATABASE_PASSWORD_FILE);
 * the libpq variables PG* (PGSSLROOTCERT among them); QUARKUS_DATASOURCE_*; libpq's defaults. Each field comes
 * from the highest source that sets it, so {@code --user} overrides the user of a URL.
 */
public final class ConnectionResolver {

    /** What the command line said; every field may be null. */
    public record Options(
            String url,
            String host,
            Integer port,
            String database,
            String user,
            Path passwordFile,
            String sslMode) {
    }

    /** Reads a password file; a seam so tests need no files. */
    @FunctionalInterface
    public interface FileReader {
        String read(Path path) throws IOException;
    }

    private final Map<String, String> env;
    private final FileReader files;

    public ConnectionResolver(Map<String, String> env, FileReader files) {
        this.env = env;
        this.files = files;
    }

    public static ConnectionResolver fromProcess() {
        return new ConnectionResolver(System.getenv(), Files::readString);
    }

    public ConnectionSettings resolve(Options options) {
        List<String> origins = new ArrayList<>();
        ConnectionParts merged = ConnectionParts.NONE;
        for (Layer layer : layers(options)) {
            if (!layer.parts.isEmpty()) {
                origins.add(layer.origin);
                merged = merged.over(layer.parts);
            }
        }
        String user = merged.user() != null ? merged.user() : osUser();
        String sslMode = merged.sslMode();
        Map<String, String> parameters = merged.parameters();
        if (SystemTrustStore.isNamedBy(parameters)) {
            sslMode = SystemTrustStore.sslMode(sslMode);
            parameters = SystemTrustStore.driverParameters(parameters);
        }
        return new ConnectionSettings(
                merged.host() != null ? merged.host() : "localhost",
                merged.port() != null ? merged.port() : 5432,
                merged.database() != null ? merged.database() : user,
                user,
                merged.password(),
                sslMode != null ? sslMode : "prefer",
                parameters,
                origins.isEmpty() ? "defaults" : String.join(", ", origins));
    }

    private record Layer(String origin, ConnectionParts parts) {
    }

    /** Highest precedence first. */
    private List<Layer> layers(Options options) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("command-line options", new ConnectionParts(
                options.host(), options.port(), options.database(), options.user(),
                passwordFile(options.passwordFile(), "--password-file"),
                options.sslMode() == null ? null : SslMode.check(options.sslMode(), "--sslmode"),
                Map.of())));
        if (options.url() != null) {
            layers.add(new Layer("--url", DatabaseUrl.parse(options.url(), "--url")));
        }

        String fileVariable = env("DATABASE_PASSWORD_FILE");
        if (fileVariable != null) {
            layers.add(new Layer("DATABASE_PASSWORD_FILE", new ConnectionParts(
                    null, null, null, null, passwordFile(Path.of(fileVariable), "DATABASE_PASSWORD_FILE"), null, Map.of())));
        }
        for (String name : List.of("DATABASE_URL", "POSTGRES_URL")) {
            String url = env(name);
            if (url != null) {
                layers.add(new Layer(name, DatabaseUrl.parse(url, name)));
                break;
            }
        }

        String pgSslMode = env("PGSSLMODE");
        layers.add(new Layer("PG* variables", new ConnectionParts(
                env("PGHOST"),
                env("PGPORT") == null ? null : DatabaseUrl.port(env("PGPORT"), "PGPORT"),
                env("PGDATABASE"),
                env("PGUSER"),
                Secret.of(env("PGPASSWORD")),
                pgSslMode == null ? null : SslMode.check(pgSslMode, "PGSSLMODE"),
                env("PGSSLROOTCERT") == null ? Map.of() : Map.of("sslrootcert", env("PGSSLROOTCERT")))));

        ConnectionParts quarkus = new ConnectionParts(
                null, null, null, env("QUARKUS_DATASOURCE_USERNAME"),
                Secret.of(env("QUARKUS_DATASOURCE_PASSWORD")), null, Map.of());
        String quarkusUrl = env("QUARKUS_DATASOURCE_JDBC_URL");
        if (quarkusUrl != null) {
            quarkus = quarkus.over(DatabaseUrl.parse(quarkusUrl, "QUARKUS_DATASOURCE_JDBC_URL"));
        }
        layers.add(new Layer("QUARKUS_DATASOURCE_* variables", quarkus));
        return layers;
    }

    private Secret passwordFile(Path path, String origin) {
        if (path == null) {
            return null;
        }
        try {
            return Secret.of(stripLineEnd(files.read(path)));
        } catch (IOException e) {
            throw new Failure(Failure.Kind.CONNECTION,
                    "cannot read the password file " + path + " named by " + origin + ": " + e.getClass().getSimpleName());
        }
    }

    /** Secret files from Kubernetes or an editor often end with a newline that is not part of the password. */
    static String stripLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private String osUser() {
        String user = env("USER");
        return user != null ? user : System.getProperty("user.name", "postgres");
    }
}
