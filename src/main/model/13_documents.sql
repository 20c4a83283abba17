CREATE TABLE documents (
    id                uuid         NOT NULL DEFAULT uuid_generate_v4(),
    company_id        uuid,
    document_type     varchar(50)  NOT NULL,
    title             varchar(500),
    document_date     timestamptz,
    source_url        text,
    storage_path      text,
    file_hash         varchar(64),
    file_size         bigint,
    mime_type         varchar(100),
    content           text,
    extracted_data    jsonb,
    embedding         vector(1536),
    processing_status varchar(20)  DEFAULT 'pending',
    processed_at      timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  DEFAULT now(),
    CONSTRAINT documents_pkey PRIMARY KEY (id),
    CONSTRAINT fk_document_company FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE SET NULL
);
CREATE INDEX idx_document_type_date ON documents (document_type, document_date);
CREATE INDEX idx_document_company ON documents (company_id);
CREATE INDEX idx_document_embedding ON documents
    USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100);

CREATE TRIGGER trg_documents_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
