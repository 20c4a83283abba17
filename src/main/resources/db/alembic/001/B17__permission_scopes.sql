-- Alembic 001 bridge, step 17: the sixteen permission scopes of V3. Scopes the application
-- had inserted already keep their rows (id and description); any other scope stays too.
-- lock: permissions ROW EXCLUSIVE (insert)
INSERT INTO permissions (scope, description) VALUES
    ('read:companies',   'Read company profiles'),
    ('read:filings',     'Read SEC filings'),
    ('read:metrics',     'Read financial metrics'),
    ('read:analysis',    'Read analysis reports'),
    ('read:documents',   'Read documents and their chunks'),
    ('write:companies',  'Create and update company profiles'),
    ('write:filings',    'Create and update SEC filings'),
    ('write:metrics',    'Create and update financial metrics'),
    ('write:analysis',   'Create and update analysis reports'),
    ('write:documents',  'Create and update documents'),
    ('manage:users',     'Create, update and deactivate users'),
    ('manage:api_keys',  'Issue and revoke API keys'),
    ('manage:system',    'Administer the platform'),
    ('run:analysis',     'Run analyses'),
    ('export:data',      'Export data'),
    ('create:reports',   'Create reports')
ON CONFLICT (scope) DO NOTHING;
