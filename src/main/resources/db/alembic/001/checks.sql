-- The data checks of the Alembic 001 bridge. They run before any step (and again when a
-- bridge resumes), read only, and each lists the rows, by key, that a step of the bridge
-- would fail on or could not keep as they are. The bridge refuses (exit 9) while any check
-- finds a row; nothing is dropped or rewritten to make a check pass: the operator decides.
-- Format: statements before the first "-- check:" prepare the session; each check is
-- "-- check: <name>", comment lines saying what is wrong and what the bridge would do, and
-- one SELECT of two text columns: the row's key, and the offending value.
-- Every check reads the columns as text, so it gives the same answer on a database the
-- bridge has partly converted (a resumed run).

-- Whether a value converts, asked of the server's own input functions (a rejected value
-- raises; the exception block turns that into false). Temporary: gone with the session.
CREATE FUNCTION pg_temp.intel_migrate_is_vector(value text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM value::vector(1536);
    RETURN true;
EXCEPTION WHEN others THEN
    RETURN false;
END;
$$;
CREATE FUNCTION pg_temp.intel_migrate_is_jsonb(value text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM value::jsonb;
    RETURN true;
EXCEPTION WHEN others THEN
    RETURN false;
END;
$$;

-- check: embedding-not-vector
-- documents.embedding and document_chunks.embedding become vector(1536): a value must be NULL
-- or pgvector's text form of 1536 dimensions ([x,y,…], finite numbers).
SELECT 'documents.id=' || id, left(embedding::text, 60) FROM documents
WHERE embedding IS NOT NULL AND NOT pg_temp.intel_migrate_is_vector(embedding::text)
UNION ALL
SELECT 'document_chunks.id=' || id, left(embedding::text, 60) FROM document_chunks
WHERE embedding IS NOT NULL AND NOT pg_temp.intel_migrate_is_vector(embedding::text);

-- check: json-not-jsonb
-- json columns become jsonb, which refuses what json keeps as text: \u0000 in a string,
-- and surrogate escapes without their pair.
SELECT 'companies.id=' || id, 'subcategory ' || left(subcategory::text, 60) FROM companies
WHERE subcategory IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(subcategory::text)
UNION ALL
SELECT 'companies.id=' || id, 'monetization_strategy ' || left(monetization_strategy::text, 60) FROM companies
WHERE monetization_strategy IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(monetization_strategy::text)
UNION ALL
SELECT 'sec_filings.id=' || id, 'parsed_sections ' || left(parsed_sections::text, 60) FROM sec_filings
WHERE parsed_sections IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(parsed_sections::text)
UNION ALL
SELECT 'documents.id=' || id, 'extracted_data ' || left(extracted_data::text, 60) FROM documents
WHERE extracted_data IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(extracted_data::text)
UNION ALL
SELECT 'analysis_reports.id=' || id, 'companies ' || left(companies::text, 60) FROM analysis_reports
WHERE companies IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(companies::text)
UNION ALL
SELECT 'analysis_reports.id=' || id, 'findings ' || left(findings::text, 60) FROM analysis_reports
WHERE findings IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(findings::text)
UNION ALL
SELECT 'analysis_reports.id=' || id, 'recommendations ' || left(recommendations::text, 60) FROM analysis_reports
WHERE recommendations IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(recommendations::text)
UNION ALL
SELECT 'market_intelligence.id=' || id, 'related_companies ' || left(related_companies::text, 60)
FROM market_intelligence
WHERE related_companies IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(related_companies::text)
UNION ALL
SELECT 'market_intelligence.id=' || id, 'impact_assessment ' || left(impact_assessment::text, 60)
FROM market_intelligence
WHERE impact_assessment IS NOT NULL AND NOT pg_temp.intel_migrate_is_jsonb(impact_assessment::text);

-- check: null-in-not-null
-- Columns that become NOT NULL (their defaults apply only to rows inserted without them).
SELECT 'users.id=' || id, concat_ws(', ', CASE WHEN is_active IS NULL THEN 'is_active' END,
       CASE WHEN is_verified IS NULL THEN 'is_verified' END,
       CASE WHEN api_calls_today IS NULL THEN 'api_calls_today' END,
       CASE WHEN created_at IS NULL THEN 'created_at' END) || ' NULL'
FROM users WHERE is_active IS NULL OR is_verified IS NULL OR api_calls_today IS NULL OR created_at IS NULL
UNION ALL
SELECT 'api_keys.id=' || id, concat_ws(', ', CASE WHEN is_active IS NULL THEN 'is_active' END,
       CASE WHEN rate_limit_per_hour IS NULL THEN 'rate_limit_per_hour' END,
       CASE WHEN created_at IS NULL THEN 'created_at' END) || ' NULL'
FROM api_keys WHERE is_active IS NULL OR rate_limit_per_hour IS NULL OR created_at IS NULL
UNION ALL
SELECT 'user_sessions.id=' || id, concat_ws(', ', CASE WHEN is_active IS NULL THEN 'is_active' END,
       CASE WHEN created_at IS NULL THEN 'created_at' END) || ' NULL'
FROM user_sessions WHERE is_active IS NULL OR created_at IS NULL
UNION ALL
SELECT 'user_permissions.ctid=' || ctid::text, 'user_id ' || coalesce(user_id::text, 'NULL')
       || ', permission_id ' || coalesce(permission_id::text, 'NULL')
FROM user_permissions WHERE user_id IS NULL OR permission_id IS NULL;

-- check: duplicate-user-permission
-- user_permissions gets its primary key (user_id, permission_id): each pair once.
SELECT 'user_permissions (user_id, permission_id)=(' || user_id || ', ' || permission_id || ')',
       count(*) || ' rows'
FROM user_permissions WHERE user_id IS NOT NULL AND permission_id IS NOT NULL
GROUP BY user_id, permission_id HAVING count(*) > 1;

-- check: orphan
-- Every foreign key is created again (with its ON DELETE action), which checks every row:
-- a row whose parent is gone (left by a restore with triggers disabled) would fail it.
SELECT 'sec_filings.id=' || c.id, 'company_id ' || c.company_id FROM sec_filings c
WHERE NOT EXISTS (SELECT 1 FROM companies p WHERE p.id = c.company_id)
UNION ALL
SELECT 'financial_metrics (id, metric_date)=(' || c.id || ', ' || c.metric_date || ')', 'company_id ' || c.company_id
FROM financial_metrics c WHERE NOT EXISTS (SELECT 1 FROM companies p WHERE p.id = c.company_id)
UNION ALL
SELECT 'documents.id=' || c.id, 'company_id ' || c.company_id FROM documents c
WHERE c.company_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM companies p WHERE p.id = c.company_id)
UNION ALL
SELECT 'document_chunks.id=' || c.id, 'document_id ' || c.document_id FROM document_chunks c
WHERE NOT EXISTS (SELECT 1 FROM documents p WHERE p.id = c.document_id)
UNION ALL
SELECT 'market_intelligence.id=' || c.id, 'primary_company_id ' || c.primary_company_id FROM market_intelligence c
WHERE c.primary_company_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM companies p WHERE p.id = c.primary_company_id)
UNION ALL
SELECT 'user_permissions.ctid=' || c.ctid::text, 'user_id ' || c.user_id FROM user_permissions c
WHERE c.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users p WHERE p.id = c.user_id)
UNION ALL
SELECT 'user_permissions.ctid=' || c.ctid::text, 'permission_id ' || c.permission_id FROM user_permissions c
WHERE c.permission_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM permissions p WHERE p.id = c.permission_id)
UNION ALL
SELECT 'api_keys.id=' || c.id, 'user_id ' || c.user_id FROM api_keys c
WHERE NOT EXISTS (SELECT 1 FROM users p WHERE p.id = c.user_id)
UNION ALL
SELECT 'user_sessions.id=' || c.id, 'user_id ' || c.user_id FROM user_sessions c
WHERE NOT EXISTS (SELECT 1 FROM users p WHERE p.id = c.user_id);

