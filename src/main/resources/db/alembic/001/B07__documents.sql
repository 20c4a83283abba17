-- Alembic 001 bridge, step 7: documents (json to jsonb, embedding text to vector(1536), the
-- foreign key set to NULL on delete, the updated_at trigger). The data checks made sure
-- every embedding is NULL or pgvector text of 1536 dimensions.
-- lock: documents ACCESS EXCLUSIVE (rewrite: json to jsonb, text to vector)
-- lock: companies SHARE ROW EXCLUSIVE (the new foreign key is checked)
ALTER TABLE documents
    ALTER COLUMN extracted_data TYPE jsonb USING extracted_data::jsonb,
    ALTER COLUMN embedding TYPE vector(1536) USING embedding::vector(1536);
ALTER TABLE documents DROP CONSTRAINT documents_company_id_fkey;
ALTER TABLE documents ADD CONSTRAINT fk_document_company FOREIGN KEY (company_id)
    REFERENCES companies (id) ON DELETE SET NULL;
CREATE TRIGGER trg_documents_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
