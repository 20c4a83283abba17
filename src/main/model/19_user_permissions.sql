CREATE TABLE user_permissions (
    user_id       uuid    NOT NULL,
    permission_id integer NOT NULL,
    -- Also serves as the index of the user_id foreign key.
    CONSTRAINT user_permissions_pkey PRIMARY KEY (user_id, permission_id),
    CONSTRAINT fk_user_permission_user FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_permission_permission FOREIGN KEY (permission_id)
        REFERENCES permissions (id) ON DELETE CASCADE
);
CREATE INDEX idx_user_permission_permission ON user_permissions (permission_id);
