-- The calendar file's SEQUENCE (RFC 5545, 3.8.7.4): every invitation of a
-- party carries the same UID; a change of time or place, or a cancellation,
-- raises the sequence so that calendars replace what they hold.
ALTER TABLE events ADD COLUMN ics_sequence BIGINT NOT NULL DEFAULT 0;
