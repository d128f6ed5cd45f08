-- Refresh tokens rotate (docs/mobile-api.md#tokens): each use replaces the token with a new one of the
-- same family, the tokens descending from one sign-in. A replaced token presented again means two
-- holders have it, and the whole family is revoked.
ALTER TABLE api.refresh_tokens
    ADD COLUMN family_id   text,
    ADD COLUMN expires_at  timestamptz,
    ADD COLUMN replaced_at timestamptz;                -- set when the token was rotated
-- tokens issued before rotation: each its own family, 30 days from issue (the default lifetime)
UPDATE api.refresh_tokens SET family_id = token_sha256, expires_at = issued_at + interval '30 days';
ALTER TABLE api.refresh_tokens
    ALTER COLUMN family_id SET NOT NULL,
    ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX refresh_tokens_family_idx ON api.refresh_tokens (family_id);

-- An administrator disabling an account cuts off the access tokens issued before (checked on each
-- request, cached briefly), so enabling it again does not bring them back.
ALTER TABLE api.accounts ADD COLUMN tokens_valid_after timestamptz;

-- Failed sign-ins per account, shared by every instance: a guesser rotating addresses is stopped by
-- the account's count. One fixed window per account, from its first failure.
CREATE TABLE api.sign_in_failures (
    account_id text PRIMARY KEY REFERENCES api.accounts (id) ON DELETE CASCADE,
    failures   integer NOT NULL,
    window_end timestamptz NOT NULL
);
