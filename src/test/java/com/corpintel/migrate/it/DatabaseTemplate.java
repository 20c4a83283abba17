package com.corpintel.migrate.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database state that many tests start from, built once per test JVM (by launching the
 * binary, as a test would) and handed out as copies: {@code CREATE DATABASE … TEMPLATE},
 * which copies the files of the template, extensions (TimescaleDB's catalog and
 * hypertables, pgvector, uuid-ossp), the history table and the operations log included.
 * A copy costs a fraction of a second where an {@code upgrade} costs several.
 *
 * <p>For a tested behaviour, keep launching the binary in the test; a template is only
 * for the state a test sets up before what it proves. A state the setup changes by
 * the launch's environment (HOSTNAME, application_name) must be built with the same.
 *
 * <p>PostgreSQL refuses to copy a database that any session is connected to, and
 * TimescaleDB's launcher starts a scheduler session in every database that has the
 * extension; so the built template is closed to connections (the launcher starts no
 * scheduler where datallowconn is false), its sessions are ended, and copying waits until
 * none is left. A copy is an ordinary database: connections allowed, and TimescaleDB's
 * launcher starts its scheduler at its next poll, as it does for any new database.
 */
final class DatabaseTemplate implements AutoCloseable {

    private static final Map<List<String>, DatabaseTemplate> UPGRADED = new ConcurrentHashMap<>();

    private final String purpose;
    private final Consumer<TestDatabase> build;
    private TestDatabase template;
    private boolean droppedAtExit;

    private DatabaseTemplate(String purpose, Consumer<TestDatabase> build) {
        this.purpose = purpose;
        this.build = build;
    }

    /** A template that {@code build} makes from a new, empty database when the first copy is asked for. */
    static DatabaseTemplate of(String purpose, Consumer<TestDatabase> build) {
        return new DatabaseTemplate(purpose, build);
    }

    /**
     * The bundled migrations applied by {@code upgrade ARGS} (none: to the head) with a test
     * database's own environment ({@link TestDatabase#env()}), as a test would run it before
     * what it proves; one template per argument list for the whole test JVM.
     */
    static DatabaseTemplate upgraded(String... upgradeArgs) {
        List<String> args = List.of(upgradeArgs);
        return UPGRADED.computeIfAbsent(args, a -> of("upgrade " + String.join(" ", a), db -> {
            List<String> command = new java.util.ArrayList<>(List.of("upgrade"));
            command.addAll(a);
            Cli.Result result = Cli.run(db.env(), command.toArray(String[]::new));
            assertThat(result.exitCode()).as("template: intel-migrate " + command + "\n" + result).isZero();
        }));
    }

    /** A new database of the caller's own, in the state the build left the template in; dropped on close. */
    synchronized TestDatabase copy() {
        if (template == null) {
            TestDatabase built = TestServer.createDatabase();
            try {
                build.accept(built);
                TestServer.closeToConnections(built.name());
            } catch (RuntimeException | Error e) {
                built.close();
                throw e;
            }
            template = built;
            if (!droppedAtExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::close, "drop template " + purpose));
                droppedAtExit = true;
            }
        }
        return TestServer.createDatabase(template.name());
    }

    /** Drops the template (copies stay); at the latest when the test JVM exits. */
    @Override
    public synchronized void close() {
        if (template != null) {
            template.close();
            template = null;
        }
    }
}
