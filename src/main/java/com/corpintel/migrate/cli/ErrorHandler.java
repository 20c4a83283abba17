package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.render.OutputFormat;
import com.corpintel.migrate.render.Renderer;
import com.corpintel.migrate.render.Style;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every failure ends here: one line on stderr (redacted), the JSON error document
 * on stdout when JSON was asked for, and the documented exit code.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        ExitCode code = ExitCodes.of(error);
        String message = error instanceof Failure
                ? error.getMessage()
                : "internal error (this is a bug, please report it with the command line used): " + error;
        report(commandLine, code, message);
        if (code == ExitCode.INTERNAL || Boolean.getBoolean("intel-migrate.debug")) {
            PrintWriter err = commandLine.getErr();
            err.println(Redaction.redact(stackTrace(error)));
            err.flush();
        }
        return code.code;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("intel-migrate: error: " + Redaction.redact(message(error) + origin(error, args)));
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE.code;
    }

    /**
     * Picocli's message for unmatched arguments quotes them all, and a mistyped option
     * may be followed by its value, a password or a URL: name only what looks like an option,
     * and never quote a URL (redaction masks its credentials, not a password's tail in its query).
     */
    private static String message(ParameterException error) {
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).toList();
            if (!options.isEmpty()) {
                return "unknown option" + (options.size() == 1 ? " " : "s ") + String.join(", ", options);
            }
            return "unexpected argument" + (unmatched.getUnmatched().size() == 1 ? " " : "s ")
                    + String.join(" ", unmatched.getUnmatched().stream()
                            .map(a -> a.contains("://") ? "<a URL: pass it with --url>" : "'" + a + "'").toList());
        }
        return error.getMessage();
    }

    private static final Pattern ENVIRONMENT_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

    /**
     * An option whose default comes from an environment variable reports a bad value under
     * the option's name; say when the value was the variable's, since the option was not given.
     */
    private static String origin(ParameterException error, String[] args) {
        if (!(error.getArgSpec() instanceof CommandLine.Model.OptionSpec option) || error.getValue() == null) {
            return "";
        }
        // The default as written in the annotation, before picocli substitutes the variable.
        Matcher variable = ENVIRONMENT_DEFAULT.matcher(String.valueOf(option.defaultValueString()));
        boolean given = Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
        if (!given && variable.find() && error.getValue().equals(System.getenv(variable.group(1)))) {
            return "; the value came from " + variable.group(1);
        }
        return "";
    }

    private static void report(CommandLine commandLine, ExitCode code, String message) {
        String safe = Redaction.redact(message);
        PrintWriter err = commandLine.getErr();
        err.println("intel-migrate: error: " + safe);
        err.flush();
        Object command = commandLine.getCommand();
        if (command instanceof DatabaseCommand databaseCommand && databaseCommand.outputFormat() == OutputFormat.JSON) {
            PrintWriter out = commandLine.getOut();
            out.println(Renderer.of(OutputFormat.JSON, new Style(false)).failure(
                    commandLine.getCommandName(), code.code, code.name().toLowerCase(Locale.ROOT), safe));
            out.flush();
        }
    }

    private static String stackTrace(Throwable error) {
        java.io.StringWriter text = new java.io.StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
