-- The part of Alembic revision 001 that needs TimescaleDB's community license.
ALTER TABLE financial_metrics SET (
    timescaledb.compress,
    timescaledb.compress_segmentby = 'company_id, metric_type'
);
SELECT add_compression_policy('financial_metrics', INTERVAL '30 days');
SELECT add_retention_policy('financial_metrics', INTERVAL '2 years');

CREATE MATERIALIZED VIEW daily_metrics_summary
WITH (timescaledb.continuous) AS
SELECT company_id,
       metric_type,
       time_bucket(INTERVAL '1 day', metric_date) AS day,
       avg(value) AS avg_value,
       min(value) AS min_value,
       max(value) AS max_value,
       count(*) AS data_points
FROM financial_metrics
GROUP BY company_id, metric_type, time_bucket(INTERVAL '1 day', metric_date)
WITH NO DATA;

SELECT add_continuous_aggregate_policy('daily_metrics_summary',
    start_offset => INTERVAL '3 days',
    end_offset => INTERVAL '1 hour',
    schedule_interval => INTERVAL '1 hour');
