-- Reverts V2 under the community license, in the order TimescaleDB requires:
-- policies first (a compression policy left behind becomes an orphaned,
-- failing job), then decompression (compression cannot be disabled while a
-- chunk is compressed), then the continuous aggregate (dropping it removes its
-- refresh job), then the compression settings of the hypertable.
--
-- Not transactional (U2__timescale_features.community.sql.conf): each compressed
-- chunk is decompressed in a transaction of its own, so the locks of one chunk
-- are held only while that chunk is decompressed, and the disk needs room for
-- the decompressed data plus one chunk's compressed copy at a time rather than
-- both copies of every chunk until the end. The last two statements, after the
-- marker line below, run in one transaction together with the removal of V2's
-- history row, so the history never records V2 without its objects, nor the
-- other way round.
--
-- Every statement can run again. After a failure or a kill, run the same
-- downgrade again: the policies already removed are skipped (if_exists), the
-- chunks already decompressed are skipped (if_compressed), and the rest is done.
-- The decompression loop is one statement, so --statement-timeout bounds it as a
-- whole; the chunks finished before a timeout stay decompressed.
--
-- data-loss: daily_metrics_summary's materialized history: once the retention policy has dropped raw chunks older than 2 years, the continuous aggregate holds the only copy of those days, and an upgrade rebuilds it only from the raw rows still present

SELECT remove_continuous_aggregate_policy('daily_metrics_summary', if_exists => true);
SELECT remove_retention_policy('financial_metrics', if_exists => true);
SELECT remove_compression_policy('financial_metrics', if_exists => true);

DO $$
DECLARE
    chunk regclass;
BEGIN
    FOR chunk IN SELECT c FROM show_chunks('financial_metrics') AS c LOOP
        PERFORM decompress_chunk(chunk, if_compressed => true);
        COMMIT;
    END LOOP;
END
$$;

-- final-transaction: the statements below, the removal of V2's history row and its operations-log entry commit together
DROP MATERIALIZED VIEW daily_metrics_summary;

ALTER TABLE financial_metrics SET (timescaledb.compress = false);
