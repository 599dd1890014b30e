-- The rent ledger: one charge per lease and period (the scheduler's idempotency key), the
-- payments, and which charge each payment paid. Money in cents, dates YYYY-MM-DD text.
CREATE TABLE rent_charges (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    lease_id     TEXT NOT NULL REFERENCES leases (id),
    period       TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    -- The last day of grace: unpaid after it, the charge is late.
    late_after   TEXT NOT NULL,
    amount       BIGINT NOT NULL,
    -- The fee the lease's policy adds if the charge becomes late (fixed when it is created).
    fee_if_late  BIGINT NOT NULL,
    late_fee     BIGINT NOT NULL DEFAULT 0,
    paid         BIGINT NOT NULL DEFAULT 0,
    status       TEXT NOT NULL,
    late_at      BIGINT,
    paid_at      BIGINT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE UNIQUE INDEX rent_charges_lease_period ON rent_charges (lease_id, period);
CREATE INDEX rent_charges_org_id ON rent_charges (org_id, id);
CREATE INDEX rent_charges_org_lease ON rent_charges (org_id, lease_id, id);
CREATE INDEX rent_charges_org_status ON rent_charges (org_id, status, id);
CREATE INDEX rent_charges_org_due ON rent_charges (org_id, due_date);
CREATE INDEX rent_charges_lateness ON rent_charges (status, late_after);

CREATE TABLE rent_payments (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    lease_id         TEXT NOT NULL REFERENCES leases (id),
    amount           BIGINT NOT NULL,
    paid_at          BIGINT NOT NULL,
    method           TEXT NOT NULL,
    payment_plan_id  TEXT,
    -- What went to charges, and what became lease credit.
    applied          BIGINT NOT NULL,
    credited         BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX rent_payments_org_id ON rent_payments (org_id, id);
CREATE INDEX rent_payments_org_lease ON rent_payments (org_id, lease_id, id);
CREATE INDEX rent_payments_org_plan ON rent_payments (org_id, payment_plan_id, id);
CREATE INDEX rent_payments_org_paid_at ON rent_payments (org_id, paid_at);

CREATE TABLE rent_allocations (
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    payment_id  TEXT NOT NULL REFERENCES rent_payments (id),
    charge_id   TEXT NOT NULL REFERENCES rent_charges (id),
    amount      BIGINT NOT NULL,
    PRIMARY KEY (payment_id, charge_id)
);
CREATE INDEX rent_allocations_charge ON rent_allocations (org_id, charge_id);
