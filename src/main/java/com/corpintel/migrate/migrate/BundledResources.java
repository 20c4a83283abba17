package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The scripts and models this binary carries, found through an explicit index
 * ({@value #INDEX}) and read one by one by name. Nothing lists a directory: in a
 * native executable resources are {@code resource:} URLs that no scanner reads,
 * so anything found by scanning would silently be missing there.
 */
public final class BundledResources {

    public static final String INDEX = "db/bundled-resources.txt";

    private static volatile BundledResources standard;

    /** Reads one resource by its path under db/'s parent; empty when there is none. */
    @FunctionalInterface
    private interface Reader {
        Optional<String> read(String path);
    }

    private final Reader reader;
    private final List<String> paths;

    private BundledResources(Reader reader, List<String> paths) {
        this.reader = reader;
        this.paths = paths;
    }

    /** The resources of this build, read once per process. */
    public static BundledResources standard() {
        BundledResources resources = standard;
        if (resources == null) {
            resources = load(BundledResources.class.getClassLoader());
            standard = resources;
        }
        return resources;
    }

    /** Reads the index through {@code loader}; every path it names must be readable there. */
    public static BundledResources load(ClassLoader loader) {
        return load(path -> read(loader, path));
    }

    /**
     * The same layout in the source tree: {@code directory} is a {@code db} directory
     * (such as {@code src/main/resources/db}) holding {@code bundled-resources.txt}, and an
     * indexed path {@code db/x} is the file {@code directory/x}. For developers and
     * {@code create}, who work on migrations before they are built into a binary.
     */
    public static BundledResources fromDirectory(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        return load(path -> {
            if (!path.startsWith("db/")) {
                return Optional.empty();
            }
            Path file = root.resolve(path.substring("db/".length()));
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }

    /** Whether {@code directory} is laid out for {@link #fromDirectory}. */
    public static boolean isIndexed(Path directory) {
        return Files.isRegularFile(directory.resolve(INDEX.substring("db/".length())));
    }

    private static BundledResources load(Reader reader) {
        String index = reader.read(INDEX).orElseThrow(() -> missing("the index " + INDEX + " is not in this build"));
        List<String> paths = parseIndex(index);
        for (String path : paths) {
            if (reader.read(path).isEmpty()) {
                throw missing(path + " is listed in " + INDEX + " but not in this build");
            }
        }
        return new BundledResources(reader, paths);
    }

    /** The index's paths: one per line, '#' comments and blank lines ignored. */
    static List<String> parseIndex(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    public List<String> paths() {
        return paths;
    }

    /** The file names directly in {@code directory} (e.g. {@code db/migration/}), in index order. */
    public List<String> fileNames(String directory) {
        return paths.stream()
                .filter(p -> p.startsWith(directory) && p.indexOf('/', directory.length()) < 0)
                .map(p -> p.substring(directory.length()))
                .toList();
    }

    public boolean contains(String path) {
        return paths.contains(path);
    }

    /** The text of an indexed resource; empty when the index does not name it. */
    public Optional<String> text(String path) {
        if (!contains(path)) {
            return Optional.empty();
        }
        return Optional.of(reader.read(path).orElseThrow(() -> missing(path + " vanished from this build")));
    }

    /** The text of a resource the binary cannot work without. */
    public String require(String path) {
        return text(path).orElseThrow(() -> missing(path + " is not in " + INDEX));
    }

    private static Optional<String> read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + path, e);
        }
    }

    /** A build that lost its scripts is a bug, never "nothing to do": exit 1, said plainly. */
    static Failure missing(String detail) {
        return new Failure(Failure.Kind.INTERNAL, "internal error: bundled migrations not found: " + detail);
    }
}
