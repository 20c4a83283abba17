-- The Apache-license face of version 2 (db/timescale/V2__timescale_features.apache.sql):
-- only on a server where SHOW timescaledb.license says 'apache'; see README.md here.

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
