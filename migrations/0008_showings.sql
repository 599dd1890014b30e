CREATE TABLE showings (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    property_id      TEXT REFERENCES properties (id) ON DELETE SET NULL,
    contact_id       TEXT REFERENCES contacts (id) ON DELETE SET NULL,
    lead_id          TEXT REFERENCES leads (id) ON DELETE SET NULL,
    agent_id         TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    scheduled_at     BIGINT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    status           TEXT NOT NULL,
    notes            TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX showings_org_id ON showings (org_id, id);
CREATE INDEX showings_org_property ON showings (org_id, property_id, id);
CREATE INDEX showings_org_agent ON showings (org_id, agent_id, scheduled_at);
CREATE INDEX showings_org_status ON showings (org_id, status, id);
CREATE INDEX showings_org_scheduled ON showings (org_id, scheduled_at);
CREATE INDEX showings_contact ON showings (contact_id);
CREATE INDEX showings_lead ON showings (lead_id);
