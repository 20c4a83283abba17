package com.corpintel.migrate.timescale;

import java.util.List;

/** Which branch of the license-dependent migrations a server gets. */
public enum Edition {
    /** SHOW timescaledb.license = 'timescale': every feature of schema.md. */
    COMMUNITY("community", List.of()),
    /** SHOW timescaledb.license = 'apache': hypertables only. */
    APACHE("apache", List.of(
            "compression of financial_metrics",
            "compression policy (after 30 days)",
            "retention policy (2 years)",
            "continuous aggregate daily_metrics_summary (a plain materialized view instead, refreshed by hand)",
            "refresh policy of daily_metrics_summary"));

    /** Suffix of the edition's script resources: V2__timescale_features.&lt;name&gt;.sql. */
    public final String resourceName;
    /** The schema's TimescaleDB features this edition does without, in the platform's words. */
    public final List<String> skippedFeatures;

    Edition(String resourceName, List<String> skippedFeatures) {
        this.resourceName = resourceName;
        this.skippedFeatures = skippedFeatures;
    }
}
