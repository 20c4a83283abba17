-- Alembic 001 bridge, step 11: market_intelligence (json to jsonb, the foreign key set to
-- NULL on delete, the updated_at trigger).
-- lock: market_intelligence ACCESS EXCLUSIVE (rewrite: json to jsonb)
-- lock: companies SHARE ROW EXCLUSIVE (the new foreign key is checked)
ALTER TABLE market_intelligence
    ALTER COLUMN related_companies TYPE jsonb USING related_companies::jsonb,
    ALTER COLUMN impact_assessment TYPE jsonb USING impact_assessment::jsonb;
ALTER TABLE market_intelligence DROP CONSTRAINT market_intelligence_primary_company_id_fkey;
ALTER TABLE market_intelligence ADD CONSTRAINT fk_intel_company FOREIGN KEY (primary_company_id)
    REFERENCES companies (id) ON DELETE SET NULL;
CREATE TRIGGER trg_market_intelligence_updated_at BEFORE UPDATE ON market_intelligence
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
