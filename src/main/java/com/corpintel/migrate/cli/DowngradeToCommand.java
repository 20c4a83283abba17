package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
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
        if ("alembic".equalsIgnoreCase(target)) {
            // Refused before connecting: there is no undo of the Alembic bridge to plan.
            throw Failure.refused("downgrade-to alembic: undoing the Alembic bridge is not supported. The bridge"
                    + " rewrote every table (jsonb, vector, timestamptz, keys) and the way back is the backup taken"
                    + " before `baseline --from-alembic` (docs/MIGRATION_GUIDE.md, \"Adopting an existing"
                    + " database\"); downgrades stop at the adopted version");
        }
        return downgrade(UndoService.Request.to(target), dataLoss.allowed);
    }
}
