-- Orders placed from an event, credited to its host. Amounts are integer
-- cents, VAT included. This is the part the live event reads (count and
-- sales); checkout, lines and the status history build on it.
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    event_id INTEGER NOT NULL REFERENCES events (id),
    guest_id INTEGER REFERENCES guests (id) ON DELETE SET NULL,
    customer_name TEXT NOT NULL,
    customer_email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('placed', 'paid', 'in_preparation', 'shipped', 'delivered', 'cancelled', 'refunded')),
    merchandise_cents BIGINT NOT NULL CHECK (merchandise_cents >= 0),
    shipping_cents BIGINT NOT NULL CHECK (shipping_cents >= 0),
    total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
    placed_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX orders_event ON orders (event_id, status);
CREATE INDEX orders_brand ON orders (brand_id, placed_at);
