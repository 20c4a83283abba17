-- Reverts V2 under the community license, in the order TimescaleDB requires:
-- policies first (a compression policy left behind becomes an orphaned,
-- failing job), then decompression (compression cannot be disabled while a
-- chunk is compressed), then the continuous aggregate (dropping it removes its
-- refresh job), then the compression settings of the hypertable.

SELECT remove_continuous_aggregate_policy('daily_metrics_summary');
SELECT remove_retention_policy('financial_metrics');
SELECT remove_compression_policy('financial_metrics');

SELECT decompress_chunk(chunk, if_compressed => true)
FROM show_chunks('financial_metrics') AS chunk;

DROP MATERIALIZED VIEW daily_metrics_summary;

ALTER TABLE financial_metrics SET (timescaledb.compress = false);
