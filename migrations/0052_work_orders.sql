CREATE TABLE work_orders (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    property_id   TEXT NOT NULL REFERENCES properties (id),
    unit_id       TEXT REFERENCES units (id) ON DELETE SET NULL,
    title         TEXT NOT NULL,
    description   TEXT,
    priority      TEXT NOT NULL,
    status        TEXT NOT NULL,
    vendor_id     TEXT REFERENCES vendors (id) ON DELETE SET NULL,
    cost          BIGINT,
    scheduled_for TEXT,
    completed_at  BIGINT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX work_orders_org_id ON work_orders (org_id, id);
CREATE INDEX work_orders_org_unit ON work_orders (org_id, unit_id, id);
CREATE INDEX work_orders_org_property ON work_orders (org_id, property_id, id);
CREATE INDEX work_orders_org_status ON work_orders (org_id, status, id);
CREATE INDEX work_orders_org_vendor ON work_orders (org_id, vendor_id, id);
CREATE INDEX work_orders_unit ON work_orders (unit_id);
CREATE INDEX work_orders_vendor ON work_orders (vendor_id);
