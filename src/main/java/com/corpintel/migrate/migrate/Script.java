package com.corpintel.migrate.migrate;

import java.util.List;
import java.util.Locale;

/**
 * A forward or undo script as it will run.
 *
 * @param path          where it comes from, e.g. {@code db/undo/U3__permission_scopes.sql}
 * @param transactional false when a {@code <script>.conf} next to it says
 *                      {@code executeInTransaction=false}, Flyway's own per-script marker
 */
public record Script(String path, String sql, boolean transactional) {

    /** A byte-order mark is not SQL: Flyway drops it before running a script, and so does this. */
    public Script {
        if (sql.startsWith("\uFEFF")) {
            sql = sql.substring(1);
        }
    }

    /** Marker an undo (or forward) script uses to declare the data it cannot bring back. */
    public static final String DATA_LOSS_MARKER = "-- data-loss:";

    /** What running this script destroys, as declared by its "-- data-loss:" lines. */
    public List<String> dataLoss() {
        return sql.lines()
                .map(String::strip)
                .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(DATA_LOSS_MARKER))
                .map(l -> l.substring(DATA_LOSS_MARKER.length()).strip())
                .toList();
    }

    /** Reads Flyway's per-script configuration text: is executeInTransaction=false set? */
    static boolean transactional(String configuration) {
        if (configuration == null) {
            return true;
        }
        return configuration.lines()
                .map(l -> l.replace(" ", "").toLowerCase(Locale.ROOT))
                .noneMatch(l -> l.equals("executeintransaction=false"));
    }
}
