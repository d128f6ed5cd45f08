-- Commands this API sent to grid.commands, so that their sender can follow them.
CREATE TABLE api.commands (
    command_id  text PRIMARY KEY,
    case_id     text NOT NULL,
    account_id  text NOT NULL REFERENCES api.accounts (id),
    action_type text NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Refusals read from grid.command-rejections. A separate table without a foreign key: a
-- rejection may be read before or after the command row is written, and either order works.
CREATE TABLE api.command_rejections (
    command_id text PRIMARY KEY,
    case_id    text NOT NULL,
    reason     text NOT NULL,
    message    text NOT NULL,
    at         timestamptz NOT NULL
);
