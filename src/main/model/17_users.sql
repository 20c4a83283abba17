CREATE TABLE users (
    id                 uuid         NOT NULL DEFAULT uuid_generate_v4(),
    email              varchar(255) NOT NULL,
    username           varchar(50)  NOT NULL,
    hashed_password    varchar(255) NOT NULL,
    full_name          varchar(255),
    organization       varchar(255),
    role               varchar(20)  NOT NULL DEFAULT 'viewer',
    is_active          boolean      NOT NULL DEFAULT true,
    is_verified        boolean      NOT NULL DEFAULT false,
    email_verified_at  timestamptz,
    last_login_at      timestamptz,
    api_calls_today    integer      NOT NULL DEFAULT 0,
    api_calls_reset_at timestamptz  DEFAULT now(),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT uq_user_email UNIQUE (email),
    CONSTRAINT uq_user_username UNIQUE (username),
    CONSTRAINT ck_user_role CHECK (role IN ('admin', 'analyst', 'viewer', 'service'))
);

CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
