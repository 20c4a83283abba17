package com.corpintel.migrate.db;

/** The catalog queries the session layer runs, in one place. */
final class CatalogQueries {

    private CatalogQueries() {
    }

    static final String SERVER_INFO = """
            SELECT current_setting('server_version_num')::int AS version_num,
                   current_setting('server_version')          AS version,
                   session_user                               AS session_user,
                   current_database()                         AS database,
                   pg_is_in_recovery()                        AS in_recovery,
                   current_setting('transaction_read_only')   AS read_only,
                   s.version                                  AS ssl_version,
                   s.cipher                                   AS ssl_cipher
            FROM (SELECT 1) AS one
            LEFT JOIN pg_stat_ssl s ON s.pid = pg_backend_pid() AND s.ssl
            """;

    /** Who holds the advisory lock (classid, objid) as (int, int): application name says host or pod. */
    static final String LOCK_HOLDER = """
            SELECT a.pid, a.application_name, a.usename, host(a.client_addr) AS client_addr,
                   a.backend_start, a.state
            FROM pg_locks l
            JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = ?::oid AND l.objid = ?::oid AND l.objsubid = 2
            LIMIT 1
            """;

    /**
     * Run once on every new session, in one round trip. The timeouts are SET rather than
     * sent as the startup "options" parameter, which PgBouncer rejects. The last query
     * reads a table: if another session is dropping TimescaleDB, it waits for that drop
     * and fails here (see SqlFailures.isTransientCatalogRace), where the session can be
     * replaced, instead of in the caller's first query.
     */
    static final String SESSION_SETUP = "SET lock_timeout = %d; SET statement_timeout = %d;"
            + " SELECT 1 FROM pg_catalog.pg_namespace LIMIT 1";

    /** Whether this very session still holds the advisory lock (classid, objid) as (int, int). */
    static final String LOCK_HELD = """
            SELECT EXISTS (
                SELECT 1 FROM pg_catalog.pg_locks
                WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
                  AND classid = ?::oid AND objid = ?::oid AND objsubid = 2)
            """;

    /** Needs no table: answers even on a session TimescaleDB's drop left unable to read one. */
    static final String BACKEND_PID = "SELECT pg_backend_pid()";

    /** Ends this session's server process; a pooler then opens a new one for its next client. */
    static final String END_OWN_BACKEND = "SELECT pg_terminate_backend(pg_backend_pid())";

    /** A server-wide idle_session_timeout must not end the lock's session, idle while the steps run. */
    static final String KEEP_IDLE_SESSION = "SET idle_session_timeout = 0";

    /**
     * Whether timescaledb is preloaded. shared_preload_libraries itself is readable only
     * by superusers and pg_read_all_settings; the settings the preloaded library defines
     * are visible to every role.
     */
    static final String TIMESCALE_LOADED =
            "SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name LIKE 'timescaledb.%')";

    static final String EXTENSIONS = """
            SELECT a.name, a.default_version, a.installed_version
            FROM pg_available_extensions a
            WHERE a.name IN ('timescaledb', 'vector', 'uuid-ossp')
            """;
}
