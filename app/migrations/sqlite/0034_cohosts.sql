-- Co-hosts (issue 18): another host of the brand helps the host run a
-- party (guest list, invitations, messages, featured items, presenting);
-- only the host closes it and edits it. The brand's reward rules may give
-- co-hosts a share of the party's credit at closing: the ledger gains the
-- kind 'cohost_share', once per party and co-host.
CREATE TABLE event_cohosts (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_cohosts_user ON event_cohosts (user_id);

-- SQLite cannot change a CHECK: the ledger is rebuilt with the new kind.
CREATE TABLE host_credit_ledger_new (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    host_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('event_reward', 'booking_bonus', 'redemption', 'restored', 'cohost_share')),
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
CREATE UNIQUE INDEX host_credit_share_once ON host_credit_ledger (event_id, host_id) WHERE kind = 'cohost_share';
CREATE INDEX host_credit_host ON host_credit_ledger (host_id, id);
CREATE INDEX host_credit_event ON host_credit_ledger (event_id);
CREATE TRIGGER host_credit_no_update BEFORE UPDATE ON host_credit_ledger
BEGIN SELECT RAISE(ABORT, 'the host credit ledger is append-only'); END;
CREATE TRIGGER host_credit_no_delete BEFORE DELETE ON host_credit_ledger
BEGIN SELECT RAISE(ABORT, 'the host credit ledger is append-only'); END;
