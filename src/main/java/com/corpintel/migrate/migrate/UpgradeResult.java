package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;

import java.util.List;

/**
 * What an upgrade did.
 *
 * @param before   the version before, null when nothing was applied
 * @param edition  the TimescaleDB branch this server takes; null when it could not be told
 * @param license  what SHOW timescaledb.license said, or null
 * @param timescaleFeaturesApplied this run applied the license-dependent version 2
 * @param status   the state after the upgrade
 */
public record UpgradeResult(
        String before,
        String target,
        List<Applied> applied,
        String license,
        Edition edition,
        boolean timescaleFeaturesApplied,
        StatusReport status) {

    public record Applied(String version, String description, int executionMillis) {
    }
}
