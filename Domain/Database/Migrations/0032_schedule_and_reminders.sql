-- Seed 004 schedule blocks (an RFC 5545 RRULE repeats one) and reminders, delivered once by Handlers through the
-- message scheduler (delivered_at is set by the delivery that won; a redelivered message finds it set and does nothing).
CREATE TABLE schedule_blocks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text NOT NULL,
    description text NOT NULL DEFAULT '',
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
    recurring   text,
    goal_id     bigint REFERENCES goals (id) ON DELETE SET NULL,
    course_id   bigint REFERENCES courses (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schedule_blocks_user ON schedule_blocks (user_id, starts_at);

CREATE TABLE reminders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message      text NOT NULL,
    remind_at    timestamptz NOT NULL,
    delivered_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reminders_user ON reminders (user_id, remind_at DESC);
