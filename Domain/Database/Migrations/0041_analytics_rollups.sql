-- Seed 003 analytics, kept up to date by Handlers from the learning events on the bus (ConceptCompleted,
-- ExerciseSubmitted, MilestoneAchieved), so the dashboard reads a few rollup rows instead of scanning learning_events.

-- Each bus event is folded in once (a redelivered event changes nothing).
CREATE TABLE analytics_applied_events (
    event_key   text PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- Per learner and day: the dashboard's summary, trends and a learner's pace.
CREATE TABLE analytics_learner_daily (
    user_id           bigint NOT NULL,
    day               date NOT NULL,
    completions       integer NOT NULL DEFAULT 0,
    mastery_sum       double precision NOT NULL DEFAULT 0,
    learning_seconds  bigint NOT NULL DEFAULT 0,
    submissions       integer NOT NULL DEFAULT 0,
    passed            integer NOT NULL DEFAULT 0,
    score_sum         double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX analytics_learner_daily_day ON analytics_learner_daily (day) INCLUDE (user_id, completions, mastery_sum, learning_seconds, submissions, passed);

-- Per concept and day: top concepts and struggling areas.
CREATE TABLE analytics_concept_daily (
    concept_id     bigint NOT NULL,
    day            date NOT NULL,
    title          text,
    completions    integer NOT NULL DEFAULT 0,
    mastery_sum    double precision NOT NULL DEFAULT 0,
    time_sum       bigint NOT NULL DEFAULT 0,
    time_count     integer NOT NULL DEFAULT 0,
    submissions    integer NOT NULL DEFAULT 0,
    failures       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (concept_id, day)
);
CREATE INDEX analytics_concept_daily_day ON analytics_concept_daily (day);

-- Per learner and concept, all time: attempts (average attempts of a struggling concept) and a learner's own concepts.
CREATE TABLE analytics_concept_learners (
    concept_id    bigint NOT NULL,
    user_id       bigint NOT NULL,
    title         text,
    submissions   integer NOT NULL DEFAULT 0,
    failures      integer NOT NULL DEFAULT 0,
    score_sum     double precision NOT NULL DEFAULT 0,
    completions   integer NOT NULL DEFAULT 0,
    mastery_sum   double precision NOT NULL DEFAULT 0,
    time_sum      bigint NOT NULL DEFAULT 0,
    completed_at  timestamptz,
    PRIMARY KEY (concept_id, user_id)
);
CREATE INDEX analytics_concept_learners_user ON analytics_concept_learners (user_id);

-- Per learner: when they learn (hour of day, day of week, UTC) and the path they took (first concepts completed, in order).
CREATE TABLE analytics_learner_profiles (
    user_id           bigint PRIMARY KEY,
    hours             integer[] NOT NULL DEFAULT array_fill(0, ARRAY[24]),
    weekdays          integer[] NOT NULL DEFAULT array_fill(0, ARRAY[7]),
    path              bigint[] NOT NULL DEFAULT '{}',
    path_started_at   timestamptz,
    path_last_at      timestamptz,
    path_mastery_sum  double precision NOT NULL DEFAULT 0
);

-- Per learner and component or milestone (from the learning events' context): strengths and milestone progress.
CREATE TABLE analytics_learner_groups (
    user_id      bigint NOT NULL,
    kind         text NOT NULL,       -- component | milestone
    name         text NOT NULL,
    completions  integer NOT NULL DEFAULT 0,
    mastery_sum  double precision NOT NULL DEFAULT 0,
    first_at     timestamptz NOT NULL,
    last_at      timestamptz NOT NULL,
    achieved_at  timestamptz,
    PRIMARY KEY (user_id, kind, name)
);

-- Seed 003 exports: built by Handlers in the background; the file is kept for its owner to download.
CREATE TABLE analytics_exports (
    export_id     text PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    report_type   text NOT NULL,
    format        text NOT NULL,
    filters       jsonb NOT NULL DEFAULT '{}'::jsonb,
    sections      text[] NOT NULL DEFAULT '{}',
    status        text NOT NULL,     -- processing | completed | failed
    file          bytea,
    content_type  text,
    file_name     text,
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz
);
CREATE INDEX analytics_exports_user ON analytics_exports (user_id, created_at DESC);
