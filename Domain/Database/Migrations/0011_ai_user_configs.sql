-- Seed 001 /api/ai/user-config: a user's own AI settings (model, temperature, language, tone, answer length ...),
-- merged over the defaults; the reply worker reads them for that user's conversations.
CREATE TABLE ai_user_configs (
    user_id    bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    config     jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at timestamptz NOT NULL DEFAULT now()
);
