package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Pause;
import com.corpintel.migrate.db.SqlFailures;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one rule for a step that failed, shared by upgrade steps, undo steps and the
 * initial refresh: only a lock timeout of a step whose transaction rolled back may
 * simply run again, after a pause that doubles each time, up to the budget. A step
 * that is not transactional may be half done, so it never runs again by itself.
 */
public final class StepRetries {

    private final Patience patience;
    private final Consumer<String> progress;
    private Duration pause;
    private int retried;

    StepRetries(Patience patience, Consumer<String> progress) {
        this.patience = patience;
        this.progress = progress;
        this.pause = patience.firstRetryPause();
    }

    /** A lock timeout (55P03) of a step whose transaction rolled back: nothing is left behind. */
    public static boolean retryable(Throwable failure, boolean rolledBack) {
        return rolledBack && SqlFailures.isLockTimeout(failure);
    }

    /** "Another migration is running" (exit 4) only when nothing is left behind; a half-applied step is 5. */
    public static Failure.Kind kind(Throwable failure, boolean rolledBack) {
        return retryable(failure, rolledBack) ? Failure.Kind.LOCK : Failure.Kind.MIGRATION;
    }

    /** The server's message with its SQLSTATE, or the first line of any other failure. */
    public static String reason(Throwable failure) {
        SQLException sql = SqlFailures.findSqlException(failure);
        if (sql == null) {
            return SqlFailures.firstLine(failure.getMessage());
        }
        return SqlFailures.serverMessage(sql) + (sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]");
    }

    /**
     * Decides whether the failed step runs again; when it does, says so and waits first.
     *
     * @param during what was going on, e.g. "applying V3 permission scopes"
     * @return true when the caller should run the step again now
     */
    public boolean again(Throwable failure, boolean rolledBack, String during) {
        if (!retryable(failure, rolledBack) || retried >= patience.lockTimeoutRetries()) {
            return false;
        }
        retried++;
        progress.accept("lock_timeout while " + during + "; retry " + retried + " of "
                + patience.lockTimeoutRetries() + " in " + pause.toMillis() + " ms");
        Pause.sleep(pause);
        pause = pause.multipliedBy(2);
        return true;
    }
}
