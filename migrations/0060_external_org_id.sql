-- Sign-in with JWT (docs/auth.md): an organization of the identity provider (a Clerk
-- organization id, `org_…`) is linked explicitly to at most one Gable organization.
-- NULL for organizations used only with API keys; a unique index allows many NULLs on
-- SQLite and PostgreSQL alike.

ALTER TABLE organizations ADD COLUMN external_org_id TEXT;
CREATE UNIQUE INDEX organizations_external_org_id ON organizations (external_org_id);
