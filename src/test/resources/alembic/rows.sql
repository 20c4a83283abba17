-- Rows in every table of the Alembic 001 fixture, as the platform's application wrote
-- them: JSON text with spacing jsonb will not keep, embeddings in pgvector's text form,
-- auth timestamps without time zone (UTC), permissions the application inserted.
INSERT INTO companies (id, ticker, name, cik, sector, subsector, category, subcategory, monetization_strategy, founded_year)
SELECT ('00000000-0000-0000-0000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'T' || n, 'Company ' || n,
       lpad(n::text, 10, '0'), 'Education', 'EdTech', 'k12',
       ('{"b": 2,  "a": [1, 2], "n": ' || n || '}')::json, '["subscription", "licensing"]'::json, 1990 + n
FROM generate_series(1, 12) n;

INSERT INTO sec_filings (company_id, filing_type, filing_date, accession_number, parsed_sections)
SELECT c.id, '10-K', timestamptz '2025-03-01 00:00+00' - n * INTERVAL '90 days', 'ACC-' || c.ticker || '-' || n,
       '{"item1":  "Business"}'::json
FROM companies c, generate_series(1, 3) n;

-- Ids as the application assigned them (001 has no sequence), over 14 months: several chunks.
INSERT INTO financial_metrics (id, company_id, metric_date, period_type, metric_type, value, unit)
SELECT row_number() OVER () * 7, c.id, now() - (n * INTERVAL '20 days'), 'quarterly', 'revenue', n * 1000.5, 'USD'
FROM companies c, generate_series(1, 20) n;

INSERT INTO documents (id, company_id, document_type, title, extracted_data, embedding)
SELECT ('10000000-0000-0000-0000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       ('00000000-0000-0000-0000-0000000000' || lpad((1 + n % 12)::text, 2, '0'))::uuid,
       'annual_report', 'Document ' || n, ('{"pages":  ' || n || '}')::json,
       CASE WHEN n % 4 = 0 THEN NULL
            ELSE '[' || array_to_string(ARRAY(SELECT round((n * 0.001 + i * 0.0001)::numeric, 4)
                                              FROM generate_series(1, 1536) i), ',') || ']' END
FROM generate_series(1, 10) n;

INSERT INTO document_chunks (document_id, chunk_index, chunk_text, chunk_tokens, embedding)
SELECT d.id, n, 'chunk ' || n || ' of ' || d.title, 100 + n,
       '[' || array_to_string(ARRAY(SELECT (i % 7) * 0.125 FROM generate_series(1, 1536) i), ', ') || ']'
FROM documents d, generate_series(0, 4) n;

INSERT INTO analysis_reports (report_type, title, companies, findings, cache_key, expires_at)
SELECT 'competitive', 'Report ' || n, '["T1", "T2"]'::json, '{"score": 0.5}'::json, 'cache-' || n,
       timestamptz '2026-01-01 00:00+00' + n * INTERVAL '1 day'
FROM generate_series(1, 5) n;

INSERT INTO market_intelligence (intel_type, title, primary_company_id, related_companies, impact_assessment, event_date)
SELECT 'funding', 'Event ' || n, ('00000000-0000-0000-0000-0000000000' || lpad((1 + n % 12)::text, 2, '0'))::uuid,
       '[]'::json, '{"impact": "high"}'::json, timestamptz '2025-06-01 00:00+00' + n * INTERVAL '1 day'
FROM generate_series(1, 6) n;

INSERT INTO users (id, email, username, hashed_password, role, email_verified_at, created_at, updated_at, last_login_at)
SELECT ('20000000-0000-0000-0000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'user' || n || '@example.com',
       'user' || n, '$2b$12$' || repeat('x', 53), (ARRAY['admin', 'analyst', 'viewer', 'service'])[1 + n % 4],
       timestamp '2025-01-01 08:00' + n * INTERVAL '1 hour', timestamp '2024-12-01 08:00', timestamp '2024-12-02 08:00',
       timestamp '2025-02-01 10:30:15.123456'
FROM generate_series(1, 8) n;

-- The application filled permissions itself: ids of its own, two of V3's scopes among them.
INSERT INTO permissions (id, scope, description) VALUES
    (10, 'read:companies', 'Read companies (application text)'),
    (11, 'write:companies', NULL),
    (12, 'legacy:admin', 'A scope V3 does not know: kept');

INSERT INTO user_permissions (user_id, permission_id)
SELECT u.id, p.id FROM users u, permissions p WHERE u.username IN ('user1', 'user2', 'user3');

INSERT INTO api_keys (user_id, name, key_hash, key_prefix, scopes, expires_at, created_at)
SELECT u.id, 'key of ' || u.username, encode(sha256(u.username::bytea), 'hex'), left(u.username, 8),
       'read:companies,read:metrics', timestamp '2026-12-31 23:59:59', timestamp '2025-01-05 12:00'
FROM users u;

INSERT INTO user_sessions (user_id, token_jti, ip_address, user_agent, expires_at, created_at)
SELECT u.id, 'jti-' || u.username || '-' || n, '10.0.0.' || n, 'Mozilla/5.0', timestamp '2026-02-01 00:00' + n * INTERVAL '1 hour',
       timestamp '2026-01-31 00:00'
FROM users u, generate_series(1, 2) n;
