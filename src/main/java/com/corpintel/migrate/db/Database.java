package com.corpintel.migrate.db;

import com.corpintel.migrate.config.ConnectionSettings;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Opens sessions to the configured database; every failure becomes a {@link com.corpintel.migrate.Failure}. */
public final class Database {

    private static final java.time.Duration DEFAULT_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(10);

    private final ConnectionSettings connection;
    private final SessionSettings session;
    private final DataSource dataSource;

    public Database(ConnectionSettings connection, SessionSettings session) {
        this.connection = connection;
        this.session = session;
        this.dataSource = new SessionDataSource(driverDataSource(connection, session), session);
    }

    public ConnectionSettings connection() {
        return connection;
    }

    public SessionSettings session() {
        return session;
    }

    public String schema() {
        return session.schema();
    }

    /** For Flyway, which opens its own sessions; the same session settings and retries as {@link #connect()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlFailures.onConnect(e, connection);
        }
    }

    /** Where and how to connect; the session settings are applied after connecting, by {@link SessionDataSource}. */
    static PGSimpleDataSource driverDataSource(ConnectionSettings connection, SessionSettings session) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {connection.host()});
        ds.setPortNumbers(new int[] {connection.port()});
        ds.setDatabaseName(connection.database());
        ds.setUser(connection.user());
        if (connection.password() != null) {
            ds.setPassword(connection.password().reveal());
        }
        ds.setSslmode(connection.sslMode());
        ds.setApplicationName(session.applicationName());
        ds.setConnectTimeout(seconds(DEFAULT_CONNECT_TIMEOUT));
        ds.setLoginTimeout(seconds(DEFAULT_CONNECT_TIMEOUT));
        ds.setTcpKeepAlive(true);
        for (Map.Entry<String, String> parameter : connection.parameters().entrySet()) {
            try {
                ds.setProperty(parameter.getKey(), parameter.getValue());
            } catch (SQLException e) {
                throw new IllegalArgumentException("unsupported connection parameter " + parameter.getKey(), e);
            }
        }
        if (session.connectTimeout() != null) {
            // --connect-timeout outranks a connect_timeout in the URL, like every other option.
            ds.setConnectTimeout(seconds(session.connectTimeout()));
            ds.setLoginTimeout(seconds(session.connectTimeout()));
        }
        return ds;
    }

    private static int seconds(java.time.Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds()));
    }
}
