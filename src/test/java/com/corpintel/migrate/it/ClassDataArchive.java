package com.corpintel.migrate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An AppCDS archive of the classes the JVM build loads, made once per test JVM so that
 * the hundreds of launches of the jar map those classes instead of loading and
 * verifying them (about half a second of each launch on the 2-core development
 * machines). It changes how fast the JVM starts, not what the binary does: a native
 * executable gets no archive at all.
 *
 * <p>The archive is made by a training run (an {@code upgrade} of an empty database, which
 * loads Quarkus, picocli, JDBC, Flyway and the tool's own classes) with exactly the flags
 * the tests launch with, and is used only after a run with {@code -Xshare:on} proved that
 * this JVM maps it (a truncated archive crashes the JVM, a mismatched one makes it warn on
 * stdout). The launches also turn the CDS log tags off, so that an archive that stopped
 * matching (the jar rebuilt during the run) makes the JVM load classes normally and say
 * nothing a test could read. {@code -Dintel-migrate.cds=false} turns it off.
 */
final class ClassDataArchive {

    private static List<String> flags;

    private ClassDataArchive() {
    }

    /** The JVM options that map the archive, or none when there is none that works. */
    static synchronized List<String> flags(List<String> jvm, Path jar) {
        if (flags == null) {
            flags = Boolean.parseBoolean(System.getProperty("intel-migrate.cds", "true")) ? make(jvm, jar) : List.of();
        }
        return flags;
    }

    private static List<String> make(List<String> jvm, Path jar) {
        try {
            Path dir = Files.createTempDirectory("intel-migrate-cds");
            Path archive = dir.resolve("app.jsa");
            dir.toFile().deleteOnExit();
            archive.toFile().deleteOnExit();
            try (TestDatabase db = TestServer.createDatabase()) {
                run(db.env(), jvm, List.of("-XX:ArchiveClassesAtExit=" + archive), jar, "upgrade");
            }
            List<String> using = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off");
            List<String> required = new ArrayList<>(using);
            required.add("-Xshare:on");
            String plain = run(Map.of(), jvm, List.of(), jar, "--version");
            String mapped = run(Map.of(), jvm, required, jar, "--version");
            if (Files.isRegularFile(archive) && plain != null && plain.equals(mapped)) {
                return using;
            }
            System.err.println("ClassDataArchive: not used, the JVM does not map " + archive + ": " + mapped);
        } catch (IOException | RuntimeException | AssertionError e) {
            System.err.println("ClassDataArchive: not used: " + e);
        }
        return List.of();
    }

    /** stdout + stderr of a run that exited 0, else null. */
    private static String run(Map<String, String> env, List<String> jvm, List<String> options, Path jar,
                              String... args) throws IOException {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[][] output = Cli.drain(process);
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return process.exitValue() != 0 ? null
                : new String(output[0], StandardCharsets.UTF_8) + new String(output[1], StandardCharsets.UTF_8);
    }
}
