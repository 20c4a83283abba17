package com.corpintel.migrate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test-only migration set on disk, laid out for --migrations DIR: DIR/migration and DIR/undo. */
final class MigrationDirectory {

    private final Path root;

    private MigrationDirectory(Path root) {
        this.root = root;
    }

    static MigrationDirectory create() {
        try {
            Path root = ScratchDirectories.create("intel-migrate-set");
            Files.createDirectories(root.resolve("migration"));
            Files.createDirectories(root.resolve("undo"));
            return new MigrationDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationDirectory forward(String name, String sql) {
        return write(root.resolve("migration").resolve(name), sql);
    }

    MigrationDirectory undo(String name, String sql) {
        return write(root.resolve("undo").resolve(name), sql);
    }

    /** Flyway's per-script marker: the script runs outside a transaction, statement by statement. */
    MigrationDirectory nonTransactional(String directory, String name) {
        return write(root.resolve(directory).resolve(name + ".conf"), "executeInTransaction=false\n");
    }

    String path() {
        return root.toString();
    }

    private MigrationDirectory write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
