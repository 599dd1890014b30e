CREATE TABLE tasks (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organizations (id),
    title          TEXT NOT NULL,
    description    TEXT,
    type           TEXT NOT NULL,
    priority       TEXT NOT NULL,
    status         TEXT NOT NULL,
    due_date       BIGINT,
    assigned_to_id TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    contact_id     TEXT REFERENCES contacts (id) ON DELETE SET NULL,
    lead_id        TEXT REFERENCES leads (id) ON DELETE SET NULL,
    property_id    TEXT REFERENCES properties (id) ON DELETE SET NULL,
    completed_at   BIGINT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX tasks_org_id ON tasks (org_id, id);
CREATE INDEX tasks_org_status ON tasks (org_id, status, id);
CREATE INDEX tasks_org_assigned ON tasks (org_id, assigned_to_id, id);
CREATE INDEX tasks_org_priority ON tasks (org_id, priority, id);
CREATE INDEX tasks_org_due ON tasks (org_id, due_date);
CREATE INDEX tasks_contact ON tasks (contact_id);
CREATE INDEX tasks_lead ON tasks (lead_id);
CREATE INDEX tasks_property ON tasks (property_id);
