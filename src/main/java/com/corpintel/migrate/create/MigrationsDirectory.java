package com.corpintel.migrate.create;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.migrate.DirectoryMigrations;
import com.corpintel.migrate.migrate.MigrationSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The source-tree directory new migrations are written to: {@code DIR/migration/V*.sql}
 * and {@code DIR/undo/U*.sql}. In the project that is {@code src/main/resources/db}, which
 * also holds the resource index ({@code bundled-resources.txt}, extended with every file
 * written), version 2's scripts ({@code timescale/}) and the expected models ({@code expected/}).
 */
public final class MigrationsDirectory {

    /** Where the project keeps its migrations, from its root. */
    public static final String PROJECT_PATH = "src/main/resources/db";
    /** Where the project keeps its declared model, from its root. */
    public static final String MODEL_PATH = "src/main/model";

    private static final Pattern VERSION = Pattern.compile("[VU](\\d+)(?:[._]\\d+)*__.*\\.sql");

    private final Path directory;

    private MigrationsDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * {@code dir} when given (--dir), else {@value #PROJECT_PATH} of the first directory
     * from {@code workingDirectory} upwards that has one.
     *
     * @throws Failure refused when there is no such directory, or it has no migration/ inside
     */
    public static MigrationsDirectory locate(Path dir, Path workingDirectory) {
        if (dir != null) {
            return open(dir, "--dir " + dir);
        }
        for (Path at = workingDirectory.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            Path candidate = at.resolve(PROJECT_PATH);
            if (Files.isDirectory(candidate.resolve("migration"))) {
                return open(candidate, candidate.toString());
            }
        }
        throw Failure.refused("no migrations directory found: neither " + workingDirectory.toAbsolutePath()
                + " nor a directory above it has " + PROJECT_PATH + "/migration; run from the project or give"
                + " --dir DIR (DIR/migration/V*.sql, DIR/undo/U*.sql)");
    }

    private static MigrationsDirectory open(Path dir, String where) {
        Path directory = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw Failure.refused(where + " is not a migrations directory: "
                    + (Files.exists(directory) ? "not a directory" : "no such directory"));
        }
        if (!Files.isDirectory(directory.resolve("migration"))) {
            throw Failure.refused(where + " is not a migrations directory: no migration/ inside; expected"
                    + " DIR/migration/V*.sql and DIR/undo/U*.sql");
        }
        return new MigrationsDirectory(directory);
    }

    public Path path() {
        return directory;
    }

    /** The project's declared model next to this directory ({@value #MODEL_PATH}), if this is the project's. */
    public Optional<Path> projectModel() {
        Path root = directory;
        for (String ignored : PROJECT_PATH.split("/")) {
            root = root == null ? null : root.getParent();
        }
        if (root == null || !directory.equals(root.resolve(PROJECT_PATH))) {
            return Optional.empty();
        }
        Path model = root.resolve(MODEL_PATH);
        return Files.isDirectory(model) ? Optional.of(model) : Optional.empty();
    }

    /** Laid out like the bundled set, with its resource index: read through it, version 2 included. */
    public boolean indexed() {
        return BundledResources.isIndexed(directory);
    }

    public MigrationSource source() {
        return indexed() ? new BundledMigrations(BundledResources.fromDirectory(directory))
                : DirectoryMigrations.open(directory);
    }

    /** One more than the highest major version of any forward or undo script here. */
    public String nextVersion() {
        BigInteger highest = BigInteger.ZERO;
        for (String sub : List.of("migration", "timescale", "undo")) {
            Path path = directory.resolve(sub);
            if (!Files.isDirectory(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher matcher = VERSION.matcher(file.getFileName().toString());
                    if (matcher.matches()) {
                        highest = highest.max(new BigInteger(matcher.group(1)));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw Failure.refused("cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return highest.add(BigInteger.ONE).toString();
    }

    /** The files of a new pair, by their path relative to this directory, in the order they are written. */
    public Map<String, String> pair(String version, String slug, String forward, String undo,
                                    boolean forwardTransactional, boolean undoTransactional) {
        Map<String, String> files = new LinkedHashMap<>();
        String forwardName = "migration/V" + version + "__" + slug + ".sql";
        String undoName = "undo/U" + version + "__" + slug + ".sql";
        files.put(forwardName, forward);
        if (!forwardTransactional) {
            files.put(forwardName + ".conf", "executeInTransaction=false\n");
        }
        files.put(undoName, undo);
        if (!undoTransactional) {
            files.put(undoName + ".conf", "executeInTransaction=false\n");
        }
        return files;
    }

    /** The committed expected model of an edition, when this directory has one ({@code expected/}). */
    public Optional<Path> expectedModel(String edition) {
        Path file = directory.resolve("expected").resolve("schema." + edition + ".txt");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Refuses, before anything is written, when a new file exists already; then writes them all
     * (replacing {@code replaced}) and adds the new ones to the resource index when there is one.
     */
    public List<Path> write(Map<String, String> created, Map<Path, String> replaced) {
        for (String name : created.keySet()) {
            if (Files.exists(directory.resolve(name))) {
                throw Failure.refused(directory.resolve(name) + " exists already; nothing was written");
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : created.entrySet()) {
                Path path = directory.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                written.add(path);
            }
            for (Map.Entry<Path, String> file : replaced.entrySet()) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
                written.add(file.getKey());
            }
            if (indexed()) {
                Path index = directory.resolve("bundled-resources.txt");
                StringBuilder text = new StringBuilder(Files.readString(index, StandardCharsets.UTF_8));
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
                created.keySet().forEach(name -> text.append("db/").append(name).append('\n'));
                Files.writeString(index, text.toString(), StandardCharsets.UTF_8);
                written.add(index);
            }
        } catch (IOException e) {
            throw new Failure(Failure.Kind.INTERNAL, "cannot write " + e.getMessage() + "; already written: "
                    + written, e);
        }
        return written;
    }
}
