-- The console's people and sessions (docs/console.md). A user signs in with an email and a
-- password (an Argon2id PHC string) and belongs to organizations with a role; a session is
-- kept on the server by the SHA-256 of its random token (the cookie holds the token).
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    -- Lowercased; one account per address.
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE memberships (
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    user_id    TEXT NOT NULL REFERENCES users (id),
    -- owner, admin, developer or viewer; its scopes are `[console.role_scopes]`.
    role       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user_id ON memberships (user_id);

CREATE TABLE console_sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    created_at   BIGINT NOT NULL,
    -- Refreshed at most once a minute; the session ends after `[console] session_idle`
    -- without use, and at `expires_at` (`session_lifetime` after sign-in) regardless.
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX console_sessions_user_id ON console_sessions (user_id);
