-- What an operator does with the bridge's report of bad-rows.sql: correct or remove each row.
UPDATE documents SET embedding = NULL
WHERE id IN ('10000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000002');
DELETE FROM user_permissions WHERE permission_id IS NULL OR user_id IS NULL;
DELETE FROM user_permissions a USING user_permissions b
WHERE a.ctid > b.ctid AND a.user_id = b.user_id AND a.permission_id = b.permission_id;
UPDATE users SET is_active = true WHERE username = 'user4';
UPDATE users SET role = 'admin' WHERE username = 'user5';
UPDATE api_keys SET key_hash = encode(sha256('user6'::bytea), 'hex') WHERE name = 'key of user6';
UPDATE analysis_reports SET findings = '{"note": ""}'::json WHERE cache_key = 'cache-3';
DELETE FROM user_sessions WHERE token_jti = 'jti-orphan';
UPDATE users SET username = 'user7' WHERE username = repeat('u', 60);
