-- A CancelScheduledMessage can be consumed before the ScheduleMessage it cancels (both share the scheduler queue,
-- which has several consumers). Such a cancel leaves a tombstone here, and the late schedule is dropped.
CREATE TABLE canceled_schedules (
    token_id    uuid PRIMARY KEY,
    canceled_at timestamptz NOT NULL DEFAULT now()
);
