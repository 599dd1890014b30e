-- Organization-defined expense categories; the built-in ones (repairs, utilities, ...) are in
-- code and exist in every organization. Ids are readable, so they are unique per organization.
CREATE TABLE expense_categories (
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, id)
);

CREATE TABLE expenses (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    property_id TEXT NOT NULL REFERENCES properties (id),
    unit_id     TEXT REFERENCES units (id) ON DELETE SET NULL,
    category_id TEXT NOT NULL,
    label       TEXT NOT NULL,
    amount      BIGINT NOT NULL,
    paid_on     TEXT NOT NULL,
    vendor      TEXT,
    vendor_id   TEXT REFERENCES vendors (id) ON DELETE SET NULL,
    notes       TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX expenses_org_id ON expenses (org_id, id);
CREATE INDEX expenses_org_property ON expenses (org_id, property_id, id);
CREATE INDEX expenses_org_category ON expenses (org_id, category_id, id);
CREATE INDEX expenses_org_paid_on ON expenses (org_id, paid_on);
CREATE INDEX expenses_unit ON expenses (unit_id);
CREATE INDEX expenses_vendor ON expenses (vendor_id);
