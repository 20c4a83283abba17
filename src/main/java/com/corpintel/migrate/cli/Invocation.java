package com.corpintel.migrate.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.util.Arrays;

/**
 * What a command line asks for, known before Quarkus starts. Quarkus opens its HTTP port
 * at start-up, before any command runs, so whether to open it is decided here: only for
 * {@code serve} itself, parsed as picocli will parse it, not for {@code serve --help},
 * {@code help serve} or a {@code serve} with an option picocli will reject.
 */
public final class Invocation {

    private Invocation() {
    }

    public static boolean servesHttp(String... args) {
        if (!Arrays.asList(args).contains(ServeCommand.NAME)) {
            return false;
        }
        // A throwaway model of the same commands, built without CDI: parsing only, nothing runs.
        CommandLine commandLine = new CommandLine(IntelMigrateCommand.class).setCaseInsensitiveEnumValuesAllowed(true);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return false;
        }
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
                return false;
            }
            if (!level.hasSubcommand()) {
                return level.commandSpec().userObject() instanceof ServeCommand;
            }
        }
        return false;
    }
}
