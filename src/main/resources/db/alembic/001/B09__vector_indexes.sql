-- Alembic 001 bridge, step 9: the IVFFlat cosine indexes of V1 on both embedding columns.
-- Building them reads every embedding; writes to the two tables wait meanwhile.
-- lock: documents SHARE (index build)
-- lock: document_chunks SHARE (index build)
CREATE INDEX idx_document_embedding ON documents
    USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100);
CREATE INDEX idx_chunk_embedding ON document_chunks
    USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100);
