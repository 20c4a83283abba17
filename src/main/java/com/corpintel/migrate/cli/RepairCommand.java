package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.repair.RepairReport;
import com.corpintel.migrate.repair.RepairService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "repair", sortOptions = false,
        description = {"List what keeps the history from matching the schema and the scripts, and with --apply repair"
                + " it under the migration lock: a failed non-transactional step or undo (its objects are inspected:"
                + " the record is completed or the failed row removed), a checksum changed only in white space or"
                + " comment lines (realigned). Anything else is refused with the reason and the SQL to run by hand.",
                "The listing is the default and changes nothing. --apply changes nothing while any item is refused"
                        + " (exit 9); each repair is written to the operations log."})
class RepairCommand extends SchemaChangeCommand {

    @Option(names = "--apply", description = "Make the listed repairs, in one transaction.")
    boolean apply;

    @Override
    public Integer call() {
        if (apply && changeOptions.dryRun) {
            throw Failure.usage("--apply and --dry-run exclude each other (the listing is the dry run)");
        }
        RepairService repair = new RepairService(changingMigrations(), this::progress);
        RepairReport report = apply ? repair.apply(patience()) : repair.list();
        print(renderer().repair(report));
        return apply && report.anyRefused() ? ExitCode.REFUSED.code : ExitCode.OK.code;
    }
}
