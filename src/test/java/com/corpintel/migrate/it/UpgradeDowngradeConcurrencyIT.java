package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An upgrade and a downgrade started together take turns on the one migration lock; their steps never interleave. */
class UpgradeDowngradeConcurrencyIT {

    @Test
    void concurrentUpgradeAndDowngradeNeverInterleave() throws Exception {
        for (int round = 0; round < 3; round++) {
            try (TestDatabase db = TestServer.createDatabase()) {
                assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
                long firstNew = Long.parseLong(db.value("SELECT max(id) FROM intel_migrate_operations"));

                Process down = Cli.start(db.env("HOSTNAME", "downer"), "downgrade-to", "0", "--allow-data-loss",
                        "--lock-wait", "2m");
                Thread.sleep(100L * round);
                Process up = Cli.start(db.env("HOSTNAME", "upper"), "upgrade", "--lock-wait", "2m");
                for (Process process : List.of(down, up)) {
                    byte[][] output = Cli.drain(process);
                    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
                    assertThat(process.exitValue()).as(new String(output[1], StandardCharsets.UTF_8)).isZero();
                }

                List<String> names = db.rows("SELECT application_name FROM intel_migrate_operations WHERE id > "
                        + firstNew + " ORDER BY id");
                assertThat(names).isNotEmpty();
                List<String> runs = new ArrayList<>();
                for (String name : names) {
                    if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(name)) {
                        runs.add(name);
                    }
                }
                assertThat(runs).as("one contiguous run of steps per process: " + names).doesNotHaveDuplicates();
                assertThat(db.value("SELECT bool_and(outcome = 'success') FROM intel_migrate_operations"))
                        .isEqualTo("true");
                String current = Cli.run(db.env(), "current").stdout().strip();
                assertThat(current).isIn("0", "3");
                assertThat(db.value("SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(current);
            }
        }
    }
}
