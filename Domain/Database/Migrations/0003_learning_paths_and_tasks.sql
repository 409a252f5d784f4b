CREATE TABLE learning_paths (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The task that created the path: saving twice (a redelivered command) finds the first one.
    created_by_task  uuid UNIQUE,
    owner_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title            text NOT NULL,
    description      text NOT NULL,
    difficulty_level text NOT NULL,
    estimated_days   integer NOT NULL,
    interests        text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learning_paths_owner ON learning_paths (owner_id, created_at DESC);

-- Seed 000: the path is "assigned to the user"; a path can later be shared with others.
CREATE TABLE user_learning_paths (
    user_id          bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    learning_path_id bigint NOT NULL REFERENCES learning_paths (id) ON DELETE CASCADE,
    assigned_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, learning_path_id)
);

CREATE TABLE courses (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    learning_path_id bigint NOT NULL REFERENCES learning_paths (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    title            text NOT NULL,
    description      text NOT NULL DEFAULT '',
    UNIQUE (learning_path_id, position)
);

CREATE TABLE sections (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id        bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    learning_path_id bigint NOT NULL REFERENCES learning_paths (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    title            text NOT NULL,
    keywords         text[] NOT NULL DEFAULT '{}',
    UNIQUE (course_id, position)
);
CREATE INDEX sections_path ON sections (learning_path_id);

-- (section_id, position) is unique, so a redelivered generation can never add a card twice.
CREATE TABLE cards (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    section_id  bigint NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    front       text NOT NULL,
    back        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (section_id, position)
);

-- Seed 002's user_tasks: one row per background task, polled by the frontend. Written by the edge when a task is
-- accepted, then only by the saga, in the same transaction as the saga state.
CREATE TABLE user_tasks (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id           text NOT NULL UNIQUE,
    correlation_id    uuid NOT NULL UNIQUE,
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    learning_path_id  bigint REFERENCES learning_paths (id) ON DELETE SET NULL,
    status            text NOT NULL,
    stage             text,
    progress          double precision NOT NULL DEFAULT 0,
    total_items       integer,
    completed_items   integer NOT NULL DEFAULT 0,
    result_message    text,
    error_details     text,
    prompt            text NOT NULL,
    idempotency_key   text,
    prompt_tokens     bigint NOT NULL DEFAULT 0,
    completion_tokens bigint NOT NULL DEFAULT 0,
    llm_calls         integer NOT NULL DEFAULT 0,
    started_at        timestamptz,
    ended_at          timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_tasks_user ON user_tasks (user_id, created_at DESC);
CREATE INDEX user_tasks_path ON user_tasks (learning_path_id, created_at DESC);
CREATE UNIQUE INDEX user_tasks_idempotency ON user_tasks (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
