-- Reverts V1: every table, the trigger function and the extensions V1 created.
-- Dropping a table drops its indexes, constraints and triggers; dropping the
-- hypertable drops its chunks. No CASCADE: if anything outside this schema
-- version depends on these tables, the undo fails and changes nothing.
--
-- Extensions that existed before V1 stay (its CREATE EXTENSION IF NOT EXISTS
-- kept them). intel-migrate records the ones V1 created in V1's upgrade entry
-- of the operations log, detail "created extensions: timescaledb, vector,
-- uuid-ossp" (or "none"); only those are dropped, newest first. A database
-- upgraded before that record existed has none: then each of the three is
-- dropped as before. Either way, an extension that something else has come to
-- use (a vector column or a hypertable in another schema) or that this role
-- may not drop (it does not own it) stays, with a warning, instead of failing
-- the undo: the extension holds no platform data, and V1 would keep it.
--
-- data-loss: every row of the platform's twelve tables (companies, filings, metrics, documents, reports, intelligence, users, permissions, API keys, sessions)

DROP TABLE user_sessions;
DROP TABLE api_keys;
DROP TABLE user_permissions;
DROP TABLE permissions;
DROP TABLE users;
DROP TABLE market_intelligence;
DROP TABLE analysis_reports;
DROP TABLE document_chunks;
DROP TABLE documents;
DROP TABLE financial_metrics;
DROP TABLE sec_filings;
DROP TABLE companies;

DROP FUNCTION set_updated_at();

DO $$
DECLARE
    recorded text;
    candidates text[] := ARRAY['timescaledb', 'vector', 'uuid-ossp'];
    extension text;
BEGIN
    IF to_regclass('intel_migrate_operations') IS NOT NULL THEN
        SELECT substring(detail FROM 'created extensions: ([^;]*)') INTO recorded
        FROM intel_migrate_operations
        WHERE version = '1' AND direction = 'upgrade' AND outcome = 'success'
        ORDER BY id DESC
        LIMIT 1;
    END IF;
    IF recorded = 'none' THEN
        candidates := ARRAY[]::text[];
    ELSIF recorded IS NOT NULL THEN
        candidates := string_to_array(recorded, ', ');
    END IF;
    FOR extension IN
        SELECT name FROM unnest(candidates) WITH ORDINALITY AS c(name, position) ORDER BY position DESC
    LOOP
        BEGIN
            EXECUTE format('DROP EXTENSION %I', extension);
        EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
            RAISE WARNING 'extension % stays: %', extension, SQLERRM;
        END;
    END LOOP;
END
$$;
