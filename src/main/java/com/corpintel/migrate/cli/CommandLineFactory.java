package com.corpintel.migrate.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Installs the single error handler and the exit-code conventions on the command line Quarkus builds. */
@ApplicationScoped
class CommandLineFactory {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine commandLine = withConventions(factory.create());
        CommandLine.IExecutionStrategy run = commandLine.getExecutionStrategy();
        return commandLine.setExecutionStrategy(parsed -> {
            // "repair --help" parses (picocli lets a help request excuse an unknown word) and would
            // print the top command's help with exit 0: report the planned command instead.
            var planned = PlannedCommands.named(parsed.originalArgs().toArray(String[]::new));
            if (planned.isPresent()) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                        PlannedCommands.message(planned.get()));
            }
            return run.execute(parsed);
        });
    }

    /** How values parse and failures end; also what tests parse with, since no command needs CDI to parse. */
    static CommandLine withConventions(CommandLine commandLine) {
        ErrorHandler errors = new ErrorHandler();
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExitCodeExceptionMapper(ExitCodes::exitCodeOf);
    }
}
