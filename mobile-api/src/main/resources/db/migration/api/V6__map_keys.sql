-- Read-only keys for the map services (OGC API Features, vector tiles), by SHA-256 only: the key
-- itself is shown once, when it is created. Separate from Open311's keys, which may post requests.
CREATE TABLE api.map_keys (
    id         text PRIMARY KEY,
    key_sha256 text NOT NULL UNIQUE,
    client     text NOT NULL,
    disabled   boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);
