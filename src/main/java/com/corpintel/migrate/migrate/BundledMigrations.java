package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The migrations inside the binary. Forward scripts are in {@code db/migration}
 * (found by Flyway); the license-dependent version 2 is in {@code db/timescale},
 * one script per TimescaleDB edition; undo scripts in {@code db/undo}. All of
 * {@code db/**} is registered as native-image resources.
 */
public final class BundledMigrations implements MigrationSource {

    public static final String MIGRATION_DIRECTORY = "db/migration/";
    public static final String TIMESCALE_DIRECTORY = "db/timescale/";
    public static final String UNDO_DIRECTORY = "db/undo/";

    @Override
    public String[] flywayLocations() {
        return new String[] {"classpath:db/migration"};
    }

    @Override
    public List<JavaMigration> javaMigrations(FeatureMode mode) {
        return List.of(new TimescaleFeaturesMigration(mode));
    }

    @Override
    public Optional<Script> forward(MigrationRecord migration, Edition edition) {
        if (TimescaleFeaturesMigration.VERSION.equals(migration.version())) {
            return edition == null ? Optional.empty() : script(TimescaleFeaturesMigration.scriptPath(edition));
        }
        return migration.script() == null ? Optional.empty() : script(MIGRATION_DIRECTORY + migration.script());
    }

    @Override
    public Optional<Script> undo(MigrationRecord migration, Edition edition) {
        String stem = UNDO_DIRECTORY + MigrationSource.undoStem(migration);
        Optional<Script> perEdition = edition == null ? Optional.empty()
                : script(stem + "." + edition.resourceName + ".sql");
        return perEdition.isPresent() ? perEdition : script(stem + ".sql");
    }

    @Override
    public String describe() {
        return "the bundled migrations";
    }

    private static Optional<Script> script(String path) {
        return resource(path).map(sql -> new Script(path, sql, Script.transactional(resource(path + ".conf").orElse(null))));
    }

    /** The text of a bundled resource, e.g. {@code db/timescale/V2__timescale_features.apache.sql}. */
    public static String read(String path) {
        return resource(path).orElseThrow(() ->
                new IllegalStateException("bundled script " + path + " is missing from this build"));
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = BundledMigrations.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled script " + path, e);
        }
    }
}
