-- API usage per organization, credential, hour and route (the console's Usage page,
-- `GET /api/usage`): each instance counts in memory and adds its counts here every minute,
-- so a request costs no write.
CREATE TABLE usage_hourly (
    org_id    TEXT NOT NULL REFERENCES organizations (id),
    -- Hours since the Unix epoch (UTC).
    hour      BIGINT NOT NULL,
    -- The credential: a key's id, `console:usr_…` is never counted (the console is not the API).
    principal TEXT NOT NULL,
    -- `GET /properties/{id}`: the method and the matched route under /api (or /v1).
    route     TEXT NOT NULL,
    requests  BIGINT NOT NULL,
    -- Of those, refused with 429.
    throttled BIGINT NOT NULL,
    PRIMARY KEY (org_id, hour, principal, route)
);
