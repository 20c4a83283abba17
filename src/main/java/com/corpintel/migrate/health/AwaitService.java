package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.StatusReport;
import org.flywaydb.core.api.MigrationVersion;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Blocks until the database is reachable and, when asked, the applied version is
 * at least a given one: what application pods' init containers run while a
 * migration Job works. Polls with back-off; a deadline bounds it.
 */
public final class AwaitService {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);

    private final MigrationService migrations;
    private final Consumer<String> progress;

    public AwaitService(MigrationService migrations, Consumer<String> progress) {
        this.migrations = migrations;
        this.progress = progress;
    }

    /**
     * @param version  the version to reach; null: reachability only; {@link #HEAD}: the bundled head
     * @param maxPause the longest pause between two polls
     * @return the status once the condition holds
     * @throws Failure of kind DEADLINE when {@code timeout} passes first
     */
    public StatusReport await(String version, Duration timeout, Duration maxPause) {
        if (version != null && !HEAD.equals(version)) {
            try {
                MigrationVersion.fromVersion(version);
            } catch (RuntimeException e) {
                throw Failure.usage("'" + version + "' is not a version (examples: 3, 2.1)");
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        String lastState = null;
        while (true) {
            String state;
            try {
                StatusReport status = migrations.status();
                String wanted = HEAD.equals(version) ? status.head() : version;
                requireKnown(wanted, status);
                if (wanted == null || reached(status.currentVersion(), wanted)) {
                    return status;
                }
                state = "at " + (status.currentVersion() == null ? "no version" : "V" + status.currentVersion())
                        + ", waiting for V" + wanted;
            } catch (Failure e) {
                if (e.kind() != Failure.Kind.CONNECTION) {
                    throw e;
                }
                state = "not reachable yet: " + e.getMessage();
            }
            if (!Objects.equals(state, lastState)) {
                progress.accept(state);
                lastState = state;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new Failure(Failure.Kind.DEADLINE, "gave up after " + timeout.toSeconds() + " s (--timeout): "
                        + state);
            }
            sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
        }
    }

    /** Spelling of "the bundled head" for {@link #await}. */
    public static final String HEAD = "head";

    /** Waiting for a version no migration has would only end at the deadline: refuse at once. */
    private static void requireKnown(String wanted, StatusReport status) {
        if (wanted != null && status.migrations().stream().noneMatch(m -> m.version() != null
                && MigrationVersion.fromVersion(m.version()).equals(MigrationVersion.fromVersion(wanted)))) {
            throw Failure.refused("version " + wanted + " is neither bundled nor applied (bundled head: V"
                    + status.head() + "); waiting for it would only end at the deadline");
        }
    }

    static boolean reached(String current, String wanted) {
        return current != null
                && MigrationVersion.fromVersion(current).compareTo(MigrationVersion.fromVersion(wanted)) >= 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Failure.Kind.DEADLINE, "interrupted while waiting");
        }
    }
}
