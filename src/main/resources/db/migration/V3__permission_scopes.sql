-- The platform's permission scopes: reference data the API checks against.

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
    ('create:reports',   'Create reports');
