package com.corpintel.migrate.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Questions about a relation by its name, asked of the catalog. */
public final class Relations {

    private Relations() {
    }

    /**
     * Whether the relation exists.
     *
     * @param name as SQL would name it: quoted identifiers, schema-qualified or resolved by the search_path
     */
    public static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
