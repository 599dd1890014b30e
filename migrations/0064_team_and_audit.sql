-- The console's team (docs/console.md): invitations by email, password resets, and the audit
-- log of who did what. Tokens are random; only their SHA-256 is stored.
CREATE TABLE invitations (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    token_hash  TEXT NOT NULL UNIQUE,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL,
    -- The principal that invited (`console:usr_…`, a key's id, …).
    invited_by  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    accepted_at BIGINT
);
CREATE INDEX invitations_org_id ON invitations (org_id, id);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX password_resets_user_id ON password_resets (user_id);

CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    -- Who: an API key's id, `console:usr_…` (a console user), `user:<sub>` (a JWT).
    actor      TEXT NOT NULL,
    -- What: `api_key.created`, `webhook_endpoint.updated`, `member.invited`, `console.signed_in`, …
    action     TEXT NOT NULL,
    -- The object it was done to, when there is one.
    target     TEXT,
    -- Details as a JSON object.
    detail     TEXT NOT NULL,
    -- The client's address, when the request had one.
    ip         TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX audit_log_org_id ON audit_log (org_id, id);
