package com.corpintel.migrate.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * --version: this binary's version, written into the build as a resource. Reads
 * no database, no configuration and starts nothing, so {@code Main} can answer
 * {@code intel-migrate --version} before Quarkus starts.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "intel-migrate.version";

    @Override
    public String[] getVersion() {
        return new String[] {text()};
    }

    public static String text() {
        return "intel-migrate " + version();
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
