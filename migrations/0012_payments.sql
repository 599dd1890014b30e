CREATE TABLE payments (
    id                TEXT PRIMARY KEY,
    org_id            TEXT NOT NULL REFERENCES organizations (id),
    amount            BIGINT NOT NULL,
    currency          TEXT NOT NULL,
    status            TEXT NOT NULL,
    description       TEXT,
    product_id        TEXT REFERENCES products (id) ON DELETE SET NULL,
    contact_id        TEXT REFERENCES contacts (id) ON DELETE SET NULL,
    team_member_id    TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    -- Computed by the server from the member's commission rate.
    commission_amount BIGINT,
    paid_at           BIGINT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX payments_org_id ON payments (org_id, id);
CREATE INDEX payments_org_status ON payments (org_id, status, id);
CREATE INDEX payments_org_member ON payments (org_id, team_member_id, id);
CREATE INDEX payments_org_contact ON payments (org_id, contact_id, id);
CREATE INDEX payments_org_product ON payments (org_id, product_id, id);
