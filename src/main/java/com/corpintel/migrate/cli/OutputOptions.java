package com.corpintel.migrate.cli;

import com.corpintel.migrate.render.OutputFormat;
import picocli.CommandLine.Option;

/** How results are printed. */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (one JSON document on stdout; default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--no-color", description = "Plain text even on a terminal (so does NO_COLOR).")
    boolean noColor;
}
