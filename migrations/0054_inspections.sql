CREATE TABLE inspections (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    unit_id       TEXT NOT NULL REFERENCES units (id),
    type          TEXT NOT NULL,
    status        TEXT NOT NULL,
    scheduled_for TEXT,
    -- The checklist, JSON text: [{"area", "condition", "notes"}].
    items         TEXT NOT NULL,
    notes         TEXT,
    completed_at  BIGINT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX inspections_org_id ON inspections (org_id, id);
CREATE INDEX inspections_org_unit ON inspections (org_id, unit_id, id);
CREATE INDEX inspections_org_status ON inspections (org_id, status, id);
