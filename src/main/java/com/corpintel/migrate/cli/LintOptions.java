package com.corpintel.migrate.cli;

import picocli.CommandLine.Option;

/** upgrade --lint: check the scripts about to run before running them. */
public final class LintOptions {

    /** off: no lint; warn: findings on stderr, carry on; strict: an error refuses the upgrade (exit 9). */
    enum Mode { OFF, WARN, STRICT }

    @Option(names = "--lint", paramLabel = "MODE", defaultValue = "warn",
            description = "Lint the pending scripts first, findings on stderr: off, warn, or strict (an error"
                    + " refuses with exit 9 before any change; default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.WARN;
}
