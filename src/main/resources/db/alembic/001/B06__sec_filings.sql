-- Alembic 001 bridge, step 6: sec_filings (json to jsonb, a cascading foreign key, V1's
-- names, no index duplicating uq_company_filing, the updated_at trigger).
-- lock: sec_filings ACCESS EXCLUSIVE (rewrite: json to jsonb)
-- lock: companies SHARE ROW EXCLUSIVE (the new foreign key is checked)
ALTER TABLE sec_filings ALTER COLUMN parsed_sections TYPE jsonb USING parsed_sections::jsonb;
ALTER TABLE sec_filings RENAME CONSTRAINT sec_filings_accession_number_key TO uq_filing_accession_number;
ALTER TABLE sec_filings DROP CONSTRAINT sec_filings_company_id_fkey;
ALTER TABLE sec_filings ADD CONSTRAINT fk_filing_company FOREIGN KEY (company_id)
    REFERENCES companies (id) ON DELETE CASCADE;
DROP INDEX idx_filing_company;
CREATE TRIGGER trg_sec_filings_updated_at BEFORE UPDATE ON sec_filings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
