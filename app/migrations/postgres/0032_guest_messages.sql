-- Reminders as the host chooses them: 'day' (24 hours before, the
-- default), 'early' (2 days before), 'both' or 'none'; each goes to the
-- guests who are coming and to those who have not answered. The last call
-- goes 2 days before the order deadline to invited guests with no order.
ALTER TABLE events ADD COLUMN reminders TEXT NOT NULL DEFAULT 'day'
    CHECK (reminders IN ('day', 'early', 'both', 'none'));
ALTER TABLE events ADD COLUMN early_reminders_sent_at TIMESTAMPTZ;
ALTER TABLE events ADD COLUMN last_call_sent_at TIMESTAMPTZ;

-- What a host wrote to the guests of a party: once per form key, to an
-- audience (all invited, those who said yes, those who have not answered).
CREATE TABLE guest_messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    form_key TEXT NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('all', 'yes', 'pending')),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    recipients BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, form_key)
);
