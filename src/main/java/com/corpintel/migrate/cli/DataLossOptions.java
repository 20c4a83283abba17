package com.corpintel.migrate.cli;

import picocli.CommandLine.Option;

/** The explicit consent a downgrade needs to run undo scripts that destroy data. */
public final class DataLossOptions {

    @Option(names = "--allow-data-loss",
            description = "Run undo scripts that declare data they destroy (-- data-loss: lines); without it they are"
                    + " refused with exit code 9.")
    boolean allowed;
}
