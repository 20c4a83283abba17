package com.corpintel.migrate.migrate;

import java.util.List;

/**
 * Every migration, applied or bundled, in version order, and the operations log
 * (every upgrade and downgrade step ever run against this schema).
 */
public record HistoryReport(String database, String schema, List<MigrationRecord> migrations,
                            List<OperationsLog.Entry> operations) {
}
