package com.corpintel.migrate.cli;

import com.corpintel.migrate.config.ConnectionResolver;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SessionSettings;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.render.OutputFormat;
import com.corpintel.migrate.render.Renderer;
import com.corpintel.migrate.render.Style;
import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What every command that talks to the database shares: the connection and output
 * options, the session it opens, and printing. Subclasses parse, call one service
 * and hand the result to the renderer.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    /** Read-only commands still bound their statements, but generously. */
    private static final Duration READ_LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    SourceOptions sourceOptions;

    @Spec
    CommandSpec spec;

    /** The session settings of a read-only command. */
    protected Database database() {
        return database(READ_LOCK_TIMEOUT, READ_STATEMENT_TIMEOUT);
    }

    protected Database database(Duration lockTimeout, Duration statementTimeout) {
        ConnectionSettings settings = ConnectionResolver.fromProcess().resolve(connectionOptions.toResolverOptions());
        Redaction.register(settings.password());
        String host = HostName.current();
        return new Database(settings, new SessionSettings(
                connectionOptions.schema,
                SessionSettings.applicationName(spec.name(), host),
                connectionOptions.connectTimeout,
                lockTimeout,
                statementTimeout));
    }

    protected MigrationService migrations(Database database, FeatureMode mode) {
        return new MigrationService(database, sourceOptions.source(), mode,
                database.connection().user() + "@" + HostName.current(), this::progress);
    }

    protected Renderer renderer() {
        return Renderer.of(outputFormat(), Style.detect(outputOptions.noColor, System.getenv()));
    }

    OutputFormat outputFormat() {
        return outputOptions == null || outputOptions.format == null ? OutputFormat.TEXT : outputOptions.format;
    }

    /** Results: stdout. */
    protected void print(String text) {
        var out = spec.commandLine().getOut();
        out.print(Redaction.redact(text));
        if (outputFormat() == OutputFormat.JSON) {
            out.println();
        }
        out.flush();
    }

    /** Diagnostics and progress: stderr, so stdout stays a clean result. */
    protected void progress(String message) {
        var err = spec.commandLine().getErr();
        err.println("intel-migrate: " + Redaction.redact(message));
        err.flush();
    }
}
