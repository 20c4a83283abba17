-- Alembic 001 bridge, step 10: analysis_reports (json to jsonb, V1's name of the cache_key
-- constraint, the updated_at trigger).
-- lock: analysis_reports ACCESS EXCLUSIVE (rewrite: json to jsonb)
ALTER TABLE analysis_reports
    ALTER COLUMN companies TYPE jsonb USING companies::jsonb,
    ALTER COLUMN findings TYPE jsonb USING findings::jsonb,
    ALTER COLUMN recommendations TYPE jsonb USING recommendations::jsonb;
ALTER TABLE analysis_reports RENAME CONSTRAINT analysis_reports_cache_key_key TO uq_report_cache_key;
CREATE TRIGGER trg_analysis_reports_updated_at BEFORE UPDATE ON analysis_reports
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
