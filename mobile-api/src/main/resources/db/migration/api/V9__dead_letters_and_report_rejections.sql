-- Dead letters of every consumer (this API's readers, the case cycle, the projection), read from
-- grid.dead-letters so that an administrator can list them and replay one. One row per record set
-- aside: the coordinates are the topic's key, so the same record set aside twice is one row.
-- Needs only V1-V7 (api.reports, api.idempotency_keys, api.push_intents, api.photos): another branch of
-- this release adds its own V8, which this file does not need.
CREATE TABLE api.dead_letters (
    id           bigserial PRIMARY KEY,
    coordinates  text NOT NULL UNIQUE,                  -- <topic>/<partition>/<offset>
    consumer     text NOT NULL,                         -- who gave up on it: a consumer group or component
    topic        text NOT NULL,
    partition    integer NOT NULL,
    "offset"     bigint NOT NULL,
    record_key   text,
    payload      bytea,                                 -- the value as received, for the replay
    reason       text NOT NULL,
    attempts     integer NOT NULL,
    set_aside_at timestamptz NOT NULL,
    replayed_at  timestamptz,                           -- a dead letter is replayed once
    replayed_by  text
);
CREATE INDEX dead_letters_waiting_idx ON api.dead_letters (consumer) WHERE replayed_at IS NULL;

-- Reports the case cycle refused (grid.intake-rejections), so that their reporter sees why.
CREATE TABLE api.report_rejections (
    intake_id text PRIMARY KEY REFERENCES api.reports (intake_id) ON DELETE CASCADE,
    reason    text NOT NULL,
    message   text NOT NULL,                            -- the case cycle's words, for staff
    at        timestamptz NOT NULL
);

-- Housekeeping deletes by age (docs/mobile-api.md, "Housekeeping").
CREATE INDEX idempotency_keys_created_idx ON api.idempotency_keys (created_at);
CREATE INDEX push_intents_created_idx ON api.push_intents (created_at);
-- The photo quota counts an account's uploads of the day.
CREATE INDEX photos_owner_created_idx ON api.photos (owner_id, created_at);
