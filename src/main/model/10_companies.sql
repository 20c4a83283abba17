CREATE TABLE companies (
    id                    uuid         NOT NULL DEFAULT uuid_generate_v4(),
    ticker                varchar(10)  NOT NULL,
    name                  varchar(255) NOT NULL,
    cik                   varchar(10),
    sector                varchar(100),
    subsector             varchar(100),
    category              varchar(50),
    subcategory           jsonb,
    delivery_model        varchar(50),
    monetization_strategy jsonb,
    founded_year          integer,
    headquarters          varchar(255),
    website               varchar(255),
    employee_count        integer,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  DEFAULT now(),
    CONSTRAINT companies_pkey PRIMARY KEY (id),
    CONSTRAINT uq_company_ticker UNIQUE (ticker),
    CONSTRAINT uq_company_cik UNIQUE (cik)
);
CREATE INDEX idx_company_category ON companies (category);
CREATE INDEX idx_company_sector_subsector ON companies (sector, subsector);

CREATE TRIGGER trg_companies_updated_at BEFORE UPDATE ON companies
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
