-- A reply's structured parts, when the model was asked for structured output (seed 003 tutoring chat: code examples and
-- follow-up questions); content keeps the prose. NULL for replies answered in prose alone.
ALTER TABLE conversation_messages ADD COLUMN structure jsonb;
