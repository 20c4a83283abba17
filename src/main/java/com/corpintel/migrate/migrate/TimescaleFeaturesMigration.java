package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.timescale.TimescaleLicense;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;

/**
 * Version 2: TimescaleDB's compression, policies and continuous aggregate, or the
 * Apache-license substitute. Plain SQL cannot branch on the license, so this step
 * reads the license on the migration's own connection (version 1 created the
 * extension) and runs the matching script from {@code db/timescale}. Registered
 * with Flyway as an instance: no class-path scanning, nothing reflective.
 */
public final class TimescaleFeaturesMigration implements JavaMigration {

    public static final String VERSION = "2";
    public static final String DESCRIPTION = "timescale features";
    private static final String SCRIPT_BASE = "V2__timescale_features";

    private final FeatureMode mode;
    private final BundledResources resources;

    public TimescaleFeaturesMigration(FeatureMode mode, BundledResources resources) {
        this.mode = mode;
        this.resources = resources;
    }

    /** The bundled script for an edition, e.g. {@code db/timescale/V2__timescale_features.apache.sql}. */
    public static String scriptPath(Edition edition) {
        return BundledMigrations.TIMESCALE_DIRECTORY + SCRIPT_BASE + "." + edition.resourceName + ".sql";
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return DESCRIPTION;
    }

    /** Covers both branches, so a change to either script is a checksum mismatch on every server. */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        for (Edition edition : Edition.values()) {
            crc.update(resources.require(scriptPath(edition)).getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String license = TimescaleLicense.ofInstalled(context.getConnection())
                .orElseThrow(() -> new IllegalStateException(
                        "the timescaledb extension is missing; version 1 should have created it"));
        Edition edition = EditionChoice.choose(license, mode);
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(resources.require(scriptPath(edition)));
            ServerWarnings.report(context, statement);
        }
    }
}
