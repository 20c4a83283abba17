package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.extensibility.MigrationType;

/**
 * A forward migration of this binary's source, as Flyway 12 resolves it: what the history records
 * when it is applied (version, description, type, script, checksum), and what an applied row is
 * compared with.
 *
 * @param script the script's path relative to its location, or a Java migration's class name
 */
record LocalMigration(MigrationVersion version, String description, MigrationType type, String script,
                      Integer checksum) {

    /** A versioned SQL script, {@code name} being its path relative to the location. */
    static LocalMigration ofScript(ScriptName name, String relativePath, String sql) {
        return new LocalMigration(name.version(), name.description(), CoreMigrationType.SQL, relativePath,
                ScriptChecksum.of(sql));
    }

    /** A Java migration registered as an instance: Flyway takes all of it from the object itself. */
    static LocalMigration ofJava(JavaMigration migration) {
        return new LocalMigration(migration.getVersion(), migration.getDescription(), migration.getType(),
                migration.getClass().getName(), migration.getChecksum());
    }
}
