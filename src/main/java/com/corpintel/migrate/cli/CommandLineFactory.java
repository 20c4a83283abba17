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
        return withConventions(factory.create());
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
