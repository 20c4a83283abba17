package com.corpintel.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade-to", sortOptions = false,
        description = "Apply pending migrations up to VERSION; the same as upgrade --target VERSION.")
class UpgradeToCommand extends SchemaChangeCommand {

    @Parameters(index = "0", paramLabel = "VERSION", description = "The version to stop at (inclusive).")
    String target;

    @Mixin
    LintOptions lint;

    @Override
    public Integer call() {
        return upgradeTo(target, lint);
    }
}
