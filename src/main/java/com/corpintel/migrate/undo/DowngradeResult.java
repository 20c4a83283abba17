package com.corpintel.migrate.undo;

import com.corpintel.migrate.migrate.StatusReport;

import java.util.List;

/**
 * What a downgrade did.
 *
 * @param before the version before, null when nothing was applied
 * @param target the version asked for ("0": nothing applied), null for a step count
 */
public record DowngradeResult(String before, String target, List<Reverted> reverted, List<String> dataLoss,
                              StatusReport status) {

    public record Reverted(String version, String description, String script, long executionMillis) {
    }
}
