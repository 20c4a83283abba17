package com.corpintel.migrate.cli;

import com.corpintel.migrate.create.MigrationsDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where create and create-empty write: the project's migrations, or --dir. */
public final class MigrationsDirectoryOptions {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The migrations directory to write to (DIR/migration/V*.sql, DIR/undo/U*.sql); default: "
                    + MigrationsDirectory.PROJECT_PATH + " of the project around the working directory.")
    Path dir;

    MigrationsDirectory locate() {
        return MigrationsDirectory.locate(dir, Path.of(""));
    }
}
