package com.corpintel.migrate.cli;

import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", sortOptions = false,
        description = "Current version, applied / pending / failed migrations and checksum problems.")
class StatusCommand extends DatabaseCommand {

    @Option(names = "--check",
            description = "Exit 7 when migrations are pending, 6 when one failed or a checksum no longer matches.")
    boolean check;

    @Override
    public Integer call() {
        StatusReport status = migrations(database(), FeatureMode.AUTO).status();
        print(renderer().status(status));
        if (!check) {
            return ExitCode.OK.code;
        }
        if (!status.failed().isEmpty() || !status.problems().isEmpty()) {
            return ExitCode.VALIDATION_FAILED.code;
        }
        return status.pending().isEmpty() ? ExitCode.OK.code : ExitCode.PENDING.code;
    }
}
