package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * intel-migrate's own history reader ({@link StatusReader#entries}: {@link ScriptResolution},
 * {@link HistoryTable#rows}, {@link MigrationStates}, {@link HistoryValidation}) lists what Flyway's
 * {@code info()} lists, record for record (version, description, type, state, script, checksum,
 * rank, installed on and by, execution time), and judges it as Flyway's validation does, problem for
 * problem, over every kind of history it covers; what it does not cover it leaves to Flyway.
 */
class StatusReaderIT {

    @TempDir
    Path dir;

    private HistoryFixture fixture;

    @BeforeEach
    void createDatabase() {
        fixture = new HistoryFixture(dir, "StatusReaderIT");
    }

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void anEmptyDatabaseWithoutScripts() {
        assertThat(readsAsFlyway(fixture.directory())).isEmpty();
    }

    @Test
    void noHistoryTableIsAnEmptyHistory() {
        scriptsOfEveryShape();

        List<MigrationEntry> ours = readsAsFlyway(fixture.directory());

        assertThat(ours).hasSize(5).allMatch(e -> e.state() == MigrationState.PENDING);
    }

    @Test
    void aDirectoryHistoryWithOneOfEverything() throws IOException {
        // Applied by intel-migrate with the checksum it resolved: Flyway must agree.
        fixture.script("V9__crlf.sql", "-- é ü 日本\r\n\r\nCREATE TABLE crlf(id int);\r\n");
        fixture.upgradeThroughEightWithEveryKindOfProblem();
        scriptsOfEveryShape();
        fixture.history(0, null, "<< Flyway Schema Creation >>", "SCHEMA", "\"public\"", null, true);
        // Resolved below the applied head, never applied: ignored; one applied late: out of order.
        fixture.script("V1_5__late.sql", "CREATE TABLE late(id int);");
        fixture.script("V1_7__later.sql", "CREATE TABLE later(id int);");
        fixture.history(90, "1.7", "later", "SQL", "V1_7__later.sql", ScriptChecksum.of("CREATE TABLE later(id int);\n"),
                true);
        // Applied by a newer binary: a future row, and a failed one (which make every script below them ignored).
        fixture.history(100, "98", "newer", "SQL", "V98__newer.sql", 1, true);
        fixture.history(101, "99", "newer failed", "SQL", "V99__newer_failed.sql", 1, false);

        List<MigrationEntry> ours = readsAsFlyway(fixture.directory());

        assertThat(ours).extracting(MigrationEntry::state).contains(MigrationState.SUCCESS, MigrationState.FAILED,
                MigrationState.MISSING_SUCCESS, MigrationState.IGNORED, MigrationState.OUT_OF_ORDER,
                MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);
    }

    @Test
    void aBaselineRowAndTheScriptsBelowIt() throws SQLException {
        try (Connection connection = fixture.database.connect()) {
            new HistoryTable("public").ensureExists(connection);
        }
        fixture.history(1, "3", "baseline", "BASELINE", "<< Flyway Baseline >>", null, true);
        for (int v = 1; v <= 5; v++) {
            fixture.script("V" + v + "__t.sql", "CREATE TABLE t" + v + "(id int);");
        }

        List<MigrationEntry> ours = readsAsFlyway(fixture.directory());

        assertThat(ours).extracting(MigrationEntry::state).containsExactly(MigrationState.BELOW_BASELINE,
                MigrationState.BELOW_BASELINE, MigrationState.BASELINE_IGNORED, MigrationState.BASELINE,
                MigrationState.PENDING, MigrationState.PENDING);
    }

    @Test
    void theDeleteMarkersFlywaysRepairWrites() {
        fixture.upgradeThrough(4);
        delete("migration/V3__t.sql");
        fixture.flyway(fixture.directory()).repair();
        assertThat(fixture.db.rows("SELECT version || ' ' || type FROM flyway_schema_history WHERE type = 'DELETE'"))
                .containsExactly("3 DELETE");
        readsAsFlyway(fixture.directory());
        // The script is back: deleted in the history, and resolved again.
        fixture.script("V3__t.sql", "CREATE TABLE t3(id int);");

        List<MigrationEntry> ours = readsAsFlyway(fixture.directory());

        assertThat(ours).extracting(MigrationEntry::state).contains(MigrationState.DELETED, MigrationState.IGNORED);
    }

    @Test
    void theBundledSetEmptyPartlyAndFullyApplied() {
        MigrationSource bundled = new BundledMigrations();
        readsAsFlyway(bundled);

        fixture.upgrade(bundled, "1");
        assertThat(readsAsFlyway(bundled)).extracting(MigrationEntry::state)
                .containsExactly(MigrationState.SUCCESS, MigrationState.PENDING, MigrationState.PENDING);

        fixture.upgrade(bundled, null);
        assertThat(readsAsFlyway(bundled)).extracting(MigrationEntry::state)
                .containsExactly(MigrationState.SUCCESS, MigrationState.SUCCESS, MigrationState.SUCCESS);
    }

    @Test
    void whatThePortDoesNotCoverIsReadByFlyway() {
        fixture.upgradeThrough(2);
        fixture.script("R__view.sql", "SELECT 1;");
        assertLeftToFlyway();
        delete("migration/R__view.sql");

        fixture.history(10, null, "view", "SQL", "R__view.sql", 7, true);
        assertLeftToFlyway();
        fixture.db.execute("DELETE FROM flyway_schema_history WHERE installed_rank = 10");

        fixture.script("sub/V3__nested.sql", "SELECT 3;");
        assertLeftToFlyway();
        delete("migration/sub/V3__nested.sql");
        delete("migration/sub");

        fixture.write(dir.resolve("migration/V2__t.sql.conf"), "encoding=ISO-8859-1\n");
        assertLeftToFlyway();
        delete("migration/V2__t.sql.conf");

        assertThat(fixture.ours(fixture.directory(), null)).as("covered again").isPresent();
    }

    @Test
    void aHistoryFlywayRefusesIsRefusedAsFlywayRefusesIt() {
        fixture.upgradeThrough(2);
        fixture.history(10, "2", "t", "DELETE", "V2__t.sql", null, true);
        fixture.history(11, "2", "t", "DELETE", "V2__t.sql", null, true);

        assertThat(fixture.ours(fixture.directory(), null)).isEmpty();
        assertThatThrownBy(() -> status()).isInstanceOf(Failure.class)
                .hasMessageContaining("multiple delete entries for version 2");
    }

    @Test
    void aStoredVersionThatIsNoVersionIsRefusedAsFlywayRefusesIt() {
        fixture.upgradeThrough(1);
        fixture.history(10, "x1", "odd", "SQL", "Vx1__odd.sql", null, true);

        assertThat(fixture.ours(fixture.directory(), null)).isEmpty();
        assertThatThrownBy(() -> status()).isInstanceOf(Failure.class).hasMessageContaining("Invalid version: x1");
    }

    @Test
    void anUndoRowIsLeftToFlyway() {
        fixture.upgradeThrough(2);
        fixture.history(10, "2", "t", "UNDO_SQL", "U2__t.sql", null, true);

        assertThat(fixture.ours(fixture.directory(), null)).isEmpty();
        Throwable flyways = catchThrowable(() -> fixture.flyway(fixture.directory()).info());
        Throwable ours = catchThrowable(() -> status());
        if (flyways == null) {
            assertThat(ours).isNull();
            assertLeftToFlyway();
        } else {
            assertThat(ours).hasSameClassAs(flyways).hasMessage(flyways.getMessage());
        }
    }

    @Test
    void aMisnamedScriptIsRefusedAsFlywayRefusesIt() {
        fixture.upgradeThrough(1);
        fixture.script("V2_x__misnamed.sql", "SELECT 1;");

        assertThat(fixture.ours(fixture.directory(), null)).isEmpty();
        assertThatThrownBy(() -> status()).isInstanceOf(Failure.class)
                .hasMessageContaining("Invalid SQL filenames found");
    }

    /** Scripts whose checksum and name Flyway reads in its own way: BOM, CRLF, empty lines, non-ASCII, no description. */
    private void scriptsOfEveryShape() {
        fixture.script("V20__bom_crlf.sql", "\ufeffCREATE TABLE bom(id int);\r\n\r\n-- é ü 日本\r\nSELECT 1;\r\n");
        fixture.script("V21__carriage_returns.sql", "SELECT 1;\r\rSELECT 2;\r");
        fixture.script("V22.sql", "SELECT 22;");
        fixture.script("V23__" + "a_long_description".repeat(12) + ".sql", "SELECT 23;");
        fixture.script("V24_1__dotted_version.sql", "");
    }

    /** Our reading, checked against Flyway's, record for record and problem for problem. */
    private List<MigrationEntry> readsAsFlyway(MigrationSource source) {
        List<MigrationEntry> ours = fixture.ours(source, null)
                .orElseThrow(() -> new AssertionError("the reader left this history to Flyway"));
        Flyway flyway = fixture.flyway(source);
        assertThat(HistoryFixture.records(ours)).isEqualTo(fixture.flywaysRecords(flyway));
        assertThat(HistoryFixture.problems(ours)).isEqualTo(fixture.flywaysProblems(flyway));
        return ours;
    }

    /** The reader leaves it to Flyway, and the status read then lists what Flyway lists. */
    private void assertLeftToFlyway() {
        assertThat(fixture.ours(fixture.directory(), null)).isEmpty();
        assertThat(status().migrations()).isEqualTo(fixture.flywaysRecords(fixture.flyway(fixture.directory())));
    }

    private StatusReport status() {
        try (Connection connection = fixture.database.connect()) {
            return fixture.reader(fixture.directory()).of(connection, null, PhaseTimings.off());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void delete(String path) {
        try {
            Files.delete(dir.resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
