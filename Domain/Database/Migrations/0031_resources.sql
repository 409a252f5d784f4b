-- Seed 004 resources: the shipped starter catalogue (added_by NULL, visible to everyone) and resources a user added
-- (visible to that user). Searched two ways and merged (README): PostgreSQL full text over `search`, and cosine
-- similarity over `embedding` (384 floats from MiniLM, or the OpenAI model's; NULL until Handlers has embedded it).
CREATE TABLE resources (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title           text NOT NULL,
    type            text NOT NULL CHECK (type IN ('article', 'video', 'course', 'book', 'documentation', 'tutorial', 'exercise', 'podcast', 'tool', 'other')),
    url             text NOT NULL,
    description     text NOT NULL DEFAULT '',
    tags            text[] NOT NULL DEFAULT '{}',
    source          text NOT NULL DEFAULT 'manual' CHECK (source IN ('catalogue', 'manual', 'recommended')),
    added_by        bigint REFERENCES users (id) ON DELETE CASCADE,
    embedding       real[],
    embedding_model text,
    -- When the embedding was written: search processes read the vectors written since they last looked.
    embedded_at     timestamptz,
    search          tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', description), 'B')) STORED,
    created_at      timestamptz NOT NULL DEFAULT now()
);
-- One catalogue entry per URL, and a user adds a URL once (adding it again returns the first).
CREATE UNIQUE INDEX resources_url ON resources (coalesce(added_by, 0), url);
CREATE INDEX resources_search ON resources USING gin (search);
CREATE INDEX resources_unembedded ON resources (id) WHERE embedding IS NULL;
CREATE INDEX resources_embedded_at ON resources (embedded_at) WHERE embedded_at IS NOT NULL;
