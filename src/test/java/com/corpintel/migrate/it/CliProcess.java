package com.corpintel.migrate.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running intel-migrate process whose output is read as it comes, so that a test
 * can wait for what the process says ("waiting up to 120 s for the migration lock")
 * before it acts, rather than sleeping.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final String command;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private CliProcess(Process process, String command) {
        this.process = process;
        this.command = command;
        this.stdoutReader = reader(process.getInputStream(), stdout);
        this.stderrReader = reader(process.getErrorStream(), stderr);
    }

    static CliProcess start(Map<String, String> env, String... args) {
        try {
            return new CliProcess(Cli.start(env, args), "intel-migrate " + String.join(" ", args));
        } catch (IOException e) {
            throw new AssertionError("cannot start intel-migrate " + String.join(" ", args), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the process has printed {@code text} on stderr; fails at once if it exits without doing so. */
    CliProcess awaitStderr(String text, Duration within) {
        Eventually.until("`" + command + "` to print \"" + text + "\" on stderr", within,
                () -> stderr.indexOf(text) >= 0 || !process.isAlive(), this::toString);
        if (stderr.indexOf(text) < 0) {
            Cli.Result result = finish(within);
            if (!result.stderr().contains(text)) {
                throw new AssertionError("`" + command + "` ended before printing \"" + text + "\":\n" + result);
            }
        }
        return this;
    }

    /** Waits for the process to end and returns everything it printed. */
    Cli.Result finish(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("`" + command + "` did not finish in " + within.toSeconds() + " s:\n" + this);
            }
            stdoutReader.join();
            stderrReader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Cli.Result(process.exitValue(), stdout.toString(), stderr.toString());
    }

    /** Kills the process if it is still running (a test that failed half-way). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return command + (process.isAlive() ? " (running)" : " (exited " + process.exitValue() + ")")
                + "\n--- stdout so far\n" + stdout + "--- stderr so far\n" + stderr;
    }

    private static Thread reader(InputStream in, StringBuffer into) {
        Thread thread = new Thread(() -> {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                    into.append(buffer, 0, n);
                }
            } catch (IOException e) {
                into.append("<cannot read: ").append(e).append(">");
            }
        }, "intel-migrate output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
