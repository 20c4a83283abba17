-- Alembic 001 bridge, step 15: user_sessions (lengths, NOT NULL, timestamps with time zone
-- (UTC), V1's names, a cascading foreign key, the indexes of user_id and expires_at).
-- lock: user_sessions ACCESS EXCLUSIVE (rewrite: timestamp to timestamptz)
-- lock: users SHARE ROW EXCLUSIVE (the new foreign key is checked)
ALTER TABLE user_sessions
    ALTER COLUMN token_jti TYPE varchar(64),
    ALTER COLUMN ip_address TYPE varchar(45),
    ALTER COLUMN user_agent TYPE text,
    ALTER COLUMN is_active SET NOT NULL,
    ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
    ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN expires_at TYPE timestamptz USING expires_at AT TIME ZONE 'UTC',
    ALTER COLUMN revoked_at TYPE timestamptz USING revoked_at AT TIME ZONE 'UTC';
ALTER TABLE user_sessions RENAME CONSTRAINT user_sessions_token_jti_key TO uq_session_token_jti;
ALTER TABLE user_sessions DROP CONSTRAINT user_sessions_user_id_fkey;
ALTER TABLE user_sessions ADD CONSTRAINT fk_session_user FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX idx_session_user ON user_sessions (user_id);
CREATE INDEX idx_session_expires ON user_sessions (expires_at);
