package com.corpintel.migrate.cli;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.Patience;
import com.corpintel.migrate.migrate.UpgradeResult;
import com.corpintel.migrate.undo.UndoService;
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

    protected int upgradeTo(String target) {
        MigrationService migrations = changingMigrations();
        if (changeOptions.dryRun) {
            print(renderer().plan(migrations.planUpgrade(target)));
            return ExitCode.OK.code;
        }
        UpgradeResult result = migrations.upgrade(target, patience());
        print(renderer().upgrade(result));
        return ExitCode.OK.code;
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
