package com.corpintel.migrate.it;

import com.corpintel.migrate.db.MigrationLock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** health prints MicroProfile Health JSON with meaningful exit codes; serve answers on its port; nothing else listens. */
class HealthIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode check(JsonNode doc, String name) {
        for (JsonNode check : doc.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + doc);
    }

    @Test
    void healthIsUpWhenTheSchemaIsAtHead() throws Exception {
        try (TestDatabase db = DatabaseTemplate.upgraded().copy()) {
            Cli.Result result = Cli.run(db.env(), "health");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode doc = JSON.readTree(result.stdout());
            assertThat(doc.get("status").asText()).isEqualTo("UP");
            assertThat(check(doc, "database").get("status").asText()).isEqualTo("UP");
            assertThat(check(doc, "schema").get("data").get("current").asText()).isEqualTo("3");
            assertThat(check(doc, "intel-migrate").get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void healthIsDownWithPendingMigrationsAndExits7() throws Exception {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "health");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
            JsonNode doc = JSON.readTree(result.stdout());
            assertThat(doc.get("status").asText()).isEqualTo("DOWN");
            JsonNode schema = check(doc, "schema");
            assertThat(schema.get("status").asText()).isEqualTo("DOWN");
            assertThat(schema.get("data").get("reason").asText()).startsWith("pending: V1 initial schema");
            Cli.Result live = Cli.run(db.env(), "health", "--live");
            assertThat(live.exitCode()).as("liveness does not depend on the schema").isZero();
        }
    }

    @Test
    void healthIsDownWithAFailedMigrationAndExits6() throws Exception {
        try (TestDatabase db = DatabaseTemplate.upgraded().copy()) {
            db.execute("UPDATE flyway_schema_history SET success = false WHERE version = '3'");
            Cli.Result result = Cli.run(db.env(), "health", "--ready");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
            assertThat(check(JSON.readTree(result.stdout()), "schema").get("data").get("reason").asText())
                    .contains("failed migration");
        }
    }

    @Test
    void healthIsDownWhenTheDatabaseIsUnreachableAndExits3() throws Exception {
        Cli.Result result = Cli.run(Map.of("DATABASE_URL", "postgresql://intel@127.0.0.1:1/intel"), "health",
                "--connect-timeout", "2s");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        JsonNode doc = JSON.readTree(result.stdout());
        assertThat(check(doc, "database").get("status").asText()).isEqualTo("DOWN");
        assertThat(check(doc, "intel-migrate").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void serveAnswersOnItsPortAndStopsCleanlyOnSigterm() throws Exception {
        int port = FreePort.pick();
        try (TestDatabase db = TestServer.createDatabase()) {
            Process serve = Cli.start(db.env("INTEL_MIGRATE_HTTP_PORT", String.valueOf(port),
                    "INTEL_MIGRATE_HTTP_HOST", "127.0.0.1"), "serve");
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                HttpResponse<String> live = waitForHttp(http, port, "/q/health/live");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");

                HttpResponse<String> notReady = get(http, port, "/q/health/ready");
                assertThat(notReady.statusCode()).as("pending migrations: not ready").isEqualTo(503);

                assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
                HttpResponse<String> ready = get(http, port, "/q/health/ready");
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                assertThat(ListeningPorts.of(serve.pid())).contains(port);
            } finally {
                // SIGTERM as Kubernetes sends it; Process.destroy() would also close our end of its pipes.
                new ProcessBuilder("kill", "-TERM", String.valueOf(serve.pid())).start().waitFor();
            }
            byte[][] output = Cli.drain(serve);
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).as(new String(output[1], StandardCharsets.UTF_8)).isZero();
            assertThat(new String(output[1], StandardCharsets.UTF_8)).contains("serving health checks", "stopped");
        }
    }

    @Test
    void commandsOtherThanServeOpenNoPort() throws Exception {
        try (TestDatabase db = TestServer.createDatabase();
             Connection holder = db.connect();
             Statement s = holder.createStatement()) {
            // Hold the migration lock so that upgrade stays alive, waiting, long enough to look at it.
            s.execute("SELECT pg_advisory_lock(" + MigrationLock.CLASS_ID + ", " + MigrationLock.objectId("public") + ")");
            try (CliProcess upgrade = CliProcess.start(db.env(), "upgrade", "--lock-wait", "2m");
                 CliProcess await = CliProcess.start(db.env(), "await", "--head", "--timeout", "2m")) {
                // Both are past start-up and into their command, where a server would long be listening.
                upgrade.awaitStderr("waiting up to 120 s for the migration lock held by", Duration.ofMinutes(2));
                await.awaitStderr("at no version, waiting for V3", Duration.ofMinutes(2));
                assertThat(upgrade.isAlive()).isTrue();
                assertThat(await.isAlive()).isTrue();
                assertThat(ListeningPorts.of(upgrade.pid())).isEmpty();
                assertThat(ListeningPorts.of(await.pid())).isEmpty();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> waitForHttp(HttpClient http, int port, String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return get(http, port, path);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
