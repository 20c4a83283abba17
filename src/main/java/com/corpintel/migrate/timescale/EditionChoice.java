package com.corpintel.migrate.timescale;

import com.corpintel.migrate.Failure;

import java.util.Optional;

/**
 * From the server's license and the operator's --timescale-features to the branch taken:
 * the one place that rule lives. An upgrade and its dry run plan with {@link #forUpgrade},
 * version 2 itself runs {@link #choose}, and undo and validation, which follow what the
 * server has, ask {@link #offered}.
 */
public final class EditionChoice {

    private EditionChoice() {
    }

    /**
     * The branch an upgrade, or its dry run, plans for version 2.
     *
     * @param license what the server's TimescaleDB says; null when it is not installed
     * @param mode    --timescale-features; pass {@link FeatureMode#AUTO} for a migration set
     *                without the license-dependent step
     * @param pending whether the upgrade applies anything
     * @param built   the branch an applied version 2 built, read from the catalog; empty when
     *                version 2 is not applied
     * @return null when nothing needs a branch: nothing pending, no TimescaleDB, mode auto
     * @throws Failure refused as {@link #choose} and {@link #requireBuilt} refuse
     */
    public static Edition forUpgrade(String license, FeatureMode mode, boolean pending, Optional<Edition> built) {
        Edition edition = !pending && license == null && mode == FeatureMode.AUTO ? null : choose(license, mode);
        built.ifPresent(b -> requireBuilt(b, mode));
        return edition;
    }

    /** The branch a license gives whatever --timescale-features says; empty when not installed or unknown. */
    public static Optional<Edition> offered(String license) {
        if (license == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(choose(license, FeatureMode.AUTO));
        } catch (Failure unknownLicense) {
            return Optional.empty();
        }
    }

    /**
     * @param license what {@code SHOW timescaledb.license} said: {@code timescale} or {@code apache}
     * @throws Failure refused when the license is unknown, or when it lacks features and the mode requires them
     */
    public static Edition choose(String license, FeatureMode mode) {
        if (license == null) {
            throw Failure.refused("cannot tell TimescaleDB's license: SHOW timescaledb.license gave nothing");
        }
        return switch (license.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "timescale" -> Edition.COMMUNITY;
            case "apache" -> {
                if (mode == FeatureMode.REQUIRED) {
                    throw Failure.refused("TimescaleDB runs under the Apache license here, which lacks "
                            + String.join(", ", Edition.APACHE.skippedFeatures)
                            + "; --timescale-features=required asks for all of them (use a TimescaleDB built with"
                            + " its community license, or --timescale-features=auto to accept the degradation)");
                }
                yield Edition.APACHE;
            }
            default -> throw Failure.refused("unknown TimescaleDB license '" + license
                    + "' (expected 'timescale' or 'apache')");
        };
    }

    /**
     * --timescale-features=required on a schema whose version 2 was applied earlier: the
     * features must have been built then; a license that has them now does not add them.
     *
     * @param built the branch version 2 ran (see {@link BuiltEdition})
     * @throws Failure refused when the mode requires the features and version 2 ran the Apache branch
     */
    public static void requireBuilt(Edition built, FeatureMode mode) {
        if (mode == FeatureMode.REQUIRED && built == Edition.APACHE) {
            throw Failure.refused("version 2 was applied with TimescaleDB's Apache branch, so this schema lacks "
                    + String.join(", ", Edition.APACHE.skippedFeatures)
                    + "; --timescale-features=required asks for all of them (on a TimescaleDB with its community"
                    + " license, run downgrade-to 1 and upgrade again to build them, or use --timescale-features=auto"
                    + " to accept the degradation)");
        }
    }
}
