-- Photos are kept here until an object store is configured; a case refers to them by ref.
CREATE TABLE api.photos (
    id         text PRIMARY KEY,                      -- the ref's last segment
    owner_id   text NOT NULL REFERENCES api.accounts (id),
    media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic')),
    sha256     text NOT NULL,
    size_bytes integer NOT NULL,
    content    bytea NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (owner_id, sha256)                         -- the same photo uploaded twice is one photo
);

-- Reports this API sent to grid.intake: "my reports" lists them before the case cycle has made
-- a case of them, which the read model only shows a moment later.
CREATE TABLE api.reports (
    intake_id     text PRIMARY KEY,
    reporter_id   text NOT NULL REFERENCES api.accounts (id),
    channel       text NOT NULL,
    category_code text NOT NULL,
    description   text NOT NULL,
    lon           double precision NOT NULL,
    lat           double precision NOT NULL,
    anonymous     boolean NOT NULL,
    photo_refs    text[] NOT NULL,
    observed_at   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX reports_reporter_idx ON api.reports (reporter_id, created_at DESC);

-- One row per (caller, Idempotency-Key): a retried POST gets the first answer back.
CREATE TABLE api.idempotency_keys (
    owner_id       text NOT NULL,                     -- account id, or api-key id for Open311 clients
    key            text NOT NULL,
    request_sha256 text NOT NULL,                     -- what the first request asked for
    status         integer,                           -- null while the first request is in flight
    location       text,
    response       jsonb,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (owner_id, key)
);
