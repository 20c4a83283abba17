package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Migrations in a directory laid out like the bundled ones: {@code DIR/migration/V*.sql}
 * and {@code DIR/undo/U*.sql}. For developers trying a migration before it is
 * bundled, and for tests that need a migration set of their own.
 */
public final class DirectoryMigrations implements MigrationSource {

    /** Flyway's versioned migration name: V, numbers separated by '.' or '_', two underscores, a description. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.(?i:sql)");
    private static final String EXPECTED = "expected V<version>__<description>.sql, the version numbers separated by"
            + " '.' or '_' (e.g. V4__add_index.sql)";

    private final Path directory;

    public DirectoryMigrations(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The migrations in {@code directory}, checked before Flyway sees them: a missing
     * directory, no {@code migration/} inside, a script name Flyway would reject or read as
     * something other than a versioned migration (a repeatable {@code R__} script, a callback
     * such as {@code afterMigrate.sql}), or two scripts with one version are refused
     * before anything connects, naming the file.
     */
    public static DirectoryMigrations open(Path directory) {
        DirectoryMigrations migrations = new DirectoryMigrations(directory);
        String where = "--migrations " + migrations.directory;
        if (!Files.isDirectory(migrations.directory)) {
            throw Failure.refused(where + ": "
                    + (Files.exists(migrations.directory) ? "not a directory" : "no such directory"));
        }
        Path forward = migrations.directory.resolve("migration");
        if (!Files.isDirectory(forward)) {
            throw Failure.refused(where + ": no migration/ directory inside; expected DIR/migration/V*.sql"
                    + " and DIR/undo/U*.sql");
        }
        List<Path> scripts;
        // Flyway reads the location recursively, so subdirectories count too.
        try (Stream<Path> files = Files.walk(forward)) {
            scripts = files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw Failure.refused(where + ": cannot read " + forward + " (" + e.getClass().getSimpleName() + ")");
        }
        Map<MigrationVersion, Path> versions = new TreeMap<>();
        for (Path script : scripts) {
            String name = migrations.directory.relativize(script).toString();
            Matcher versioned = VERSIONED.matcher(script.getFileName().toString());
            if (!versioned.matches()) {
                boolean repeatable = script.getFileName().toString().startsWith("R__");
                throw Failure.refused(where + ": " + name + " is not a versioned migration; " + EXPECTED
                        + (repeatable ? "; repeatable migrations are not supported" : ""));
            }
            MigrationVersion version = MigrationVersion.fromVersion(versioned.group(1).replace('_', '.'));
            Path first = versions.putIfAbsent(version, script);
            if (first != null) {
                throw Failure.refused(where + ": " + migrations.directory.relativize(first) + " and " + name
                        + " have the same version " + version + "; each version needs exactly one script");
            }
        }
        return migrations;
    }

    /** The directory holding migration/ and undo/, absolute. */
    public Path directory() {
        return directory;
    }

    @Override
    public FluentConfiguration applyTo(FluentConfiguration flyway) {
        // A real directory can be listed, in native too; no class path is scanned.
        return flyway.locations("filesystem:" + directory.resolve("migration"))
                .javaMigrationClassProvider(IndexedResourceProvider.NO_CLASSES);
    }

    /**
     * A flat {@code migration/} directory only: Flyway's scanner has rules of its own for
     * subdirectories (hidden ones skipped, relative names), which are left to it.
     */
    @Override
    public Optional<List<LocalMigration>> sqlMigrations() {
        Path location = directory.resolve("migration");
        List<Path> files;
        try (Stream<Path> listed = Files.list(location)) {
            files = listed.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        if (!files.stream().allMatch(Files::isRegularFile)) {
            return Optional.empty();
        }
        return ScriptResolution.of(files.stream().map(f -> f.getFileName().toString()).toList(),
                name -> strictText(location.resolve(name)));
    }

    /** As Flyway reads a script: UTF-8, and a malformed one is an error, not a replaced character. */
    private static Optional<String> strictText(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
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
