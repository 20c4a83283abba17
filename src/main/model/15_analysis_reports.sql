CREATE TABLE analysis_reports (
    id                uuid         NOT NULL DEFAULT uuid_generate_v4(),
    report_type       varchar(50)  NOT NULL,
    title             varchar(500) NOT NULL,
    description       text,
    companies         jsonb,
    date_range_start  timestamptz,
    date_range_end    timestamptz,
    executive_summary text,
    findings          jsonb,
    recommendations   jsonb,
    report_url        text,
    format            varchar(20),
    cache_key         varchar(255),
    expires_at        timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  DEFAULT now(),
    CONSTRAINT analysis_reports_pkey PRIMARY KEY (id),
    CONSTRAINT uq_report_cache_key UNIQUE (cache_key)
);
CREATE INDEX idx_report_type_date ON analysis_reports (report_type, created_at);
CREATE INDEX idx_report_cache ON analysis_reports (cache_key, expires_at);

CREATE TRIGGER trg_analysis_reports_updated_at BEFORE UPDATE ON analysis_reports
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
