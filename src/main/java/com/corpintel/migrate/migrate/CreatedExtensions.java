package com.corpintel.migrate.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which extensions an upgrade step created, told by comparing the database's
 * extensions before and after it, for the step's operations-log entry. U1 reads the
 * entry of version 1 and drops only those: V1's {@code CREATE EXTENSION IF NOT EXISTS}
 * keeps extensions that were there before, and its undo must keep them too. The
 * record is taken from outside the script because V1 is applied on production
 * databases and its checksum cannot change.
 */
final class CreatedExtensions {

    /** How the entry's detail says it; U1__initial_schema.sql matches this text. */
    static final String DETAIL_PREFIX = "created extensions: ";

    private CreatedExtensions() {
    }

    /** Extension names in creation order. */
    static List<String> installed(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT extname FROM pg_extension ORDER BY oid")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * The detail for a step's entry: the extensions it created, in creation order; null
     * when it created none. Version 1 always says, "none" included, so that its undo
     * can tell "created nothing" from an entry written before this was recorded.
     */
    static String detail(String version, List<String> before, List<String> after) {
        List<String> created = after.stream().filter(name -> !before.contains(name)).toList();
        if (created.isEmpty()) {
            return "1".equals(version) ? DETAIL_PREFIX + "none" : null;
        }
        return DETAIL_PREFIX + String.join(", ", created);
    }
}
