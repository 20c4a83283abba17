package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.RecordedBranch;
import com.corpintel.migrate.timescale.TimescaleLicense;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The TimescaleDB branch undo and validation follow: the one the applied version 2
 * recorded, else (version 2 not applied, or a migration directory) the one the server's
 * license offers. A server restarted under another license does not change what V2 built.
 *
 * @param license  what the server says now; null when TimescaleDB is not installed
 * @param edition  the branch followed; null when neither the history nor the license tells
 * @param recorded the branch the applied V2 ran, when something tells it
 */
public record FollowedBranch(String license, Edition edition, Optional<RecordedBranch> recorded) {

    public static FollowedBranch read(Connection connection, MigrationSource source, String schema)
            throws SQLException {
        String license = TimescaleLicense.ofInstalled(connection).orElse(null);
        Optional<TimescaleFeaturesRecord> record = TimescaleFeaturesRecord.of(source, schema);
        Optional<RecordedBranch> recorded = record.isPresent() ? record.get().branch(connection) : Optional.empty();
        return of(license, recorded);
    }

    public static FollowedBranch of(String license, Optional<RecordedBranch> recorded) {
        return new FollowedBranch(license, recorded.map(RecordedBranch::edition).orElse(offered(license)), recorded);
    }

    /** The branch the server's license offers now, whatever V2 ran; null when not installed or unknown. */
    public Edition live() {
        return offered(license);
    }

    /** V2's undo cannot run when it needs community functions this server lacks. */
    public Optional<String> refusal() {
        return recorded.filter(r -> r.edition() == Edition.COMMUNITY).flatMap(r -> r.disagreement(license));
    }

    /** What to say when the license would pick another branch than the one V2 ran. */
    public Optional<String> disagreement() {
        return recorded.flatMap(r -> r.disagreement(license));
    }

    private static Edition offered(String license) {
        return EditionChoice.offered(license).orElse(null);
    }
}
