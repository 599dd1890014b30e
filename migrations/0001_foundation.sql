-- Organizations (tenants), API keys and stored idempotent responses.
-- Portable DDL: runs unchanged on SQLite and PostgreSQL (see src/db/mod.rs).

CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    plan        TEXT NOT NULL,
    owner_email TEXT,
    created_at  BIGINT NOT NULL
);

CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    name         TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,
    last4        TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    expires_at   BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX api_keys_org_id ON api_keys (org_id, id);

CREATE TABLE idempotency_keys (
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    idempotency_key  TEXT NOT NULL,
    request_hash     TEXT NOT NULL,
    -- NULL while the first request is in flight.
    response_status  BIGINT,
    response_headers TEXT,
    response_body    TEXT,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (org_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
