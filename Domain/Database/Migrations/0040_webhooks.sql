-- Seed 003 webhooks: an instructor's subscriptions, and one delivery per (subscription, event) with every attempt.
CREATE TABLE webhook_subscriptions (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id           text NOT NULL UNIQUE,
    owner_id             bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url                  text NOT NULL,
    events               text[] NOT NULL,
    secret               text NOT NULL,
    -- active (delivering), inactive (registered with active=false), disabled (kept failing; the owner sees why)
    status               text NOT NULL,
    -- deliveries that ended failed since the last one that succeeded
    failed_deliveries    integer NOT NULL DEFAULT 0,
    disabled_reason      text,
    disabled_at          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    deleted_at           timestamptz
);
CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX webhook_subscriptions_events ON webhook_subscriptions USING gin (events) WHERE deleted_at IS NULL AND status = 'active';

CREATE TABLE webhook_deliveries (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- sent as the Standard Webhooks webhook-id: the same on every attempt, so receivers can drop duplicates
    delivery_id       text NOT NULL UNIQUE,
    subscription_id   bigint NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event             text NOT NULL,
    -- what caused it (e.g. "concept.completed:12:345:638..."): a redelivered bus event creates no second delivery
    event_key         text NOT NULL,
    -- the exact bytes sent (and signed) on every attempt
    body              text NOT NULL,
    -- pending, delivered, failed
    status            text NOT NULL DEFAULT 'pending',
    attempts          integer NOT NULL DEFAULT 0,
    last_status_code  integer,
    last_error        text,
    next_attempt_at   timestamptz,
    redelivery_of     text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    first_attempt_at  timestamptz,
    completed_at      timestamptz,
    UNIQUE (subscription_id, event_key)
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id DESC);

CREATE TABLE webhook_delivery_attempts (
    delivery_id   bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt       integer NOT NULL,
    status_code   integer,
    error         text,
    duration_ms   integer NOT NULL,
    attempted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (delivery_id, attempt)
);

-- user.struggled: failed exercise submissions per learner and concept, and when the learner was last reported.
CREATE TABLE struggle_failures (
    user_id       bigint NOT NULL,
    concept_id    bigint NOT NULL,
    exercise_id   bigint NOT NULL,
    submitted_at  timestamptz NOT NULL,
    score         double precision NOT NULL,
    PRIMARY KEY (user_id, concept_id, exercise_id, submitted_at)
);
CREATE TABLE struggle_reports (
    user_id      bigint NOT NULL,
    concept_id   bigint NOT NULL,
    reported_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, concept_id)
);
