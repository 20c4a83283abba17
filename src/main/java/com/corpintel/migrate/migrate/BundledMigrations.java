package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.util.List;
import java.util.Optional;

/**
 * The migrations inside the binary, all found through the resource index
 * ({@link BundledResources}): forward scripts in {@code db/migration}, the
 * license-dependent version 2 in {@code db/timescale} (one script per
 * TimescaleDB edition), undo scripts in {@code db/undo}.
 */
public final class BundledMigrations implements MigrationSource {

    public static final String MIGRATION_DIRECTORY = "db/migration/";
    public static final String TIMESCALE_DIRECTORY = "db/timescale/";
    public static final String UNDO_DIRECTORY = "db/undo/";

    private final BundledResources resources;

    public BundledMigrations() {
        this(BundledResources.standard());
    }

    public BundledMigrations(BundledResources resources) {
        this.resources = resources;
    }

    public BundledResources resources() {
        return resources;
    }

    @Override
    public FluentConfiguration applyTo(FluentConfiguration flyway) {
        // With both providers given, Flyway creates no scanner at all.
        return flyway.resourceProvider(new IndexedResourceProvider(resources, MIGRATION_DIRECTORY))
                .javaMigrationClassProvider(IndexedResourceProvider.NO_CLASSES);
    }

    @Override
    public Optional<List<LocalMigration>> sqlMigrations() {
        return ScriptResolution.of(resources.fileNames(MIGRATION_DIRECTORY),
                name -> resources.text(MIGRATION_DIRECTORY + name));
    }

    @Override
    public List<JavaMigration> javaMigrations(FeatureMode mode) {
        return List.of(new TimescaleFeaturesMigration(mode, resources));
    }

    /** Forward migrations: the SQL scripts plus the Java step of version 2. */
    @Override
    public Inventory inventory() {
        int sql = (int) resources.fileNames(MIGRATION_DIRECTORY).stream().filter(n -> n.endsWith(".sql")).count();
        int undo = (int) resources.fileNames(UNDO_DIRECTORY).stream()
                .filter(n -> n.endsWith(".sql"))
                .map(BundledMigrations::withoutEdition)
                .distinct().count();
        return new Inventory("this binary", sql + 1, undo);
    }

    /** U2__x.apache.sql and U2__x.community.sql undo one migration. */
    private static String withoutEdition(String name) {
        for (Edition edition : Edition.values()) {
            String suffix = "." + edition.resourceName + ".sql";
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length()) + ".sql";
            }
        }
        return name;
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

    private Optional<Script> script(String path) {
        return resources.text(path)
                .map(sql -> new Script(path, sql, Script.transactional(resources.text(path + ".conf").orElse(null))));
    }
}
