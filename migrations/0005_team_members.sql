CREATE TABLE team_members (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations (id),
    name            TEXT NOT NULL,
    email           TEXT,
    phone           TEXT,
    role            TEXT NOT NULL,
    -- Percent of a sale's amount, e.g. 2.5.
    commission_rate DOUBLE PRECISION NOT NULL,
    active          BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX team_members_org_id ON team_members (org_id, id);
CREATE INDEX team_members_org_role ON team_members (org_id, role, id);
CREATE INDEX team_members_org_active ON team_members (org_id, active, id);
