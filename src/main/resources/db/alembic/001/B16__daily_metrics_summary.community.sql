-- Alembic 001 bridge, step 16 (community license): revision 001's continuous aggregate has
-- V2's query, columns and refresh policy already; V2 makes it materialized only.
-- lock: daily_metrics_summary ACCESS EXCLUSIVE (no rewrite)
ALTER MATERIALIZED VIEW daily_metrics_summary SET (timescaledb.materialized_only = true);
