-- Seed 004 (/api/v1): the user's time zone (the schedule's dates are read in it), goals and notes.

ALTER TABLE users ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';

-- A goal moves by progress events (learning_events, object_type 'goal', verb 'progressed'); current_value is their sum,
-- kept here so lists need no aggregate. Reaching target_value completes it.
CREATE TABLE goals (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title         text NOT NULL,
    description   text NOT NULL DEFAULT '',
    target_value  double precision NOT NULL CHECK (target_value > 0),
    current_value double precision NOT NULL DEFAULT 0,
    unit          text NOT NULL DEFAULT 'percent',
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'paused', 'abandoned')),
    due_date      date,
    course_id     bigint REFERENCES courses (id) ON DELETE SET NULL,
    completed_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goals_user ON goals (user_id, created_at DESC);

CREATE TABLE notes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      text NOT NULL,
    content    text NOT NULL DEFAULT '',
    course_id  bigint REFERENCES courses (id) ON DELETE SET NULL,
    tags       text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_user ON notes (user_id, updated_at DESC);
