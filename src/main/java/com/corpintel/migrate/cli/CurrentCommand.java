package com.corpintel.migrate.cli;

import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "current", sortOptions = false,
        description = "Print the current version only (0 when nothing is applied); script friendly.")
class CurrentCommand extends DatabaseCommand {

    @Option(names = {"-v", "--verbose"}, description = "Also the description, when and by whom it was applied.")
    boolean verbose;

    @Override
    public Integer call() {
        print(renderer().current(migrations(database(), FeatureMode.AUTO).status(), verbose));
        return ExitCode.OK.code;
    }
}
