package com.corpintel.migrate.inspect;

import java.util.List;
import java.util.Objects;

/**
 * A TimescaleDB hypertable and its compression settings.
 *
 * @param timeColumn    the first (time) dimension
 * @param chunkInterval as the catalog prints it: {@code 30 days} (TimescaleDB keeps
 *                      {@code INTERVAL '1 month'} as a fixed 30 days)
 * @param segmentBy     compress_segmentby columns in order, as SQL names; empty when none
 * @param orderBy       compress_orderby in order, as SQL: {@code metric_date DESC}
 */
public record Hypertable(String table, String timeColumn, String chunkInterval, boolean compressionEnabled,
                         List<String> segmentBy, List<String> orderBy) {

    public Hypertable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(chunkInterval, "chunkInterval");
        segmentBy = segmentBy == null ? List.of() : List.copyOf(segmentBy);
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
    }

    /** A hypertable without compression. */
    public static Hypertable of(String table, String timeColumn, String chunkInterval) {
        return new Hypertable(table, timeColumn, chunkInterval, false, List.of(), List.of());
    }
}
