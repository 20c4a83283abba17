package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.render.HealthJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The HTTP face of the health checks, on the JDK's own server: four read-only
 * paths need no framework, and nothing of it loads unless `serve` runs. Every
 * request runs its checks afresh; 200 when UP, 503 when DOWN, as Kubernetes expects.
 */
public final class HealthServer implements AutoCloseable {

    /** Quarkus' paths, which existing probes and monitors already use; started has no checks of its own. */
    static final Map<String, HealthChecks.Scope> ROUTES = Map.of(
            "/q/health", HealthChecks.Scope.ALL,
            "/q/health/live", HealthChecks.Scope.LIVE,
            "/q/health/ready", HealthChecks.Scope.READY,
            "/q/health/started", HealthChecks.Scope.LIVE);

    /** Probes are few; two threads let liveness answer while a readiness check waits on the database. */
    private static final int THREADS = 2;
    /** How long a stop waits for requests in progress before it closes their connections. */
    private static final long STOP_GRACE_SECONDS = 5;

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param checks  runs the checks of a scope; called once per request
     * @param errors  where a request that failed unexpectedly is reported
     * @throws Failure of kind USAGE when the address cannot be listened on
     */
    public static HealthServer start(HttpAddress address, Function<HealthChecks.Scope, HealthReport> checks,
                                     Consumer<String> errors) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address.host(), address.port()), 0);
        } catch (IOException | RuntimeException e) {
            throw Failure.usage("cannot listen on " + address.authority(address.port()) + " (" + HttpAddress.HOST_VARIABLE
                    + ", " + HttpAddress.PORT_VARIABLE + "): " + e.getMessage());
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "health-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, checks, errors));
        server.start();
        return new HealthServer(server, executor);
    }

    /** The port actually bound: the configured one, or the system's choice for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting work, lets requests in progress finish (bounded), then closes the port. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // No delay: the requests are done, and the JDK 17 server would otherwise wait the whole delay when idle.
        server.stop(0);
    }

    private static void handle(HttpExchange exchange, Function<HealthChecks.Scope, HealthReport> checks,
                               Consumer<String> errors) throws IOException {
        try {
            Optional<HealthChecks.Scope> scope = Optional.ofNullable(ROUTES.get(exchange.getRequestURI().getPath()));
            String method = exchange.getRequestMethod();
            if (scope.isEmpty()) {
                respond(exchange, 404, "text/plain", "not found; health: /q/health, /q/health/live, /q/health/ready\n");
            } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain", "method not allowed: GET or HEAD\n");
            } else {
                HealthReport report = checks.apply(scope.get());
                respond(exchange, report.up() ? 200 : 503, "application/json", HealthJson.write(report) + "\n");
            }
        } catch (RuntimeException e) {
            errors.accept("health request " + exchange.getRequestURI().getPath() + " failed: " + e);
            respond(exchange, 500, "text/plain", "internal error\n");
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = Redaction.redact(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        // -1: no body. A HEAD answer keeps the status and headers of the GET it stands for.
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
