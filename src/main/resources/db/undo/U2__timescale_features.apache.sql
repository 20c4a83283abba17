-- Reverts V2 under the Apache license: only the plain materialized view exists.

DROP MATERIALIZED VIEW daily_metrics_summary;
