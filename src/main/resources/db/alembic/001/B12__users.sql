-- Alembic 001 bridge, step 12: users (lengths, NOT NULL, the role check, timestamps with
-- time zone: the application wrote them as UTC, V1's constraint names, no indexes that
-- duplicate the unique constraints, the updated_at trigger).
-- lock: users ACCESS EXCLUSIVE (rewrite: timestamp to timestamptz)
ALTER TABLE users
    ALTER COLUMN email TYPE varchar(255),
    ALTER COLUMN username TYPE varchar(50),
    ALTER COLUMN hashed_password TYPE varchar(255),
    ALTER COLUMN full_name TYPE varchar(255),
    ALTER COLUMN organization TYPE varchar(255),
    ALTER COLUMN role TYPE varchar(20),
    ALTER COLUMN is_active SET NOT NULL,
    ALTER COLUMN is_verified SET NOT NULL,
    ALTER COLUMN api_calls_today SET NOT NULL,
    ALTER COLUMN email_verified_at TYPE timestamptz USING email_verified_at AT TIME ZONE 'UTC',
    ALTER COLUMN last_login_at TYPE timestamptz USING last_login_at AT TIME ZONE 'UTC',
    ALTER COLUMN api_calls_reset_at TYPE timestamptz USING api_calls_reset_at AT TIME ZONE 'UTC',
    ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
    ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC',
    ADD CONSTRAINT ck_user_role CHECK (role IN ('admin', 'analyst', 'viewer', 'service'));
ALTER TABLE users RENAME CONSTRAINT users_email_key TO uq_user_email;
ALTER TABLE users RENAME CONSTRAINT users_username_key TO uq_user_username;
DROP INDEX idx_user_email;
DROP INDEX idx_user_username;
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