-- check: too-long
-- Unbounded varchar columns get V1's lengths.
SELECT 'users.id=' || id, concat_ws(', ',
       CASE WHEN length(email) > 255 THEN 'email ' || length(email) || ' > 255' END,
       CASE WHEN length(username) > 50 THEN 'username ' || length(username) || ' > 50' END,
       CASE WHEN length(hashed_password) > 255 THEN 'hashed_password ' || length(hashed_password) || ' > 255' END,
       CASE WHEN length(full_name) > 255 THEN 'full_name ' || length(full_name) || ' > 255' END,
       CASE WHEN length(organization) > 255 THEN 'organization ' || length(organization) || ' > 255' END,
       CASE WHEN length(role) > 20 THEN 'role ' || length(role) || ' > 20' END) || ' characters'
FROM users WHERE length(email) > 255 OR length(username) > 50 OR length(hashed_password) > 255
              OR length(full_name) > 255 OR length(organization) > 255 OR length(role) > 20
UNION ALL
SELECT 'permissions.id=' || id, concat_ws(', ',
       CASE WHEN length(scope) > 64 THEN 'scope ' || length(scope) || ' > 64' END,
       CASE WHEN length(description) > 255 THEN 'description ' || length(description) || ' > 255' END)
       || ' characters'
FROM permissions WHERE length(scope) > 64 OR length(description) > 255
UNION ALL
SELECT 'api_keys.id=' || id, concat_ws(', ',
       CASE WHEN length(name) > 100 THEN 'name ' || length(name) || ' > 100' END,
       CASE WHEN length(key_prefix) > 16 THEN 'key_prefix ' || length(key_prefix) || ' > 16' END) || ' characters'
FROM api_keys WHERE length(name) > 100 OR length(key_prefix) > 16
UNION ALL
SELECT 'user_sessions.id=' || id, concat_ws(', ',
       CASE WHEN length(token_jti) > 64 THEN 'token_jti ' || length(token_jti) || ' > 64' END,
       CASE WHEN length(ip_address) > 45 THEN 'ip_address ' || length(ip_address) || ' > 45' END) || ' characters'
FROM user_sessions WHERE length(token_jti) > 64 OR length(ip_address) > 45;

-- check: check-constraint
-- The checks V1 adds: users.role one of admin, analyst, viewer, service; api_keys.key_hash
-- lower-case hex SHA-256 (64 characters); api_keys.rate_limit_per_hour positive.
SELECT 'users.id=' || id, 'role ' || quote_literal(role) FROM users
WHERE role NOT IN ('admin', 'analyst', 'viewer', 'service')
UNION ALL
SELECT 'api_keys.id=' || id, 'key_hash ' || quote_literal(left(rtrim(key_hash::text), 70)) FROM api_keys
WHERE rtrim(key_hash::text) !~ '^[0-9a-f]{64}$'
UNION ALL
SELECT 'api_keys.id=' || id, 'rate_limit_per_hour ' || rate_limit_per_hour FROM api_keys
WHERE rate_limit_per_hour <= 0;
