package com.corpintel.migrate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a SQL script with psql, stopping at the first error, as an operator would run a dry run's output. */
final class Psql {

    private Psql() {
    }

    static void runScript(TestDatabase db, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile("intel-migrate-dry-run", ".sql");
        try {
            Files.writeString(file, script);
            ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-h", TestServer.host(), "-p", String.valueOf(TestServer.port()), "-U", TestServer.user(),
                    "-d", db.name(), "-f", file.toString());
            builder.environment().put("PGPASSWORD", TestServer.password());
            Process process = builder.start();
            byte[][] output = Cli.drain(process);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("psql failed on the dry run's script:\n"
                        + new String(output[1], StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
