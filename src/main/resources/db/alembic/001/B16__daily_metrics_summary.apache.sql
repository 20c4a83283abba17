-- Alembic 001 bridge, step 16 (Apache license): revision 001's continuous aggregate cannot
-- exist here, so daily_metrics_summary is created as V2's Apache branch creates it: a plain
-- materialized view with the same columns, filled now (refresh it by hand afterwards).
-- lock: financial_metrics ACCESS SHARE (read to fill the view)
CREATE MATERIALIZED VIEW daily_metrics_summary AS
SELECT company_id,
       metric_type,
       time_bucket(INTERVAL '1 day', metric_date) AS day,
       avg(value)  AS avg_value,
       min(value)  AS min_value,
       max(value)  AS max_value,
       count(*)    AS data_points
FROM financial_metrics
GROUP BY company_id, metric_type, time_bucket(INTERVAL '1 day', metric_date)
WITH DATA;
