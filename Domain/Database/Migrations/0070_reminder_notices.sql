-- Notices the system gives a user (e.g. "your webhook was disabled") go into the seed 004 notifications list beside
-- their reminders: a row delivered at once. notice_key makes each notice once-only (a redelivered bus message adds nothing).
ALTER TABLE reminders ADD COLUMN notice_key text;
CREATE UNIQUE INDEX reminders_notice_key ON reminders (notice_key) WHERE notice_key IS NOT NULL;
