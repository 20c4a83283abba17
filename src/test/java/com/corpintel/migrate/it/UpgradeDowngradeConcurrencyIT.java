package com.corpintel.migrate.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An upgrade and a downgrade started together take turns on the one migration lock; their steps never interleave. */
class UpgradeDowngradeConcurrencyIT {

    private static final String DOWNGRADE = "intel-migrate downgrade-to@downer";
    private static final String UPGRADE = "intel-migrate upgrade@upper";
    /** Bounds a hang only: each wait returns as soon as what it waits for is seen. */
    private static final Duration WITHIN = Duration.ofMinutes(3);

    /** Who gets the lock first: left to the race, or settled by starting the other only once the first holds it. */
    enum Start { TOGETHER, DOWNGRADE_FIRST, UPGRADE_FIRST }

    @ParameterizedTest
    @EnumSource(Start.class)
    void concurrentUpgradeAndDowngradeNeverInterleave(Start start) {
        // Upgrading first needs work to do while it holds the lock: it starts from an empty database;
        // otherwise from a copy of one `upgrade` brought to the head (see DatabaseTemplate).
        try (TestDatabase db = start == Start.UPGRADE_FIRST ? TestServer.createDatabase()
                : DatabaseTemplate.upgraded().copy()) {
            long firstNew = 0;
            if (start != Start.UPGRADE_FIRST) {
                firstNew = Long.parseLong(db.value("SELECT max(id) FROM intel_migrate_operations"));
            }

            Cli.Result down;
            Cli.Result up;
            try (CliProcess first = start == Start.UPGRADE_FIRST ? upgrade(db) : downgrade(db)) {
                if (start != Start.TOGETHER) {
                    String holder = start == Start.UPGRADE_FIRST ? UPGRADE : DOWNGRADE;
                    Eventually.until(holder + " to hold the migration lock", WITHIN,
                            () -> db.migrationLockHolder().filter(holder::equals).isPresent() || !first.isAlive(),
                            first::toString);
                }
                try (CliProcess second = start == Start.UPGRADE_FIRST ? downgrade(db) : upgrade(db)) {
                    Cli.Result firstResult = first.finish(WITHIN);
                    Cli.Result secondResult = second.finish(WITHIN);
                    down = start == Start.UPGRADE_FIRST ? secondResult : firstResult;
                    up = start == Start.UPGRADE_FIRST ? firstResult : secondResult;
                }
            }
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(up.exitCode()).as(up.toString()).isZero();

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
            assertThat(db.value("SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(current);
            switch (start) {
                case TOGETHER -> assertThat(current).isIn("0", "3");
                case DOWNGRADE_FIRST -> {
                    assertThat(runs).containsExactly(DOWNGRADE, UPGRADE);
                    assertThat(current).isEqualTo("3");
                }
                case UPGRADE_FIRST -> {
                    assertThat(runs).containsExactly(UPGRADE, DOWNGRADE);
                    assertThat(current).isEqualTo("0");
                }
            }
        }
    }

    private static CliProcess downgrade(TestDatabase db) {
        return CliProcess.start(db.env("HOSTNAME", "downer"), "downgrade-to", "0", "--allow-data-loss",
                "--lock-wait", "2m");
    }

    private static CliProcess upgrade(TestDatabase db) {
        return CliProcess.start(db.env("HOSTNAME", "upper"), "upgrade", "--lock-wait", "2m");
    }
}
