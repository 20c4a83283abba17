package com.corpintel.migrate.migrate;

import java.util.List;

/** Every migration, applied or bundled, in version order. */
public record HistoryReport(String database, String schema, List<MigrationRecord> migrations) {
}
