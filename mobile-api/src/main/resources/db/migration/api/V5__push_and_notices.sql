-- FCM registration tokens per account; a token moves to whoever registers it last (shared phones).
CREATE TABLE api.device_tokens (
    token          text PRIMARY KEY,
    account_id     text NOT NULL REFERENCES api.accounts (id) ON DELETE CASCADE,
    platform       text NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
    updated_at     timestamptz NOT NULL
);
CREATE INDEX device_tokens_account_idx ON api.device_tokens (account_id);

-- Every message the API meant to push, sent or not: operators can see them even while push is off.
CREATE TABLE api.push_intents (
    id         bigserial PRIMARY KEY,
    target     text NOT NULL,                         -- 'token:<...>' or 'topic:<...>'
    title      text NOT NULL,
    body       text NOT NULL,
    data       jsonb NOT NULL,
    outcome    text NOT NULL,                         -- SENT, PUSH_OFF, TOKEN_PRUNED, FAILED
    detail     text,
    created_at timestamptz NOT NULL
);

-- Community notices (公告) for residents.
CREATE TABLE api.notices (
    id             text PRIMARY KEY,
    community_code text NOT NULL,
    title          text NOT NULL,
    body           text NOT NULL,
    author_id      text NOT NULL REFERENCES api.accounts (id),
    published_at   timestamptz NOT NULL
);
CREATE INDEX notices_community_idx ON api.notices (community_code, published_at DESC);
