package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP surface of serve, against checks whose outcome the test chooses (the checks have tests of their own). */
class HealthServerTest {

    private static final HealthReport UP =
            new HealthReport(List.of(HealthCheckResult.up("intel-migrate", Map.of("bundledMigrations", 3))));
    private static final HealthReport DOWN = new HealthReport(List.of(HealthCheckResult.down("schema",
            Failure.Kind.PENDING, Map.of("reason", "pending: V3 permission scopes"))));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HealthChecks.Scope> asked = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private HealthServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Function<HealthChecks.Scope, HealthReport> checks) {
        server = HealthServer.start(new HttpAddress("127.0.0.1", 0), scope -> {
            asked.add(scope);
            return checks.apply(scope);
        }, errors::add);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void upIs200AndDownIs503WithTheReportAsJson() throws Exception {
        start(scope -> scope == HealthChecks.Scope.LIVE ? UP : DOWN);

        HttpResponse<String> live = send("GET", "/q/health/live");
        HttpResponse<String> ready = send("GET", "/q/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(live.body()).startsWith("{\n  \"status\": \"UP\"").contains("\"bundledMigrations\": 3");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(ready.body()).startsWith("{\n  \"status\": \"DOWN\"").contains("pending: V3 permission scopes");
    }

    @Test
    void eachPathRunsItsOwnScopeAndEveryRequestRunsTheChecksAfresh() throws Exception {
        start(scope -> UP);

        for (String path : new String[] {"/q/health", "/q/health/live", "/q/health/ready", "/q/health/started",
                "/q/health/ready?verbose=1"}) {
            assertThat(send("GET", path).statusCode()).as(path).isEqualTo(200);
        }

        assertThat(asked).containsExactly(HealthChecks.Scope.ALL, HealthChecks.Scope.LIVE, HealthChecks.Scope.READY,
                HealthChecks.Scope.LIVE, HealthChecks.Scope.READY);
    }

    @Test
    void anyOtherPathIs404AndRunsNoCheck() throws Exception {
        start(scope -> UP);

        for (String path : new String[] {"/", "/q/health/", "/q/health/live/x", "/q/healthz", "/health"}) {
            assertThat(send("GET", path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void methodsOtherThanGetAndHeadAre405AndRunNoCheck() throws Exception {
        start(scope -> UP);

        for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS"}) {
            HttpResponse<String> response = send(method, "/q/health/live");
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void headAnswersWithTheStatusOfGetAndNoBody() throws Exception {
        start(scope -> DOWN);

        HttpResponse<String> head = send("HEAD", "/q/health/ready");

        assertThat(head.statusCode()).isEqualTo(503);
        assertThat(head.body()).isEmpty();
        assertThat(asked).containsExactly(HealthChecks.Scope.READY);
    }

    @Test
    void credentialsInAReasonAreMaskedInTheResponse() throws Exception {
        HealthReport leaky = new HealthReport(List.of(HealthCheckResult.down("database", Failure.Kind.CONNECTION,
                Map.of("reason", "cannot connect to postgresql://intel:s3cret-pass@db:5432/intel"))));
        start(scope -> leaky);

        HttpResponse<String> response = send("GET", "/q/health/ready");

        assertThat(response.body()).doesNotContain("s3cret-pass").contains("postgresql://intel:****@db:5432/intel");
    }

    @Test
    void aCheckThatThrowsIsA500AndReported() throws Exception {
        start(scope -> {
            throw new IllegalStateException("boom");
        });

        assertThat(send("GET", "/q/health/live").statusCode()).isEqualTo(500);
        assertThat(errors).singleElement().asString().contains("/q/health/live", "boom");
    }

    @Test
    void aPortInUseIsAUsageErrorNamingTheVariables() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            HttpAddress address = new HttpAddress("127.0.0.1", taken.getLocalPort());

            assertThatThrownBy(() -> HealthServer.start(address, scope -> UP, errors::add))
                    .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE))
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " (INTEL_MIGRATE_HTTP_HOST, INTEL_MIGRATE_HTTP_PORT): ");
        }
    }

    @Test
    void closingFreesThePort() throws IOException {
        start(scope -> UP);
        int port = server.port();

        server.close();
        server = null;

        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
