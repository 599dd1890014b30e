-- The event outbox: written in the same transaction as each change.
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    type        TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX events_org_id ON events (org_id, id);
CREATE INDEX events_org_type ON events (org_id, type, id);
CREATE INDEX events_org_occurred_at ON events (org_id, occurred_at);
