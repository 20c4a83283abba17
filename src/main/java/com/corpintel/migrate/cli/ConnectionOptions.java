package com.corpintel.migrate.cli;

import com.corpintel.migrate.config.ConnectionResolver;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Where the database is; each option overrides the same setting from the environment. */
public final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "postgresql://user@host:port/db?sslmode=… or jdbc:postgresql://…; overrides DATABASE_URL."
                    + " Prefer --password-file to a password in the URL.")
    String url;

    @Option(names = "--host", paramLabel = "HOST", description = "Server host (PGHOST).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Server port (PGPORT).")
    Integer port;

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", description = "Database name (PGDATABASE).")
    String database;

    @Option(names = {"-U", "--user"}, paramLabel = "USER", description = "Database user (PGUSER).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from FILE, e.g. a mounted Kubernetes secret (DATABASE_PASSWORD_FILE).")
    Path passwordFile;

    @Option(names = "--sslmode", paramLabel = "MODE",
            description = "disable, allow, prefer, require, verify-ca or verify-full (PGSSLMODE).")
    String sslMode;

    @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "${env:INTEL_MIGRATE_SCHEMA:-public}",
            description = "Schema that holds the platform's tables and the history (INTEL_MIGRATE_SCHEMA;"
                    + " default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.ConnectTimeout.class,
            description = "Give up connecting after this long, in whole seconds from 1s (default: the URL's"
                    + " connect_timeout, else 10s).")
    Duration connectTimeout;

    ConnectionResolver.Options toResolverOptions() {
        return new ConnectionResolver.Options(url, host, port, database, user, passwordFile, sslMode);
    }
}
