-- Version 2 on a server whose TimescaleDB runs under the Apache license
-- (SHOW timescaledb.license = 'apache'): compression, the compression and
-- retention policies and continuous aggregates are not available there.
-- intel-migrate skips them, says so, and `validate` reports them degraded.
-- daily_metrics_summary becomes an ordinary materialized view with the same
-- columns so the platform's queries keep working; nothing refreshes it
-- automatically (REFRESH MATERIALIZED VIEW daily_metrics_summary).

-- WITH DATA so that the view can be queried at once; on a new database the
-- hypertable is empty and this costs nothing.
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
