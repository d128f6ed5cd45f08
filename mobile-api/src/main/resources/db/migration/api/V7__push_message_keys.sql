-- What a push was for, so that a Kafka record delivered again (after a crash between sending and
-- committing the offset, or a rebalance) is not pushed to the same target twice: an intent's id or a
-- case event's case id and version. Null for notices, which are sent once per request.
ALTER TABLE api.push_intents ADD COLUMN message_key text;
CREATE INDEX push_intents_message_key ON api.push_intents (message_key, target) WHERE message_key IS NOT NULL;
