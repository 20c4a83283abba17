CREATE TABLE document_chunks (
    id           uuid         NOT NULL DEFAULT uuid_generate_v4(),
    document_id  uuid         NOT NULL,
    chunk_index  integer      NOT NULL,
    chunk_text   text         NOT NULL,
    chunk_tokens integer,
    embedding    vector(1536),
    page_number  integer,
    section_name varchar(255),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  DEFAULT now(),
    CONSTRAINT document_chunks_pkey PRIMARY KEY (id),
    -- Also serves as the index of the document_id foreign key.
    CONSTRAINT uq_document_chunk UNIQUE (document_id, chunk_index),
    CONSTRAINT fk_chunk_document FOREIGN KEY (document_id)
        REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX idx_chunk_embedding ON document_chunks
    USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100);

CREATE TRIGGER trg_document_chunks_updated_at BEFORE UPDATE ON document_chunks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
