package com.corpintel.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "upgrade", sortOptions = false,
        description = {"Apply every pending migration (or up to --target), then print the resulting status.",
                "Only one process changes the schema at a time; others wait up to --lock-wait."})
class UpgradeCommand extends SchemaChangeCommand {

    @Option(names = "--target", paramLabel = "VERSION", description = "Stop at this version (inclusive).")
    String target;

    @Mixin
    LintOptions lint;

    @Override
    public Integer call() {
        return upgradeTo(target, lint);
    }
}
