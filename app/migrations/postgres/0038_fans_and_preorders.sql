-- Chosen by fans, and pre-orders (issue 19). A closed poll keeps what the
-- brand will do with its result, and the item its winning option names
-- carries the fans' mark.
ALTER TABLE polls ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE polls ADD COLUMN winner_option_id BIGINT REFERENCES poll_options (id);
ALTER TABLE items ADD COLUMN chosen_by_fans_at TIMESTAMPTZ;

-- A pre-order campaign on an item: guests pre-order with their card
-- authorised, not charged (Stripe's manual capture). Reaching the goal
-- before the end funds it once ('funded': every authorisation is
-- captured, the item goes into production); ending short fails it once
-- ('failed': every authorisation is released).
CREATE TABLE preorder_campaigns (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    item_id BIGINT NOT NULL REFERENCES items (id),
    goal_units BIGINT NOT NULL CHECK (goal_units > 0),
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents > 0),
    currency TEXT NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'funded', 'failed')),
    decided_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX preorder_campaigns_open ON preorder_campaigns (item_id) WHERE state = 'open';
CREATE INDEX preorder_campaigns_brand ON preorder_campaigns (brand_id, id);

-- One guest's pre-order: 'new' until their card is authorised, then
-- 'authorised', and at the decision 'captured' or 'released' (each step a
-- conditional UPDATE, each Stripe call read back first, so that a crash
-- in the middle neither charges twice nor forgets anyone).
CREATE TABLE preorders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES preorder_campaigns (id),
    event_id BIGINT REFERENCES events (id) ON DELETE SET NULL,
    guest_id BIGINT REFERENCES guests (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    code TEXT NOT NULL UNIQUE,
    form_key TEXT NOT NULL UNIQUE,
    intent_id TEXT,
    state TEXT NOT NULL DEFAULT 'new'
        CHECK (state IN ('new', 'authorised', 'captured', 'released', 'abandoned')),
    attempts BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    settled_at TIMESTAMPTZ
);
CREATE INDEX preorders_campaign ON preorders (campaign_id, state);
