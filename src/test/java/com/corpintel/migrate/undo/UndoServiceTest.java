package com.corpintel.migrate.undo;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SessionSettings;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.FollowedBranch;
import com.corpintel.migrate.migrate.MigrationState;
import com.corpintel.migrate.migrate.BaselineFloor;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.MigrationSource;
import com.corpintel.migrate.migrate.Plan;
import com.corpintel.migrate.migrate.Script;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.migrate.DirectoryMigrations;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.timescale.RecordedBranch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The planning half of downgrades: which undo scripts run in which order, and
 * every refusal, decided from a status report without touching the database
 * (the Database below points at a port nothing listens on).
 */
class UndoServiceTest {

    @TempDir
    Path dir;

    private static final Instant INSTALLED = Instant.parse("2025-03-01T12:00:00Z");

    // ------------------------------------------------------------------ fixtures

    private static MigrationRecord applied(String version, String description) {
        String type = "2".equals(version) ? "JDBC" : "SQL";
        String script = "JDBC".equals(type) ? null : "V" + version + "__" + description.replace(' ', '_') + ".sql";
        return new MigrationRecord(version, description, type, MigrationState.SUCCESS, script, INSTALLED, "tester", 12, 7, null);
    }

    private static MigrationRecord baseline(String version) {
        return new MigrationRecord(version, "<< Flyway Baseline >>", "BASELINE", MigrationState.BASELINE,
                "<< Flyway Baseline >>", INSTALLED, "tester", 0, null, 1);
    }

    private static MigrationRecord pending(String version, String description) {
        return new MigrationRecord(version, description, "SQL", MigrationState.PENDING,
                "V" + version + "__" + description.replace(' ', '_') + ".sql", null, null, null, 3, null);
    }

    private static MigrationRecord failed(String version, String description) {
        return new MigrationRecord(version, description, "SQL", MigrationState.FAILED,
                "V" + version + "__" + description.replace(' ', '_') + ".sql", INSTALLED, "tester", 3, 3, null);
    }

    private static StatusReport report(List<MigrationRecord> migrations, List<MigrationRecord> failed,
                                       List<StatusReport.Problem> problems) {
        List<MigrationRecord> appliedOnes = migrations.stream().filter(MigrationRecord::applied).toList();
        MigrationRecord current = appliedOnes.isEmpty() ? null : appliedOnes.get(appliedOnes.size() - 1);
        return new StatusReport("u@127.0.0.1:1/x", "public", new MigrationSource.Inventory("this binary", 3, 3), current,
                migrations.isEmpty() ? null : migrations.get(migrations.size() - 1).version(),
                (int) appliedOnes.stream().filter(m -> m.state() == MigrationState.SUCCESS).count(),
                migrations.stream().filter(m -> m.state() == MigrationState.PENDING).toList(),
                failed, problems, List.of(), migrations);
    }

    private static StatusReport report(MigrationRecord... migrations) {
        return report(List.of(migrations), List.of(), List.of());
    }

    /** A directory migration set with an undo script for every given version. */
    private DirectoryMigrations directory(MigrationRecord... withUndo) throws IOException {
        Files.createDirectories(dir.resolve("migration"));
        Files.createDirectories(dir.resolve("undo"));
        for (MigrationRecord m : withUndo) {
            Files.writeString(dir.resolve("undo").resolve(MigrationSource.undoStem(m) + ".sql"),
                    "-- undo of " + m.label() + "\nSELECT 1;\n");
        }
        return new DirectoryMigrations(dir);
    }

    private static UndoService service(MigrationSource source) {
        Database unreachable = new Database(
                new ConnectionSettings("127.0.0.1", 1, "x", "u", null, "disable", Map.of(), "test"),
                new SessionSettings("public", "test", Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO));
        List<String> progress = new ArrayList<>();
        return new UndoService(new MigrationService(unreachable, source, FeatureMode.AUTO, "tester", progress::add),
                progress::add);
    }

