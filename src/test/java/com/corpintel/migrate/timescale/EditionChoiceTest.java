package com.corpintel.migrate.timescale;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EditionChoiceTest {

    @ParameterizedTest
    @EnumSource(FeatureMode.class)
    void timescaleLicenseGivesCommunityEditionInEveryMode(FeatureMode mode) {
        assertThat(EditionChoice.choose("timescale", mode)).isEqualTo(Edition.COMMUNITY);
    }

    @Test
    void apacheLicenseGivesApacheEditionWhenFeaturesAreAuto() {
        assertThat(EditionChoice.choose("apache", FeatureMode.AUTO)).isEqualTo(Edition.APACHE);
    }

    @Test
    void apacheLicenseIsRefusedWhenFeaturesAreRequired() {
        Failure failure = catchThrowableOfType(Failure.class,
                () -> EditionChoice.choose("apache", FeatureMode.REQUIRED));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage())
                .contains("Apache")
                .contains("--timescale-features=required")
                .contains("--timescale-features=auto");
    }

    @Test
    void refusalOfApacheLicenseNamesEveryMissingFeature() {
        Failure failure = catchThrowableOfType(Failure.class,
                () -> EditionChoice.choose("apache", FeatureMode.REQUIRED));

        assertThat(failure.getMessage()).contains(Edition.APACHE.skippedFeatures);
        assertThat(failure.getMessage()).contains("compression").contains("retention").contains("continuous aggregate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Timescale", "TIMESCALE", " timescale", "timescale\n", "\ttimescale "})
    void timescaleLicenseIsRecognisedWhateverItsCaseAndSurroundingWhitespace(String license) {
        assertThat(EditionChoice.choose(license, FeatureMode.REQUIRED)).isEqualTo(Edition.COMMUNITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Apache", "APACHE", " apache ", "apache\n"})
    void apacheLicenseIsRecognisedWhateverItsCaseAndSurroundingWhitespace(String license) {
        assertThat(EditionChoice.choose(license, FeatureMode.AUTO)).isEqualTo(Edition.APACHE);
    }

    @ParameterizedTest
    @EnumSource(FeatureMode.class)
    void nullLicenseIsRefusedInEveryMode(FeatureMode mode) {
        Failure failure = catchThrowableOfType(Failure.class, () -> EditionChoice.choose(null, mode));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage()).contains("timescaledb.license");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "community", "timescale-community", "apache2", "gpl"})
    void unknownLicenseIsRefusedEvenWhenFeaturesAreAuto(String license) {
        Failure failure = catchThrowableOfType(Failure.class, () -> EditionChoice.choose(license, FeatureMode.AUTO));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage()).contains("unknown TimescaleDB license").contains("'" + license + "'");
    }

    @Test
    void apacheEditionSkipsCompressionRetentionAndTheContinuousAggregate() {
        assertThat(Edition.APACHE.skippedFeatures)
                .isNotEmpty()
                .anySatisfy(feature -> assertThat(feature).contains("compression"))
                .anySatisfy(feature -> assertThat(feature).contains("retention"))
                .anySatisfy(feature -> assertThat(feature).contains("continuous aggregate"))
                .anySatisfy(feature -> assertThat(feature).contains("refresh policy"));
    }

    @Test
    void requiredRefusesASchemaWhoseVersionTwoRanTheApacheBranchNamingWhatIsMissingAndTheWayOut() {
        Failure failure = catchThrowableOfType(Failure.class,
                () -> EditionChoice.requireBuilt(Edition.APACHE, FeatureMode.REQUIRED));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage())
                .contains("version 2 was applied with TimescaleDB's Apache branch")
                .contains(Edition.APACHE.skippedFeatures)
                .contains("downgrade-to 1")
                .contains("--timescale-features=auto");
    }

    @Test
    void aSchemaWhoseVersionTwoRanTheCommunityBranchHasEveryFeature() {
        EditionChoice.requireBuilt(Edition.COMMUNITY, FeatureMode.REQUIRED);
        EditionChoice.requireBuilt(Edition.COMMUNITY, FeatureMode.AUTO);
    }

    @Test
    void autoAcceptsASchemaWhoseVersionTwoRanTheApacheBranch() {
        EditionChoice.requireBuilt(Edition.APACHE, FeatureMode.AUTO);
    }

    @Test
    void communityEditionSkipsNothing() {
        assertThat(Edition.COMMUNITY.skippedFeatures).isEmpty();
    }

    @Test
    void editionsNameTheirScriptResources() {
        assertThat(Edition.COMMUNITY.resourceName).isEqualTo("community");
        assertThat(Edition.APACHE.resourceName).isEqualTo("apache");
    }

    @Test
    void theEditionALicenseOffersIgnoresFeatureModeAndUnknownLicenses() {
        assertThat(EditionChoice.offered("apache")).contains(Edition.APACHE);
        assertThat(EditionChoice.offered("timescale")).contains(Edition.COMMUNITY);
        assertThat(EditionChoice.offered("enterprise")).isEmpty();
        assertThat(EditionChoice.offered(null)).isEmpty();
    }

    @Test
    void anUpgradeWithNothingToApplyAndNoTimescaleNeedsNoBranch() {
        assertThat(EditionChoice.forUpgrade(null, FeatureMode.AUTO, false, Optional.empty())).isNull();
    }

    @Test
    void anUpgradeWithNothingToApplyStillHonoursRequired() {
        // A no-op upgrade with --timescale-features=required asserts the schema has every feature.
        assertThat(catchThrowableOfType(Failure.class,
                () -> EditionChoice.forUpgrade("apache", FeatureMode.REQUIRED, false, Optional.empty())).kind())
                .isEqualTo(Failure.Kind.REFUSED);
        assertThat(catchThrowableOfType(Failure.class,
                () -> EditionChoice.forUpgrade(null, FeatureMode.REQUIRED, false, Optional.empty())).getMessage())
                .contains("cannot tell TimescaleDB's license");
    }

    @Test
    void anUpgradePlansTheBranchTheLicenseGives() {
        assertThat(EditionChoice.forUpgrade("timescale", FeatureMode.AUTO, true, Optional.empty()))
                .isEqualTo(Edition.COMMUNITY);
        assertThat(EditionChoice.forUpgrade("apache", FeatureMode.AUTO, true, Optional.empty()))
                .isEqualTo(Edition.APACHE);
        assertThat(EditionChoice.forUpgrade("apache", FeatureMode.AUTO, false, Optional.empty()))
                .isEqualTo(Edition.APACHE);
    }

    @Test
    void requiredRefusesAVersion2BuiltOnTheApacheBranchEvenUnderACommunityLicense() {
        Failure failure = catchThrowableOfType(Failure.class,
                () -> EditionChoice.forUpgrade("timescale", FeatureMode.REQUIRED, false, Optional.of(Edition.APACHE)));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage()).contains("version 2 was applied with TimescaleDB's Apache branch");
        assertThat(EditionChoice.forUpgrade("timescale", FeatureMode.AUTO, false, Optional.of(Edition.APACHE)))
                .isEqualTo(Edition.COMMUNITY);
        assertThat(EditionChoice.forUpgrade("timescale", FeatureMode.REQUIRED, true, Optional.of(Edition.COMMUNITY)))
                .isEqualTo(Edition.COMMUNITY);
    }
}
