-- Reverts V1: every table, the trigger function and the extensions V1 created.
-- Dropping a table drops its indexes, constraints and triggers; dropping the
-- hypertable drops its chunks. No CASCADE: if anything outside this schema
-- version depends on these objects, the undo fails and changes nothing.
-- Extensions that existed before V1 (its CREATE EXTENSION IF NOT EXISTS kept
-- them) are dropped too.
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

DROP EXTENSION "uuid-ossp";
DROP EXTENSION vector;
DROP EXTENSION timescaledb;
