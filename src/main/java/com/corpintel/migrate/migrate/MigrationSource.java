package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.util.List;
import java.util.Optional;

/**
 * Where migrations come from: the set bundled in the binary, or a directory
 * (developers trying a new migration, tests with a migration set of their own).
 * Forward migrations are resolved here as Flyway resolves them, and run by {@link UpgradeRunner};
 * undo scripts and dry runs read them here too.
 */
public interface MigrationSource {

    /** Tells Flyway where the forward SQL scripts are: a provider of its own, or a location to scan. */
    FluentConfiguration applyTo(FluentConfiguration flyway);

    /**
     * The forward SQL migrations as Flyway 12 resolves them ({@link ScriptResolution}), read without
     * a Flyway instance; empty when the source holds something only Flyway's own resolution
     * answers exactly (then the status is read through Flyway).
     */
    Optional<List<LocalMigration>> sqlMigrations();

    /** How many forward and undo scripts this source holds, for status. */
    Inventory inventory();

    /** A source's contents as status shows them. */
    record Inventory(String where, int migrations, int undoScripts) {
    }

    /** Forward migrations that are code rather than SQL, registered as instances (no scanning). */
    List<JavaMigration> javaMigrations(FeatureMode mode);

    /** The script a pending migration would run on a server of this TimescaleDB edition. */
    Optional<Script> forward(MigrationRecord migration, Edition edition);

    /**
     * The undo script of an applied migration: {@code U<version>__<description>.<edition>.sql}
     * when the undo depends on TimescaleDB's license, else {@code U<version>__<description>.sql}.
     */
    Optional<Script> undo(MigrationRecord migration, Edition edition);

    /** For messages: "the bundled migrations", "migrations in /path". */
    String describe();

    /** U&lt;version&gt;__&lt;description with underscores&gt;, the stem of an undo script's name. */
    static String undoStem(MigrationRecord migration) {
        return "U" + migration.version() + "__" + migration.description().replace(' ', '_');
    }
}
