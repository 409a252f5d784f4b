-- The one conversation engine (DESIGN.md "conversations"): seed 001 planning sessions, their chats and module chats,
-- seed 003 tutoring chats and seed 004 assistant chats are all rows here. A conversation may group others (parent_id):
-- a seed 001 planning session is a conversation whose chats are its children; messages belong to the chats.
CREATE TABLE conversations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('planning', 'module', 'tutoring', 'assistant')),
    owner_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    parent_id     bigint REFERENCES conversations (id) ON DELETE CASCADE,
    -- What the conversation is about: a track/course, one of its modules, a concept (seed 003, no FK: its table is
    -- another feature's), and free-form context a feature passes to the prompt (metadata->>'context').
    course_id     bigint REFERENCES courses (id) ON DELETE CASCADE,
    module_id     bigint REFERENCES sections (id) ON DELETE CASCADE,
    concept_id    bigint,
    title         text NOT NULL DEFAULT '',
    -- active, paused, completed, archived (docs/conversations.md)
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed', 'archived')),
    -- A planning session's course plan before it is finalised into modules.
    draft_plan    jsonb,
    metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_owner ON conversations (owner_id, kind, created_at DESC);
CREATE INDEX conversations_parent ON conversations (parent_id, created_at DESC) WHERE parent_id IS NOT NULL;
CREATE INDEX conversations_course ON conversations (course_id) WHERE course_id IS NOT NULL;
CREATE INDEX conversations_module ON conversations (module_id, owner_id) WHERE module_id IS NOT NULL;

CREATE TABLE conversation_messages (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id   bigint NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    -- system: an instruction to the model that is not shown as a turn (e.g. "open the module lesson").
    role              text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
    content           text NOT NULL DEFAULT '',
    status            text NOT NULL DEFAULT 'completed' CHECK (status IN ('streaming', 'completed', 'stopped', 'failed')),
    -- The message an assistant reply answers: unique, so a redelivered GenerateReply can never add a second reply.
    reply_to          bigint UNIQUE REFERENCES conversation_messages (id) ON DELETE CASCADE,
    model             text,
    prompt_tokens     integer NOT NULL DEFAULT 0,
    completion_tokens integer NOT NULL DEFAULT 0,
    cost              numeric(12, 6) NOT NULL DEFAULT 0,
    feedback          jsonb,
    error             text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id, id);

-- Background tasks of other kinds than a learning path (seed 001 lesson generation); the resender only restarts
-- 'pending' tasks without a saga, and lesson tasks are created 'running'.
ALTER TABLE user_tasks ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'learning_path';
