-- Deliveries are claimed per endpoint: each endpoint's due deliveries, oldest first, through
-- its own slice of this index, so a claim never reads past other endpoints' backlogs (or the
-- rows of endpoints that are at their concurrency limit). It also answers "which endpoints
-- have pending deliveries" with one index probe per endpoint, and the queue-depth count.
CREATE INDEX webhook_deliveries_endpoint_due ON webhook_deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending';
DROP INDEX webhook_deliveries_due;
