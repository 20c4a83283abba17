package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TimescaleDB's known quirk: a session that starts while another one drops the
 * extension fails its first table read with "could not open relation with OID …"
 * once the drop commits. That is no connection failure; a fresh session is fine.
 */
class CatalogRaceIT {

    @Test
    void aCommandStartedWhileTimescaleDbIsBeingDroppedWaitsForTheDropAndCarriesOn() throws Exception {
        try (TestDatabase db = TestServer.createDatabase()) {
            db.execute("CREATE EXTENSION timescaledb");
            Cli.Result result;
            try (Connection dropper = db.connect(); Statement s = dropper.createStatement()) {
                // As a concurrent `downgrade-to 0` does in U1, held open until the command waits on it.
                dropper.setAutoCommit(false);
                s.execute("DROP EXTENSION timescaledb");
                Process upgrade = Cli.start(db.env(), "upgrade");
                ToolSessions.awaitWaitingOnLock(db, upgrade);
                dropper.commit();
                result = ToolSessions.finish(upgrade);
            }
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).doesNotContain("cannot connect");
            assertThat(result.stdout()).contains("Applied 3 migrations");
        }
    }
}
