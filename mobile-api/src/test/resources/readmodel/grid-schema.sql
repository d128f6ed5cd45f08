-- The part of cloud-backend's read model (docs/read-model.md in the cloud-backend work) that
-- mobile-api reads. Tests create it here and write rows as the projection would, because
-- mobile-api must not depend on cloud-backend's classes or migrations: this file is the contract.
CREATE SCHEMA IF NOT EXISTS grid;

CREATE TABLE IF NOT EXISTS grid.cases (
    case_id             text PRIMARY KEY,
    version             bigint NOT NULL,
    state               text NOT NULL,
    terminal            boolean NOT NULL,
    category_code       text NOT NULL,
    grid_code           text NOT NULL,
    community_code      text NOT NULL,
    street_code         text NOT NULL,
    county_code         text NOT NULL,
    position            geometry(Point, 4326) NOT NULL,
    channel             text NOT NULL,
    description         text NOT NULL,
    reporter_id         text NOT NULL,
    anonymous           boolean NOT NULL,
    department          text,
    assignee            text,
    handled_by          text,
    active_stage        text,
    deadline            timestamptz,
    deadlines           jsonb NOT NULL,
    overdue             text[] NOT NULL,
    late_stages         text[] NOT NULL,
    escalation_level    integer NOT NULL,
    rework_count        integer NOT NULL,
    return_count        integer NOT NULL,
    duplicates          integer NOT NULL,
    followers           text[] NOT NULL,
    cleared_episodes    text[] NOT NULL,
    pending_extension   jsonb,
    suspension          jsonb,
    reported_at         timestamptz NOT NULL,
    filed_at            timestamptz,
    first_dispatched_at timestamptz,
    handled_at          timestamptz,
    closed_at           timestamptz,
    rating              integer,
    updated_at          timestamptz NOT NULL,
    evidence            jsonb NOT NULL,
    snapshot            jsonb NOT NULL,
    projected_at        timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS grid.case_events (
    case_id          text NOT NULL,
    version          bigint NOT NULL,
    at               timestamptz NOT NULL,
    type             text NOT NULL,
    actor_id         text NOT NULL,
    actor_role       text NOT NULL,
    actor_department text,
    command_id       text,
    change           jsonb NOT NULL,
    event            jsonb NOT NULL,
    projected_at     timestamptz NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TABLE IF NOT EXISTS grid.grids (
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
    loaded_at          timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS grids_geom_gist ON grid.grids USING gist (geom);

CREATE TABLE IF NOT EXISTS grid.indicators (
    day        date NOT NULL,
    dimension  text NOT NULL,
    level      text NOT NULL,
    code       text NOT NULL,
    counts     jsonb NOT NULL,
    events     bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (day, dimension, level, code)
);

CREATE TABLE IF NOT EXISTS grid.sensors (
    device_id    text PRIMARY KEY,
    sensor_type  text NOT NULL,
    position     geometry(Point, 4326) NOT NULL,
    grid_code    text,
    alarm_state  text NOT NULL,
    episode_id   text NOT NULL,
    quantity     text,
    last_value   double precision,
    unit         text,
    threshold    double precision,
    observed_at  timestamptz NOT NULL,
    intake_id    text NOT NULL,
    case_id      text,
    updated_at   timestamptz NOT NULL
);
