-- Seed 003's learning core over the Trac tickets: one concept per ticket (same id), the knowledge graph's edges, the
-- exercises declared in tickets, and per-learner state. Progress, history and recommendations are computed from
-- learning_events (0008); the tables here hold only what an event log cannot answer quickly (current status, BKT state).

CREATE TABLE concepts (
    id                bigint PRIMARY KEY,          -- the Trac ticket id (metadata.trac_ticket_id)
    title             text NOT NULL,
    description       text NOT NULL DEFAULT '',
    type              text NOT NULL DEFAULT 'task',
    component         text,
    milestone         text,
    owner             text,                        -- Trac's owner: the student the ticket is assigned to
    tags              text[] NOT NULL DEFAULT '{}',
    difficulty        double precision NOT NULL DEFAULT 3,
    mastery_threshold double precision NOT NULL DEFAULT 0.8,
    estimated_minutes integer NOT NULL DEFAULT 60,
    estimated_time    text NOT NULL DEFAULT '1h',
    objectives        jsonb NOT NULL DEFAULT '[]',
    resources         jsonb NOT NULL DEFAULT '[]',
    custom_fields     jsonb NOT NULL DEFAULT '{}',
    trac_changetime   bigint NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX concepts_component ON concepts (component);
CREATE INDEX concepts_milestone ON concepts (milestone);

-- prerequisite_for: source must be learned before target. origin 'trac' edges are rebuilt from blockedby/blocking;
-- origin 'instructor' edges come from POST /knowledge/relationships and survive imports.
CREATE TABLE concept_edges (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id    bigint NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    target_id    bigint NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    relationship text NOT NULL CHECK (relationship IN ('prerequisite_for', 'related_to', 'alternative_to')),
    weight       double precision NOT NULL DEFAULT 1.0,
    origin       text NOT NULL DEFAULT 'trac' CHECK (origin IN ('trac', 'instructor')),
    notes        text,
    created_by   bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (source_id <> target_id),
    UNIQUE (source_id, target_id, relationship)
);
CREATE INDEX concept_edges_target ON concept_edges (target_id, relationship);
CREATE INDEX concept_edges_source ON concept_edges (source_id, relationship);

-- What the importer noticed and refused (a prerequisite cycle in Trac data): reported, the edge skipped.
CREATE TABLE trac_import_issues (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL,
    ticket      bigint,
    source_id   bigint,
    target_id   bigint,
    message     text NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, source_id, target_id)
);

CREATE TABLE exercises (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    concept_id     bigint NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    key            text NOT NULL,
    title          text NOT NULL,
    type           text NOT NULL CHECK (type IN ('quiz', 'design', 'coding', 'debug')),
    difficulty     integer NOT NULL DEFAULT 3,
    points         integer NOT NULL DEFAULT 10,
    estimated_time integer NOT NULL DEFAULT 15,
    time_limit     integer NOT NULL DEFAULT 1800,
    instructions   text NOT NULL DEFAULT '',
    requirements   jsonb NOT NULL DEFAULT '[]',
    starter_code   text NOT NULL DEFAULT '',
    -- quiz: [{question, options[], answer}]; the answer key never leaves the server.
    questions      jsonb NOT NULL DEFAULT '[]',
    retired        boolean NOT NULL DEFAULT false,
    UNIQUE (concept_id, key)
);

CREATE TABLE concept_progress (
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    concept_id   bigint NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'learning', 'practicing', 'completed', 'mastered')),
    -- Bayesian Knowledge Tracing: P(learned) after every observation.
    mastery      double precision NOT NULL DEFAULT 0,
    observations integer NOT NULL DEFAULT 0,
    time_spent   integer NOT NULL DEFAULT 0,
    started_at   timestamptz,
    completed_at timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, concept_id)
);
CREATE INDEX concept_progress_concept ON concept_progress (concept_id);

CREATE TABLE concept_sessions (
    id            uuid PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    concept_id    bigint NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'mastered', 'abandoned')),
    learning_mode text NOT NULL DEFAULT 'guided',
    started_at    timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz
);
-- One active session per learner and concept: a second start is a 409.
CREATE UNIQUE INDEX concept_sessions_active ON concept_sessions (user_id, concept_id) WHERE status = 'active';

CREATE TABLE exercise_sessions (
    id          uuid PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    exercise_id bigint NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
    started_at  timestamptz NOT NULL DEFAULT now(),
    submitted_at timestamptz,
    score       double precision,
    passed      boolean
);
CREATE INDEX exercise_sessions_user ON exercise_sessions (user_id, exercise_id);

CREATE TABLE user_achievements (
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    achievement_id text NOT NULL,
    awarded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, achievement_id)
);

-- Adaptive learning: what the learner told us (POST /adaptive/feedback) folded into preferences.
CREATE TABLE learner_profiles (
    user_id              bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    difficulty_offset    double precision NOT NULL DEFAULT 0,
    pace                 double precision NOT NULL DEFAULT 1,
    resource_weights     jsonb NOT NULL DEFAULT '{"documentation": 0.4, "video": 0.3, "exercises": 0.3}',
    updated_at           timestamptz NOT NULL DEFAULT now()
);
