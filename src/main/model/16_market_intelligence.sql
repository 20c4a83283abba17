CREATE TABLE market_intelligence (
    id                 uuid             NOT NULL DEFAULT uuid_generate_v4(),
    intel_type         varchar(50)      NOT NULL,
    category           varchar(50),
    title              varchar(500)     NOT NULL,
    summary            text,
    full_content       text,
    primary_company_id uuid,
    related_companies  jsonb,
    event_date         timestamptz,
    source             varchar(255),
    source_url         text,
    confidence_score   double precision,
    impact_assessment  jsonb,
    sentiment_score    double precision,
    created_at         timestamptz      NOT NULL DEFAULT now(),
    updated_at         timestamptz      DEFAULT now(),
    CONSTRAINT market_intelligence_pkey PRIMARY KEY (id),
    CONSTRAINT fk_intel_company FOREIGN KEY (primary_company_id)
        REFERENCES companies (id) ON DELETE SET NULL
);
CREATE INDEX idx_intel_type_date ON market_intelligence (intel_type, event_date);
-- Also serves as the index of the primary_company_id foreign key.
CREATE INDEX idx_intel_company ON market_intelligence (primary_company_id, event_date);

CREATE TRIGGER trg_market_intelligence_updated_at BEFORE UPDATE ON market_intelligence
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
