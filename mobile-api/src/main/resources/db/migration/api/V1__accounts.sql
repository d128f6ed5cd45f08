-- mobile-api's own tables live in schema api; cloud-backend's read model is schema grid and read-only here.

CREATE TABLE api.accounts (
    id             text PRIMARY KEY,
    username       text NOT NULL UNIQUE,
    password_hash  text NOT NULL,                      -- PHC string, Argon2id
    role           text NOT NULL CHECK (role IN ('RESIDENT', 'GRID_WORKER', 'HANDLER', 'OPERATOR', 'ADMIN')),
    display_name   text NOT NULL,
    department     text,                               -- HANDLER: the department they act for
    community_code text,                               -- RESIDENT: the community whose notices they see
    grid_codes     text[] NOT NULL DEFAULT '{}',       -- GRID_WORKER: the unit grids they cover
    disabled       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    CHECK (role <> 'HANDLER' OR department IS NOT NULL)
);

-- Only a hash of each refresh token is kept: a leaked table does not hand out sessions.
CREATE TABLE api.refresh_tokens (
    token_sha256 text PRIMARY KEY,
    account_id   text NOT NULL REFERENCES api.accounts (id) ON DELETE CASCADE,
    issued_at    timestamptz NOT NULL,
    revoked      boolean NOT NULL DEFAULT false
);
CREATE INDEX refresh_tokens_account_idx ON api.refresh_tokens (account_id);
