-- A guest changes their order from its tracking page. Each change raises
-- the order's revision (a form made for an older revision is refused), is
-- kept once per form key, and, for an order paid by card, carries the part
-- of the payment to give back: 'pending' until Stripe refunded it (a
-- worker retries), then 'done'.
ALTER TABLE orders ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

CREATE TABLE order_changes (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    form_key TEXT NOT NULL,
    revision BIGINT NOT NULL,
    refund_cents BIGINT NOT NULL DEFAULT 0,
    refund_state TEXT NOT NULL DEFAULT 'none'
        CHECK (refund_state IN ('none', 'pending', 'done')),
    refund_attempts BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    refunded_at TEXT,
    UNIQUE (order_id, form_key)
);
CREATE INDEX order_changes_pending ON order_changes (refund_state)
    WHERE refund_state = 'pending';
