CREATE TABLE units (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations (id),
    property_id     TEXT NOT NULL REFERENCES properties (id),
    label           TEXT NOT NULL,
    bedrooms        BIGINT,
    bathrooms       DOUBLE PRECISION,
    sqft            BIGINT,
    market_rent     BIGINT,
    status          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX units_org_id ON units (org_id, id);
CREATE INDEX units_org_property ON units (org_id, property_id, id);
CREATE INDEX units_org_status ON units (org_id, status, id);
CREATE UNIQUE INDEX units_property_label ON units (org_id, property_id, label);

CREATE TABLE tenants (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    name        TEXT NOT NULL,
    email       TEXT,
    phone       TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX tenants_org_id ON tenants (org_id, id);
