package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionResolver;
import com.corpintel.migrate.config.UrlList;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the database is; each option overrides the same setting from the environment. */
public final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "postgresql://user@host:port/db?sslmode=… or jdbc:postgresql://…; overrides DATABASE_URL."
                    + " Prefer --password-file to a password in the URL.")
    String url;

    @Option(names = "--url-list", paramLabel = "FILE",
            description = "Take the URL from FILE, one per line (blank lines and # comments are not entries): the"
                    + " entry --url-index names. For a fleet of databases migrated by a Kubernetes Indexed Job.")
    Path urlList;

    @Option(names = "--url-index", paramLabel = "N",
            description = "Which entry of --url-list, counted from 0; in an Indexed Job $(JOB_COMPLETION_INDEX).")
    Integer urlIndex;

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

    /** Variables that name a database; any of them set means the user configured one. */
    static final java.util.List<String> DATABASE_VARIABLES = java.util.List.of("DATABASE_URL", "POSTGRES_URL", "PGHOST",
            "PGDATABASE", "QUARKUS_DATASOURCE_JDBC_URL");

    /** Is a database configured at all? For commands (lint) that use one only when there is one. */
    boolean anyConfigured(java.util.Map<String, String> env) {
        boolean option = url != null || urlList != null || host != null || port != null || database != null
                || user != null || passwordFile != null || sslMode != null;
        return option || DATABASE_VARIABLES.stream().anyMatch(name -> {
            String value = env.get(name);
            return value != null && !value.isBlank();
        });
    }

    ConnectionResolver.Options toResolverOptions() {
        return toResolverOptions(Files::readString);
    }

    ConnectionResolver.Options toResolverOptions(ConnectionResolver.FileReader files) {
        return new ConnectionResolver.Options(url(files), host, port, database, user, passwordFile, sslMode);
    }

    private String url(ConnectionResolver.FileReader files) {
        if (urlList == null && urlIndex == null) {
            return url;
        }
        if (urlList == null || urlIndex == null) {
            throw Failure.usage("--url-list and --url-index go together: the list, and which entry of it");
        }
        if (url != null) {
            throw Failure.usage("--url and --url-list exclude each other: give one URL, or a list and an index");
        }
        String text;
        try {
            text = files.read(urlList);
        } catch (IOException e) {
            throw new Failure(Failure.Kind.CONNECTION,
                    "cannot read the URL list " + urlList + " named by --url-list: " + e.getClass().getSimpleName());
        }
        return UrlList.entry(text, urlIndex, urlList + " (--url-list)");
    }
}
