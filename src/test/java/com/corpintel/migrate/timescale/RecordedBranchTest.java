package com.corpintel.migrate.timescale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Which branch an applied V2 ran, from the strongest evidence available, and how a license disagrees. */
class RecordedBranchTest {

    private static final Map<Edition, Integer> CHECKSUMS = Map.of(Edition.COMMUNITY, 111, Edition.APACHE, 222);

    private static <T> Supplier<T> never() {
        return () -> {
            throw new AssertionError("read although the checksum already told the branch");
        };
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void theOperationsLogDetailNamesTheBranchAndReadsBack(Edition edition) {
        assertThat(RecordedBranch.logDetail(edition)).isEqualTo("timescale edition: " + edition.resourceName);
        assertThat(RecordedBranch.ofLogDetail(RecordedBranch.logDetail(edition))).contains(edition);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "timescale edition: enterprise", "post-step", "edition: apache"})
    void aDetailThatNamesNoBranchTellsNothing(String detail) {
        assertThat(RecordedBranch.ofLogDetail(detail)).isEmpty();
    }

    @Test
    void aChecksumTellsTheBranchWhoseScriptItIs() {
        assertThat(RecordedBranch.ofChecksum(111, CHECKSUMS)).contains(Edition.COMMUNITY);
        assertThat(RecordedBranch.ofChecksum(222, CHECKSUMS)).contains(Edition.APACHE);
        assertThat(RecordedBranch.ofChecksum(333, CHECKSUMS)).isEmpty();
        assertThat(RecordedBranch.ofChecksum(null, CHECKSUMS)).isEmpty();
    }

    @Test
    void theChecksumOutranksTheLogAndTheCatalogWhichAreNotEvenRead() {
        assertThat(RecordedBranch.resolve(111, CHECKSUMS, never(), never()))
                .contains(new RecordedBranch(Edition.COMMUNITY, RecordedBranch.Evidence.CHECKSUM));
    }

    @Test
    void anUnknownChecksumFallsBackToTheOperationsLog() {
        assertThat(RecordedBranch.resolve(-337962692, CHECKSUMS, () -> Optional.of(Edition.APACHE), never()))
                .contains(new RecordedBranch(Edition.APACHE, RecordedBranch.Evidence.OPERATIONS_LOG));
    }

    @Test
    void withoutALoggedBranchTheCatalogTells() {
        assertThat(RecordedBranch.resolve(-337962692, CHECKSUMS, Optional::empty, () -> Optional.of(Edition.COMMUNITY)))
                .contains(new RecordedBranch(Edition.COMMUNITY, RecordedBranch.Evidence.CATALOG));
        assertThat(RecordedBranch.resolve(null, CHECKSUMS, Optional::empty, Optional::empty)).isEmpty();
    }

    @Test
    void aLicenseGivingTheSameBranchIsNoDisagreement() {
        assertThat(new RecordedBranch(Edition.COMMUNITY, RecordedBranch.Evidence.CHECKSUM).disagreement("timescale"))
                .isEmpty();
        assertThat(new RecordedBranch(Edition.APACHE, RecordedBranch.Evidence.CATALOG).disagreement(" Apache\n"))
                .isEmpty();
    }

    @Test
    void anotherLicenseIsNamedWithTheRecordedBranchAndWhereItWasRead() {
        assertThat(new RecordedBranch(Edition.COMMUNITY, RecordedBranch.Evidence.CHECKSUM).disagreement("apache"))
                .contains("V2 ran the community branch (recorded by its checksum in flyway_schema_history) but the"
                        + " server now runs TimescaleDB under the apache license");
        assertThat(new RecordedBranch(Edition.APACHE, RecordedBranch.Evidence.OPERATIONS_LOG).disagreement("timescale"))
                .contains("V2 ran the apache branch (recorded in the operations log) but the server now runs"
                        + " TimescaleDB under the timescale license");
    }

    @Test
    void aMissingExtensionDisagreesWithEveryRecordedBranch() {
        assertThat(new RecordedBranch(Edition.APACHE, RecordedBranch.Evidence.CATALOG).disagreement(null))
                .hasValueSatisfying(m -> assertThat(m).contains("by the objects it created",
                        "timescaledb is not installed"));
    }
}
