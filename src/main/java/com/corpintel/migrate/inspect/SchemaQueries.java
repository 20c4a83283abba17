package com.corpintel.migrate.inspect;

/**
 * The catalog queries of the inspector: one round trip per kind of object, each
 * taking the schema name as its only parameter. They run with the inspected schema
 * first on the search_path, so names in definitions come out unqualified unless
 * they really live elsewhere.
 */
final class SchemaQueries {

    private SchemaQueries() {
    }

    /**
     * A relation (alias c) that belongs to the platform: not the tool's own tables, not
     * an extension's, not TimescaleDB's chunks, materialization hypertables or cagg views
     * (which live in _timescaledb_internal unless someone moved them).
     */
    // Text blocks drop trailing spaces, so the fragment brings its own leading one.
    private static final String USER_RELATION = " " + """
            c.relname NOT LIKE 'flyway\\_schema\\_history%'
              AND c.relname NOT LIKE 'intel\\_migrate\\_%'
              AND c.relname !~ '^(_hyper_[0-9]+_[0-9]+_chunk|compress_hyper_[0-9]+_[0-9]+_chunk|_materialized_hypertable_[0-9]+|_compressed_hypertable_[0-9]+|_partial_view_[0-9]+|_direct_view_[0-9]+)$'
              AND NOT EXISTS (SELECT 1 FROM pg_depend x
                              WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')""";

    /** Every extension of the database (they are not per schema), and where it lives; no parameter. */
    static final String EXTENSIONS = """
            SELECT e.extname, e.extversion, n.nspname AS schema
            FROM pg_extension e
            JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql'
            """;

    static final String FUNCTIONS = """
            SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments, l.lanname,
                   pg_get_function_result(p.oid) AS returns, p.prosrc
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            WHERE n.nspname = ? AND p.prokind IN ('f', 'p')
              AND p.proname NOT LIKE 'intel\\_migrate\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend x
                              WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
            """;

    /** Tables, views and materialized views; pg_get_viewdef as timescaledb_information prints cagg queries. */
    static final String RELATIONS = """
            SELECT c.relname, c.relkind::text AS relkind,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm')
              AND """ + USER_RELATION + """

            """;

