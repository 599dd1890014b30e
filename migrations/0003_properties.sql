-- Listings; also the rental properties that units belong to.
CREATE TABLE properties (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    title         TEXT NOT NULL,
    slug          TEXT NOT NULL,
    description   TEXT,
    address       TEXT NOT NULL,
    city          TEXT NOT NULL,
    state         TEXT NOT NULL,
    zip           TEXT,
    price         BIGINT,
    bedrooms      BIGINT,
    bathrooms     DOUBLE PRECISION,
    sqft          BIGINT,
    property_type TEXT,
    status        TEXT NOT NULL,
    is_featured   BIGINT NOT NULL,
    photos        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX properties_org_slug ON properties (org_id, slug);
CREATE INDEX properties_org_id ON properties (org_id, id);
CREATE INDEX properties_org_status_featured ON properties (org_id, status, is_featured, id);
CREATE INDEX properties_org_featured ON properties (org_id, is_featured, id);
CREATE INDEX properties_org_city ON properties (org_id, LOWER(city), id);
CREATE INDEX properties_org_type ON properties (org_id, property_type, id);
CREATE INDEX properties_org_price ON properties (org_id, price);
