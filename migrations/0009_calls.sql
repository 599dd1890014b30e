CREATE TABLE calls (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    direction        TEXT NOT NULL,
    from_number      TEXT NOT NULL,
    to_number        TEXT NOT NULL,
    contact_id       TEXT REFERENCES contacts (id) ON DELETE SET NULL,
    lead_id          TEXT REFERENCES leads (id) ON DELETE SET NULL,
    team_member_id   TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    started_at       BIGINT NOT NULL,
    duration_seconds BIGINT,
    outcome          TEXT,
    notes            TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX calls_org_id ON calls (org_id, id);
CREATE INDEX calls_org_direction ON calls (org_id, direction, id);
CREATE INDEX calls_org_member ON calls (org_id, team_member_id, id);
CREATE INDEX calls_org_contact ON calls (org_id, contact_id, id);
CREATE INDEX calls_org_lead ON calls (org_id, lead_id, id);
CREATE INDEX calls_org_started ON calls (org_id, started_at);
