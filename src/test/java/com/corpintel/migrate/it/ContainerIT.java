package com.corpintel.migrate.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built image (scripts/image; its name in -Dintel-migrate.image) behaves like the
 * pods of deploy/kubernetes: as the migration Job, the init container, the monitor, a
 * Job killed half-way, and over TLS, all under the restricted pod settings ({@link Pod}).
 * scripts/test builds the image and starts podman's Docker API for Testcontainers.
 */
class ContainerIT {

    private static final String IMAGE = imageName();
    /** Bounds a hang only: every wait returns as soon as what it waits for is seen. */
    private static final Duration WITHIN = Duration.ofMinutes(3);
    private static Path work;

    @BeforeAll
    static void image() throws Exception {
        assumeTrue(!IMAGE.isBlank(), "skipped: no image to run: neither -Dintel-migrate.image nor"
                + " -Dintel-migrate.container-image (scripts/test sets it when podman works) was given");
        assertThat(Pod.docker().inspectImageCmd(IMAGE).exec().getConfig().getUser())
                .as("the image runs as the numeric non-root user").isEqualTo(String.valueOf(Pod.USER));
        work = Files.createDirectories(Path.of("target", "container-it").toAbsolutePath());
    }

    /** -Dintel-migrate.image, else the image the container-image profile built for this build. */
    private static String imageName() {
        String name = System.getProperty("intel-migrate.image", "").strip();
        String file = System.getProperty("intel-migrate.image-name-file", "").strip();
        if (name.isEmpty() && !file.isEmpty() && Files.isRegularFile(Path.of(file))) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (java.io.IOException e) {
                throw new AssertionError("cannot read the image name from " + file, e);
            }
        }
        return name;
    }

    private static Pod pod(TestDatabase db) {
        return Pod.of(IMAGE).env("DATABASE_URL", db.url()).password(work, TestServer.password());
    }

    private static void assertEditionSaid(Cli.Result upgrade) {
        if (TestServer.edition() == TimescaleEdition.APACHE) {
            assertThat(upgrade.stderr()).contains("TimescaleDB runs under the Apache license: skipping");
        } else {
            assertThat(upgrade.stderr()).doesNotContain("Apache license");
        }
    }

    @Test
    void jobUpgradesAnEmptyDatabaseWithNothingWritableThenValidatePasses() {
        try (TestDatabase db = TestServer.createDatabase();
             Pod job = pod(db).nothingWritable();
             Pod validate = pod(db)) {
            Cli.Result upgrade = job.run(WITHIN, "upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(upgrade.stdout()).contains("Applied 3 migrations", "State:                  up to date");
            assertEditionSaid(upgrade);
            assertThat(db.value("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo("3");

            Cli.Result result = validate.run(WITHIN, "validate");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("migration state", "at V3 permission scopes");
        }
    }

    /**
     * The JVM image's class-data archive matches its JVM: with -Xshare:on the JVM refuses to start
     * rather than run without it. Its absence would cost each start what the archive saves.
     */
    @Test
    void theJvmImageStartsWithItsClassDataArchive() {
        List<String> entrypoint = List.of(Pod.docker().inspectImageCmd(IMAGE).exec().getConfig().getEntrypoint());
        assumeTrue(entrypoint.get(0).equals("java"), "skipped for a native image: it has no JVM");
        assertThat(entrypoint).contains("-XX:SharedArchiveFile=/app/app-cds.jsa");
        try (Pod version = Pod.of(IMAGE).env("JAVA_TOOL_OPTIONS", "-Xshare:on").nothingWritable()) {
            Cli.Result result = version.run(WITHIN, "--version");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).startsWith("intel-migrate ");
        }
    }

    @Test
    void initContainerWaitsForTheJobThenLetsThePodStart() {
        try (TestDatabase db = TestServer.createDatabase();
             Pod init = pod(db);
             Pod job = pod(db)) {
            init.start("await", "--version", "3", "--timeout", "3m", "--max-interval", "1s");
            init.awaitStderr("at no version, waiting for V3", WITHIN);
            assertThat(init.isRunning()).as("nothing applied yet: the init container still blocks").isTrue();

            Cli.Result upgrade = job.run(WITHIN, "upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();

            Cli.Result awaited = init.awaitExit(WITHIN);
            assertThat(awaited.exitCode()).as(awaited.toString()).isZero();
            assertThat(awaited.stdout()).contains("V3 permission scopes");
        }
    }

    @Test
    void initContainerWithATooShortDeadlineExits8() {
        try (TestDatabase db = TestServer.createDatabase(); Pod init = pod(db)) {
            Cli.Result result = init.run(WITHIN, "await", "--version", "3", "--timeout", "2s");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
            assertThat(result.stderr()).contains("gave up after 2 s (--timeout)");
        }
    }

    @Test
    void monitorAnswersProbesOverItsPublishedPortAndStopsCleanlyOnSigterm() throws Exception {
        try (TestDatabase db = TestServer.createDatabase();
             TcpRelay database = TcpRelay.to(TestServer.port());
             Pod monitor = Pod.of(IMAGE).bridged(8080)
                     .env("DATABASE_URL", "postgresql://" + TestServer.user() + "@" + Pod.HOST_FROM_BRIDGE + ":"
                             + database.port() + "/" + db.name())
                     .password(work, TestServer.password())) {
            monitor.start("serve");
            monitor.awaitStderr("serving health checks on http://0.0.0.0:8080", WITHIN);
            URI base = URI.create("http://" + monitor.mappedHost() + ":" + monitor.mappedPort());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> live = get(http, base, "/q/health/live");
            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(live.body()).get("status").asText()).isEqualTo("UP");
            HttpResponse<String> notReady = get(http, base, "/q/health/ready");
            assertThat(notReady.statusCode()).as("pending migrations: not ready. " + notReady.body()).isEqualTo(503);
            assertThat(notReady.body()).as("the database was reached through the bridge").contains("pending");

            try (Pod job = pod(db)) {
                assertThat(job.run(WITHIN, "upgrade").exitCode()).isZero();
            }
            HttpResponse<String> ready = get(http, base, "/q/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

            monitor.signal("TERM");
            Cli.Result stopped = monitor.awaitExit(WITHIN);
            assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
            assertThat(stopped.stderr()).contains("stopped");
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aJobKilledInTheMiddleOfAMigrationLeavesNothingHalfDoneAndTheNextRunConverges() throws Exception {
        try (TestDatabase db = TestServer.createDatabase();
             Pod first = pod(db);
             Pod killed = pod(db);
             Pod second = pod(db)) {
            assertThat(first.run(WITHIN, "upgrade", "--target", "2").exitCode()).isZero();
            // V3 writes to permissions: while this session holds the table, V3 waits inside its transaction.
            try (var blocker = db.connect(); var s = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                s.execute("LOCK TABLE permissions IN ACCESS EXCLUSIVE MODE");
                killed.start("upgrade", "--lock-timeout", "5m");
                Eventually.until("V3 to wait for the permissions table", WITHIN,
                        () -> !db.rows("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                + " AND application_name LIKE 'intel-migrate upgrade%'").isEmpty(), killed::describe);
                killed.signal("KILL");
                Cli.Result result = killed.awaitExit(WITHIN);
                assertThat(result.exitCode()).as("killed: " + result).isEqualTo(137);
                blocker.rollback();
            }
            assertThat(db.value("SELECT count(*) FROM permissions")).as("V3's transaction died with its pod").isEqualTo("0");

            Cli.Result rerun = second.run(WITHIN, "upgrade");
            assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
            assertThat(rerun.stdout()).contains("V3 permission scopes", "up to date");
            try (Pod validate = pod(db)) {
                Cli.Result valid = validate.run(WITHIN, "validate");
                assertThat(valid.exitCode()).as(valid.toString()).isZero();
            }
        }
    }

    /** Against a cluster of the test's own that speaks TLS with a certificate for localhost. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tls {

        private TlsServer server;

        @BeforeAll
        void startServer() throws Exception {
            server = TlsServer.start(work.resolve("tls-" + ProcessHandle.current().pid()));
        }

        @AfterAll
        void stopServer() {
            if (server != null) {
                server.close();
            }
        }

        private Pod tlsPod(String host, String query) {
            return Pod.of(IMAGE)
                    .env("DATABASE_URL", "postgresql://" + server.user() + "@" + host + ":" + server.port() + "/"
                            + server.database() + query)
                    .password(work, server.password());
        }

        @Test
        void verifyFullWithTheCaMountedAndNamedInTheUrlConnects() {
            try (Pod check = tlsPod(TlsServer.HOST, "?sslmode=verify-full&sslrootcert=/etc/intel-migrate/tls/ca.crt")
                    .mount(server.ca, "/etc/intel-migrate/tls/ca.crt")) {
                Cli.Result result = check.run(WITHIN, "check");
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.stdout()).containsPattern("tls +.*TLSv1\\.[23]");
            }
        }

        @Test
        void verifyFullWithTheCaNamedByPgSslRootCertConnects() {
            try (Pod check = tlsPod(TlsServer.HOST, "")
                    .env("PGSSLMODE", "verify-full").env("PGSSLROOTCERT", "/etc/intel-migrate/tls/ca.crt")
                    .mount(server.ca, "/etc/intel-migrate/tls/ca.crt")) {
                Cli.Result result = check.run(WITHIN, "check");
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.stdout()).containsPattern("tls +.*TLSv1\\.[23]");
            }
        }

        @Test
        void aWrongCaExits3SayingTheCertificateIsNotSignedByIt() {
            try (Pod check = tlsPod(TlsServer.HOST, "?sslmode=verify-full&sslrootcert=/etc/intel-migrate/tls/ca.crt")
                    .mount(server.wrongCa, "/etc/intel-migrate/tls/ca.crt")) {
                Cli.Result result = check.run(WITHIN, "status");
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
                assertThat(result.stderr()).contains("the server's certificate is not signed by the CA certificate"
                        + " /etc/intel-migrate/tls/ca.crt (sslrootcert)");
            }
        }

        @Test
        void aHostNameTheCertificateDoesNotListExits3() {
            try (Pod check = tlsPod("127.0.0.1", "?sslmode=verify-full&sslrootcert=/etc/intel-migrate/tls/ca.crt")
                    .mount(server.ca, "/etc/intel-migrate/tls/ca.crt")) {
                Cli.Result result = check.run(WITHIN, "status");
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
                assertThat(result.stderr()).contains("not issued for the host name 127.0.0.1");
                assertThat(result.stderr().lines().toList()).as("one line: the driver's own log is off").hasSize(1);
            }
        }

        @Test
        void verifyFullWithoutAnyCaExits3NamingWhatToMount() {
            try (Pod check = tlsPod(TlsServer.HOST, "?sslmode=verify-full")) {
                Cli.Result result = check.run(WITHIN, "status");
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
                assertThat(result.stderr()).contains("no CA certificate is configured", "sslrootcert=PATH",
                        "PGSSLROOTCERT", "sslrootcert=system");
                assertThat(result.stderr().lines().toList()).hasSize(1);
            }
        }

        @Test
        void sslRootCertSystemTrustsTheImagesTrustStore() {
            List<String> entrypoint = List.of(Pod.docker().inspectImageCmd(IMAGE).exec().getConfig().getEntrypoint());
            assumeTrue(entrypoint.get(0).equals("java"), "skipped for a native image: its trust store is the one"
                    + " captured at build time, so the test CA cannot be put into it");
            try (Pod check = tlsPod(TlsServer.HOST, "?sslrootcert=system")
                    .mount(server.trustStoreWithTheCa(), "/etc/ssl/certs/java/cacerts")) {
                Cli.Result result = check.run(WITHIN, "check");
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.stdout()).containsPattern("tls +.*TLSv1\\.[23]");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
