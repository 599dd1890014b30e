-- Each attempt's request and response headers (a JSON object each), shown in the delivery log.
-- Custom header values are not stored here (they may be credentials): only their names.
ALTER TABLE webhook_attempts ADD COLUMN request_headers TEXT;
ALTER TABLE webhook_attempts ADD COLUMN response_headers TEXT;
