package com.corpintel.migrate.cli;

import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", sortOptions = false,
        description = "Every migration, applied or not, with dates, durations, who ran it and checksums.")
class HistoryCommand extends DatabaseCommand {

    @Option(names = {"-v", "--verbose"}, description = "Also type, install rank and script.")
    boolean verbose;

    @Override
    public Integer call() {
        print(renderer().history(migrations(database(), FeatureMode.AUTO).history(), verbose));
        return ExitCode.OK.code;
    }
}
