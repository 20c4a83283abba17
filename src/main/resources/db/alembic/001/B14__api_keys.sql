-- Alembic 001 bridge, step 14: api_keys (lengths, key_hash as char(64) with its check,
-- NOT NULL, timestamps with time zone (UTC), V1's names, a cascading foreign key and its index).
-- lock: api_keys ACCESS EXCLUSIVE (rewrite: timestamp to timestamptz)
-- lock: users SHARE ROW EXCLUSIVE (the new foreign key is checked)
ALTER TABLE api_keys
    ALTER COLUMN name TYPE varchar(100),
    ALTER COLUMN key_hash TYPE char(64),
    ALTER COLUMN key_prefix TYPE varchar(16),
    ALTER COLUMN scopes TYPE text,
    ALTER COLUMN is_active SET NOT NULL,
    ALTER COLUMN rate_limit_per_hour SET NOT NULL,
    ALTER COLUMN expires_at TYPE timestamptz USING expires_at AT TIME ZONE 'UTC',
    ALTER COLUMN last_used_at TYPE timestamptz USING last_used_at AT TIME ZONE 'UTC',
    ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
    ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN revoked_at TYPE timestamptz USING revoked_at AT TIME ZONE 'UTC',
    ADD CONSTRAINT ck_api_key_hash_sha256_hex CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT ck_api_key_rate_limit_positive CHECK (rate_limit_per_hour > 0);
ALTER TABLE api_keys RENAME CONSTRAINT api_keys_key_hash_key TO uq_api_key_hash;
ALTER TABLE api_keys DROP CONSTRAINT api_keys_user_id_fkey;
ALTER TABLE api_keys ADD CONSTRAINT fk_api_key_user FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX idx_api_key_user ON api_keys (user_id);
