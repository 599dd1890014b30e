CREATE TABLE contacts (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    email      TEXT,
    phone      TEXT,
    type       TEXT NOT NULL,
    tags       TEXT NOT NULL,
    score      BIGINT,
    notes      TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX contacts_org_id ON contacts (org_id, id);
CREATE INDEX contacts_org_type ON contacts (org_id, type, id);
CREATE INDEX contacts_org_email ON contacts (org_id, LOWER(email));

-- One row per tag, so `?tag=` is an index lookup.
CREATE TABLE contact_tags (
    org_id     TEXT NOT NULL,
    tag        TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, tag, contact_id)
);
CREATE INDEX contact_tags_contact ON contact_tags (contact_id);
