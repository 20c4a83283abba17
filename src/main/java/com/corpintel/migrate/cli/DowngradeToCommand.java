package com.corpintel.migrate.cli;

import com.corpintel.migrate.undo.UndoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "downgrade-to", sortOptions = false,
        description = {"Revert applied migrations, newest first, until VERSION is the current version;"
                + " 0 reverts everything (an empty history)."})
class DowngradeToCommand extends SchemaChangeCommand {

    @Parameters(index = "0", paramLabel = "VERSION", description = "The version to end at; 0 for nothing applied.")
    String target;

    @Mixin
    DataLossOptions dataLoss;

    @Override
    public Integer call() {
        return downgrade(UndoService.Request.to(target), dataLoss.allowed);
    }
}
