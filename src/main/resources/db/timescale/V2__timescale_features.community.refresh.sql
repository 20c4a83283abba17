-- After version 2 on the community branch: the continuous aggregate's initial
-- full refresh. V2 creates daily_metrics_summary WITH NO DATA and its refresh
-- policy only ever covers the last 3 days, so without this the summary would
-- never hold the rows that were in financial_metrics before V2 ran (a populated
-- database, or one taken down to V1 and up again).
--
-- CALL refresh_continuous_aggregate cannot run inside a transaction block, so
-- it is no part of V2's transaction: `upgrade` runs it on a session of its own,
-- under the migration lock, right after V2 has committed, and records its
-- completion in intel_migrate_operations ("initial refresh of
-- daily_metrics_summary"). Until that entry exists, every `upgrade` runs it
-- again, also on a database migrated before this step existed. It is
-- idempotent: buckets already materialized are left as they are.
-- The Apache branch needs nothing of the kind: its V2 creates the plain
-- materialized view WITH DATA, in its own transaction.

CALL refresh_continuous_aggregate('daily_metrics_summary', NULL, NULL);
