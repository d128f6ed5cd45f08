-- Open311 clients' api_keys, by SHA-256 only: the key itself is shown once, when it is created.
CREATE TABLE api.open311_keys (
    id         text PRIMARY KEY,
    key_sha256 text NOT NULL UNIQUE,
    client     text NOT NULL,
    disabled   boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);

-- Requests posted through Open311, so a token can be turned into a service_request_id later.
CREATE TABLE api.open311_requests (
    token      text PRIMARY KEY,                       -- the intake id
    key_id     text NOT NULL REFERENCES api.open311_keys (id),
    created_at timestamptz NOT NULL
);
