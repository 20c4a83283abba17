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
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.Plan;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.List;

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
        if (changeOptions.dryRun) {
            Plan plan = migrations.planUpgrade(target);
            lintPending(migrations, plan.steps().stream().map(Plan.Step::version).toList(), lint.mode);
            print(renderer().plan(plan));
            return ExitCode.OK.code;
        }
        // Linted under the migration lock, on the pending list the upgrade itself works from.
        UpgradeResult result = migrations.upgrade(target, patience(), pending ->
                lintPending(migrations, pending.stream().map(MigrationRecord::version).toList(), lint.mode));
        print(renderer().upgrade(result));
        return ExitCode.OK.code;
    }

    /**
     * Lints the forward scripts of the migrations an upgrade is about to run, before anything changes;
     * findings go to stderr. Strict mode refuses on an error.
     */
    private void lintPending(MigrationService migrations, List<String> versions, LintOptions.Mode mode) {
        if (mode == LintOptions.Mode.OFF || versions.isEmpty()) {
            return;
        }
        LintReport report = new LintService().lint(migrations.source(), LintService.Request.pending(versions));
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
