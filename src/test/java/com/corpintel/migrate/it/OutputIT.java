package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Results on stdout, diagnostics on stderr; colour only on a terminal and never with NO_COLOR. */
class OutputIT {

    private static final String ESC = "\u001b[";

    @Test
    void resultsGoToStdoutAndErrorsToStderr() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result ok = Cli.run(db.env(), "current");
            assertThat(ok.stdout()).isEqualTo("0\n");
            assertThat(ok.stderr()).isEmpty();
            Cli.Result json = Cli.run(Map.of("DATABASE_URL", "postgresql://intel@127.0.0.1:1/x"), "status", "-o", "json");
            assertThat(json.exitCode()).isEqualTo(3);
            assertThat(json.stdout()).contains("\"error\"", "\"exitCode\": 3", "\"kind\": \"connection\"");
            assertThat(json.stderr()).startsWith("intel-migrate: error: cannot connect");
        }
    }

    @Test
    void plainTextWhenNotATerminal() {
        Cli.Result result = Cli.run(Map.of(), "--help");
        assertThat(result.stdout()).doesNotContain(ESC);
    }

    @Test
    void colourOnATerminalUnlessNoColorIsSet() {
        try (TestDatabase db = TestServer.createDatabase()) {
            String command = String.join(" ", Cli.command()) + " status";
            Cli.Result coloured = Terminal.run(db.env(), command);
            assertThat(coloured.stdout()).as(coloured.toString()).contains(ESC).contains("Pending");
            Cli.Result plain = Terminal.run(db.env("NO_COLOR", "1"), command);
            assertThat(plain.stdout()).as(plain.toString()).doesNotContain(ESC).contains("Pending");
        }
    }
}
