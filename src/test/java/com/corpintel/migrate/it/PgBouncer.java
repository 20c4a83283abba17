package com.corpintel.migrate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PgBouncer in session pooling mode in front of the test server, on a free port,
 * started through `scripts/localdb pgbouncer` (which installs it when missing). Its
 * configuration is PgBouncer's defaults plus what it needs to reach the server.
 */
final class PgBouncer implements AutoCloseable {

    /** Covers an apt-get install of the package on first use. */
    private static final long START_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Path dir;
    private final int port;
    private final Process process;

    private PgBouncer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static PgBouncer start() throws Exception {
        Path dir = Files.createTempDirectory("intel-migrate-pgbouncer");
        int port = freePort();
        Files.writeString(dir.resolve("userlist.txt"),
                "\"" + TestServer.user() + "\" \"" + TestServer.password() + "\"\n");
        Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                "* = host=" + TestServer.host() + " port=" + TestServer.port(),
                "",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = scram-sha-256",
                "auth_file = " + dir.resolve("userlist.txt"),
                "pool_mode = session",
                ""));
        Path project = Path.of(System.getProperty("intel-migrate.project-dir", "."));
        ProcessBuilder builder = new ProcessBuilder(project.resolve("scripts/localdb").toString(), "pgbouncer",
                dir.resolve("pgbouncer.ini").toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(dir.resolve("pgbouncer.log").toFile());
        PgBouncer pooler = new PgBouncer(dir, port, builder.start());
        pooler.awaitListening();
        return pooler;
    }

    /** The environment that points the binary at {@code db} through this pooler. */
    Map<String, String> env(TestDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "postgresql://" + TestServer.user() + "@127.0.0.1:" + port + "/" + db.name());
        env.put("PGPASSWORD", TestServer.password());
        return env;
    }

    /** A session of the test's own through the pooler. */
    Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db.name(),
                TestServer.user(), TestServer.password());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("pgbouncer.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<cannot read the PgBouncer log: " + e + ">";
        }
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE_NANOS;
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("scripts/localdb pgbouncer exited " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("PgBouncer did not listen on port " + port + ":\n" + log());
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
