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

import java.nio.file.Path;
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
        LintReport report = new LintService().lint(sourceOptions.unchecked(),
                new LintService.Request(files, since, applied, null, false, baseline));
        LintFormat chosen = format != null ? format
                : outputFormat() == OutputFormat.JSON ? LintFormat.JSON : LintFormat.TEXT;
        String out = switch (chosen) {
            case TEXT -> LintOutput.text(report, Style.detect(outputOptions.noColor, System.getenv()), strict);
            case JSON -> LintOutput.json(report, strict);
            case GITHUB -> LintOutput.github(report);
            case SARIF -> LintOutput.sarif(report, Rules.ALL, VersionProvider.version());
        };
        var stdout = spec.commandLine().getOut();
        stdout.print(out);
        stdout.flush();
        return report.failed(strict) ? ExitCode.VALIDATION_FAILED.code : ExitCode.OK.code;
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
