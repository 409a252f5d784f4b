-- Seed 003 voice tutoring: audio both hosts reach. The edge stores a learner's upload (or the chunks of a /ws/voice
-- utterance) as kind 'upload' for Handlers to transcribe and deletes it once transcribed; Handlers stores the tutor's
-- spoken answer as kind 'response', served to its owner by GET /api/learntrac/v1/voice/audio/{audio_id}.
CREATE TABLE voice_audio (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id          bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind              text NOT NULL CHECK (kind IN ('upload', 'response')),
    format            text NOT NULL,
    content_type      text NOT NULL,
    audio             bytea NOT NULL,
    duration_seconds  double precision,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voice_audio_owner ON voice_audio (owner_id, created_at);
