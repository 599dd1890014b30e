CREATE TABLE vendors (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    name         TEXT NOT NULL,
    trade        TEXT,
    contact_name TEXT,
    email        TEXT,
    phone        TEXT,
    hourly_rate  BIGINT,
    notes        TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX vendors_org_id ON vendors (org_id, id);
