package com.corpintel.migrate.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A second PostgreSQL cluster of the test's own (scripts/localdb, on a free port) that
 * speaks TLS with a certificate for the host name {@code localhost} only, signed by a CA
 * the test made with openssl. A second CA, which signed nothing of the server's, stands
 * for the wrong one.
 */
final class TlsServer implements AutoCloseable {

    static final String HOST = "localhost";

    private final Path dir;
    private final Map<String, String> localdbEnv;
    private final URI url;
    final Path ca;
    final Path wrongCa;

    private TlsServer(Path dir, Map<String, String> localdbEnv, URI url, Path ca, Path wrongCa) {
        this.dir = dir;
        this.localdbEnv = localdbEnv;
        this.url = url;
        this.ca = ca;
        this.wrongCa = wrongCa;
    }

    static TlsServer start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> env = Map.of("INTEL_PG_DIR", dir.resolve("pg").toString(),
                "INTEL_PG_PORT", String.valueOf(FreePort.pick()));
        TestServer.script(env, "start");
        URI url = URI.create(TestServer.script(env, "url"));

        Path tls = Files.createDirectories(dir.resolve("tls"));
        Path ca = tls.resolve("ca.crt");
        Path wrongCa = tls.resolve("wrong-ca.crt");
        openssl(tls, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=intel-migrate test CA",
                "-keyout", "ca.key", "-out", "ca.crt");
        openssl(tls, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=some other CA",
                "-keyout", "wrong-ca.key", "-out", "wrong-ca.crt");
        openssl(tls, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + HOST,
                "-keyout", "server.key", "-out", "server.csr");
        Files.writeString(tls.resolve("server.ext"), "subjectAltName=DNS:" + HOST + "\n");
        openssl(tls, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "server.ext", "-out", "server.crt");
        for (Path file : List.of(ca, wrongCa)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        // The server reads its key only when it owns it (mode 0600): give both files to the cluster's owner.
        Path data = dir.resolve("pg").resolve("data");
        UserPrincipal owner = Files.getOwner(data);
        for (String name : List.of("server.crt", "server.key")) {
            Path target = data.resolve("intel-migrate-" + name);
            Files.copy(tls.resolve(name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            Files.setOwner(target, owner);
        }
        TlsServer server = new TlsServer(dir, env, url, ca, wrongCa);
        try (Connection c = server.connect(new Properties()); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET ssl_cert_file = 'intel-migrate-server.crt'");
            s.execute("ALTER SYSTEM SET ssl_key_file = 'intel-migrate-server.key'");
            s.execute("ALTER SYSTEM SET ssl = on");
            s.execute("SELECT pg_reload_conf()");
        }
        Eventually.until("the TLS cluster to accept TLS connections", Duration.ofSeconds(60), server::acceptsTls);
        return server;
    }

    int port() {
        return url.getPort();
    }

    String user() {
        return url.getUserInfo().split(":", 2)[0];
    }

    String password() {
        return url.getUserInfo().split(":", 2)[1];
    }

    String database() {
        return url.getPath().substring(1);
    }

    /** A trust store holding the test CA only: the image's system trust store, replaced. */
    Path trustStoreWithTheCa() throws Exception {
        // JKS, as Debian writes cacerts: its certificate entries need no password to be read.
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        try (var in = Files.newInputStream(ca)) {
            store.setCertificateEntry("intel-migrate-test-ca",
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path file = dir.resolve("tls").resolve("cacerts");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private Connection connect(Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        properties.putAll(extra);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database(), properties);
    }

    private boolean acceptsTls() {
        Properties tls = new Properties();
        tls.setProperty("sslmode", "require");
        try (Connection c = connect(tls); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        TestServer.script(localdbEnv, "stop");
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}
