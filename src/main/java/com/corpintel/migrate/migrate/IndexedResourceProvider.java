package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands Flyway the forward scripts of one bundled directory from the resource
 * index, so Flyway never scans. Each resource keeps the name Flyway's own
 * class-path scanner gives it (the path relative to the location, e.g.
 * {@code V1__initial_schema.sql}), so the history's script names and checksums
 * are the same whichever build, JVM or native, wrote them.
 */
final class IndexedResourceProvider implements ResourceProvider {

    /** Java migrations are registered as instances; there are no classes to find. */
    static final ClassProvider<JavaMigration> NO_CLASSES = List::of;

    private final BundledResources resources;
    private final String directory;

    IndexedResourceProvider(BundledResources resources, String directory) {
        this.resources = resources;
        this.directory = directory;
    }

    @Override
    public LoadableResource getResource(String name) {
        String path = directory + name;
        return resources.contains(path) ? new Indexed(path, name, resources.require(path)) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (String name : resources.fileNames(directory)) {
            if (name.startsWith(prefix) && endsWithAny(name, suffixes)) {
                found.add(getResource(name));
            }
        }
        return found;
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A script read from the index; {@code relativePath} is what the history records. */
    private static final class Indexed extends LoadableResource {

        private final String path;
        private final String relativePath;
        private final String text;

        Indexed(String path, String relativePath, String text) {
            this.path = path;
            this.relativePath = relativePath;
            this.text = text;
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return relativePath.substring(relativePath.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return relativePath;
        }
    }
}
