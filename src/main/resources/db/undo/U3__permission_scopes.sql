-- Reverts V3: removes the permission scopes it inserted. Grants of these scopes
-- in user_permissions go with them (ON DELETE CASCADE): that data is lost.
--
-- data-loss: grants of the 16 permission scopes to users (rows of user_permissions, deleted by ON DELETE CASCADE)

DELETE FROM permissions
WHERE scope IN (
    'read:companies', 'read:filings', 'read:metrics', 'read:analysis', 'read:documents',
    'write:companies', 'write:filings', 'write:metrics', 'write:analysis', 'write:documents',
    'manage:users', 'manage:api_keys', 'manage:system', 'run:analysis', 'export:data',
    'create:reports');
