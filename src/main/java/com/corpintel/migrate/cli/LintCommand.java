package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.lint.LintReport;
import com.corpintel.migrate.lint.LintService;
import com.corpintel.migrate.lint.Rules;
import com.corpintel.migrate.render.LintOutput;
import com.corpintel.migrate.render.OutputFormat;
import com.corpintel.migrate.render.Style;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import com.corpintel.migrate.config.ConnectionResolver;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SessionSettings;
import com.corpintel.migrate.lint.Finding;
import com.corpintel.migrate.lint.ShadowReport;
import com.corpintel.migrate.lint.ShadowRun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

@Command(name = "lint", sortOptions = false,
        description = {"Static safety checks of migration scripts: locks, rewrites, destructive changes, statements"
                + " that fail on a populated database; PostgreSQL-, TimescaleDB- and pgvector-aware. Rules and"
                + " suppressions: docs/LINT.md.",
                "Needs no database; when one is configured, forward scripts it has applied are not reported.",
                "Exit 0 when no error was found (--strict: no warning either), 6 otherwise."})
class LintCommand extends DatabaseCommand {

    @Parameters(paramLabel = "FILES", arity = "0..*",
            description = "Check only these scripts (default: every forward and undo script of the set).")
    List<Path> files = List.of();

    @Option(names = "--since", paramLabel = "VERSION",
            description = "Only scripts newer than VERSION (a pull request's new scripts).")
    String since;

    @Option(names = "--strict", description = "Warnings fail too (exit 6).")
    boolean strict;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json, github (workflow annotations) or sarif (default: --output).")
    LintFormat format;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Suppressions for released scripts (default: the set's db/lint/baseline.txt or"
                    + " DIR/lint-baseline.txt).")
    Path baseline;

    @Option(names = "--include-applied",
            description = "Report scripts the configured database has applied too (and do not connect).")
    boolean includeApplied;

    @Option(names = "--shadow", description = "Also run the checked forward scripts on a temporary database of"
            + " --dev-url with sample rows, observing locks, rewrites, durations and failures (docs/LINT.md#--shadow).")
    boolean shadow;

    @Option(names = "--dev-url", paramLabel = "URL", description = "The development server for --shadow, which"
            + " needs CREATE DATABASE there (default: the configured connection, e.g. scripts/localdb env).")
    String devUrl;

    @Option(names = "--lock-threshold", paramLabel = "DURATION", defaultValue = "5ms",
            converter = DurationConverter.class,
            description = "--shadow reports an ACCESS EXCLUSIVE lock on an existing table held at least this long"
                    + " (default: ${DEFAULT-VALUE}: above a catalog-only change; sample rows make rewrites fast too).")
    Duration lockThreshold;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "1000",
            description = "--shadow: rows made up for every table (default: ${DEFAULT-VALUE}).")
    int sampleRows;

    /** What --shadow observed, for the JSON document; null without --shadow. */
    private ShadowReport observed;

    @Override
    public Integer call() {
        if (since != null) {
            try {
                MigrationVersion.fromVersion(since);
            } catch (FlywayException e) {
                throw Failure.usage("--since " + since + ": not a version (e.g. 3 or 3.1)");
            }
        }
        String applied = includeApplied || !connectionOptions.anyConfigured(System.getenv()) ? null : appliedVersion();
        LintService.Request request = new LintService.Request(files, since, applied, null, false, baseline);
        LintReport report = new LintService().lint(sourceOptions.unchecked(), request);
        if (shadow) {
            report = withShadow(report, request);
        }
        LintFormat chosen = format != null ? format
                : outputFormat() == OutputFormat.JSON ? LintFormat.JSON : LintFormat.TEXT;
        String out = switch (chosen) {
            case TEXT -> LintOutput.text(report, Style.detect(outputOptions.noColor, System.getenv()), strict);
            case JSON -> LintOutput.json(report, strict, observed);
            case GITHUB -> LintOutput.github(report);
            case SARIF -> LintOutput.sarif(report, Rules.ALL, VersionProvider.version());
        };
        var stdout = spec.commandLine().getOut();
        stdout.print(out);
        stdout.flush();
        return report.failed(strict) ? ExitCode.VALIDATION_FAILED.code : ExitCode.OK.code;
    }

    /** Runs the shadow check and adds what it observed: its findings, and one info line per statement. */
    private LintReport withShadow(LintReport report, LintService.Request request) {
        ConnectionResolver.Options options = devUrl == null ? connectionOptions.toResolverOptions()
                : new ConnectionResolver.Options(devUrl, null, null, null, null, null, null);
        ConnectionSettings server = ConnectionResolver.fromProcess().resolve(options);
        Redaction.register(server.password());
        SessionSettings session = new SessionSettings("public",
                SessionSettings.applicationName("lint --shadow", HostName.current()), connectionOptions.connectTimeout,
                Duration.ofSeconds(30), Duration.ofMinutes(30));
        ShadowRun run = new ShadowRun(name -> new Database(new ConnectionSettings(server.host(), server.port(), name,
                server.user(), server.password(), server.sslMode(), server.parameters(), server.origin()), session),
                server.database(), lockThreshold, sampleRows, this::progress);
        observed = new LintService().shadow(sourceOptions.unchecked(), request, run);
        for (ShadowReport.Observation o : observed.observations()) {
            progress("shadow: " + o.file() + ":" + o.line() + "  " + o.statement() + "  lock: "
                    + (o.locksObserved() ? (o.locks().isEmpty() ? "none" : String.join(", ", o.locks()))
                    : "not observed (outside a transaction)")
                    + "  rewrite: " + (o.rewritten().isEmpty() ? "no" : "yes (" + String.join(", ", o.rewritten()) + ")")
                    + "  " + o.millis() + " ms" + (o.failure() == null ? "" : "  failed: " + o.failure()));
        }
        observed.notes().forEach(note -> progress("shadow: " + note));
        List<Finding> findings = new java.util.ArrayList<>(report.findings());
        findings.addAll(observed.findings());
        // Shadow findings join the static ones in the same order: by script, then position.
        findings.sort(java.util.Comparator.comparingInt((Finding f) -> report.scripts().indexOf(f.file()))
                .thenComparingInt(Finding::line).thenComparingInt(Finding::column));
        return new LintReport(report.scripts(), List.copyOf(findings), report.suppressed());
    }

    /** The configured database's current version; every script counts as new when the set itself is refused. */
    private String appliedVersion() {
        try {
            sourceOptions.source();
        } catch (Failure refused) {
            progress("not asking the database which scripts it applied, since the runner would refuse this set"
                    + " (lint reports why): every script is checked");
            return null;
        }
        return migrations(database(), FeatureMode.AUTO).status().currentVersion();
    }
}
