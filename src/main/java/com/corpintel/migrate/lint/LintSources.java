package com.corpintel.migrate.lint;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.migrate.DirectoryMigrations;
import com.corpintel.migrate.migrate.MigrationSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The scripts of a migration source as lint reads them: every forward and undo script (of every
 * TimescaleDB edition), whether each runs in a transaction, and the source's baseline file.
 */
public final class LintSources {

    /** The bundled baseline: suppressions for released scripts, which must not change by a byte. */
    public static final String BUNDLED_BASELINE = "db/lint/baseline.txt";
    /** A migrations directory's baseline, next to migration/ and undo/. */
    public static final String DIRECTORY_BASELINE = "lint-baseline.txt";

    private LintSources() {
    }

    /** A set of scripts and the baseline that goes with them. */
    public record Loaded(List<LintScript> scripts, Baseline baseline) {
    }

    public static Loaded of(MigrationSource source) {
        if (source instanceof BundledMigrations bundled) {
            return bundled(bundled.resources());
        }
        if (source instanceof DirectoryMigrations directory) {
            return directory(directory.directory());
        }
        throw new IllegalArgumentException("no lint reader for " + source.describe());
    }

    static Loaded bundled(BundledResources resources) {
        List<LintScript> scripts = new ArrayList<>();
        for (String path : resources.paths()) {
            boolean migration = path.startsWith(BundledMigrations.MIGRATION_DIRECTORY)
                    || path.startsWith(BundledMigrations.TIMESCALE_DIRECTORY)
                    || path.startsWith(BundledMigrations.UNDO_DIRECTORY);
            if (migration && path.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                scripts.add(new LintScript(path, resources.require(path),
                        transactional(path, resources.text(path + ".conf").orElse(null))));
            }
        }
        Baseline baseline = resources.text(BUNDLED_BASELINE)
                .map(text -> Baseline.parse(BUNDLED_BASELINE, text)).orElse(Baseline.NONE);
        return new Loaded(List.copyOf(scripts), baseline);
    }

    static Loaded directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw Failure.refused("--migrations " + directory + ": no such directory");
        }
        List<LintScript> scripts = new ArrayList<>();
        for (String sub : List.of("migration", "undo")) {
            Path dir = directory.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                        .sorted().toList()) {
                    scripts.add(read(file, file.toString()));
                }
            } catch (IOException e) {
                throw Failure.refused("cannot read " + dir + ": " + e.getMessage());
            }
        }
        Path baseline = directory.resolve(DIRECTORY_BASELINE);
        return new Loaded(List.copyOf(scripts), Files.isRegularFile(baseline) ? baseline(baseline) : Baseline.NONE);
    }

    /** A script file named on the command line, shown as the user wrote its path. */
    public static LintScript read(Path file, String shownAs) {
        try {
            Path conf = Path.of(file + ".conf");
            String configuration = Files.isRegularFile(conf) ? Files.readString(conf) : null;
            return new LintScript(shownAs, Files.readString(file, StandardCharsets.UTF_8),
                    transactional(file.getFileName().toString(), configuration));
        } catch (IOException | UncheckedIOException e) {
            throw Failure.refused("cannot read " + shownAs + ": " + e.getClass().getSimpleName());
        }
    }

    public static Baseline baseline(Path file) {
        try {
            return Baseline.parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw Failure.refused("cannot read the lint baseline " + file + ": " + e.getMessage());
        }
    }

    /**
     * Runs in a transaction unless its .conf says executeInTransaction=false; the ".refresh" part of a
     * migration always runs on a session of its own, outside any transaction.
     */
    static boolean transactional(String path, String configuration) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".refresh.sql")) {
            return false;
        }
        return configuration == null || configuration.lines()
                .map(l -> l.replace(" ", "").toLowerCase(Locale.ROOT))
                .noneMatch(l -> l.equals("executeintransaction=false"));
    }
}
