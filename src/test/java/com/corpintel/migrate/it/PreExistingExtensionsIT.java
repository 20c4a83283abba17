package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undoing version 1 drops the extensions it created and keeps those that were there
 * before it: "undo returns the state before" holds for extensions too.
 */
class PreExistingExtensionsIT {

    private static final String EXTENSIONS = "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1";
    private static final String V1_DETAIL = "SELECT detail FROM intel_migrate_operations"
            + " WHERE version = '1' AND direction = 'upgrade' ORDER BY id DESC LIMIT 1";

    private static void upgradeAndDowngradeToNothing(TestDatabase db) {
        Cli.Result up = Cli.run(db.env(), "upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        Cli.Result down = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");
        assertThat(down.exitCode()).as(down.toString()).isZero();
    }

    @Test
    void extensionsThatExistedBeforeVersionOneSurviveItsUndoAndTheOneItCreatedIsDropped() {
        try (TestDatabase db = TestServer.createDatabase()) {
            db.execute("CREATE EXTENSION vector");
            db.execute("CREATE EXTENSION timescaledb");
            List<String> before = CatalogFingerprint.of(db);

            Cli.Result up = Cli.run(db.env(), "upgrade");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(db.value(V1_DETAIL)).isEqualTo("created extensions: uuid-ossp");
            Cli.Result down = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");
            assertThat(down.exitCode()).as(down.toString()).isZero();

            assertThat(db.rows(EXTENSIONS)).containsExactly("timescaledb", "vector");
            assertThat(CatalogFingerprint.of(db)).as("the state before version 1").isEqualTo(before);
        }
    }

    @Test
    void extensionsVersionOneCreatedAreDroppedByItsUndo() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade", "--target", "1");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(db.value(V1_DETAIL)).isEqualTo("created extensions: timescaledb, vector, uuid-ossp");

            Cli.Result down = Cli.run(db.env(), "downgrade", "--allow-data-loss");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(db.rows(EXTENSIONS)).isEmpty();
        }
    }

    @Test
    void whenEveryExtensionExistedBeforeTheUndoDropsNone() {
        try (TestDatabase db = TestServer.createDatabase()) {
            db.execute("CREATE EXTENSION timescaledb");
            db.execute("CREATE EXTENSION vector");
            db.execute("CREATE EXTENSION \"uuid-ossp\"");

            Cli.Result up = Cli.run(db.env(), "upgrade");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(db.value(V1_DETAIL)).isEqualTo("created extensions: none");
            Cli.Result down = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");
            assertThat(down.exitCode()).as(down.toString()).isZero();

            assertThat(db.rows(EXTENSIONS)).containsExactly("timescaledb", "uuid-ossp", "vector");
        }
    }

    @Test
    void reUpgradingAfterTheUndoRecordsAgainWhatVersionOneCreated() {
        try (TestDatabase db = TestServer.createDatabase()) {
            db.execute("CREATE EXTENSION vector");
            upgradeAndDowngradeToNothing(db);
            db.execute("DROP EXTENSION vector");

            upgradeAndDowngradeToNothing(db);

            assertThat(db.rows(EXTENSIONS)).as("this time version 1 created vector too").isEmpty();
        }
    }

    /**
     * A database upgraded before the record existed: the undo drops the three extensions as
     * before, except one that something outside the platform's schema uses, which stays
     * with a warning instead of failing the downgrade.
     */
    @Test
    void withoutARecordAnExtensionUsedElsewhereStaysWithAWarningAndTheOthersAreDropped() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            forgetTheRecord(db);
            db.execute("CREATE SCHEMA elsewhere");
            db.execute("CREATE TABLE elsewhere.embeddings (v vector(3))");

            Cli.Result down = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");

            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.stderr()).contains("undo of V1 initial schema: server warning: extension vector stays:"
                    + " cannot drop extension vector because other objects depend on it");
            assertThat(db.rows(EXTENSIONS)).containsExactly("vector");
            assertThat(db.value("SELECT count(*) FROM elsewhere.embeddings")).isEqualTo("0");
        }
    }

    @Test
    void withoutARecordUnusedExtensionsAreDroppedAsBefore() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            forgetTheRecord(db);

            Cli.Result down = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");

            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(db.rows(EXTENSIONS)).isEmpty();
        }
    }

    /** Makes the log look as one written before V1's entry said which extensions it created. */
    private static void forgetTheRecord(TestDatabase db) {
        db.execute("ALTER TABLE intel_migrate_operations DISABLE TRIGGER intel_migrate_operations_no_update;"
                + " UPDATE intel_migrate_operations SET detail = NULL WHERE version = '1';"
                + " ALTER TABLE intel_migrate_operations ENABLE TRIGGER intel_migrate_operations_no_update");
        assertThat(db.value(V1_DETAIL)).isEqualTo("null");
    }
}
