package com.corpintel.migrate.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intel-migrate image run the way the restricted Pod Security Standard runs a pod:
 * read-only root filesystem, numeric non-root user, every capability dropped,
 * no-new-privileges, a tmpfs /tmp (or nothing writable at all), and the password as a
 * mounted file named by DATABASE_PASSWORD_FILE, never in the environment. By default the
 * container shares the host's network: the test servers listen on loopback only, as
 * scripts/localdb configures them. {@link #bridged} puts it on the engine's own network
 * instead, where its port is published as a Service publishes a pod's.
 */
final class Pod implements AutoCloseable {

    static final int USER = 1001;
    static final String PASSWORD_FILE = "/etc/intel-migrate/db/password";

    private final String image;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Bind> binds = new ArrayList<>();
    private boolean tmpfs = true;
    private Integer publishedPort;
    private GenericContainer<?> container;

    private Pod(String image) {
        this.image = image;
    }

    static Pod of(String image) {
        return new Pod(image);
    }

    /** The password as a Kubernetes secret volume gives it: a file, readable by the pod's user. */
    Pod password(Path dir, String password) {
        Path file = dir.resolve("password-" + System.nanoTime());
        try {
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("DATABASE_PASSWORD_FILE", PASSWORD_FILE);
        return mount(file, PASSWORD_FILE);
    }

    Pod env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Pod mount(Path hostFile, String containerPath) {
        binds.add(new Bind(hostFile.toAbsolutePath().toString(), new Volume(containerPath), AccessMode.ro));
        return this;
    }

    /**
     * On the engine's bridge network with {@code containerPort} published on a free host port
     * ({@link #mappedPort}). The host is {@link #HOST_FROM_BRIDGE} from inside; a loopback-only
     * server is reached through a {@link TcpRelay}.
     */
    Pod bridged(int containerPort) {
        publishedPort = containerPort;
        return this;
    }

    /** The host as podman's bridge network names it for its containers. */
    static final String HOST_FROM_BRIDGE = "host.containers.internal";

    int mappedPort() {
        return container.getMappedPort(publishedPort);
    }

    String mappedHost() {
        return container.getHost();
    }

    /** No writable path at all, not even /tmp: what the image needs at the least. */
    Pod nothingWritable() {
        tmpfs = false;
        return this;
    }

    /** Starts the container and returns once it has been created and started; it may still be running. */
    Pod start(String... args) {
        if (env.containsKey("PGPASSWORD")) {
            throw new AssertionError("a pod gets its password as a file, never in the environment");
        }
        container = new GenericContainer<>(DockerImageName.parse(image));
        if (publishedPort == null) {
            container.withNetworkMode("host");
        } else {
            container.withExposedPorts(publishedPort);
        }
        container.withEnv(env)
                .withCommand(args)
                .withStartupCheckStrategy(new StartedStrategy())
                .waitingFor(new NoWait())
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withUser(String.valueOf(USER));
                    cmd.getHostConfig()
                            .withReadonlyRootfs(true)
                            .withCapDrop(Capability.ALL)
                            .withSecurityOpts(List.of("no-new-privileges"))
                            .withBinds(binds)
                            .withTmpFs(tmpfs ? Map.of("/tmp", "rw,nosuid,nodev,noexec,size=16m") : Map.of());
                });
        container.start();
        return this;
    }

    /** Runs to the end, like a Job's pod, and returns what it printed. */
    Cli.Result run(Duration within, String... args) {
        start(args);
        return awaitExit(within);
    }

    String stdout() {
        return container.getLogs(OutputFrame.OutputType.STDOUT);
    }

    String stderr() {
        return container.getLogs(OutputFrame.OutputType.STDERR);
    }

    boolean isRunning() {
        return Boolean.TRUE.equals(state().getState().getRunning());
    }

    /** Waits until the container has printed {@code text} on stderr; fails early if it ends without doing so. */
    Pod awaitStderr(String text, Duration within) {
        Eventually.until("the container to print \"" + text + "\"", within,
                () -> stderr().contains(text) || !isRunning(), this::describe);
        if (!stderr().contains(text)) {
            throw new AssertionError("the container ended before printing \"" + text + "\":\n" + describe());
        }
        return this;
    }

    Cli.Result awaitExit(Duration within) {
        Eventually.until("the container to exit", within, () -> !isRunning(), this::describe);
        Long exit = state().getState().getExitCodeLong();
        return new Cli.Result(exit == null ? -1 : exit.intValue(), stdout(), stderr());
    }

    /** What the kubelet does to stop a pod (TERM), or to kill it (KILL). */
    void signal(String signal) {
        docker().killContainerCmd(container.getContainerId()).withSignal(signal).exec();
    }

    String describe() {
        return "container of " + image + (isRunning() ? " (running)" : " (exited)")
                + "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }

    private InspectContainerResponse state() {
        return docker().inspectContainerCmd(container.getContainerId()).exec();
    }

    static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** Started is enough: a Job's pod may well have finished by the time anyone looks. */
    private static final class StartedStrategy extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient client, String containerId) {
            return StartupStatus.SUCCESSFUL;
        }
    }

    /** The tests wait on what the container prints or on the database, not on a port. */
    private static final class NoWait extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
        }
    }
}
