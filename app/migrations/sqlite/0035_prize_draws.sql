-- A fair drawing at the party (issue 19). The brand offers a prize on one
-- party, or on every party starting in a period: an item (a free order
-- line for the winner) or credit. Guests are eligible by the brand's rule:
-- they said yes, or they bought.
CREATE TABLE prize_offers (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,
    period_from TEXT,
    period_to TEXT,
    prize_kind TEXT NOT NULL CHECK (prize_kind IN ('item', 'credit')),
    item_id INTEGER REFERENCES items (id),
    credit_cents BIGINT NOT NULL DEFAULT 0,
    rule TEXT NOT NULL CHECK (rule IN ('yes', 'bought')),
    created_at TEXT NOT NULL
);
CREATE INDEX prize_offers_brand ON prize_offers (brand_id, id);

-- One drawing per party: the commitment (SHA-256 of the seed) is shown
-- before it; at the drawing the seed is revealed with the eligible guests'
-- ids, so that anyone can redo it (`soiree verify-draw`).
CREATE TABLE party_draws (
    event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    offer_id INTEGER NOT NULL REFERENCES prize_offers (id) ON DELETE CASCADE,
    seed TEXT NOT NULL,
    commitment TEXT NOT NULL,
    eligible TEXT,
    winner_guest_id BIGINT,
    drawn_at TEXT,
    created_at TEXT NOT NULL
);
