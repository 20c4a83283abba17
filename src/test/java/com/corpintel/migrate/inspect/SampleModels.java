package com.corpintel.migrate.inspect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-built models for the tests of the model, its text form and the comparator: no database. */
public final class SampleModels {

    private SampleModels() {
    }

    /** A small slice of the platform's schema, as the Apache-license branch builds it. */
    public static SchemaModel platform() {
        Table companies = new Table("companies",
                List.of(Column.of("id", "uuid", true).withDefault("uuid_generate_v4()"),
                        Column.of("ticker", "character varying(10)", true),
                        Column.of("category", "character varying(50)", false)),
                List.of(Constraint.of("companies_pkey", "PRIMARY KEY (id)"),
                        Constraint.of("uq_company_ticker", "UNIQUE (ticker)")),
                List.of(new Index("companies_pkey", true, "btree", List.of(IndexKey.of("id")), List.of(), List.of(),
                                null, true),
                        Index.of("idx_company_category", "btree", IndexKey.of("category")),
                        new Index("uq_company_ticker", true, "btree", List.of(IndexKey.of("ticker")), List.of(),
                                List.of(), null, true)),
                List.of(new Trigger("trg_companies_updated_at", "CREATE TRIGGER trg_companies_updated_at BEFORE UPDATE"
                        + " ON companies FOR EACH ROW EXECUTE FUNCTION set_updated_at()")));
        Table secFilings = new Table("sec_filings",
                List.of(Column.of("id", "uuid", true).withDefault("uuid_generate_v4()"),
                        Column.of("company_id", "uuid", true)),
                List.of(Constraint.of("fk_filing_company",
                        "FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE")),
                List.of(), List.of());
        Table users = new Table("users",
                List.of(Column.of("id", "uuid", true).withDefault("uuid_generate_v4()"),
                        Column.of("email", "character varying(255)", true),
                        Column.of("role", "character varying(20)", true).withDefault("'viewer'::character varying")),
                List.of(Constraint.of("ck_user_role", "CHECK (role::text = ANY (ARRAY['admin'::character varying,"
                        + " 'viewer'::character varying]::text[]))")),
                List.of(), List.of());
        Table documents = new Table("documents",
                List.of(Column.of("id", "uuid", true), Column.of("embedding", "vector(1536)", false)),
                List.of(),
                List.of(new Index("idx_document_embedding", false, "ivfflat",
                        List.of(IndexKey.of("embedding", "vector_cosine_ops")), List.of(), List.of("lists=100"), null,
                        false)),
                List.of());
        Table metrics = new Table("financial_metrics",
                List.of(new Column("id", "bigint", true, null, Column.Identity.BY_DEFAULT, false),
                        Column.of("metric_date", "timestamp with time zone", true)),
                List.of(), List.of(), List.of());
        View summary = new View("daily_metrics_summary", true,
                "SELECT financial_metrics.company_id, count(*) AS data_points FROM financial_metrics"
                        + " GROUP BY financial_metrics.company_id;",
                List.of(Column.of("company_id", "uuid", false), Column.of("data_points", "bigint", false)), List.of());
        return new SchemaModel(
                List.of(new Extension("timescaledb", null), new Extension("vector", null),
                        new Extension("uuid-ossp", null)),
                List.of(new SqlFunction("set_updated_at", "", "plpgsql", "trigger",
                        "BEGIN NEW.updated_at := now(); RETURN NEW; END;")),
                List.of(companies, secFilings, users, documents, metrics),
                List.of(summary),
                List.of(Hypertable.of("financial_metrics", "metric_date", "30 days")),
                List.of(),
                List.of());
    }

