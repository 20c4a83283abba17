package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.MigrationVersion;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one notion of the floor a downgrade may not go below: a Flyway baseline row, or the
 * version an intel-migrate {@code baseline} recorded without running (its operations-log
 * entries say so), whichever is higher. Below it no script of this binary built the schema.
 */
public final class BaselineFloor {

    private BaselineFloor() {
    }

    /**
     * @param recorded the version the newest {@code baseline} recorded (see
     *                 {@link OperationsLog#latestBaseline}); counts only while its history row is applied
     */
    public static Optional<String> of(StatusReport state, Optional<String> recorded) {
        Stream<String> flyway = state.migrations().stream()
                .filter(m -> "BASELINE".equals(m.type()) && m.applied())
                .map(MigrationRecord::version);
        Stream<String> ours = recorded.stream().filter(version -> state.migrations().stream()
                .anyMatch(m -> version.equals(m.version()) && m.applied() && !m.state().failed()));
        return Stream.concat(flyway, ours).filter(v -> v != null)
                .max(Comparator.comparing(MigrationVersion::fromVersion));
    }
}
