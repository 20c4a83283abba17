package com.corpintel.migrate.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class FishCompletionTest {

    private static String script() {
        CommandLine top = CommandLineFactory.withConventions(new CommandLine(new IntelMigrateCommand()));
        return FishCompletion.script("intel-migrate", top.getCommandSpec());
    }

    @Test
    void everyCommandIsOfferedBeforeAnyCommandIsTyped() {
        String script = script();
        for (String command : new CommandLine(new IntelMigrateCommand()).getSubcommands().keySet()) {
            assertThat(script).contains("complete -c intel-migrate -n __fish_use_subcommand -a " + command + " -d '");
        }
    }

    @Test
    void enumOptionsOfferTheirValuesAndPathOptionsOfferFiles() {
        String script = script();
        assertThat(script).contains("complete -c intel-migrate -n '__fish_seen_subcommand_from status' -s o -l output"
                + " -x -a 'text json' -d ");
        assertThat(script).contains("complete -c intel-migrate -n '__fish_seen_subcommand_from upgrade'"
                + " -l migrations -r -F -d ");
        assertThat(script).contains("complete -c intel-migrate -n '__fish_seen_subcommand_from completion'"
                + " -a 'bash zsh fish'");
        assertThat(script).contains("complete -c intel-migrate -n '__fish_seen_subcommand_from status' -l no-color -d ");
    }

    @Test
    void quotesSurviveFishQuoting() {
        assertThat(FishCompletion.quote("it's a \\ path")).isEqualTo("'it\\'s a \\\\ path'");
        assertThat(FishCompletion.firstSentence(new String[] {"One (default: ${DEFAULT-VALUE}). Two."}))
                .isEqualTo("One.");
        assertThat(FishCompletion.firstSentence(new String[] {"text or json (one line; default: ${DEFAULT-VALUE})."}))
                .isEqualTo("text or json (one line).");
        assertThat(FishCompletion.firstSentence(new String[] {"Read it from FILE, e.g. a Secret. More."}))
                .isEqualTo("Read it from FILE, e.g. a Secret.");
    }
}
