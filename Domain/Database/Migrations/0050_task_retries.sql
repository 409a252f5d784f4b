-- A failed task can be retried a bounded number of times, each retry waiting longer than the last
-- (Pipeline:TaskRetries): one failed task retried 263 times in 20 s cost 263 LLM calls.
ALTER TABLE user_tasks
    ADD COLUMN retry_count     integer NOT NULL DEFAULT 0,
    ADD COLUMN last_retried_at timestamptz;
