-- When the GenerateLearningPath command of a task was last sent (by the edge on accept, or again by the resender in
-- Handlers/Recovery while no saga has taken the task up). Null: sent once, at created_at.
ALTER TABLE user_tasks ADD COLUMN start_sent_at timestamptz;
