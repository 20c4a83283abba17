package com.corpintel.migrate.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the server says about itself and this session.
 *
 * @param inRecovery  true on a standby (streaming replica)
 * @param readOnly    true when this session cannot write, e.g. default_transaction_read_only
 * @param sslCipher   null when the session is not encrypted
 */
public record ServerInfo(
        int versionNumber,
        String version,
        String user,
        String database,
        boolean inRecovery,
        boolean readOnly,
        String sslVersion,
        String sslCipher) {

    public static final int MINIMUM_VERSION_NUMBER = 140000;

    public static ServerInfo read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(CatalogQueries.SERVER_INFO)) {
            rs.next();
            return new ServerInfo(
                    rs.getInt("version_num"),
                    rs.getString("version"),
                    rs.getString("session_user"),
                    rs.getString("database"),
                    rs.getBoolean("in_recovery"),
                    "on".equals(rs.getString("read_only")),
                    rs.getString("ssl_version"),
                    rs.getString("ssl_cipher"));
        }
    }
}
