package com.corpintel.migrate.migrate;

import java.time.Instant;

/**
 * One row of Flyway's history table, as Flyway 12 reads it ({@code JdbcTableSchemaHistory}).
 *
 * @param version     as stored; null for Flyway's schema-creation row (and repeatable migrations)
 * @param type        as stored, e.g. {@code SQL}, {@code JDBC}, {@code BASELINE}
 * @param installedOn null only if the row has none
 */
record HistoryRow(int installedRank, String version, String description, String type, String script,
                  Integer checksum, Instant installedOn, String installedBy, int executionTime, boolean success) {
}
