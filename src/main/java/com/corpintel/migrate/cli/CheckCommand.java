package com.corpintel.migrate.cli;

import com.corpintel.migrate.db.ConnectionCheck;
import com.corpintel.migrate.report.CheckReport;
import picocli.CommandLine.Command;

@Command(name = "check", sortOptions = false,
        description = "Connection check: reachability, authentication, server version, TLS, round-trip latency.")
class CheckCommand extends DatabaseCommand {

    @Override
    public Integer call() {
        CheckReport report = ConnectionCheck.run(database());
        print(renderer().checks(report));
        return report.anyFailed() ? ExitCode.CONNECTION.code : ExitCode.OK.code;
    }
}
