package com.corpintel.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name, for the application name other sessions see. Kubernetes sets
 * HOSTNAME to the pod name. No DNS lookup: the binary talks to nothing but the database.
 */
final class HostName {

    private HostName() {
    }

    static String current() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty()) {
                return file;
            }
        } catch (Exception ignored) {
            // not Linux, or no hostname file: fall through
        }
        return "unknown-host";
    }
}
