-- Alembic 001 bridge, step 13: permissions (an identity id continuing after the ids the
-- application gave, the lengths of V1, V1's constraint name) and user_permissions (NOT NULL,
-- its primary key, cascading foreign keys, the index of permission_id).
-- lock: permissions ACCESS EXCLUSIVE (no rewrite)
-- lock: user_permissions ACCESS EXCLUSIVE (no rewrite)
-- lock: users SHARE ROW EXCLUSIVE (the new foreign key is checked)
ALTER TABLE permissions
    ALTER COLUMN scope TYPE varchar(64),
    ALTER COLUMN description TYPE varchar(255),
    ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('permissions', 'id'), coalesce(max(id), 0) + 1, false) FROM permissions;
ALTER TABLE permissions RENAME CONSTRAINT permissions_scope_key TO uq_permission_scope;
ALTER TABLE user_permissions
    ALTER COLUMN user_id SET NOT NULL,
    ALTER COLUMN permission_id SET NOT NULL,
    ADD CONSTRAINT user_permissions_pkey PRIMARY KEY (user_id, permission_id);
ALTER TABLE user_permissions DROP CONSTRAINT user_permissions_user_id_fkey;
ALTER TABLE user_permissions DROP CONSTRAINT user_permissions_permission_id_fkey;
ALTER TABLE user_permissions
    ADD CONSTRAINT fk_user_permission_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    ADD CONSTRAINT fk_user_permission_permission FOREIGN KEY (permission_id)
        REFERENCES permissions (id) ON DELETE CASCADE;
CREATE INDEX idx_user_permission_permission ON user_permissions (permission_id);
