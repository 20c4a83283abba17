package com.corpintel.migrate.cli;

import com.corpintel.migrate.baseline.BaselineService;
import com.corpintel.migrate.migrate.MigrationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", sortOptions = false,
        description = {"Adopt a database whose schema the bundled migrations would have built up to VERSION but"
                + " which has no migration history: compare the live schema with the expected model of VERSION and,"
                + " only when they agree, record V1..VERSION as applied without running them.",
                "Drift is refused (exit 9) with the differences listed; nothing is recorded then. Downgrades stop at"
                        + " the baseline."})
class BaselineCommand extends SchemaChangeCommand {

    @Option(names = "--version", paramLabel = "VERSION", required = true,
            description = "The version the schema is at (its expected model is compared).")
    String version;

    @Override
    public Integer call() {
        MigrationService migrations = changingMigrations();
        BaselineService baseline = new BaselineService(migrations, this::progress);
        print(renderer().baseline(changeOptions.dryRun ? baseline.plan(version)
                : baseline.baseline(version, patience())));
        return ExitCode.OK.code;
    }
}
