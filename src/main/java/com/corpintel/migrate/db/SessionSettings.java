package com.corpintel.migrate.db;

import java.time.Duration;

/**
 * How a session behaves once connected.
 *
 * @param applicationName shown in pg_stat_activity; carries the host or pod name so
 *                        a waiting runner can say who holds the migration lock
 * @param lockTimeout     bounds each wait for a table lock, so a migration never
 *                        queues behind a long transaction (and blocks everyone
 *                        queued behind it) forever; zero disables it
 * @param statementTimeout bounds each statement; zero disables it
 * @param connectTimeout  null: the URL's connect_timeout, else ten seconds
 */
public record SessionSettings(
        String schema,
        String applicationName,
        Duration connectTimeout,
        Duration lockTimeout,
        Duration statementTimeout) {

    public static String applicationName(String command, String hostName) {
        String name = "intel-migrate " + command + "@" + hostName;
        // PostgreSQL truncates application_name at 63 bytes; keep the host visible.
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
