package com.corpintel.migrate.timescale;

import com.corpintel.migrate.Failure;

/** From the server's license and the operator's --timescale-features to the branch taken. */
public final class EditionChoice {

    private EditionChoice() {
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
