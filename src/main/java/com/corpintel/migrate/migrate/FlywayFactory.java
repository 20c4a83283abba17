package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.util.Map;

/**
 * The one place Flyway is configured: the same history, scripts and safety settings for every
 * command. Status reads use Flyway only for histories and sources {@link StatusReader}'s own
 * reader does not cover; the upgrade's steps run in {@link UpgradeRunner}.
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
                .javaMigrations(javaMigrations(null, planned))
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

    /**
     * The Java migrations as Flyway is given them; {@code planned} as for {@link #applying}.
     *
     * @param session where they read the database (version 2 its checksum), left open; null: a session of their own
     */
    JavaMigration[] javaMigrations(Connection session, Edition planned) {
        return TimescaleFeaturesMigration.against(source.javaMigrations(featureMode), database, session, planned);
    }
}
