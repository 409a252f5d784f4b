-- The one domain model behind the five seeds (DESIGN.md). A course is a generated path's course (kind 'path'), a seed
-- 001 track ('track') or a seed 004 catalogue course ('catalogue'); its modules are rows of `sections` (seed 000 calls a
-- path's modules sections; seed 001 and 004 call them modules). Learning events are the one progress log every feature
-- writes and every progress, analytics and recommendation read.

ALTER TABLE courses ALTER COLUMN learning_path_id DROP NOT NULL;
ALTER TABLE courses
    ADD COLUMN kind                     text NOT NULL DEFAULT 'path' CHECK (kind IN ('path', 'track', 'catalogue')),
    ADD COLUMN owner_id                 bigint REFERENCES users (id) ON DELETE CASCADE,
    ADD COLUMN skill_area               text,
    ADD COLUMN difficulty_level         text,
    ADD COLUMN estimated_duration_hours double precision,
    ADD COLUMN user_expectations        text,
    -- private: the owner (and enrolled users) only; public: every signed-in user can see and enroll.
    ADD COLUMN visibility               text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'public')),
    ADD COLUMN status                   text NOT NULL DEFAULT 'active',
    ADD COLUMN created_at               timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_at               timestamptz NOT NULL DEFAULT now();
UPDATE courses c SET owner_id = p.owner_id, difficulty_level = p.difficulty_level
FROM learning_paths p WHERE p.id = c.learning_path_id;
-- Courses that are not part of a path have a position of their own owner's choosing (0); only paths order them.
ALTER TABLE courses ALTER COLUMN position SET DEFAULT 0;
CREATE INDEX courses_owner ON courses (owner_id, created_at DESC);
CREATE INDEX courses_public ON courses (created_at DESC) WHERE visibility = 'public';

ALTER TABLE sections ALTER COLUMN learning_path_id DROP NOT NULL;
ALTER TABLE sections
    ADD COLUMN description     text NOT NULL DEFAULT '',
    ADD COLUMN objectives      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN estimated_hours double precision,
    -- Generated lesson materials (seed 001 generate-lesson): explanation, examples, exercises, quiz.
    ADD COLUMN lesson          jsonb,
    ADD COLUMN created_at      timestamptz NOT NULL DEFAULT now();

-- Seed 004: enrolling twice is one enrolment.
CREATE TABLE course_enrollments (
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id   bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, course_id)
);
CREATE INDEX course_enrollments_course ON course_enrollments (course_id);

-- Per learner and module: done or not (seed 001 module-complete, seed 004 course progress).
CREATE TABLE module_completions (
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    module_id    bigint NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    completed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, module_id)
);

-- Append-only, shaped like an xAPI statement: actor (user_id), verb, object (type + id), result, context, timestamp.
CREATE TABLE learning_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- started, completed, attempted, passed, failed, progressed, reviewed, mastered, asked, rated ...
    verb             text NOT NULL,
    -- concept, exercise, module, course, goal, card, conversation ...
    object_type      text NOT NULL,
    object_id        text NOT NULL,
    score            double precision,
    success          boolean,
    completion       boolean,
    duration_seconds integer,
    context          jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- A redelivered command writes its event once: the writer names the event (e.g. "exercise-submission:123").
    dedup_key        text UNIQUE,
    occurred_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learning_events_user ON learning_events (user_id, occurred_at DESC);
CREATE INDEX learning_events_object ON learning_events (object_type, object_id, occurred_at DESC);
CREATE INDEX learning_events_time ON learning_events (occurred_at);
