package com.corpintel.migrate.cli;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.UpgradeResult;
import picocli.CommandLine.Mixin;

import java.time.Duration;

/** A command that changes the schema: it takes the lock and bounds every statement. */
abstract class SchemaChangeCommand extends DatabaseCommand {

    @Mixin
    ChangeOptions changeOptions;

    protected Database changingDatabase() {
        return database(changeOptions.lockTimeout, changeOptions.statementTimeout);
    }

    protected MigrationService.Patience patience() {
        return new MigrationService.Patience(changeOptions.lockWait, changeOptions.lockRetries, Duration.ofSeconds(1));
    }

    protected int upgradeTo(String target) {
        Database database = changingDatabase();
        UpgradeResult result = migrations(database, changeOptions.featureMode).upgrade(target, patience());
        print(renderer().upgrade(result));
        return ExitCode.OK.code;
    }
}
