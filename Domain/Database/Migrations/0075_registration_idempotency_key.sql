-- Issue 18 item 3: a registration sent again with the same Idempotency-Key (a client that lost the answer) is answered
-- like the first one instead of "Email already registered". The key the account was registered with, as the client sent it.
ALTER TABLE users ADD COLUMN IF NOT EXISTS registration_key text;
