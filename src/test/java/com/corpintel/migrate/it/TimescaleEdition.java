package com.corpintel.migrate.it;

/**
 * The TimescaleDB license of the test server, and what the tests expect under it.
 * The same suite runs against either server: a test that sees a difference between
 * the two branches of version 2 takes its expectation from here, never skips.
 */
enum TimescaleEdition {

    /** Hypertables only: V2 makes daily_metrics_summary a plain materialized view and skips the rest. */
    APACHE("apache", "apache"),
    /** Compression, retention, the continuous aggregate and its refresh policy (schema.md in full). */
    COMMUNITY("timescale", "community");

    /** What {@code SHOW timescaledb.license} says. */
    final String license;
    /** The product's name for the branch: its scripts' suffix and the JSON "edition". */
    final String branch;

    TimescaleEdition(String license, String branch) {
        this.license = license;
        this.branch = branch;
    }

    static TimescaleEdition ofLicense(String license) {
        for (TimescaleEdition edition : values()) {
            if (edition.license.equals(license)) {
                return edition;
            }
        }
        throw new AssertionError("the test server's TimescaleDB license is '" + license
                + "'; the tests know 'apache' and 'timescale'");
    }

    /** Resource name of the version 2 script this edition runs. */
    String upgradeScript() {
        return "db/timescale/V2__timescale_features." + branch + ".sql";
    }

    /** Resource name of the undo script of version 2 for this edition. */
    String undoScript() {
        return "db/undo/U2__timescale_features." + branch + ".sql";
    }

    /**
     * The statement that fills daily_metrics_summary with everything in financial_metrics.
     * A continuous aggregate cannot be refreshed with REFRESH MATERIALIZED VIEW, and its
     * refresh procedure refuses to run inside a transaction: run it on an autocommit session.
     */
    String refreshSummary() {
        return this == COMMUNITY
                ? "CALL refresh_continuous_aggregate('daily_metrics_summary', NULL, NULL)"
                : "REFRESH MATERIALIZED VIEW daily_metrics_summary";
    }

    /** The relation kind daily_metrics_summary has in the catalog (CatalogFingerprint's words). */
    String summaryRelationKind() {
        return this == COMMUNITY ? "view" : "materialized view";
    }
}
