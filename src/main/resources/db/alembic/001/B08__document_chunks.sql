-- Alembic 001 bridge, step 8: document_chunks (embedding text to vector(1536), a cascading
-- foreign key, no index duplicating uq_document_chunk, the updated_at trigger).
-- lock: document_chunks ACCESS EXCLUSIVE (rewrite: text to vector)
-- lock: documents SHARE ROW EXCLUSIVE (the new foreign key is checked)
ALTER TABLE document_chunks ALTER COLUMN embedding TYPE vector(1536) USING embedding::vector(1536);
ALTER TABLE document_chunks DROP CONSTRAINT document_chunks_document_id_fkey;
ALTER TABLE document_chunks ADD CONSTRAINT fk_chunk_document FOREIGN KEY (document_id)
    REFERENCES documents (id) ON DELETE CASCADE;
DROP INDEX idx_chunk_document;
CREATE TRIGGER trg_document_chunks_updated_at BEFORE UPDATE ON document_chunks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
