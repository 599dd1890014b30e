-- Webhook endpoints, their deliveries and every attempt, owner notifications, and the
-- dispatcher's progress through the event outbox.

CREATE TABLE webhook_endpoints (
    id                         TEXT PRIMARY KEY,
    org_id                     TEXT NOT NULL REFERENCES organizations (id),
    url                        TEXT NOT NULL,
    description                TEXT,
    -- JSON array of event types; [] means every event.
    events                     TEXT NOT NULL,
    enabled                    BIGINT NOT NULL,
    signature_scheme           TEXT NOT NULL,
    -- NULL: the scheme's default header.
    signature_header           TEXT,
    -- JSON object of static headers sent with every delivery.
    headers                    TEXT NOT NULL,
    secret                     TEXT NOT NULL,
    previous_secret            TEXT,
    previous_secret_expires_at BIGINT,
    consecutive_failures       BIGINT NOT NULL,
    last_success_at            BIGINT,
    last_failure_at            BIGINT,
    disabled_reason            TEXT,
    disabled_at                BIGINT,
    created_at                 BIGINT NOT NULL,
    updated_at                 BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_org_id ON webhook_endpoints (org_id, id);

CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    endpoint_id      TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    -- pending, succeeded, failed
    status           TEXT NOT NULL,
    attempts         BIGINT NOT NULL,
    next_attempt_at  BIGINT,
    -- A worker's lease on a claimed delivery: nobody else sends it before this time.
    locked_until     BIGINT,
    last_attempt_at  BIGINT,
    last_status_code BIGINT,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX webhook_deliveries_endpoint_event ON webhook_deliveries (endpoint_id, event_id);
CREATE INDEX webhook_deliveries_org_endpoint ON webhook_deliveries (org_id, endpoint_id, id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at);

CREATE TABLE webhook_attempts (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    delivery_id   TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    endpoint_id   TEXT NOT NULL,
    attempted_at  BIGINT NOT NULL,
    status_code   BIGINT,
    latency_ms    BIGINT NOT NULL,
    response_body TEXT,
    error         TEXT
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
CREATE INDEX webhook_attempts_attempted ON webhook_attempts (attempted_at);

-- Mail to organization owners (endpoint disabled, …): kept, and sent when SMTP is configured.
CREATE TABLE notifications (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    recipient  TEXT,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    sent_at    BIGINT,
    error      TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX notifications_org_id ON notifications (org_id, id);

-- The dispatcher fans each event out once.
ALTER TABLE events ADD COLUMN dispatched BIGINT NOT NULL DEFAULT 0;
CREATE INDEX events_undispatched ON events (id) WHERE dispatched = 0;
