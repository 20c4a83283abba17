package com.corpintel.migrate.inspect;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A TimescaleDB policy: one background job on a hypertable or continuous aggregate.
 *
 * @param target           the hypertable, or the continuous aggregate's view for a refresh
 *                         policy (not its internal materialization hypertable)
 * @param scheduleInterval as the catalog prints it: {@code 12:00:00}, {@code 1 day}
 * @param config           the job's parameters without internal ids, sorted by name:
 *                         {@code compress_after=30 days}, {@code start_offset=3 days}
 * @param scheduled        false when the job is paused
 */
public record Job(Kind kind, String target, String scheduleInterval, SortedMap<String, String> config,
                  boolean scheduled) {

    /** The policies TimescaleDB runs, by the procedure that implements them. */
    public enum Kind {
        COMPRESSION("compression policy", "policy_compression"),
        RETENTION("retention policy", "policy_retention"),
        REFRESH("refresh policy", "policy_refresh_continuous_aggregate"),
        REORDER("reorder policy", "policy_reorder");

        public final String words;
        public final String procedure;

        Kind(String words, String procedure) {
            this.words = words;
            this.procedure = procedure;
        }

        /** The kind a job procedure implements, or null for anything else (user-defined actions). */
        public static Kind ofProcedure(String procedure) {
            for (Kind kind : values()) {
                if (kind.procedure.equals(procedure)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public Job {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scheduleInterval, "scheduleInterval");
        config = Collections.unmodifiableSortedMap(new TreeMap<>(config == null ? Map.of() : config));
    }

    public static Job of(Kind kind, String target, String scheduleInterval, Map<String, String> config) {
        return new Job(kind, target, scheduleInterval, new TreeMap<>(config), true);
    }
}
