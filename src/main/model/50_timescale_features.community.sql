-- The community-license face of version 2 (db/timescale/V2__timescale_features.community.sql):
-- only on a server where SHOW timescaledb.license says 'timescale'; see README.md here.

ALTER TABLE financial_metrics SET (
    timescaledb.compress,
    timescaledb.compress_segmentby = 'company_id, metric_type',
    timescaledb.compress_orderby = 'metric_date DESC, period_type'
);
SELECT add_compression_policy('financial_metrics', compress_after => INTERVAL '30 days');

SELECT add_retention_policy('financial_metrics', drop_after => INTERVAL '2 years');

CREATE MATERIALIZED VIEW daily_metrics_summary
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT company_id,
       metric_type,
       time_bucket(INTERVAL '1 day', metric_date) AS day,
       avg(value)  AS avg_value,
       min(value)  AS min_value,
       max(value)  AS max_value,
       count(*)    AS data_points
FROM financial_metrics
GROUP BY company_id, metric_type, time_bucket(INTERVAL '1 day', metric_date)
WITH NO DATA;

SELECT add_continuous_aggregate_policy('daily_metrics_summary',
    start_offset      => INTERVAL '3 days',
    end_offset        => INTERVAL '1 hour',
    schedule_interval => INTERVAL '1 hour');
