-- State of every MassTransit state machine instance (Sagas/Persistence/PostgresSagaTransaction.cs reads and writes it).
-- The correlation id alone is the key: one saga type per correlation id.
CREATE TABLE saga_instances (
    correlation_id uuid PRIMARY KEY,
    saga_type      text NOT NULL,
    current_state  text,
    data           jsonb NOT NULL,
    version        integer NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
-- Ops and stage-timeout sweeps ask "which instances of this saga are in this state".
CREATE INDEX saga_instances_type_state ON saga_instances (saga_type, current_state);

-- Messages waiting for their due time (Handlers/Scheduling): the broker has no delayed delivery, so
-- ScheduleMessage lands here and a poller sends each row to its destination once due, with its original headers.
CREATE TABLE scheduled_messages (
    token_id         uuid PRIMARY KEY,
    destination      text NOT NULL,
    due_at           timestamptz NOT NULL,
    message_types    text[] NOT NULL,
    payload          jsonb NOT NULL,
    headers          jsonb NOT NULL DEFAULT '{}'::jsonb,
    message_id       uuid,
    correlation_id   uuid,
    conversation_id  uuid,
    initiator_id     uuid,
    request_id       uuid,
    source_address   text,
    response_address text,
    fault_address    text,
    expires_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scheduled_messages_due ON scheduled_messages (due_at);
