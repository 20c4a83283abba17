CREATE TABLE api_keys (
    id                  uuid         NOT NULL DEFAULT uuid_generate_v4(),
    user_id             uuid         NOT NULL,
    name                varchar(100) NOT NULL,
    key_hash            char(64)     NOT NULL,
    key_prefix          varchar(16)  NOT NULL,
    scopes              text,
    is_active           boolean      NOT NULL DEFAULT true,
    expires_at          timestamptz,
    last_used_at        timestamptz,
    rate_limit_per_hour integer      NOT NULL DEFAULT 1000,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    revoked_at          timestamptz,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_key_hash_sha256_hex CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_api_key_rate_limit_positive CHECK (rate_limit_per_hour > 0),
    CONSTRAINT fk_api_key_user FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_api_key_user ON api_keys (user_id);
