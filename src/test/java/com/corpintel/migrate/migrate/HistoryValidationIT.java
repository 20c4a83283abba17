package com.corpintel.migrate.migrate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HistoryValidation} reports what Flyway's own validation ({@code validateWithResult()})
 * reports, record for record, code and wording, on a history with one of each problem; a history
 * it does not cover (repeatable migrations) is judged by Flyway itself.
 */
class HistoryValidationIT {

    @TempDir
    Path dir;

    private HistoryFixture fixture;

    @BeforeEach
    void createDatabase() {
        fixture = new HistoryFixture(dir, "HistoryValidationIT");
    }

    @AfterEach
    void dropDatabase() {
        fixture.close();
    }

    @Test
    void aCleanHistoryHasNoProblemsEitherWay() {
        fixture.upgradeThrough(6);

        assertThat(ours()).isEmpty();
        assertThat(flyways()).isEmpty();
    }

    @Test
    void everyKindOfProblemIsReportedAsFlywayReportsIt() {
        fixture.upgradeThroughEightWithEveryKindOfProblem();
        // Resolved below the applied head, never applied: ignored, not pending.
        fixture.script("V1_5__late.sql", "CREATE TABLE late(id int);");
        // Applied by a newer binary: a future row, and a failed one.
        fixture.history(100, "98", "newer", "SQL", "V98__newer.sql", 1, true);
        fixture.history(101, "99", "newer failed", "SQL", "V99__newer_failed.sql", 1, false);

        List<String> ours = ours();

        assertThat(ours).isEqualTo(flyways());
        assertThat(ours).extracting(line -> line.split(" ")[1]).contains("checksum_mismatch",
                "description_mismatch", "failed_versioned_migration",
                "applied_versioned_migration_not_resolved", "resolved_versioned_migration_not_applied");
    }

    @Test
    void repeatableMigrationsAreJudgedByFlywayItself() throws Exception {
        fixture.upgradeThrough(2);
        // Repeatable migrations: one gone, one failed, one changed since it ran (outdated).
        fixture.history(102, null, "gone", "SQL", "R__gone.sql", 7, true);
        fixture.history(103, null, "broken", "SQL", "R__broken.sql", 7, false);
        fixture.script("R__broken.sql", "SELECT 1;");
        fixture.history(104, null, "changed", "SQL", "R__changed.sql", 7, true);
        fixture.script("R__changed.sql", "SELECT 2;");

        assertThat(fixture.ours(fixture.directory(), null)).as("left to Flyway").isEmpty();
        List<StatusReport.Problem> problems;
        try (Connection connection = fixture.database.connect()) {
            problems = fixture.reader(fixture.directory()).of(connection, null, PhaseTimings.off()).problems();
        }
        assertThat(problems).extracting(p -> (p.version().isEmpty() ? "R" : p.version()) + " " + p.kind())
                .isEqualTo(flyways().stream().map(line -> line.split(" ")[0] + " " + line.split(" ")[1]).toList())
                .contains("R applied_repeatable_migration_not_resolved", "R failed_repeatable_migration");
    }

    @Test
    void noChangeAtOrBelowTheBaselineIsAProblemEitherWay() {
        fixture.upgradeThrough(4);
        fixture.history(10, "2", "baseline", "BASELINE", "<< Flyway Baseline >>", null, true);
        fixture.db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version IN ('1', '2', '3')"
                + " AND type = 'SQL'");

        List<String> ours = ours();

        assertThat(ours).isEqualTo(flyways());
        assertThat(ours).singleElement().asString().startsWith("3 checksum_mismatch");
    }

    private List<String> ours() {
        return HistoryFixture.problems(fixture.ours(fixture.directory(), null).orElseThrow());
    }

    private List<String> flyways() {
        return fixture.flywaysProblems(fixture.flyway(fixture.directory()));
    }
}
