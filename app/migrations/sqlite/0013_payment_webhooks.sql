-- Inbound payment webhooks: the brand's shared secret with its payment
-- service, and every event received (deduplicated by its id).
ALTER TABLE brands ADD COLUMN payment_webhook_secret TEXT;
CREATE TABLE payment_events (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    event_key TEXT NOT NULL,
    order_id INTEGER REFERENCES orders (id),
    outcome TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (brand_id, event_key)
);
