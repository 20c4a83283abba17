-- Values a real 001 database can hold that the V3 shape cannot: each must be reported by
-- the bridge's data checks, by key, before anything changes. Orphans need the foreign-key
-- triggers off, as a restore with --disable-triggers leaves them.
UPDATE documents SET embedding = 'not a vector' WHERE id = '10000000-0000-0000-0000-000000000001';
UPDATE documents SET embedding = '[1,2,3]' WHERE id = '10000000-0000-0000-0000-000000000002';
INSERT INTO user_permissions (user_id, permission_id)
VALUES ('20000000-0000-0000-0000-000000000001', 10), (NULL, 11);
UPDATE users SET is_active = NULL WHERE username = 'user4';
UPDATE users SET role = 'superuser' WHERE username = 'user5';
UPDATE api_keys SET key_hash = 'NOT-HEX' WHERE name = 'key of user6';
UPDATE analysis_reports SET findings = '{"note": "\u0000"}'::json WHERE cache_key = 'cache-3';
SET session_replication_role = replica;
INSERT INTO user_sessions (user_id, token_jti, expires_at)
VALUES ('20000000-0000-0000-0000-000000000099', 'jti-orphan', timestamp '2026-03-01 00:00');
SET session_replication_role = DEFAULT;
UPDATE users SET username = repeat('u', 60) WHERE username = 'user7';