    static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid) AS default_expression,
                   a.attidentity::text AS identity, a.attgenerated::text = 's' AS generated
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm')
              AND a.attnum > 0 AND NOT a.attisdropped
              AND """ + USER_RELATION + """

            ORDER BY c.relname, a.attnum
            """;

    /** Key, check and exclusion constraints; NOT NULL (a column fact) and constraint triggers are not here. */
    static final String CONSTRAINTS = """
            SELECT c.relname, k.conname, pg_get_constraintdef(k.oid, true) AS definition
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'f', 'c', 'x')
              AND """ + USER_RELATION + """

            """;

    /**
     * Indexes with their keys taken apart: each key's expression, its operator class
     * (unless the default of a btree index), DESC and NULLS FIRST from indoption bits 1 and 2.
     * INCLUDE columns are plain columns, so they come as names, unquoted like every other name.
     * A foreign key's conindid points at the referenced index, hence the contype filter.
     */
    static final String INDEXES = """
            SELECT c.relname, ic.relname AS index_name, i.indisunique, am.amname,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                         FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS keys,
                   ARRAY(SELECT CASE WHEN am.amname <> 'btree' OR NOT opc.opcdefault THEN opc.opcname::text END
                         FROM generate_series(1, i.indnkeyatts) AS k
                         LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1] ORDER BY k) AS operator_classes,
                   ARRAY(SELECT (i.indoption[k - 1]::int & 1) <> 0
                         FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS descending,
                   ARRAY(SELECT (i.indoption[k - 1]::int & 2) <> 0
                         FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS nulls_first,
                   ARRAY(SELECT a.attname::text
                         FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
                         ORDER BY k) AS include,
                   COALESCE(ic.reloptions, '{}'::text[]) AS parameters,
                   pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                   EXISTS (SELECT 1 FROM pg_constraint k
                           WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                             AND k.contype IN ('p', 'u', 'x')) AS backs_constraint
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'm')
              AND """ + USER_RELATION + """

            """;

    /** User triggers: not TimescaleDB's (ts_insert_blocker, cagg invalidation), which run its own functions. */
    static final String TRIGGERS = """
            SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid, true) AS definition
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_proc p ON p.oid = t.tgfoid
            JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT t.tgisinternal
              AND t.tgname <> 'ts_insert_blocker' AND pn.nspname NOT LIKE '\\_timescaledb%'
              AND """ + USER_RELATION + """

            """;

    // ------------------------------------------------------ TimescaleDB (only where the extension exists)

    /**
     * Hypertables with their time dimension and compression settings, without the
     * materialization hypertables of continuous aggregates. Order-by entries say DESC and
     * NULLS only when they are not the default, as compress_orderby would.
     */
    static final String HYPERTABLES = """
            SELECT h.hypertable_name, d.column_name,
                   COALESCE(d.time_interval::text, d.integer_interval::text) AS chunk_interval,
                   h.compression_enabled,
                   ARRAY(SELECT quote_ident(s.attname)
                         FROM timescaledb_information.compression_settings s
                         WHERE s.hypertable_schema = h.hypertable_schema AND s.hypertable_name = h.hypertable_name
                           AND s.segmentby_column_index IS NOT NULL
                         ORDER BY s.segmentby_column_index) AS segment_by,
                   ARRAY(SELECT quote_ident(s.attname)
                                || CASE WHEN s.orderby_asc THEN '' ELSE ' DESC' END
                                || CASE WHEN s.orderby_nullsfirst = s.orderby_asc
                                        THEN CASE WHEN s.orderby_nullsfirst THEN ' NULLS FIRST' ELSE ' NULLS LAST' END
                                        ELSE '' END
                         FROM timescaledb_information.compression_settings s
                         WHERE s.hypertable_schema = h.hypertable_schema AND s.hypertable_name = h.hypertable_name
                           AND s.orderby_column_index IS NOT NULL
                         ORDER BY s.orderby_column_index) AS order_by
            FROM timescaledb_information.hypertables h
            LEFT JOIN timescaledb_information.dimensions d
              ON d.hypertable_schema = h.hypertable_schema AND d.hypertable_name = h.hypertable_name
             AND d.dimension_number = 1
            WHERE h.hypertable_schema = ?
              AND NOT EXISTS (SELECT 1 FROM timescaledb_information.continuous_aggregates ca
                              WHERE ca.materialization_hypertable_schema = h.hypertable_schema
                                AND ca.materialization_hypertable_name = h.hypertable_name)
            """;

    static final String CONTINUOUS_AGGREGATES = """
            SELECT ca.view_name, ca.materialized_only, ca.view_definition
            FROM timescaledb_information.continuous_aggregates ca
            WHERE ca.view_schema = ?
            """;

    /**
     * The policies on the schema's hypertables and continuous aggregates. A refresh
     * policy points at the aggregate's materialization hypertable: it is joined back to
     * the aggregate's view. Internal ids are left out of the config.
     */
    static final String JOBS = """
            SELECT j.proc_name, COALESCE(ca.view_name, j.hypertable_name) AS target,
                   j.schedule_interval::text AS schedule_interval, j.scheduled,
                   ARRAY(SELECT e.key FROM jsonb_each_text(j.config) e
                         WHERE e.key NOT IN ('hypertable_id', 'mat_hypertable_id') ORDER BY e.key) AS config_keys,
                   ARRAY(SELECT COALESCE(e.value, 'null') FROM jsonb_each_text(j.config) e
                         WHERE e.key NOT IN ('hypertable_id', 'mat_hypertable_id') ORDER BY e.key) AS config_values
            FROM timescaledb_information.jobs j
            LEFT JOIN timescaledb_information.continuous_aggregates ca
              ON ca.materialization_hypertable_schema = j.hypertable_schema
             AND ca.materialization_hypertable_name = j.hypertable_name
            WHERE COALESCE(ca.view_schema, j.hypertable_schema) = ?
              AND j.proc_name IN ('policy_compression', 'policy_retention',
                                  'policy_refresh_continuous_aggregate', 'policy_reorder')
            """;
}
