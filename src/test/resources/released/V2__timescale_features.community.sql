-- Version 2 on a server whose TimescaleDB runs under the community (Timescale)
-- license: compression, its policy, retention and the continuous aggregate.
-- intel-migrate chooses this script when SHOW timescaledb.license says
-- 'timescale'; V2__timescale_features.apache.sql is the other branch.

-- Every column of uq_company_metric_period is a segment-by or order-by column,
-- so compressed chunks can still enforce it.
ALTER TABLE financial_metrics SET (
    timescaledb.compress,
    timescaledb.compress_segmentby = 'company_id, metric_type',
    timescaledb.compress_orderby = 'metric_date DESC, period_type'
);
SELECT add_compression_policy('financial_metrics', compress_after => INTERVAL '30 days');

SELECT add_retention_policy('financial_metrics', drop_after => INTERVAL '2 years');

-- WITH NO DATA is the only form TimescaleDB accepts inside a transaction; the
-- refresh policy fills it.
CREATE MATERIALIZED VIEW daily_metrics_summary
WITH (timescaledb.continuous) AS
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
