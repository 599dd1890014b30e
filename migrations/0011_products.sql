CREATE TABLE products (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    name        TEXT NOT NULL,
    description TEXT,
    price       BIGINT NOT NULL,
    currency    TEXT NOT NULL,
    active      BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX products_org_id ON products (org_id, id);
CREATE INDEX products_org_active ON products (org_id, active, id);
