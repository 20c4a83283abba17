package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** --version is answered before Quarkus starts: it needs no configuration, not even a valid one. */
class VersionIT {

    private static final String EXPECTED = "intel-migrate " + System.getProperty("intel-migrate.version") + "\n";

    /** A setting Quarkus refuses at start-up: any command that starts Quarkus fails with it. */
    private static final Map<String, String> BROKEN_QUARKUS_CONFIG = Map.of("QUARKUS_LOG_LEVEL", "no-such-level");

    @Test
    void versionPrintsTheBuildVersion() {
        for (String option : new String[] {"--version", "-V"}) {
            Cli.Result result = Cli.run(Map.of(), option);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo(EXPECTED);
            assertThat(result.stderr()).isEmpty();
        }
    }

    @Test
    void versionStartsNothingThatReadsConfiguration() {
        Cli.Result help = Cli.run(BROKEN_QUARKUS_CONFIG, "--help");
        assertThat(help.exitCode()).as("the broken setting does break a Quarkus start: %s", help).isNotZero();

        Cli.Result version = Cli.run(BROKEN_QUARKUS_CONFIG, "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.stdout()).isEqualTo(EXPECTED);
    }
}
