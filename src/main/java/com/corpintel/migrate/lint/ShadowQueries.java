package com.corpintel.migrate.lint;

/** The SQL of a shadow run, in one place. */
final class ShadowQueries {

    private ShadowQueries() {
    }

    /** Every relation with storage outside the system schemas: oid, qualified name, relfilenode. */
    static final String RELATIONS = """
            SELECT c.oid, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END,
                   c.relfilenode, c.relkind::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm', 'i')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', '_timescaledb_catalog', '_timescaledb_config',
                                    '_timescaledb_cache', 'timescaledb_information', 'timescaledb_experimental')
              AND n.nspname NOT LIKE 'pg_toast%'
            """;

    /** The relation locks this session holds: oid and mode. */
    static final String OWN_LOCKS = """
            SELECT relation, mode FROM pg_locks
            WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL
            """;

    /** The platform's ordinary tables in the current schema, to fill with sample rows. */
    static final String TABLES = """
            SELECT c.oid, c.relname FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
            ORDER BY c.oid
            """;

    /** The columns a sample row must fill: no default, not identity, not generated. */
    static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, t.typname,
                   (SELECT f.confrelid::regclass::text || '|' || ra.attname
                    FROM pg_constraint f JOIN pg_attribute ra ON ra.attrelid = f.confrelid AND ra.attnum = f.confkey[1]
                    WHERE f.conrelid = a.attrelid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum]
                    LIMIT 1)
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
              AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = ''
            ORDER BY a.attnum
            """;

    /** Tables another table's foreign keys point at: load those first. */
    static final String REFERENCED = """
            SELECT DISTINCT confrelid FROM pg_constraint WHERE conrelid = ? AND contype = 'f' AND confrelid <> conrelid
            """;
}
