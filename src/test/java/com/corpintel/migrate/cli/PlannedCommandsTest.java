package com.corpintel.migrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlannedCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"repair", "baseline", "completion"})
    void eachPlannedCommandIsRecognisedInTheCommandPositionAndAfterHelp(String name) {
        assertThat(PlannedCommands.named(name)).contains(name);
        assertThat(PlannedCommands.named(name, "--help")).contains(name);
        assertThat(PlannedCommands.named(name, "some message")).contains(name);
        assertThat(PlannedCommands.named("help", name)).contains(name);
    }

    @Test
    void aPlannedNameAsAnArgumentOfAnotherCommandIsNotThePlannedCommand() {
        assertThat(PlannedCommands.named("upgrade", "repair")).isEmpty();
        assertThat(PlannedCommands.named("status", "--schema", "repair")).isEmpty();
        assertThat(PlannedCommands.named("upgrayedd")).isEmpty();
        assertThat(PlannedCommands.named("help")).isEmpty();
        assertThat(PlannedCommands.named()).isEmpty();
    }

    @Test
    void messageSaysPlannedAndWhereItIsSpecified() {
        assertThat(PlannedCommands.message("repair"))
                .isEqualTo("'repair' is planned but not in this version: see docs/CLI.md#planned-commands");
    }
}
