package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Migrations in a directory laid out like the bundled ones: {@code DIR/migration/V*.sql}
 * and {@code DIR/undo/U*.sql}. For developers trying a migration before it is
 * bundled, and for tests that need a migration set of their own.
 */
public final class DirectoryMigrations implements MigrationSource {

    private final Path directory;

    public DirectoryMigrations(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public FluentConfiguration applyTo(FluentConfiguration flyway) {
        // A real directory can be listed, in native too; no class path is scanned.
        return flyway.locations("filesystem:" + directory.resolve("migration"))
                .javaMigrationClassProvider(IndexedResourceProvider.NO_CLASSES);
    }

    @Override
    public Inventory inventory() {
        return new Inventory(directory.toString(), count("migration", "V"), count("undo", "U"));
    }

    private int count(String subdirectory, String prefix) {
        try (var files = Files.list(directory.resolve(subdirectory))) {
            return (int) files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".sql")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public List<JavaMigration> javaMigrations(FeatureMode mode) {
        return List.of();
    }

    @Override
    public Optional<Script> forward(MigrationRecord migration, Edition edition) {
        return migration.script() == null ? Optional.empty() : script(directory.resolve("migration").resolve(migration.script()));
    }

    @Override
    public Optional<Script> undo(MigrationRecord migration, Edition edition) {
        Path stem = directory.resolve("undo").resolve(MigrationSource.undoStem(migration));
        Optional<Script> perEdition = edition == null ? Optional.empty()
                : script(Path.of(stem + "." + edition.resourceName + ".sql"));
        return perEdition.isPresent() ? perEdition : script(Path.of(stem + ".sql"));
    }

    @Override
    public String describe() {
        return "the migrations in " + directory;
    }

    private static Optional<Script> script(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            Path conf = Path.of(path + ".conf");
            String configuration = Files.isRegularFile(conf) ? Files.readString(conf) : null;
            return Optional.of(new Script(path.toString(), Files.readString(path), Script.transactional(configuration)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
