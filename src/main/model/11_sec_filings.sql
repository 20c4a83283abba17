CREATE TABLE sec_filings (
    id                uuid         NOT NULL DEFAULT uuid_generate_v4(),
    company_id        uuid         NOT NULL,
    filing_type       varchar(20)  NOT NULL,
    filing_date       timestamptz  NOT NULL,
    accession_number  varchar(25)  NOT NULL,
    filing_url        text,
    raw_text          text,
    parsed_sections   jsonb,
    processing_status varchar(20)  DEFAULT 'pending',
    processed_at      timestamptz,
    error_message     text,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  DEFAULT now(),
    CONSTRAINT sec_filings_pkey PRIMARY KEY (id),
    CONSTRAINT uq_filing_accession_number UNIQUE (accession_number),
    -- Also serves as the index of the company_id foreign key.
    CONSTRAINT uq_company_filing UNIQUE (company_id, accession_number),
    CONSTRAINT fk_filing_company FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE
);
CREATE INDEX idx_filing_date ON sec_filings (filing_date);
CREATE INDEX idx_filing_type_date ON sec_filings (filing_type, filing_date);

CREATE TRIGGER trg_sec_filings_updated_at BEFORE UPDATE ON sec_filings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
