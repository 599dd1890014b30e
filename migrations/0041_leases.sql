-- Leases: a unit rented to one or more tenants. Money in cents, dates as YYYY-MM-DD text.
-- `tenant_ids` (JSON text) is what the API returns; `lease_tenants` indexes it for filters
-- and keeps a tenant on a lease from being removed.
CREATE TABLE leases (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    unit_id          TEXT NOT NULL REFERENCES units (id),
    tenant_ids       TEXT NOT NULL,
    start_date       TEXT NOT NULL,
    end_date         TEXT,
    monthly_rent     BIGINT NOT NULL,
    due_day          BIGINT NOT NULL,
    grace_days       BIGINT NOT NULL,
    deposit          BIGINT NOT NULL,
    late_fee_type    TEXT,
    late_fee_amount  DOUBLE PRECISION,
    late_fee_cap     BIGINT,
    status           TEXT NOT NULL,
    signed_at        BIGINT,
    terminated_at    BIGINT,
    terminated_on    TEXT,
    -- Over-payments not yet applied to a charge.
    credit           BIGINT NOT NULL DEFAULT 0,
    -- The last rent period (YYYY-MM) the scheduler has charged through.
    billed_through   TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX leases_org_id ON leases (org_id, id);
CREATE INDEX leases_org_unit ON leases (org_id, unit_id, id);
CREATE INDEX leases_org_status ON leases (org_id, status, id);
CREATE INDEX leases_billing ON leases (status, billed_through);

CREATE TABLE lease_tenants (
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    lease_id   TEXT NOT NULL REFERENCES leases (id) ON DELETE CASCADE,
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    PRIMARY KEY (lease_id, tenant_id)
);
CREATE INDEX lease_tenants_tenant ON lease_tenants (org_id, tenant_id);
