-- A drawing's prize in credit (issue 19): a guest's credit at the brand,
-- by email (lower case). A 'prize' row gives it; an 'order' row names an
-- order that spends it: what it spends is that order's `discount_cents`
-- while the order is not cancelled or refunded, so a cancelled order or a
-- smaller order gives back what it no longer uses. Orders spend it only
-- from an invitation with that email (the link was mailed there).
CREATE TABLE guest_credits (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    email TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('prize', 'order')),
    event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
    order_id INTEGER REFERENCES orders (id) ON DELETE CASCADE,
    credit_cents BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX guest_credits_email ON guest_credits (brand_id, email);
