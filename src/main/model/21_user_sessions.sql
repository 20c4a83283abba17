CREATE TABLE user_sessions (
    id          uuid         NOT NULL DEFAULT uuid_generate_v4(),
    user_id     uuid         NOT NULL,
    token_jti   varchar(64)  NOT NULL,
    ip_address  varchar(45),
    user_agent  text,
    is_active   boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL,
    revoked_at  timestamptz,
    CONSTRAINT user_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT uq_session_token_jti UNIQUE (token_jti),
    CONSTRAINT fk_session_user FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_session_user ON user_sessions (user_id);
CREATE INDEX idx_session_expires ON user_sessions (expires_at);
