package com.corpintel.migrate.baseline;

import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.timescale.Edition;

import java.util.List;

/**
 * What {@code baseline} recorded, or with --dry-run would record.
 *
 * @param version  the version the schema was found to be at
 * @param edition  the TimescaleDB branch whose expected model the schema matched (and V2's checksum names)
 * @param compared how many facts of the expected model the live catalog matched
 * @param recorded the history rows, V1 up to {@code version}
 * @param status   the state after (for a dry run: as it stands, unchanged)
 */
public record BaselineResult(String version, Edition edition, String license, int compared,
                             List<MigrationRecord> recorded, boolean dryRun, StatusReport status) {
}
