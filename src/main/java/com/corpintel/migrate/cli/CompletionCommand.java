package com.corpintel.migrate.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "completion", sortOptions = false, mixinStandardHelpOptions = false,
        description = {"Print a shell completion script for bash, zsh or fish, generated from this binary's commands,"
                + " options and their values. Needs no database.",
                "Install: bash: source <(intel-migrate completion bash); zsh: source <(intel-migrate completion zsh);"
                        + " fish: intel-migrate completion fish | source"})
class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh, fish }

    /** The name the scripts complete: the one operators type. */
    static final String PROGRAM = "intel-migrate";

    @CommandLine.Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(script(shell, spec.root().commandLine()));
        out.flush();
        return ExitCode.OK.code;
    }

    static String script(Shell shell, CommandLine root) {
        return switch (shell) {
            // picocli's script starts with the bashcompinit lines zsh needs, so one script serves both.
            case bash, zsh -> AutoComplete.bash(PROGRAM, root);
            case fish -> FishCompletion.script(PROGRAM, root.getCommandSpec());
        };
    }
}
