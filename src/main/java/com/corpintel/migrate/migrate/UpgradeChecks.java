package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.timescale.BuiltEdition;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** What an upgrade and its dry run decide alike, from the state read before anything runs. */
final class UpgradeChecks {

    private UpgradeChecks() {
    }

    /** Refuses bad targets and a history with a failed step; returns the steps the upgrade would apply. */
    static List<MigrationRecord> pending(StatusReport before, String target) {
        if (target != null) {
            requireKnownTarget(target, before);
        }
        if (!before.failed().isEmpty()) {
            MigrationRecord failed = before.failed().get(0);
            throw new Failure(Failure.Kind.VALIDATION, "the history records a failed migration, " + failed.label()
                    + ": run `intel-migrate repair` (it lists what to do; --apply does it) before upgrading");
        }
        return before.pending().stream()
                .filter(m -> target == null || !MigrationVersion.fromVersion(m.version())
                        .isNewerThan(MigrationVersion.fromVersion(target).getVersion()))
                .toList();
    }

    /**
     * The TimescaleDB branch the upgrade plans for version 2 (see {@link EditionChoice#forUpgrade}).
     * --timescale-features applies to the bundled set only: a directory has no license-dependent step.
     *
     * @param pending whether the license decides something ({@link #licenseNeeded})
     */
    static Edition edition(Connection connection, MigrationSource source, FeatureMode featureMode, String schema,
                           StatusReport before, boolean pending, String license) throws SQLException {
        FeatureMode mode = source instanceof BundledMigrations ? featureMode : FeatureMode.AUTO;
        // Required: a version 2 applied earlier must have built every feature; a license that has them now does not add them.
        Optional<Edition> built = mode == FeatureMode.REQUIRED
                && before.migrations().stream().anyMatch(m -> isTimescaleFeatures(m) && m.applied())
                ? BuiltEdition.read(connection, schema) : Optional.empty();
        return EditionChoice.forUpgrade(license, mode, pending, built);
    }

    /**
     * Whether the upgrade must know TimescaleDB's license (creating the extension in a rolled-back
     * transaction to ask, where it does not exist yet): version 2 is among the steps, or
     * --timescale-features=required asks for the features (the bundled set only).
     */
    static boolean licenseNeeded(MigrationSource source, FeatureMode featureMode, List<MigrationRecord> pending) {
        return pending.stream().anyMatch(UpgradeChecks::isTimescaleFeatures)
                || (source instanceof BundledMigrations && featureMode == FeatureMode.REQUIRED && !pending.isEmpty());
    }

    /** The bundled, license-dependent version 2 (a Java step; a directory's V2 is plain SQL). */
    static boolean isTimescaleFeatures(MigrationRecord migration) {
        return TimescaleFeaturesMigration.VERSION.equals(migration.version()) && "JDBC".equals(migration.type());
    }

    private static void requireKnownTarget(String target, StatusReport before) {
        MigrationVersion wanted;
        try {
            wanted = MigrationVersion.fromVersion(target);
        } catch (FlywayException e) {
            throw Failure.refused("invalid target version '" + target + "'");
        }
        List<String> bundled = before.migrations().stream()
                .filter(m -> m.version() != null && m.state().bundled())
                .map(MigrationRecord::version).toList();
        if (bundled.stream().noneMatch(v -> MigrationVersion.fromVersion(v).equals(wanted))) {
            throw Failure.refused("unknown target version " + target + ": the bundled versions are "
                    + String.join(", ", bundled));
        }
        if (before.current() != null
                && MigrationVersion.fromVersion(before.current().version()).isNewerThan(wanted.getVersion())) {
            throw Failure.refused("target " + target + " is below the current version " + before.current().version()
                    + "; use downgrade-to to go back");
        }
    }
}
