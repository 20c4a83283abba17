package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every session a step runs on, Flyway's and the undo's, has the configured timeouts. */
class SessionSettingsIT {

    @Test
    void upgradeAndDowngradeStepsRunWithTheConfiguredTimeouts() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__seen.sql", "CREATE TABLE seen (direction text, lock_timeout text, statement_timeout text);\n"
                        + "INSERT INTO seen VALUES ('upgrade', current_setting('lock_timeout'),"
                        + " current_setting('statement_timeout'));")
                .forward("V2__nothing.sql", "SELECT 1;")
                .undo("U2__nothing.sql", "INSERT INTO seen VALUES ('downgrade', current_setting('lock_timeout'),"
                        + " current_setting('statement_timeout'));");
        try (TestDatabase db = TestServer.createDatabase()) {
            for (String command : new String[] {"upgrade", "downgrade"}) {
                Cli.Result result = Cli.run(db.env(), command, "--migrations", set.path(),
                        "--lock-timeout", "1500ms", "--statement-timeout", "7s");
                assertThat(result.exitCode()).as(result.toString()).isZero();
            }
            assertThat(db.rows("SELECT direction || ' ' || lock_timeout || ' ' || statement_timeout FROM seen"
                    + " ORDER BY direction DESC")).containsExactly("upgrade 1500ms 7s", "downgrade 1500ms 7s");
        }
    }
}
