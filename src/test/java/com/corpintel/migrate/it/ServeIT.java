package com.corpintel.migrate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * serve is the only command that opens a port, only when it runs (never for its help),
 * answers like Kubernetes expects, and ends with exit 0 when told to stop.
 */
class ServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING =
            Pattern.compile("serving health checks on http://127\\.0\\.0\\.1:(\\d+)/q/health");
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A running serve whose stderr is read as it comes, so a test waits on what it says, not on a clock. */
    private static final class Served {
        private static final String END = "\u0000end of stderr";
        final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread reader;

        Served(Map<String, String> env) throws IOException {
            process = Cli.start(env, "serve");
            reader = new Thread(() -> {
                try (BufferedReader err = new BufferedReader(
                        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = err.readLine()) != null; ) {
                        stderr.append(line).append('\n');
                        lines.add(line);
                    }
                } catch (IOException e) {
                    stderr.append("<cannot read stderr: ").append(e).append(">\n");
                } finally {
                    lines.add(END);
                }
            });
            reader.setDaemon(true);
            reader.start();
            Thread out = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            out.setDaemon(true);
            out.start();
        }

        /** The port serve says it listens on; fails if it ends or says nothing of the kind in time. */
        int port() throws InterruptedException {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(END)) {
                    throw new AssertionError("serve never said where it listens:\n" + stderr);
                }
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    return Integer.parseInt(listening.group(1));
                }
            }
        }

        /** Sends a signal as Kubernetes (TERM) or a terminal (INT) does, and returns the exit code. */
        int stop(String signal) throws Exception {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("serve did not stop on SIG" + signal + ":\n" + stderr);
            }
            return process.exitValue();
        }

        /** Everything it wrote, once it has ended and the reader has seen the end of the stream. */
        String stderr() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return stderr.toString();
        }
    }

    private static Map<String, String> anyPort(TestDatabase db) {
        return db.env("INTEL_MIGRATE_HTTP_HOST", "127.0.0.1", "INTEL_MIGRATE_HTTP_PORT", "0");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ServerSocket holdPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void serveAnswersLiveReadyAndUnknownPathsAndEndsWithExit0OnSigterm() throws Exception {
        try (TestDatabase db = TestServer.createDatabase()) {
            Served serve = new Served(anyPort(db));
            int port;
            int exit;
            try {
                port = serve.port();

                HttpResponse<String> live = get(port, "/q/health/live");
                assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
                assertThat(live.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/json");
                assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");

                HttpResponse<String> ready = get(port, "/q/health/ready");
                assertThat(ready.statusCode()).as("pending migrations: not ready").isEqualTo(503);
                assertThat(ready.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/json");
                JsonNode readiness = JSON.readTree(ready.body());
                assertThat(readiness.get("status").asText()).isEqualTo("DOWN");
                assertThat(readiness.toString()).contains("pending: V1 initial schema");

                assertThat(get(port, "/q/health").statusCode()).isEqualTo(503);
                assertThat(get(port, "/q/health/unknown").statusCode()).isEqualTo(404);
                assertThat(get(port, "/").statusCode()).isEqualTo(404);
                assertThat(ListeningPorts.of(serve.process.pid())).containsExactly(port);
            } finally {
                exit = serve.stop("TERM");
            }
            assertThat(exit).as("SIGTERM is how serve is meant to end: " + serve.stderr()).isZero();
            assertThat(serve.stderr()).contains("serving health checks", "stopped");
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
            }
        }
    }

    @Test
    void sigintEndsServeWithExit0Too() throws Exception {
        try (TestDatabase db = TestServer.createDatabase()) {
            Served serve = new Served(anyPort(db));
            serve.port();
            assertThat(serve.stop("INT")).isZero();
            assertThat(serve.stderr()).contains("stopped");
        }
    }

    @Test
    void serveHelpAndHelpServeOpenNoPort() throws Exception {
        // Were either to try the port, they would fail on the one this test holds.
        try (TestDatabase db = TestServer.createDatabase(); ServerSocket held = holdPort()) {
            Map<String, String> env = db.env("INTEL_MIGRATE_HTTP_HOST", "127.0.0.1",
                    "INTEL_MIGRATE_HTTP_PORT", String.valueOf(held.getLocalPort()));
            for (String[] args : new String[][] {{"serve", "--help"}, {"help", "serve"}}) {
                Cli.Result help = Cli.run(env, args);
                assertThat(help.exitCode()).as(help.toString()).isZero();
                assertThat(help.stdout()).as(String.join(" ", args)).contains("Usage: intel-migrate serve");
                assertThat(help.stderr()).as(String.join(" ", args)).isEmpty();
            }
        }
    }

    @Test
    void serveOnAPortInUseOrAMalformedPortExits2NamingTheVariable() throws Exception {
        try (TestDatabase db = TestServer.createDatabase(); ServerSocket held = holdPort()) {
            Cli.Result taken = Cli.run(db.env("INTEL_MIGRATE_HTTP_HOST", "127.0.0.1",
                    "INTEL_MIGRATE_HTTP_PORT", String.valueOf(held.getLocalPort())), "serve");
            assertThat(taken.exitCode()).as(taken.toString()).isEqualTo(2);
            assertThat(taken.stderr()).contains("cannot listen on 127.0.0.1:" + held.getLocalPort(),
                    "INTEL_MIGRATE_HTTP_PORT");

            Cli.Result malformed = Cli.run(db.env("INTEL_MIGRATE_HTTP_PORT", "http"), "serve");
            assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(2);
            assertThat(malformed.stderr()).contains("INTEL_MIGRATE_HTTP_PORT must be a port number");
        }
    }
}
