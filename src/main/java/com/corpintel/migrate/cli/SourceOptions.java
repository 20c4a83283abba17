package com.corpintel.migrate.cli;

import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.migrate.DirectoryMigrations;
import com.corpintel.migrate.migrate.MigrationSource;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which migrations: the bundled set, or a directory for developers and tests. */
public final class SourceOptions {

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "Use the migrations in DIR (DIR/migration/V*.sql, DIR/undo/U*.sql) instead of the bundled"
                    + " ones; for developers trying a migration before it is bundled. A DIR with a bundled-resources.txt"
                    + " index (src/main/resources/db) is read like the bundled set, version 2 included.")
    Path directory;

    MigrationSource source() {
        // A wrong DIR is refused here, before any connection, rather than inside Flyway.
        if (directory == null) {
            return new BundledMigrations();
        }
        // The project's own src/main/resources/db: the full set, version 2's Java step included.
        if (BundledResources.isIndexed(directory)) {
            return new BundledMigrations(BundledResources.fromDirectory(directory));
        }
        return DirectoryMigrations.open(directory);
    }

    /** The same set for lint, unchecked: a file name the runner would refuse is lint's finding to report. */
    MigrationSource unchecked() {
        return directory == null ? new BundledMigrations() : new DirectoryMigrations(directory);
    }
}
