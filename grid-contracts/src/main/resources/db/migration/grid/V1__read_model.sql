-- The read model of the case cycle (docs/read-model.md is the contract; keep the two in step).
-- Derived data: the topics are the truth, and replaying them rebuilds every row.
-- Flyway runs this in schema "grid" (created by Flyway, history in grid.flyway_schema_history).

-- PostGIS lives where the database has it (public, usually); a fresh database gets it in public.
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;

CREATE TABLE grid.grids (
    code               text PRIMARY KEY,
    county_code        text NOT NULL,
    street_code        text NOT NULL,
    community_code     text NOT NULL,
    name_zh            text,
    name_en            text,
    street_name_zh     text,
    street_name_en     text,
    community_name_zh  text,
    community_name_en  text,
    area_m2            double precision,
    geom               geometry(MultiPolygon, 4326) NOT NULL,
    loaded_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (code ~ '^[0-9]{14,15}$')
);
CREATE INDEX grids_geom_gist ON grid.grids USING gist (geom);
CREATE INDEX grids_community_idx ON grid.grids (community_code);
CREATE INDEX grids_street_idx ON grid.grids (street_code);

CREATE TABLE grid.cases (
    case_id              text PRIMARY KEY,
    version              bigint NOT NULL,
    state                text NOT NULL CHECK (state IN ('REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED',
                                                        'HANDLED', 'CHECK_PASSED', 'CLOSED', 'DISMISSED', 'VOIDED')),
    terminal             boolean NOT NULL,
    category_code        text NOT NULL,
    grid_code            text NOT NULL,
    community_code       text NOT NULL,
    street_code          text NOT NULL,
    county_code          text NOT NULL,
    position             geometry(Point, 4326) NOT NULL,
    channel              text NOT NULL CHECK (channel IN ('PATROL', 'RESIDENT', 'SENSOR', 'OPEN311', 'HOTLINE')),
    description          text NOT NULL,
    reporter_id          text NOT NULL,
    anonymous            boolean NOT NULL,
    department           text,
    assignee             text,
    handled_by           text,
    active_stage         text CHECK (active_stage IN ('FILING', 'DISPATCH', 'HANDLING', 'CHECK')),
    deadline             timestamptz,
    deadlines            jsonb NOT NULL,
    overdue              text[] NOT NULL,
    late_stages          text[] NOT NULL,
    escalation_level     integer NOT NULL,
    rework_count         integer NOT NULL,
    return_count         integer NOT NULL,
    duplicates           integer NOT NULL,
    followers            text[] NOT NULL,
    cleared_episodes     text[] NOT NULL,
    pending_extension    jsonb,
    suspension           jsonb,
    reported_at          timestamptz NOT NULL,
    filed_at             timestamptz,
    first_dispatched_at  timestamptz,
    handled_at           timestamptz,
    closed_at            timestamptz,
    rating               integer,
    updated_at           timestamptz NOT NULL,
    evidence             jsonb NOT NULL,
    snapshot             jsonb NOT NULL,
    projected_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_position_gist ON grid.cases USING gist (position);
CREATE INDEX cases_state_idx ON grid.cases (state);
CREATE INDEX cases_department_open_idx ON grid.cases (department, state) WHERE NOT terminal;
CREATE INDEX cases_assignee_open_idx ON grid.cases (assignee) WHERE NOT terminal;
CREATE INDEX cases_grid_idx ON grid.cases (grid_code);
CREATE INDEX cases_community_idx ON grid.cases (community_code, state);
CREATE INDEX cases_deadline_open_idx ON grid.cases (deadline) WHERE NOT terminal;
CREATE INDEX cases_updated_idx ON grid.cases (updated_at);
CREATE INDEX cases_followers_gin ON grid.cases USING gin (followers);

CREATE TABLE grid.case_events (
    case_id           text NOT NULL,
    version           bigint NOT NULL,
    at                timestamptz NOT NULL,
    type              text NOT NULL,
    actor_id          text NOT NULL,
    actor_role        text NOT NULL,
    actor_department  text,
    command_id        text,
    change            jsonb NOT NULL,
    event             jsonb NOT NULL,
    projected_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, version)
);
CREATE INDEX case_events_at_idx ON grid.case_events (at);
CREATE INDEX case_events_actor_idx ON grid.case_events (actor_id, at);
CREATE INDEX case_events_command_idx ON grid.case_events (command_id);
CREATE INDEX case_events_type_idx ON grid.case_events (type, at);

CREATE TABLE grid.sensors (
    device_id    text PRIMARY KEY,
    sensor_type  text NOT NULL,
    position     geometry(Point, 4326) NOT NULL,
    grid_code    text,
    alarm_state  text NOT NULL CHECK (alarm_state IN ('RAISED', 'CLEARED')),
    episode_id   text NOT NULL,
    quantity     text,
    last_value   double precision,
    unit         text,
    threshold    double precision,
    observed_at  timestamptz NOT NULL,
    intake_id    text NOT NULL,
    case_id      text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sensors_position_gist ON grid.sensors USING gist (position);
CREATE INDEX sensors_alarm_idx ON grid.sensors (alarm_state);
CREATE INDEX sensors_grid_idx ON grid.sensors (grid_code);

CREATE TABLE grid.indicators (
    day         date NOT NULL,
    dimension   text NOT NULL CHECK (dimension IN ('area', 'department', 'person', 'category')),
    level       text NOT NULL,
    code        text NOT NULL,
    counts      jsonb NOT NULL,
    events      bigint NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, dimension, level, code)
);
CREATE INDEX indicators_code_idx ON grid.indicators (dimension, code, day);
