package com.corpintel.migrate.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the bundled scripts live inside the binary. Forward scripts are in
 * {@code db/migration} (found by Flyway); the license-dependent version 2 is in
 * {@code db/timescale}, one script per TimescaleDB edition; undo scripts in
 * {@code db/undo}. All of {@code db/**} is registered as native-image resources.
 */
public final class BundledScripts {

    public static final String MIGRATION_LOCATION = "classpath:db/migration";
    public static final String TIMESCALE_DIRECTORY = "db/timescale/";
    public static final String UNDO_DIRECTORY = "db/undo/";

    private BundledScripts() {
    }

    /** The text of a bundled resource, e.g. {@code db/timescale/V2__timescale_features.apache.sql}. */
    public static String read(String path) {
        try (InputStream in = BundledScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled script " + path + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled script " + path, e);
        }
    }
}
