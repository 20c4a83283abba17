package com.corpintel.migrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlannedCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lint", "repair", "baseline", "completion"})
    void eachPlannedCommandIsRecognisedInTheCommandPositionAndAfterHelp(String name) {
        assertThat(PlannedCommands.named(name)).contains(name);
        assertThat(PlannedCommands.named(name, "--help")).contains(name);
        assertThat(PlannedCommands.named(name, "some message")).contains(name);
        assertThat(PlannedCommands.named("help", name)).contains(name);
    }

    @Test
    void aPlannedNameAsAnArgumentOfAnotherCommandIsNotThePlannedCommand() {
        assertThat(PlannedCommands.named("upgrade", "lint")).isEmpty();
        assertThat(PlannedCommands.named("status", "--schema", "lint")).isEmpty();
        assertThat(PlannedCommands.named("upgrayedd")).isEmpty();
        assertThat(PlannedCommands.named("help")).isEmpty();
        assertThat(PlannedCommands.named()).isEmpty();
    }

    @Test
    void messageSaysPlannedAndWhereItIsSpecified() {
        assertThat(PlannedCommands.message("lint"))
                .isEqualTo("'lint' is planned but not in this version: see docs/CLI.md#planned-commands");
    }
}
