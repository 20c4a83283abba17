package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.it.TestDatabase;
import com.corpintel.migrate.it.TestServer;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HistoryValidation} reports what Flyway's own second pass ({@code validateWithResult()})
 * reports, record for record, code and wording, on a history with one of each problem.
 */
class HistoryValidationIT {

    @TempDir
    Path dir;

    private TestDatabase db;
    private Database database;

    @BeforeEach
    void createDatabase() {
        db = TestServer.createDatabase();
        database = db.toolDatabase("intel-migrate HistoryValidationIT@test");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aCleanHistoryHasNoProblemsEitherWay() throws IOException {
        upgradeThrough(6);

        assertThat(ours()).isEmpty();
        assertThat(flyways()).isEmpty();
    }

    @Test
    void everyKindOfProblemIsReportedAsFlywayReportsIt() throws IOException {
        upgradeThrough(8);
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
        db.execute("UPDATE flyway_schema_history SET description = 'renamed' WHERE version = '3'");
        db.execute("UPDATE flyway_schema_history SET type = 'JDBC' WHERE version = '4'");
        db.execute("UPDATE flyway_schema_history SET success = false WHERE version = '5'");
        Files.delete(dir.resolve("migration/V6__t.sql"));
        // Resolved below the applied head, never applied: ignored, not pending.
        script("V1_5__late.sql", "CREATE TABLE late(id int);");
        // Applied by a newer binary: a future row, and a failed one.
        history(100, "98", "newer", "SQL", "V98__newer.sql", 1, true);
        history(101, "99", "newer failed", "SQL", "V99__newer_failed.sql", 1, false);
        // Repeatable migrations: one gone, one failed, one changed since it ran (outdated).
        history(102, null, "gone", "SQL", "R__gone.sql", 7, true);
        history(103, null, "broken", "SQL", "R__broken.sql", 7, false);
        script("R__broken.sql", "SELECT 1;");
        history(104, null, "changed", "SQL", "R__changed.sql", 7, true);
        script("R__changed.sql", "SELECT 2;");

        List<String> ours = ours();

        assertThat(ours).isEqualTo(flyways());
        assertThat(ours).extracting(line -> line.split(" ")[1]).contains("checksum_mismatch",
                "description_mismatch", "failed_versioned_migration",
                "applied_versioned_migration_not_resolved", "resolved_versioned_migration_not_applied",
                "applied_repeatable_migration_not_resolved", "failed_repeatable_migration");
    }

    @Test
    void noChangeAtOrBelowTheBaselineIsAProblemEitherWay() throws IOException {
        upgradeThrough(4);
        history(10, "2", "baseline", "BASELINE", "<< Flyway Baseline >>", null, true);
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version IN ('1', '2', '3')"
                + " AND type = 'SQL'");

        List<String> ours = ours();

        assertThat(ours).isEqualTo(flyways());
        assertThat(ours).singleElement().asString().startsWith("3 checksum_mismatch");
    }

    private void upgradeThrough(int last) throws IOException {
        for (int v = 1; v <= last; v++) {
            script("V" + v + "__t.sql", "CREATE TABLE t" + v + "(id int);");
        }
        new MigrationService(database, new DirectoryMigrations(dir), FeatureMode.AUTO, "tester", m -> { })
                .upgrade(null, new Patience(Duration.ofSeconds(30), 0, Duration.ofMillis(10)));
    }

    private void script(String name, String sql) throws IOException {
        Files.createDirectories(dir.resolve("migration"));
        Files.writeString(dir.resolve("migration").resolve(name), sql + "\n");
    }

    private void history(int rank, String version, String description, String type, String script, Integer checksum,
                         boolean success) {
        db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (" + rank + ", "
                + (version == null ? "NULL" : "'" + version + "'") + ", '" + description + "', '" + type + "', '"
                + script + "', " + checksum + ", 'tester', 0, " + success + ")");
    }

    private Flyway flyway() {
        return new FlywayFactory(database, new DirectoryMigrations(dir), FeatureMode.AUTO, "tester").reading();
    }

    private List<String> ours() {
        Flyway flyway = flyway();
        var all = flyway.info().all();
        assertThat(HistoryValidation.appliesTo(flyway.getConfiguration(), all)).isTrue();
        return HistoryValidation.of(all).stream()
                .map(i -> line(i.version(), i.error().errorCode.toString(), i.info().getDescription(),
                        i.error().errorMessage))
                .toList();
    }

    private List<String> flyways() {
        var result = flyway().validateWithResult();
        List<ValidateOutput> invalid = result.invalidMigrations == null ? List.of() : result.invalidMigrations;
        return invalid.stream()
                .map(o -> line(o.version, o.errorDetails.errorCode.toString(), o.description, o.errorDetails.errorMessage))
                .toList();
    }

    private static String line(String version, String code, String description, String message) {
        return (version.isEmpty() ? "R" : version) + " " + code.toLowerCase() + " " + description + " " + message;
    }
}
