-- Operations (the ServicePulse substitute): failed messages taken off every *_error queue, endpoint heartbeats,
-- per-instance message counters, and what the metrics need from tasks.

-- One row per failed message (not per failure): a message that fails again after a retry comes back to its row,
-- found by its MassTransit message id, and failure_count grows.
CREATE TABLE failed_messages (
    id                uuid PRIMARY KEY,
    message_id        text NOT NULL UNIQUE,
    queue             text NOT NULL,          -- the input queue the message failed in (its error queue is queue || '_error')
    message_type      text NOT NULL,
    exception_type    text NOT NULL,
    exception_message text NOT NULL,
    stack_trace       text,
    headers           jsonb NOT NULL,
    content_type      text,
    body              bytea NOT NULL,
    task_id           uuid,                   -- the saga correlation id (user_tasks.correlation_id) when the message carries one
    stage             text,
    group_id          text NOT NULL,          -- stable hash of message type + exception type + stage
    first_failed_at   timestamptz NOT NULL,
    last_failed_at    timestamptz NOT NULL,
    failure_count     integer NOT NULL DEFAULT 1,
    retry_count       integer NOT NULL DEFAULT 0,
    status            text NOT NULL DEFAULT 'unresolved' CHECK (status IN ('unresolved', 'archived', 'retried')),
    status_changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX failed_messages_open ON failed_messages (status, group_id, last_failed_at DESC);
CREATE INDEX failed_messages_queue ON failed_messages (queue, status);
CREATE INDEX failed_messages_task ON failed_messages (task_id);

CREATE TABLE endpoint_instances (
    instance_id       text PRIMARY KEY,
    endpoint          text NOT NULL,
    host              text NOT NULL,
    version           text NOT NULL,
    process_id        integer NOT NULL,
    started_at        timestamptz NOT NULL,
    last_heartbeat_at timestamptz NOT NULL
);

-- Each process flushes its cumulative counters here; the totals of the system are the sums over instances.
-- Buckets are histogram counts per upper bound (MessageTimingBuckets.UpperBoundsMs), not cumulative.
CREATE TABLE message_metrics (
    instance_id        text NOT NULL,
    endpoint           text NOT NULL,
    message_type       text NOT NULL,
    processed          bigint NOT NULL,
    failed             bigint NOT NULL,
    retried            bigint NOT NULL,
    processing_ms_sum  double precision NOT NULL,
    processing_buckets bigint[] NOT NULL,
    critical_ms_sum    double precision NOT NULL,
    critical_buckets   bigint[] NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (instance_id, message_type)
);

ALTER TABLE user_tasks
    ADD COLUMN llm_provider text,
    ADD COLUMN llm_model text,
    -- seconds each finished stage took, e.g. {"planning_path_structure": 1.8}; written by the saga with the row.
    ADD COLUMN stage_seconds jsonb NOT NULL DEFAULT '{}';
CREATE INDEX user_tasks_status ON user_tasks (status, created_at DESC);
CREATE INDEX user_tasks_created ON user_tasks (created_at DESC);
