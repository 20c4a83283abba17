package com.corpintel.migrate.lint;

import java.util.List;

/**
 * What a shadow run observed, statement by statement, and the findings it drew from that.
 *
 * @param database the temporary database it used (dropped by now)
 */
public record ShadowReport(String database, List<Observation> observations, List<Finding> findings,
                           List<String> notes) {

    /**
     * One checked statement as it really ran on the populated shadow database.
     *
     * @param locks    the strongest lock mode it took on each relation that existed before it, e.g.
     *                 {@code "t AccessExclusiveLock"}; empty when it ran outside a transaction (not observed)
     * @param rewritten relations that existed before it and got a new relfilenode (a rewrite)
     * @param failure  the error, or null
     */
    public record Observation(String file, int line, String statement, List<String> locks, boolean locksObserved,
                              List<String> rewritten, long millis, String failure) {
    }
}
