-- Idempotency keys belong to the credential that sent them (an API key's id, or `user:<sub>`
-- for a signed-in user), not to the whole organization, and remember the scopes the first
-- request was granted so a replay checks them again. Stored responses live 24 hours; the
-- ones stored per organization before this cannot be attributed to a credential and go.
DROP TABLE idempotency_keys;

CREATE TABLE idempotency_keys (
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    principal        TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL,
    request_hash     TEXT NOT NULL,
    -- The scopes the first request's handler required (space-separated), checked on replay.
    granted          TEXT,
    -- NULL while the first request is in flight.
    response_status  BIGINT,
    response_headers TEXT,
    response_body    TEXT,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (org_id, principal, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
