package com.corpintel.migrate.cli;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.Patience;
import com.corpintel.migrate.migrate.UpgradeResult;
import com.corpintel.migrate.undo.UndoService;
import com.corpintel.migrate.Failure;
import com.corpintel.migrate.lint.LintReport;
import com.corpintel.migrate.lint.LintService;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.render.LintOutput;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Mixin;

import java.time.Duration;

/** A command that changes the schema: it takes the lock and bounds every statement. */
abstract class SchemaChangeCommand extends DatabaseCommand {

    @Mixin
    ChangeOptions changeOptions;

    private Database changingDatabase() {
        return database(changeOptions.lockTimeout, changeOptions.statementTimeout);
    }

    protected Patience patience() {
        return new Patience(changeOptions.lockWait, changeOptions.lockRetries, Duration.ofSeconds(1));
    }

    protected MigrationService changingMigrations() {
        return migrations(changingDatabase(), changeOptions.featureMode);
    }

    protected int upgradeTo(String target, LintOptions lint) {
        MigrationService migrations = changingMigrations();
        lintPending(migrations, target, lint.mode);
        if (changeOptions.dryRun) {
            print(renderer().plan(migrations.planUpgrade(target)));
            return ExitCode.OK.code;
        }
        UpgradeResult result = migrations.upgrade(target, patience());
        print(renderer().upgrade(result));
        return ExitCode.OK.code;
    }

    /**
     * Lints the forward scripts an upgrade to {@code target} would run, before it takes the lock or
     * changes anything; findings go to stderr. Strict mode refuses on an error.
     */
    private void lintPending(MigrationService migrations, String target, LintOptions.Mode mode) {
        if (mode == LintOptions.Mode.OFF) {
            return;
        }
        String current = migrations.status().currentVersion();
        String upTo = null;
        try {
            upTo = target == null ? null : MigrationVersion.fromVersion(target).getVersion();
        } catch (FlywayException e) {
            // Not a version: upgrade refuses it itself, with its own message.
        }
        LintReport report = new LintService().lint(migrations.source(),
                new LintService.Request(java.util.List.of(), null, current, upTo, true, null));
        LintOutput.lines(report).forEach(line -> progress("lint: " + line));
        if (mode == LintOptions.Mode.STRICT && report.failed(false)) {
            throw Failure.refused("lint found " + report.count(Severity.ERROR) + " error(s) in the scripts this"
                    + " upgrade would run (--lint=strict); nothing was changed. Fix them, suppress them with a"
                    + " reason (docs/LINT.md), or run with --lint=warn");
        }
    }

    protected int downgrade(UndoService.Request request, boolean allowDataLoss) {
        UndoService undo = new UndoService(changingMigrations(), this::progress);
        if (changeOptions.dryRun) {
            print(renderer().plan(undo.plan(request)));
            return ExitCode.OK.code;
        }
        print(renderer().downgrade(undo.downgrade(request, patience(), allowDataLoss)));
        return ExitCode.OK.code;
    }
}
