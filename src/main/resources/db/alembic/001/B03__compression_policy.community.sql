-- Alembic 001 bridge, step 3 (community license only): the compression policy stops, so
-- that it compresses nothing while the next steps decompress financial_metrics. Step 5
-- adds it again. Between this step and step 5 the bridge decompresses every compressed
-- chunk, one transaction per chunk (they are listed by --dry-run with their sizes).
-- lock: financial_metrics ROW EXCLUSIVE (the policy's job row)
SELECT remove_compression_policy('financial_metrics', if_exists => true);
