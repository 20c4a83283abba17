package com.corpintel.migrate.cli;

import com.corpintel.migrate.undo.UndoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "downgrade", sortOptions = false,
        description = {"Revert the last N applied migrations (default 1), newest first, each with its undo script in"
                + " its own transaction, then print the resulting status."})
class DowngradeCommand extends SchemaChangeCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "N", defaultValue = "1",
            description = "How many migrations to revert (default: ${DEFAULT-VALUE}).")
    int steps;

    @Mixin
    DataLossOptions dataLoss;

    @Override
    public Integer call() {
        return downgrade(UndoService.Request.last(steps), dataLoss.allowed);
    }
}
