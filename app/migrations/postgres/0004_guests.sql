-- The guest list of an event. One row per email per event; the RSVP lives
-- here ('pending' until the guest answers).
CREATE TABLE guests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    rsvp TEXT NOT NULL DEFAULT 'pending' CHECK (rsvp IN ('pending', 'yes', 'maybe', 'no', 'waiting')),
    companions BIGINT NOT NULL DEFAULT 0 CHECK (companions BETWEEN 0 AND 3),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    UNIQUE (event_id, email)
);
