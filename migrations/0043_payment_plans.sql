-- Payment plans for a lease's or a tenant's balance: installments (JSON text), proposed →
-- accepted / rejected. Payments count toward a plan through rent_payments.payment_plan_id.
CREATE TABLE payment_plans (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    lease_id      TEXT REFERENCES leases (id),
    tenant_id     TEXT REFERENCES tenants (id),
    installments  TEXT NOT NULL,
    total         BIGINT NOT NULL,
    status        TEXT NOT NULL,
    decided_at    BIGINT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX payment_plans_org_id ON payment_plans (org_id, id);
CREATE INDEX payment_plans_org_lease ON payment_plans (org_id, lease_id, id);
CREATE INDEX payment_plans_org_tenant ON payment_plans (org_id, tenant_id, id);
CREATE INDEX payment_plans_org_status ON payment_plans (org_id, status, id);
