CREATE TABLE applications (
    id                 TEXT PRIMARY KEY,
    org_id             TEXT NOT NULL REFERENCES organizations (id),
    unit_id            TEXT NOT NULL REFERENCES units (id),
    applicant_name     TEXT NOT NULL,
    applicant_email    TEXT,
    applicant_phone    TEXT,
    monthly_income     BIGINT,
    answers            TEXT NOT NULL,
    status             TEXT NOT NULL,
    decision_reason    TEXT,
    decided_at         BIGINT,
    tenant_id          TEXT REFERENCES tenants (id) ON DELETE SET NULL,
    lease_id           TEXT REFERENCES leases (id) ON DELETE SET NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX applications_org_id ON applications (org_id, id);
CREATE INDEX applications_org_unit ON applications (org_id, unit_id, id);
CREATE INDEX applications_org_status ON applications (org_id, status, id);
CREATE INDEX applications_tenant ON applications (tenant_id);
CREATE INDEX applications_lease ON applications (lease_id);
