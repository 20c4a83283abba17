package com.corpintel.migrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether the HTTP port opens is decided from the command line as picocli parses it. */
class InvocationTest {

    @Test
    void aRealServeServesHttp() {
        assertThat(Invocation.servesHttp("serve")).isTrue();
        assertThat(Invocation.servesHttp("serve", "--url", "postgresql://u@h/db", "-o", "JSON", "--schema", "s"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve --help", "help serve", "serve -h", "--help serve", "-h serve", "-V serve",
            "serve --bogus", "serve extra", "serve --connect-timeout 0", "status serve", "upgrade --schema serve",
            "status", "lint"})
    void anythingElseLeavesThePortClosed(String commandLine) {
        assertThat(Invocation.servesHttp(commandLine.split(" "))).as(commandLine).isFalse();
    }

    @Test
    void noArgumentsLeaveThePortClosed() {
        assertThat(Invocation.servesHttp()).isFalse();
    }
}