    /** The same slice as the community branch builds it: compression, policies, a continuous aggregate. */
    public static SchemaModel platformCommunity() {
        SchemaModel apache = platform();
        View summary = apache.view("daily_metrics_summary").orElseThrow();
        return new SchemaModel(apache.extensions(), apache.functions(), apache.tables(), List.of(),
                List.of(new Hypertable("financial_metrics", "metric_date", "30 days", true,
                        List.of("company_id", "metric_type"), List.of("metric_date DESC", "period_type"))),
                List.of(new ContinuousAggregate("daily_metrics_summary", true, summary.definition(),
                        summary.columns())),
                List.of(Job.of(Job.Kind.COMPRESSION, "financial_metrics", "12:00:00",
                                Map.of("compress_after", "30 days")),
                        Job.of(Job.Kind.RETENTION, "financial_metrics", "1 day", Map.of("drop_after", "2 years")),
                        Job.of(Job.Kind.REFRESH, "daily_metrics_summary", "01:00:00",
                                Map.of("start_offset", "3 days", "end_offset", "01:00:00"))));
    }

    /** Every feature the text form has a word for, with names that need quoting. */
    public static SchemaModel everything() {
        Table odd = new Table("Odd Table",
                List.of(new Column("id", "integer", true, null, Column.Identity.ALWAYS, false),
                        new Column("Mixed Case", "text", false, "'a: default b'::text", null, false),
                        new Column("total", "numeric(10,2)", false, "(price * quantity)", null, true),
                        Column.of("price", "numeric(10,2)", false),
                        Column.of("quantity", "integer", false),
                        Column.of("during", "tstzrange", false),
                        Column.of("parent_id", "integer", false)),
                List.of(Constraint.of("Odd Table_pkey", "PRIMARY KEY (id)"),
                        Constraint.of("uq_odd", "UNIQUE NULLS NOT DISTINCT (\"Mixed Case\", price)"),
                        Constraint.of("fk_parent", "FOREIGN KEY (parent_id) REFERENCES other.\"Parent Table\"(id)"
                                + " ON UPDATE RESTRICT ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED"),
                        Constraint.of("ex_during", "EXCLUDE USING gist (quantity WITH =, during WITH &&)"),
                        Constraint.of("ck_price", "CHECK (price > 0::numeric) NOT VALID")),
                List.of(new Index("Odd Table_pkey", true, "btree", List.of(IndexKey.of("id")), List.of(), List.of(),
                                null, true),
                        new Index("idx_partial", false, "btree",
                                List.of(new IndexKey("lower(\"Mixed Case\")", "text_pattern_ops", true, false),
                                        new IndexKey("price", null, false, true)),
                                List.of("quantity", "Mixed Case"), List.of("fillfactor=70"),
                                "quantity > 0 AND \"Mixed Case\" <> 'x, y'::text", false),
                        new Index("idx_hnsw", false, "hnsw", List.of(IndexKey.of("(price + 1::numeric)", "float_ops")),
                                List.of(), List.of("m=16", "ef_construction=64"), null, false)),
                List.of(new Trigger("trg_odd", "CREATE TRIGGER trg_odd AFTER INSERT ON \"Odd Table\""
                        + " FOR EACH STATEMENT EXECUTE FUNCTION audit()")));
        return new SchemaModel(
                List.of(new Extension("uuid-ossp", null)),
                List.of(new SqlFunction("audit", "", "plpgsql", "trigger", "BEGIN RETURN NULL; END;"),
                        new SqlFunction("archive", "p_before timestamp with time zone", "sql", null,
                                "DELETE FROM \"Odd Table\" WHERE false")),
                List.of(odd),
                List.of(new View("plain view", false, "SELECT 1 AS one;", List.of(Column.of("one", "integer", false)),
                                List.of()),
                        new View("rollup", true, "SELECT 'a: b'::text AS label;",
                                List.of(Column.of("label", "text", false)),
                                List.of(new Index("idx_rollup", true, "btree", List.of(IndexKey.of("label")), List.of(),
                                        List.of(), null, false)))),
                List.of(new Hypertable("readings", "recorded at", "7 days", true, List.of(),
                        List.of("\"recorded at\" NULLS LAST"))),
                List.of(new ContinuousAggregate("hourly", false, "SELECT 1 AS n;",
                        List.of(Column.of("n", "integer", false)))),
                List.of(new Job(Job.Kind.REORDER, "readings", "1 day", new TreeMap<>(Map.of("index_name", "idx, x")),
                        false),
                        new Job(Job.Kind.REFRESH, "hourly", "00:30:00",
                                new TreeMap<>(Map.of("start_offset", "null", "end_offset", "01:00:00")), true)));
    }
}
