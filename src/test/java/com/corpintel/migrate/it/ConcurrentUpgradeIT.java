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
                // Twenty JVMs starting at once on a small shared machine can take longer than the default
                // 10 s to connect; what this test proves is the lock, not connection latency.
                processes.add(Cli.start(db.env("HOSTNAME", "runner-" + i), "upgrade", "--lock-wait", "5m",
                        "--connect-timeout", "2m"));
            }
            List<String> failures = new ArrayList<>();
            int applied = 0;
            for (int i = 0; i < PROCESSES; i++) {
                Process process = processes.get(i);
                byte[][] output = Cli.drain(process);
                assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
                String stdout = new String(output[0], StandardCharsets.UTF_8);
                String stderr = new String(output[1], StandardCharsets.UTF_8);
                // Every failure with its stderr: one process's exit code alone says nothing about why.
                if (process.exitValue() != 0) {
                    failures.add("runner-" + i + " exited " + process.exitValue() + ":\n" + stderr);
                } else if (stdout.contains("Applied 3 migrations")) {
                    applied++;
                } else if (!stdout.contains("Nothing to apply")) {
                    failures.add("runner-" + i + " exited 0 but said neither what it applied nor that nothing was"
                            + " left:\n" + stdout + stderr);
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
