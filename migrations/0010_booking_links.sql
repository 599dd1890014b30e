CREATE TABLE booking_links (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    slug             TEXT NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT,
    -- Who is booked; a member with booking links cannot be deleted (deactivate them instead).
    team_member_id   TEXT NOT NULL REFERENCES team_members (id),
    property_id      TEXT REFERENCES properties (id) ON DELETE SET NULL,
    duration_minutes BIGINT NOT NULL,
    active           BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX booking_links_org_slug ON booking_links (org_id, slug);
CREATE INDEX booking_links_org_id ON booking_links (org_id, id);
CREATE INDEX booking_links_org_member ON booking_links (org_id, team_member_id, id);
CREATE INDEX booking_links_org_active ON booking_links (org_id, active, id);
