-- Alembic 001 bridge, step 2: companies (json to jsonb, V1's constraint names, the indexes
-- that duplicated the unique constraints, the updated_at trigger).
-- lock: companies ACCESS EXCLUSIVE (rewrite: json to jsonb)
ALTER TABLE companies
    ALTER COLUMN subcategory TYPE jsonb USING subcategory::jsonb,
    ALTER COLUMN monetization_strategy TYPE jsonb USING monetization_strategy::jsonb;
ALTER TABLE companies RENAME CONSTRAINT companies_ticker_key TO uq_company_ticker;
ALTER TABLE companies RENAME CONSTRAINT companies_cik_key TO uq_company_cik;
DROP INDEX idx_company_ticker;
DROP INDEX idx_company_cik;
CREATE TRIGGER trg_companies_updated_at BEFORE UPDATE ON companies
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
