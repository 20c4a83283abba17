package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** await returns as soon as the schema reaches the version, and gives up with exit 8 when it never does. */
class AwaitIT {

    /** Bounds a hang only: each wait returns as soon as what it waits for is seen. */
    private static final Duration WITHIN = Duration.ofMinutes(2);

    @Test
    void awaitSucceedsOnceAConcurrentUpgradeReachesTheVersion() {
        try (TestDatabase db = TestServer.createDatabase();
             CliProcess await = CliProcess.start(db.env(), "await", "--version", "2", "--timeout", "2m",
                     "--max-interval", "500ms")) {
            // It has looked at the database and found nothing applied: from here on it polls.
            await.awaitStderr("at no version, waiting for V2", WITHIN);
            assertThat(await.isAlive()).as("nothing applied yet: still waiting").isTrue();
            assertThat(Cli.run(db.env(), "upgrade", "--target", "2").exitCode()).isZero();
            Cli.Result result = await.finish(WITHIN);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Current version:", "V2 timescale features");
        }
    }

    @Test
    void awaitHeadTimesOutWithCode8WhenNothingMigrates() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "await", "--head", "--timeout", "3s");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
            assertThat(result.stderr()).contains("gave up after 3 s (--timeout)", "waiting for V3");
        }
    }

    @Test
    void awaitWaitsForAnUnreachableDatabaseUntilTheDeadline() {
        Cli.Result result = Cli.run(Map.of("DATABASE_URL", "postgresql://intel@127.0.0.1:1/intel"), "await",
                "--timeout", "2s");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
        assertThat(result.stderr()).contains("not reachable yet", "gave up after 2 s");
    }

    @Test
    void awaitWithoutAVersionOnlyNeedsTheDatabaseToAnswer() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "await", "--timeout", "30s");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
    }

    @Test
    void awaitRefusesAVersionThatCannotArriveAndRejectsMalformedOnes() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result unknown = Cli.run(db.env(), "await", "--version", "99", "--timeout", "2m");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(9);
            assertThat(unknown.stderr()).contains("version 99 is neither bundled nor applied");
            Cli.Result malformed = Cli.run(db.env(), "await", "--version", "abc");
            assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(2);
        }
    }
}
