package com.corpintel.migrate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged intel-migrate binary (the JVM jar, or the native executable
 * under -Dnative) as a separate process, with a controlled environment.
 */
public final class Cli {

    /** What a run left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static final Path BINARY = Path.of(System.getProperty("intel-migrate.binary",
            "target/quarkus-app/quarkus-run.jar"));

    private Cli() {
    }

    /** Runs with only the given environment variables (plus PATH and HOME). */
    public static Result run(Map<String, String> env, String... args) {
        try {
            Process process = start(env, args);
            byte[][] output = drain(process);
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("intel-migrate did not finish in 180 s: " + List.of(args));
            }
            return new Result(process.exitValue(),
                    new String(output[0], StandardCharsets.UTF_8), new String(output[1], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run intel-migrate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    public static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(command());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        Map<String, String> kept = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "JAVA_HOME", "LANG")) {
            if (System.getenv(name) != null) {
                kept.put(name, System.getenv(name));
            }
        }
        environment.clear();
        environment.putAll(kept);
        environment.putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder.start();
    }

    /** Reads stdout and stderr concurrently so neither pipe fills up and blocks the process. */
    public static byte[][] drain(Process process) throws IOException {
        byte[][] result = new byte[2][];
        Thread err = new Thread(() -> {
            try {
                result[1] = process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                result[1] = ("<cannot read stderr: " + e + ">").getBytes(StandardCharsets.UTF_8);
            }
        });
        err.start();
        result[0] = process.getInputStream().readAllBytes();
        try {
            err.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    static List<String> command() {
        if (!Files.exists(BINARY)) {
            throw new AssertionError("the binary " + BINARY + " is missing: run the tests through `./mvnw verify`");
        }
        if (BINARY.toString().endsWith(".jar")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // C1 only: these are short-lived processes, start-up dominates.
            List<String> jvm = List.of(java, "-XX:TieredStopAtLevel=1");
            List<String> command = new ArrayList<>(jvm);
            command.addAll(ClassDataArchive.flags(jvm, BINARY));
            command.addAll(List.of("-jar", BINARY.toString()));
            return command;
        }
        return List.of(BINARY.toString());
    }
}
