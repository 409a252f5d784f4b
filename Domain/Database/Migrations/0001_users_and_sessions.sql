CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text NOT NULL,
    username       text,
    password_hash  text,
    first_name     text,
    last_name      text,
    display_name   text,
    roles          text[] NOT NULL DEFAULT ARRAY['student'],
    is_guest       boolean NOT NULL DEFAULT false,
    preferences    jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- Seed 003's learning_profile (level, preferred_learning_style, strengths, areas_for_improvement).
    learning_profile jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
-- Emails and usernames are unique regardless of case.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE UNIQUE INDEX users_username_key ON users (lower(username)) WHERE username IS NOT NULL;

-- One row per login; refresh tokens rotate inside a family, and a revoked session's access tokens are refused.
CREATE TABLE auth_sessions (
    id            uuid PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoked_reason text
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);

CREATE TABLE refresh_tokens (
    token_hash   bytea PRIMARY KEY,
    session_id   uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

-- Failed logins per account name (lower-cased, as typed: unknown accounts are throttled too, so the answer does not
-- reveal which accounts exist). Kept in PostgreSQL so every instance counts the same failures.
CREATE TABLE login_failures (
    account      text PRIMARY KEY,
    failures     integer NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz
);
