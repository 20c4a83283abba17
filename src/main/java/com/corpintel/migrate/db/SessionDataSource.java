package com.corpintel.migrate.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Every session the tool opens, Flyway's included, goes through here: it gets the
 * session settings by SET right after connecting (poolers such as PgBouncer reject
 * the startup "options" parameter), and a session opened while another process drops
 * TimescaleDB is replaced by a fresh one instead of failing the command.
 */
final class SessionDataSource implements DataSource {

    /**
     * The drop has committed by the time a session notices it, so a new one is clean; through
     * a pooler, the next few may be other broken server processes still in its pool.
     */
    static final int ATTEMPTS = 6;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);

    /** Opens one session from the driver, with or without explicit credentials. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final DataSource driver;
    private final String setup;

    SessionDataSource(DataSource driver, SessionSettings session) {
        this.driver = driver;
        this.setup = setup(session);
    }

    static String setup(SessionSettings session) {
        return String.format(Locale.ROOT, CatalogQueries.SESSION_SETUP,
                session.lockTimeout().toMillis(), session.statementTimeout().toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open(driver::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return open(() -> driver.getConnection(user, password));
    }

    private Connection open(Opener opener) throws SQLException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            Connection connection = null;
            try {
                connection = opener.open();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(setup);
                }
                return connection;
            } catch (SQLException e) {
                boolean raced = SqlFailures.isTransientCatalogRace(e);
                if (raced) {
                    // Else a pooler would hand the same broken server process out again.
                    retireQuietly(connection);
                }
                closeQuietly(connection);
                if (!raced || attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static void retireQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            Backend.retireIfPooled(connection);
        } catch (SQLException ignored) {
            // the session is discarded either way
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a session that failed its setup is discarded either way
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
