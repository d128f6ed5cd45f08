-- A person's inbox: every message the system sent them about a case, kept and listed
-- (GET /api/v1/notifications), in both languages as it was written, one entry per person and
-- message key (a Kafka record read twice adds nothing). Deleting an account deletes its inbox.
CREATE TABLE api.inbox (
    id           bigserial PRIMARY KEY,
    account_id   text NOT NULL REFERENCES api.accounts (id) ON DELETE CASCADE,
    message_key  text NOT NULL,                 -- 'intent:<intentId>', 'event:<caseId>/<version>'
    case_id      text,
    what         text NOT NULL,                 -- grid.notifications' vocabulary: CASE_DISPATCHED, VERIFY_NEEDED...
    title_zh     text NOT NULL,
    title_en     text NOT NULL,
    body_zh      text NOT NULL,
    body_en      text NOT NULL,
    data         jsonb NOT NULL,                -- what the app opens: caseId, version, what, key
    at           timestamptz NOT NULL,          -- when the step happened
    delivered_at timestamptz NOT NULL,
    read_at      timestamptz,
    UNIQUE (account_id, message_key)
);
CREATE INDEX inbox_account_idx ON api.inbox (account_id, id DESC);
CREATE INDEX inbox_unread_idx ON api.inbox (account_id) WHERE read_at IS NULL;

-- Which push service issued a device's token (docs/push.md: fcm today, hms or jpush once their
-- channel exists) and the language the device's messages are written in.
ALTER TABLE api.device_tokens
    ADD COLUMN provider text NOT NULL DEFAULT 'fcm',
    ADD COLUMN language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en'));

-- Grid workers' patrol tracks, posted in batches by the app while its on-duty switch is on
-- (POST /api/v1/patrol/track). WGS 84. A point sent twice (a batch retried) is kept once. Kept
-- here for now; the posts work (issue 16) decides how on-duty time is counted and how long tracks are kept.
CREATE TABLE api.patrol_track (
    worker_id   text NOT NULL REFERENCES api.accounts (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    lon         double precision NOT NULL,
    lat         double precision NOT NULL,
    accuracy_m  real,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (worker_id, at)
);
