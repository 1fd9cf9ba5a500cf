-- Issue 5, second part: outbound webhooks, reward rules, closing events,
-- the host credit ledger and bookings.

-- One delivery of an order event to the brand's back office, queued in the
-- transaction that caused it and sent by the worker with retries.
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    event_key TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    response_status BIGINT,
    response_body TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    delivered_at TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_brand ON webhook_deliveries (brand_id, id);

-- The brand's reward rules as JSON (NULL: the defaults of the brief).
ALTER TABLE brands ADD COLUMN reward_rules TEXT;

-- Closing: when, and who closed it; the warning 2 days before the deadline;
-- the event a booking came from.
ALTER TABLE events ADD COLUMN closed_at TEXT;
ALTER TABLE events ADD COLUMN closed_by TEXT;
ALTER TABLE events ADD COLUMN deadline_warned_at TEXT;
ALTER TABLE events ADD COLUMN booked_from_event_id INTEGER REFERENCES events (id);

-- A host's own reward order is not a guest's purchase.
ALTER TABLE orders ADD COLUMN kind TEXT NOT NULL DEFAULT 'guest' CHECK (kind IN ('guest', 'host_reward'));
ALTER TABLE orders ADD COLUMN discount_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN half_price_units BIGINT NOT NULL DEFAULT 0;

-- What hosts earn and spend. Rows are only ever added: a reward once per
-- closed event, a bonus once per booked event held in time, a spending once
-- per reward order.
CREATE TABLE host_credit_ledger (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    host_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('event_reward', 'booking_bonus', 'redemption')),
    event_id INTEGER REFERENCES events (id),
    order_id INTEGER REFERENCES orders (id),
    credit_cents BIGINT NOT NULL,
    half_price_items BIGINT NOT NULL,
    sales_cents BIGINT,
    buying_guests BIGINT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX host_credit_once ON host_credit_ledger (kind, event_id) WHERE kind IN ('event_reward', 'booking_bonus');
CREATE UNIQUE INDEX host_credit_spent_once ON host_credit_ledger (order_id) WHERE kind = 'redemption';
CREATE INDEX host_credit_host ON host_credit_ledger (host_id, id);
CREATE TRIGGER host_credit_no_update BEFORE UPDATE ON host_credit_ledger
BEGIN SELECT RAISE(ABORT, 'the host credit ledger is append-only'); END;
CREATE TRIGGER host_credit_no_delete BEFORE DELETE ON host_credit_ledger
BEGIN SELECT RAISE(ABORT, 'the host credit ledger is append-only'); END;

-- A guest asking to host their own party, from an event.
CREATE TABLE booking_requests (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    from_event_id INTEGER NOT NULL REFERENCES events (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
    user_id INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    decided_at TEXT,
    UNIQUE (from_event_id, email)
);
CREATE INDEX booking_requests_brand ON booking_requests (brand_id, status);
-- A new host booked from an event: their first event records it.
ALTER TABLE users ADD COLUMN booked_from_event_id INTEGER REFERENCES events (id);

-- Single-use links to set a password (new hosts).
CREATE TABLE password_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);
