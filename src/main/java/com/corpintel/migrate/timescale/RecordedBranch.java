package com.corpintel.migrate.timescale;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The branch version 2 ran on a database, and how that is known. Undo, validation and
 * the initial refresh follow it rather than the server's current license: a server
 * restarted under another license does not change what V2 built.
 *
 * @param edition  the branch that ran
 * @param evidence where that was read
 */
public record RecordedBranch(Edition edition, Evidence evidence) {

    /** Where the branch was read, strongest first. */
    public enum Evidence {
        /** The checksum Flyway recorded is the checksum of one branch's script. */
        CHECKSUM("by its checksum in flyway_schema_history"),
        /** The detail of V2's entry in the operations log. */
        OPERATIONS_LOG("in the operations log"),
        /** What V2 created; for databases migrated before the branch was recorded. */
        CATALOG("by the objects it created");

        public final String words;

        Evidence(String words) {
            this.words = words;
        }
    }

    /** Prefix of the detail of V2's operations-log entry: "timescale edition: community". */
    public static final String DETAIL_PREFIX = "timescale edition: ";

    /** The detail V2's operations-log entry carries. */
    public static String logDetail(Edition edition) {
        return DETAIL_PREFIX + edition.resourceName;
    }

    /** The branch an operations-log detail names, if it names one. */
    public static Optional<Edition> ofLogDetail(String detail) {
        if (detail == null || !detail.startsWith(DETAIL_PREFIX)) {
            return Optional.empty();
        }
        String name = detail.substring(DETAIL_PREFIX.length()).strip();
        for (Edition edition : Edition.values()) {
            if (edition.resourceName.equals(name)) {
                return Optional.of(edition);
            }
        }
        return Optional.empty();
    }

    /** The branch whose script has this checksum, if one has. */
    public static Optional<Edition> ofChecksum(Integer recorded, Map<Edition, Integer> checksums) {
        if (recorded == null) {
            return Optional.empty();
        }
        return checksums.entrySet().stream()
                .filter(e -> e.getValue().equals(recorded))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The branch of an applied V2: its checksum when that is one branch's; otherwise (the
     * checksum from before the branch was recorded, or an unknown one) the operations log,
     * then the catalog. The later sources are read only when needed.
     */
    public static Optional<RecordedBranch> resolve(Integer recordedChecksum, Map<Edition, Integer> checksums,
                                                   Supplier<Optional<Edition>> logged,
                                                   Supplier<Optional<Edition>> inCatalog) {
        Optional<Edition> byChecksum = ofChecksum(recordedChecksum, checksums);
        if (byChecksum.isPresent()) {
            return Optional.of(new RecordedBranch(byChecksum.get(), Evidence.CHECKSUM));
        }
        Optional<Edition> byLog = logged.get();
        if (byLog.isPresent()) {
            return Optional.of(new RecordedBranch(byLog.get(), Evidence.OPERATIONS_LOG));
        }
        return inCatalog.get().map(e -> new RecordedBranch(e, Evidence.CATALOG));
    }

    /** "V2 ran the community branch (recorded by its checksum in flyway_schema_history)". */
    public String describe() {
        return "V2 ran the " + edition.resourceName + " branch (recorded " + evidence.words + ")";
    }

    /**
     * What to tell the operator when the server's license would pick another branch than
     * the one V2 ran; empty when they agree.
     */
    public Optional<String> disagreement(String license) {
        Optional<Edition> live = EditionChoice.offered(license);
        if (live.isPresent() && live.get() == edition) {
            return Optional.empty();
        }
        String server = license == null
                ? "timescaledb is not installed in this database now"
                : "the server now runs TimescaleDB under the " + license.strip().toLowerCase(Locale.ROOT) + " license";
        return Optional.of(describe() + " but " + server);
    }
}
