package com.corpintel.migrate.timescale;

/** --timescale-features: what to do when the server's license lacks some features. */
public enum FeatureMode {
    /** Use every feature the license allows; degrade the rest and say so. */
    AUTO,
    /** Refuse unless every TimescaleDB feature of the schema is available. */
    REQUIRED
}
