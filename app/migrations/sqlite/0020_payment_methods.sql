-- Payment methods (issue 14): which ways to pay a brand offers (a comma
-- list of card, transfer and delivery: today's brands keep transfer and
-- payment at delivery), and how many days an unpaid transfer waits before
-- its order is cancelled. An order keeps when its buyer was reminded to
-- pay. A cancelled reward order gives its host credit back: the ledger
-- gains the kind 'restored', once per order.
ALTER TABLE brands ADD COLUMN payment_methods TEXT NOT NULL DEFAULT 'transfer,delivery';
ALTER TABLE brands ADD COLUMN transfer_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE orders ADD COLUMN pay_reminded_at TEXT;

-- SQLite cannot change a CHECK: the ledger is rebuilt with the new kind.
CREATE TABLE host_credit_ledger_new (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    host_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('event_reward', 'booking_bonus', 'redemption', 'restored')),
    event_id INTEGER REFERENCES events (id),
    order_id INTEGER REFERENCES orders (id),
    credit_cents BIGINT NOT NULL,
    half_price_items BIGINT NOT NULL,
    sales_cents BIGINT,
    buying_guests BIGINT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
INSERT INTO host_credit_ledger_new (id, brand_id, host_id, kind, event_id, order_id, credit_cents,
    half_price_items, sales_cents, buying_guests, note, created_at)
SELECT id, brand_id, host_id, kind, event_id, order_id, credit_cents,
    half_price_items, sales_cents, buying_guests, note, created_at FROM host_credit_ledger;
DROP TABLE host_credit_ledger;
ALTER TABLE host_credit_ledger_new RENAME TO host_credit_ledger;
CREATE UNIQUE INDEX host_credit_once ON host_credit_ledger (kind, event_id) WHERE kind IN ('event_reward', 'booking_bonus');
CREATE UNIQUE INDEX host_credit_spent_once ON host_credit_ledger (order_id) WHERE kind = 'redemption';
CREATE UNIQUE INDEX host_credit_restored_once ON host_credit_ledger (order_id) WHERE kind = 'restored';
CREATE INDEX host_credit_host ON host_credit_ledger (host_id, id);
CREATE INDEX host_credit_event ON host_credit_ledger (event_id);
CREATE TRIGGER host_credit_no_update BEFORE UPDATE ON host_credit_ledger
BEGIN SELECT RAISE(ABORT, 'the host credit ledger is append-only'); END;
CREATE TRIGGER host_credit_no_delete BEFORE DELETE ON host_credit_ledger
BEGIN SELECT RAISE(ABORT, 'the host credit ledger is append-only'); END;
