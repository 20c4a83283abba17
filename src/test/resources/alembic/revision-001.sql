-- A database as the platform's Alembic revision 001 left it (docs/MIGRATION_GUIDE.md,
-- "Adopting an existing database"): the types SQLAlchemy emitted, PostgreSQL's default
-- constraint names, plain foreign keys, no triggers, TimescaleDB's default time index.
-- The community-licensed features of 001 (compression, its policies, the continuous
-- aggregate) are in revision-001.community.sql: an Apache-only server cannot have them.

CREATE EXTENSION IF NOT EXISTS timescaledb CASCADE;
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE companies (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    ticker VARCHAR(10) NOT NULL,
    name VARCHAR(255) NOT NULL,
    cik VARCHAR(10),
    sector VARCHAR(100),
    subsector VARCHAR(100),
    category VARCHAR(50),
    subcategory JSON,
    delivery_model VARCHAR(50),
    monetization_strategy JSON,
    founded_year INTEGER,
    headquarters VARCHAR(255),
    website VARCHAR(255),
    employee_count INTEGER,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (ticker),
    UNIQUE (cik)
);
CREATE INDEX idx_company_ticker ON companies (ticker);
CREATE INDEX idx_company_cik ON companies (cik);
CREATE INDEX idx_company_category ON companies (category);
CREATE INDEX idx_company_sector_subsector ON companies (sector, subsector);

CREATE TABLE sec_filings (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    company_id UUID NOT NULL,
    filing_type VARCHAR(20) NOT NULL,
    filing_date TIMESTAMP WITH TIME ZONE NOT NULL,
    accession_number VARCHAR(25) NOT NULL,
    filing_url TEXT,
    raw_text TEXT,
    parsed_sections JSON,
    processing_status VARCHAR(20) DEFAULT 'pending',
    processed_at TIMESTAMP WITH TIME ZONE,
    error_message TEXT,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (company_id) REFERENCES companies (id),
    UNIQUE (accession_number),
    CONSTRAINT uq_company_filing UNIQUE (company_id, accession_number)
);
CREATE INDEX idx_filing_date ON sec_filings (filing_date);
CREATE INDEX idx_filing_type_date ON sec_filings (filing_type, filing_date);
CREATE INDEX idx_filing_company ON sec_filings (company_id);

CREATE TABLE financial_metrics (
    id BIGINT NOT NULL,
    company_id UUID NOT NULL,
    metric_date TIMESTAMP WITH TIME ZONE NOT NULL,
    period_type VARCHAR(20) NOT NULL,
    metric_type VARCHAR(50) NOT NULL,
    metric_category VARCHAR(50),
    value DOUBLE PRECISION NOT NULL,
    unit VARCHAR(20),
    source VARCHAR(50),
    source_document_id UUID,
    confidence_score DOUBLE PRECISION,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    CONSTRAINT financial_metrics_pkey PRIMARY KEY (id, metric_date),
    FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT uq_company_metric_period UNIQUE (company_id, metric_type, metric_date, period_type)
);
CREATE INDEX idx_metric_time ON financial_metrics (metric_date, metric_type);
CREATE INDEX idx_company_metric ON financial_metrics (company_id, metric_type, metric_date);
SELECT create_hypertable('financial_metrics', 'metric_date', chunk_time_interval => INTERVAL '1 month');

CREATE TABLE documents (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    company_id UUID,
    document_type VARCHAR(50) NOT NULL,
    title VARCHAR(500),
    document_date TIMESTAMP WITH TIME ZONE,
    source_url TEXT,
    storage_path TEXT,
    file_hash VARCHAR(64),
    file_size BIGINT,
    mime_type VARCHAR(100),
    content TEXT,
    extracted_data JSON,
    embedding VARCHAR,
    processing_status VARCHAR(20) DEFAULT 'pending',
    processed_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (company_id) REFERENCES companies (id)
);
CREATE INDEX idx_document_type_date ON documents (document_type, document_date);
CREATE INDEX idx_document_company ON documents (company_id);

