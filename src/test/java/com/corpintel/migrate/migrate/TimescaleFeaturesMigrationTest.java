package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** V2's checksum records its branch, and stays valid for databases migrated before it did. */
class TimescaleFeaturesMigrationTest {

    private static final BundledResources RESOURCES = BundledResources.standard();
    private static final Map<Edition, Integer> CHECKSUMS = TimescaleFeaturesMigration.checksums(RESOURCES);
    private static final int COMMUNITY = CHECKSUMS.get(Edition.COMMUNITY);
    private static final int APACHE = CHECKSUMS.get(Edition.APACHE);

    private static Supplier<Optional<Edition>> branch(Edition edition) {
        return () -> Optional.ofNullable(edition);
    }

    private static Supplier<Optional<Edition>> notAsked() {
        return () -> {
            throw new AssertionError("the recorded checksum was valid: no branch needs to be read");
        };
    }

    @Test
    void theTwoBranchesRecordDifferentChecksumsAndNeitherIsTheOldCombinedOne() {
        assertThat(COMMUNITY).isNotEqualTo(APACHE);
        assertThat(List.of(COMMUNITY, APACHE)).doesNotContain(TimescaleFeaturesMigration.CHECKSUM_OF_BOTH_BRANCHES);
    }

    @Test
    void theOldCombinedChecksumIsTheOneTheReleasedScriptsGave() throws IOException {
        CRC32 crc = new CRC32();
        for (String edition : List.of("community", "apache")) {
            try (InputStream in = getClass().getResourceAsStream("/released/V2__timescale_features." + edition + ".sql")) {
                crc.update(in.readAllBytes());
            }
        }

        assertThat((int) crc.getValue()).isEqualTo(TimescaleFeaturesMigration.CHECKSUM_OF_BOTH_BRANCHES);
    }

    @Test
    void anAppliedV2ResolvesToTheChecksumOfEitherBranchItRecorded() {
        assertThat(TimescaleFeaturesMigration.resolvedChecksum(COMMUNITY, CHECKSUMS, notAsked())).isEqualTo(COMMUNITY);
        assertThat(TimescaleFeaturesMigration.resolvedChecksum(APACHE, CHECKSUMS, notAsked())).isEqualTo(APACHE);
    }

    @Test
    void theOldCombinedChecksumStaysValid() {
        int legacy = TimescaleFeaturesMigration.CHECKSUM_OF_BOTH_BRANCHES;

        assertThat(TimescaleFeaturesMigration.resolvedChecksum(legacy, CHECKSUMS, notAsked())).isEqualTo(legacy);
    }

    @Test
    void anyOtherRecordedChecksumIsAMismatchAgainstTheRecordedBranch() {
        assertThat(TimescaleFeaturesMigration.resolvedChecksum(42, CHECKSUMS, branch(Edition.APACHE))).isEqualTo(APACHE);
        assertThat(TimescaleFeaturesMigration.resolvedChecksum(42, CHECKSUMS, branch(Edition.COMMUNITY)))
                .isEqualTo(COMMUNITY);
        assertThat(TimescaleFeaturesMigration.resolvedChecksum(42, CHECKSUMS, branch(null))).isNull();
        assertThat(TimescaleFeaturesMigration.resolvedChecksum(null, CHECKSUMS, branch(Edition.APACHE)))
                .isEqualTo(APACHE);
    }

    @Test
    void aPendingV2ResolvesToTheBranchTheUpgradePlanned() {
        TimescaleFeaturesMigration bundled = new TimescaleFeaturesMigration(FeatureMode.AUTO, RESOURCES);

        assertThat(bundled.getChecksum()).as("no database, nothing planned").isNull();
        assertThat(TimescaleFeaturesMigration.against(List.of(bundled), null, null, Edition.COMMUNITY)[0].getChecksum())
                .isEqualTo(COMMUNITY);
        assertThat(TimescaleFeaturesMigration.against(List.of(bundled), null, null, Edition.APACHE)[0].getChecksum())
                .isEqualTo(APACHE);
    }
}
