package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Twenty separate processes upgrading one empty database: all succeed, each migration runs once. */
class ConcurrentUpgradeIT {

    private static final int PROCESSES = 20;

    @Test
    void twentyConcurrentUpgradesAllExitZeroAndApplyEachMigrationExactlyOnce() throws Exception {
        try (TestDatabase db = TestServer.createDatabase()) {
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(Cli.start(db.env("HOSTNAME", "runner-" + i), "upgrade", "--lock-wait", "5m"));
            }
            List<String> failures = new ArrayList<>();
            int applied = 0;
            for (Process process : processes) {
                byte[][] output = Cli.drain(process);
                assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
                String stdout = new String(output[0], StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    failures.add("exit " + process.exitValue() + ": " + new String(output[1], StandardCharsets.UTF_8));
                }
                if (stdout.contains("Applied 3 migrations")) {
                    applied++;
                } else {
                    assertThat(stdout).contains("Nothing to apply");
                }
            }
            assertThat(failures).isEmpty();
            assertThat(applied).as("exactly one process applies the migrations").isEqualTo(1);
            assertThat(db.rows("SELECT version, count(*) FROM flyway_schema_history"
                    + " WHERE success GROUP BY version ORDER BY version"))
                    .containsExactly("1 | 1", "2 | 1", "3 | 1");
            assertThat(db.value("SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isEqualTo("0");
            assertThat(db.value("SELECT count(*) FROM permissions")).isEqualTo("16");
        }
    }
}
