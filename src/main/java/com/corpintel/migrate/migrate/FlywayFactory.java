package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.Flyway;

import java.util.Map;

/**
 * The one place Flyway is configured: the same history, scripts and safety settings for every
 * command. Flyway reads here (status, validation, the records of pending steps); the upgrade's
 * steps run in {@link UpgradeRunner}.
 */
final class FlywayFactory {

    private final Database database;
    private final MigrationSource source;
    private final FeatureMode featureMode;
    private final String installedBy;

    FlywayFactory(Database database, MigrationSource source, FeatureMode featureMode, String installedBy) {
        this.database = database;
        this.source = source;
        this.featureMode = featureMode;
        this.installedBy = installedBy;
    }

    /** For reading the history: applies nothing. */
    Flyway reading() {
        return applying(null, null);
    }

    /**
     * @param target  the version to stop at; null for the head
     * @param planned the TimescaleDB branch V2 takes if this instance applies it (it records its checksum)
     */
    Flyway applying(String target, Edition planned) {
        var configuration = source.applyTo(Flyway.configure(FlywayFactory.class.getClassLoader()))
                .dataSource(database.dataSource())
                .schemas(database.schema())
                .defaultSchema(database.schema())
                .createSchemas(true)
                .table(MigrationService.HISTORY_TABLE)
                .javaMigrations(TimescaleFeaturesMigration.against(source.javaMigrations(featureMode), database, planned))
                .placeholderReplacement(false)
                // Flyway's default lock is a transaction held open for the whole run, which
                // CREATE INDEX CONCURRENTLY waits for forever; our advisory lock serializes runs.
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .installedBy(installedBy)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .connectRetries(0)
                .ignoreMigrationPatterns("*:future", "*:pending");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