CREATE TABLE document_chunks (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    document_id UUID NOT NULL,
    chunk_index INTEGER NOT NULL,
    chunk_text TEXT NOT NULL,
    chunk_tokens INTEGER,
    embedding VARCHAR,
    page_number INTEGER,
    section_name VARCHAR(255),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (document_id) REFERENCES documents (id),
    CONSTRAINT uq_document_chunk UNIQUE (document_id, chunk_index)
);
CREATE INDEX idx_chunk_document ON document_chunks (document_id);

CREATE TABLE analysis_reports (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    report_type VARCHAR(50) NOT NULL,
    title VARCHAR(500) NOT NULL,
    description TEXT,
    companies JSON,
    date_range_start TIMESTAMP WITH TIME ZONE,
    date_range_end TIMESTAMP WITH TIME ZONE,
    executive_summary TEXT,
    findings JSON,
    recommendations JSON,
    report_url TEXT,
    format VARCHAR(20),
    cache_key VARCHAR(255),
    expires_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (cache_key)
);
CREATE INDEX idx_report_type_date ON analysis_reports (report_type, created_at);
CREATE INDEX idx_report_cache ON analysis_reports (cache_key, expires_at);

CREATE TABLE market_intelligence (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    intel_type VARCHAR(50) NOT NULL,
    category VARCHAR(50),
    title VARCHAR(500) NOT NULL,
    summary TEXT,
    full_content TEXT,
    primary_company_id UUID,
    related_companies JSON,
    event_date TIMESTAMP WITH TIME ZONE,
    source VARCHAR(255),
    source_url TEXT,
    confidence_score DOUBLE PRECISION,
    impact_assessment JSON,
    sentiment_score DOUBLE PRECISION,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (primary_company_id) REFERENCES companies (id)
);
CREATE INDEX idx_intel_type_date ON market_intelligence (intel_type, event_date);
CREATE INDEX idx_intel_company ON market_intelligence (primary_company_id, event_date);

CREATE TABLE users (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    email VARCHAR NOT NULL,
    username VARCHAR NOT NULL,
    hashed_password VARCHAR NOT NULL,
    full_name VARCHAR,
    organization VARCHAR,
    role VARCHAR DEFAULT 'viewer' NOT NULL,
    is_active BOOLEAN DEFAULT true,
    is_verified BOOLEAN DEFAULT false,
    email_verified_at TIMESTAMP WITHOUT TIME ZONE,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
    updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
    last_login_at TIMESTAMP WITHOUT TIME ZONE,
    api_calls_today INTEGER DEFAULT 0,
    api_calls_reset_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (email),
    UNIQUE (username)
);
CREATE INDEX idx_user_email ON users (email);
CREATE INDEX idx_user_username ON users (username);

CREATE TABLE permissions (
    id INTEGER NOT NULL,
    scope VARCHAR NOT NULL,
    description VARCHAR,
    PRIMARY KEY (id),
    UNIQUE (scope)
);

CREATE TABLE user_permissions (
    user_id UUID,
    permission_id INTEGER,
    FOREIGN KEY (user_id) REFERENCES users (id),
    FOREIGN KEY (permission_id) REFERENCES permissions (id)
);

CREATE TABLE api_keys (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    user_id UUID NOT NULL,
    name VARCHAR NOT NULL,
    key_hash VARCHAR NOT NULL,
    key_prefix VARCHAR NOT NULL,
    scopes VARCHAR,
    is_active BOOLEAN DEFAULT true,
    expires_at TIMESTAMP WITHOUT TIME ZONE,
    last_used_at TIMESTAMP WITHOUT TIME ZONE,
    rate_limit_per_hour INTEGER DEFAULT 1000,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
    revoked_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES users (id),
    UNIQUE (key_hash)
);

CREATE TABLE user_sessions (
    id UUID DEFAULT uuid_generate_v4() NOT NULL,
    user_id UUID NOT NULL,
    token_jti VARCHAR NOT NULL,
    ip_address VARCHAR,
    user_agent VARCHAR,
    is_active BOOLEAN DEFAULT true,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
    expires_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES users (id),
    UNIQUE (token_jti)
);

INSERT INTO alembic_version (version_num) VALUES ('001');
