-- The host's digest of new answers, notes and orders: on unless the host
-- turns it off; digest_sent_at is both the last send (at most one an hour)
-- and where the next digest starts.
ALTER TABLE users ADD COLUMN digest_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD COLUMN digest_sent_at TIMESTAMPTZ;
