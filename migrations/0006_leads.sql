CREATE TABLE leads (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organizations (id),
    name           TEXT NOT NULL,
    email          TEXT,
    phone          TEXT,
    source         TEXT NOT NULL,
    status         TEXT NOT NULL,
    message        TEXT,
    property_id    TEXT REFERENCES properties (id) ON DELETE SET NULL,
    contact_id     TEXT REFERENCES contacts (id) ON DELETE SET NULL,
    assigned_to_id TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX leads_org_id ON leads (org_id, id);
CREATE INDEX leads_org_status ON leads (org_id, status, id);
CREATE INDEX leads_org_source ON leads (org_id, source, id);
CREATE INDEX leads_org_assigned ON leads (org_id, assigned_to_id, id);
CREATE INDEX leads_contact ON leads (contact_id);
CREATE INDEX leads_property ON leads (property_id);