    private static List<String> versions(List<Plan.Step> steps) {
        return steps.stream().map(Plan.Step::version).toList();
    }

    private static Failure failure(Runnable planning) {
        return catchThrowableOfType(Failure.class, planning::run);
    }

    private final MigrationRecord v1 = applied("1", "initial schema");
    private final MigrationRecord v1_1 = applied("1.1", "add index");
    private final MigrationRecord v2 = applied("2", "timescale features");
    private final MigrationRecord v3 = applied("3", "permission scopes");
    private final MigrationRecord v9 = applied("9", "nine");
    private final MigrationRecord v10 = applied("10", "ten");

    // ------------------------------------------------------------------ by count

    @Test
    void revertsTheNewestAppliedMigrationByDefault() throws IOException {
        UndoService undo = service(directory(v1, v2, v3));

        List<Plan.Step> steps = undo.steps(UndoService.Request.last(1), report(v1, v2, v3), null);

        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.version()).isEqualTo("3");
            assertThat(step.description()).isEqualTo("permission scopes");
            assertThat(step.direction()).isEqualTo("downgrade");
            assertThat(Path.of(step.script().path()).getFileName().toString()).isEqualTo("U3__permission_scopes.sql");
        });
        assertThat(undo.steps(new UndoService.Request(null, null), report(v1, v2, v3), null))
                .extracting(Plan.Step::version).containsExactly("3");
    }

    @Test
    void revertsNewestFirstComparingVersionsNumerically() throws IOException {
        UndoService undo = service(directory(v1, v1_1, v2, v9, v10));
        // listed out of order on purpose: the plan must not depend on the report's order
        StatusReport state = report(v10, v1, v9, v1_1, v2);

        assertThat(versions(undo.steps(UndoService.Request.last(2), state, null))).containsExactly("10", "9");
        assertThat(versions(undo.steps(UndoService.Request.last(5), state, null)))
                .containsExactly("10", "9", "2", "1.1", "1");
    }

    @Test
    void refusesToRevertMoreMigrationsThanAreApplied() throws IOException {
        UndoService undo = service(directory(v1, v2, v3));

        Failure failure = failure(() -> undo.steps(UndoService.Request.last(4), report(v1, v2, v3), null));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure).hasMessageContaining("cannot revert 4").hasMessageContaining("only 3");
    }

    @Test
    void pendingMigrationsAreNotCountedAsRevertible() throws IOException {
        UndoService undo = service(directory(v1, v2, v3));
        StatusReport state = report(v1, v2, pending("3", "permission scopes"));

        assertThat(failure(() -> undo.steps(UndoService.Request.last(3), state, null)).kind())
                .isEqualTo(Failure.Kind.REFUSED);
        assertThat(versions(undo.steps(UndoService.Request.last(2), state, null))).containsExactly("2", "1");
    }

    @Test
    void zeroOrNegativeCountIsAUsageError() throws IOException {
        UndoService undo = service(directory(v1));

        assertThat(failure(() -> undo.steps(UndoService.Request.last(0), report(v1), null)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE))
                .hasMessageContaining("at least 1");
        assertThat(failure(() -> undo.steps(UndoService.Request.last(-2), report(v1), null)).kind())
                .isEqualTo(Failure.Kind.USAGE);
    }

    // ------------------------------------------------------------------ by target

    @Test
    void targetZeroRevertsEverythingNewestFirst() throws IOException {
        UndoService undo = service(directory(v1, v2, v3));

        assertThat(versions(undo.steps(UndoService.Request.to(UndoService.NOTHING), report(v1, v2, v3), null)))
                .containsExactly("3", "2", "1");
    }

    @Test
    void targetAnAppliedVersionRevertsOnlyTheOnesAboveIt() throws IOException {
        UndoService undo = service(directory(v1, v2, v3, v9, v10));
        StatusReport state = report(v1, v2, v3, v9, v10);

        assertThat(versions(undo.steps(UndoService.Request.to("2"), state, null))).containsExactly("10", "9", "3");
        assertThat(versions(undo.steps(UndoService.Request.to("9"), state, null))).containsExactly("10");
    }

    @Test
    void targetTheCurrentVersionRevertsNothing() throws IOException {
        UndoService undo = service(directory(v1, v2));

        assertThat(undo.steps(UndoService.Request.to("2"), report(v1, v2), null)).isEmpty();
    }

    @Test
    void refusesATargetThatIsNotAnAppliedVersionNamingTheAppliedOnes() throws IOException {
        UndoService undo = service(directory(v1, v3));

        Failure failure = failure(() -> undo.steps(UndoService.Request.to("2"), report(v1, v3), null));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure).hasMessageContaining("target 2 is not an applied version")
                .hasMessageContaining("applied: 1, 3")
                .hasMessageContaining("use 0");
    }

    @Test
    void refusalOfUnknownTargetListsAppliedVersionsInVersionOrder() throws IOException {
        UndoService undo = service(directory(v2, v9, v10));

        Failure failure = failure(() -> undo.steps(UndoService.Request.to("5"), report(v2, v9, v10), null));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure).hasMessageContaining("applied: 2, 9, 10");
    }

    @Test
    void refusesAnyTargetButZeroWhenNothingIsApplied() throws IOException {
        UndoService undo = service(directory());
        StatusReport nothing = report(pending("1", "initial schema"));

        assertThat(failure(() -> undo.steps(UndoService.Request.to("1"), nothing, null)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
                .hasMessageContaining("nothing is applied");
        assertThat(undo.steps(UndoService.Request.to("0"), nothing, null)).isEmpty();
    }

    @Test
    void refusesATargetThatIsNotAVersion() throws IOException {
        UndoService undo = service(directory(v1));

        assertThat(failure(() -> undo.steps(UndoService.Request.to("latest"), report(v1), null)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
                .hasMessageContaining("latest");
    }

    // ------------------------------------------------------------------ baseline

    @Test
    void refusesTargetsBelowTheBaseline() throws IOException {
        UndoService undo = service(directory(v3));
        StatusReport state = report(baseline("2"), v3);

        for (String target : List.of("1", "0")) {
            Failure failure = failure(() -> undo.steps(UndoService.Request.to(target), state, null));
            assertThat(failure.kind()).as("target %s", target).isEqualTo(Failure.Kind.REFUSED);
            assertThat(failure).hasMessageContaining("baseline");
        }
    }

    @Test
    void targetTheBaselineRevertsTheMigrationsAboveIt() throws IOException {
        MigrationRecord v4 = applied("4", "four");
        UndoService undo = service(directory(v3, v4));

        assertThat(versions(undo.steps(UndoService.Request.to("2"), report(baseline("2"), v3, v4), null)))
                .containsExactly("4", "3");
    }

    @Test
    void baselineIsNeverCountedAsRevertible() throws IOException {
        UndoService undo = service(directory(v3));
        StatusReport state = report(baseline("2"), v3);

        assertThat(versions(undo.steps(UndoService.Request.last(1), state, null))).containsExactly("3");
        assertThat(failure(() -> undo.steps(UndoService.Request.last(2), state, null)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
                .hasMessageContaining("above the baseline 2");
    }

    @Test
    void aVersionRecordedByBaselineIsTheFloorLikeAFlywayBaseline() throws IOException {
        MigrationRecord v1 = applied("1", "one");
        MigrationRecord v2 = applied("2", "two");
        MigrationRecord v3 = applied("3", "three");
        UndoService undo = service(directory(v1, v2, v3));
        StatusReport state = report(v1, v2, v3);
        Optional<String> floor = BaselineFloor.of(state, Optional.of("2"));
        assertThat(floor).contains("2");

        assertThat(versions(undo.steps(UndoService.Request.last(1), state, null, floor))).containsExactly("3");
        assertThat(failure(() -> undo.steps(UndoService.Request.last(2), state, null, floor)))
                .hasMessageContaining("above the baseline 2");
        assertThat(failure(() -> undo.steps(UndoService.Request.to("1"), state, null, floor)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
                .hasMessageContaining("target 1 is below the baseline 2");
        assertThat(failure(() -> undo.steps(UndoService.Request.to(UndoService.NOTHING), state, null, floor)))
                .hasMessageContaining("below the baseline 2");
    }

    @Test
    void theFloorIsTheHigherOfAFlywayBaselineAndARecordedOneStillInTheHistory() {
        MigrationRecord v3 = applied("3", "three");
        MigrationRecord v4 = applied("4", "four");
        assertThat(BaselineFloor.of(report(baseline("2"), v3, v4), Optional.of("3"))).contains("3");
        assertThat(BaselineFloor.of(report(baseline("3"), v4), Optional.of("1"))).contains("3");
        // A baseline whose history rows were removed since (the history stripped again) no longer counts.
        assertThat(BaselineFloor.of(report(v3, v4), Optional.of("2"))).isEmpty();
        assertThat(BaselineFloor.of(report(v3, v4), Optional.empty())).isEmpty();
    }

    // ------------------------------------------------------------------ validation

    @Test
    void refusesWhileTheHistoryRecordsAFailedMigration() throws IOException {
        MigrationRecord broken = failed("4", "broken");
        UndoService undo = service(directory(v1, v2, v3));
        StatusReport state = report(List.of(v1, v2, v3, broken), List.of(broken), List.of());

        Failure failure = failure(() -> undo.steps(UndoService.Request.last(1), state, null));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.VALIDATION);
        assertThat(failure).hasMessageContaining("V4 broken").hasMessageContaining("repair");
    }

    @Test
    void refusesToRevertAMigrationWithAChecksumMismatch() throws IOException {
        UndoService undo = service(directory(v1, v2, v3));
        StatusReport state = report(List.of(v1, v2, v3), List.of(), List.of(new StatusReport.Problem("3",
                "permission scopes", "checksum_mismatch", "Migration checksum mismatch for migration version 3")));

        Failure failure = failure(() -> undo.steps(UndoService.Request.last(1), state, null));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.VALIDATION);
        assertThat(failure).hasMessageContaining("V3 permission scopes").hasMessageContaining("checksum_mismatch");
    }

    @Test
    void problemOnAVersionThatIsNotRevertedDoesNotRefuse() throws IOException {
        UndoService undo = service(directory(v1, v2, v3));
        StatusReport state = report(List.of(v1, v2, v3), List.of(), List.of(new StatusReport.Problem("1",
                "initial schema", "checksum_mismatch", "")));

        assertThat(versions(undo.steps(UndoService.Request.to("1"), state, null))).containsExactly("3", "2");
        assertThat(failure(() -> undo.steps(UndoService.Request.to("0"), state, null)).kind())
                .isEqualTo(Failure.Kind.VALIDATION);
    }

    // ------------------------------------------------------------------ undo scripts

    @Test
    void refusesWhenAnUndoScriptIsMissingAndSaysNothingWasReverted() throws IOException {
        UndoService undo = service(directory(v1));

        Failure failure = failure(() -> undo.steps(UndoService.Request.to("0"), report(v1, v2, v3), null));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure).hasMessageContaining("missing undo scripts")
                .hasMessageContaining("U3__permission_scopes.sql, U2__timescale_features.sql")
                .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
                .hasMessageContaining("nothing was reverted");
    }

    @Test
    void missingUndoOfOneMigrationIsNamedInTheSingular() throws IOException {
        UndoService undo = service(directory(v1, v2));

        assertThat(failure(() -> undo.steps(UndoService.Request.last(1), report(v1, v2, v3), null)))
                .hasMessageContaining("missing undo script U3__permission_scopes.sql in");
    }

    @Test
    void bundledSourcePicksTheUndoOfTheServersEdition() {
        UndoService undo = service(new BundledMigrations());
        StatusReport state = report(v1, v2, v3);

        List<Plan.Step> community = undo.steps(UndoService.Request.to("1"), state, Edition.COMMUNITY);
        List<Plan.Step> apache = undo.steps(UndoService.Request.to("1"), state, Edition.APACHE);

        assertThat(community).extracting(s -> s.script().path())
                .containsExactly("db/undo/U3__permission_scopes.sql", "db/undo/U2__timescale_features.community.sql");
        assertThat(apache).extracting(s -> s.script().path())
                .containsExactly("db/undo/U3__permission_scopes.sql", "db/undo/U2__timescale_features.apache.sql");
    }

    @Test
    void bundledUndoOfTimescaleFeaturesIsMissingWhenTheEditionIsUnknown() {
        UndoService undo = service(new BundledMigrations());

        assertThat(failure(() -> undo.steps(UndoService.Request.last(2), report(v1, v2, v3), null)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
                .hasMessageContaining("U2__timescale_features.sql")
                .hasMessageContaining("the bundled migrations");
    }

    // ------------------------------------------------------------------ data loss

    @Test
    void dataLossPrefixesEachDeclaredLossWithTheStepLabel() {
        Plan.Step three = new Plan.Step("downgrade", "3", "permission scopes", new Script("U3.sql",
                "-- data-loss: scope grants\n-- data-loss: scope descriptions\nDELETE FROM permissions;", true));
        Plan.Step two = new Plan.Step("downgrade", "2", "timescale features", new Script("U2.sql",
                "DROP MATERIALIZED VIEW daily_metrics_summary;", true));
        Plan.Step one = new Plan.Step("downgrade", "1", "initial schema", new Script("U1.sql",
                "  -- Data-Loss: every row\nDROP TABLE companies;", true));

        assertThat(UndoService.dataLoss(List.of(three, two, one))).containsExactly(
                "V3 permission scopes: scope grants",
                "V3 permission scopes: scope descriptions",
                "V1 initial schema: every row");
        assertThat(UndoService.dataLoss(List.of(two))).isEmpty();
        assertThat(UndoService.dataLoss(List.of())).isEmpty();
    }

    @Test
    void plannedBundledDowngradeToZeroDeclaresTheLossOfVersionsOneAndThree() {
        UndoService undo = service(new BundledMigrations());

        List<String> losses = UndoService.dataLoss(
                undo.steps(UndoService.Request.to("0"), report(v1, v2, v3), Edition.APACHE));

        assertThat(losses).hasSize(2);
        assertThat(losses.get(0)).startsWith("V3 permission scopes: ");
        assertThat(losses.get(1)).startsWith("V1 initial schema: ");
        assertThat(losses).noneMatch(l -> l.startsWith("V2"));
    }

    @Test
    void theCommunityUndoOfTimescaleFeaturesDeclaresTheLossOfTheAggregatesHistory() {
        UndoService undo = service(new BundledMigrations());

        List<String> losses = UndoService.dataLoss(
                undo.steps(UndoService.Request.to("1"), report(v1, v2, v3), Edition.COMMUNITY));

        assertThat(losses).hasSize(2);
        assertThat(losses.get(0)).startsWith("V3 permission scopes: ");
        assertThat(losses.get(1)).startsWith("V2 timescale features: daily_metrics_summary")
                .contains("retention policy", "only copy");
    }

    // ------------------------------------------------------------------ recorded TimescaleDB branch

    private static FollowedBranch branch(String license, Edition recorded) {
        Optional<RecordedBranch> record = Optional.ofNullable(recorded)
                .map(e -> new RecordedBranch(e, RecordedBranch.Evidence.CHECKSUM));
        return FollowedBranch.of(license, record);
    }

    @Test
    void revertingACommunityV2OnAnApacheServerIsRefusedNamingTheMismatchAndTheScript() {
        UndoService undo = service(new BundledMigrations());
        FollowedBranch recordedCommunity = branch("apache", Edition.COMMUNITY);
        List<Plan.Step> steps = undo.steps(UndoService.Request.to("1"), report(v1, v2, v3), recordedCommunity.edition());

        assertThat(failure(() -> undo.requireUndoableHere(steps, recordedCommunity)))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
                .hasMessageContaining("V2 ran the community branch (recorded by its checksum in flyway_schema_history)")
                .hasMessageContaining("under the apache license")
                .hasMessageContaining("db/undo/U2__timescale_features.community.sql")
                .hasMessageContaining("nothing was changed");
    }

    @Test
    void aMismatchDoesNotRefuseStepsThatLeaveV2InPlace() {
        UndoService undo = service(new BundledMigrations());
        FollowedBranch recordedCommunity = branch("apache", Edition.COMMUNITY);
        List<Plan.Step> steps = undo.steps(UndoService.Request.last(1), report(v1, v2, v3), recordedCommunity.edition());

        undo.requireUndoableHere(steps, recordedCommunity);

        assertThat(versions(steps)).containsExactly("3");
    }

    @Test
    void anApacheV2OnACommunityServerIsRevertedWithItsOwnUndo() {
        UndoService undo = service(new BundledMigrations());
        FollowedBranch recordedApache = branch("timescale", Edition.APACHE);
        List<Plan.Step> steps = undo.steps(UndoService.Request.to("1"), report(v1, v2, v3), recordedApache.edition());

        undo.requireUndoableHere(steps, recordedApache);

        assertThat(steps).extracting(s -> s.script().path())
                .containsExactly("db/undo/U3__permission_scopes.sql", "db/undo/U2__timescale_features.apache.sql");
    }

    @Test
    void withoutARecordTheLicenseChoosesAndNothingIsRefused() {
        UndoService undo = service(new BundledMigrations());
        FollowedBranch unrecorded = branch("apache", null);

        assertThat(unrecorded.edition()).isEqualTo(Edition.APACHE);
        assertThat(unrecorded.refusal()).isEmpty();
        undo.requireUndoableHere(undo.steps(UndoService.Request.to("1"), report(v1, v2, v3), unrecorded.edition()),
                unrecorded);
    }

    // ------------------------------------------------------------------ non-transactional scripts

    @Test
    void aNonTransactionalScriptIsSplitAtItsFinalTransactionMarker() {
        UndoService.Parts parts = UndoService.Parts.of("SELECT 1;\nDO $$ BEGIN COMMIT; END $$;\n"
                + "  -- Final-Transaction: the rest commits with the history row\nDROP VIEW v;\nALTER TABLE t SET (x = 1);\n");

        assertThat(parts.autocommit()).isEqualTo("SELECT 1;\nDO $$ BEGIN COMMIT; END $$;\n");
        assertThat(parts.finalTransaction())
                .startsWith("  -- Final-Transaction:").endsWith("DROP VIEW v;\nALTER TABLE t SET (x = 1);\n");
    }

    @Test
    void withoutTheMarkerEveryStatementRunsInAutocommit() {
        UndoService.Parts parts = UndoService.Parts.of("SELECT 1;\n-- final transaction, in prose\nSELECT 2;");

        assertThat(parts.autocommit()).isEqualTo("SELECT 1;\n-- final transaction, in prose\nSELECT 2;");
        assertThat(parts.finalTransaction()).isEmpty();
    }

    @Test
    void theCommunityUndoOfTimescaleFeaturesDecompressesOutsideTheTransactionThatDropsTheAggregate() {
        Script script = new BundledMigrations().undo(v2, Edition.COMMUNITY).orElseThrow();
        UndoService.Parts parts = UndoService.Parts.of(script.sql());

        assertThat(script.transactional()).isFalse();
        assertThat(parts.autocommit()).contains("decompress_chunk", "COMMIT;", "remove_compression_policy")
                .doesNotContain("DROP MATERIALIZED VIEW");
        assertThat(parts.finalTransaction()).contains("DROP MATERIALIZED VIEW daily_metrics_summary",
                "timescaledb.compress = false");
    }
}
