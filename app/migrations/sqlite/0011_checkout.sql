-- Issue 5: carts, checkout and the purchase. Amounts in integer cents.

-- Shipping to the guest: a flat fee, free from a threshold (brand settings).
ALTER TABLE brands ADD COLUMN shipping_flat_cents BIGINT NOT NULL DEFAULT 590;
ALTER TABLE brands ADD COLUMN free_shipping_from_cents BIGINT NOT NULL DEFAULT 6000;

-- A cart per event and owner: a guest (`guest:<id>`) or a share-link
-- visitor (`visitor:<random key from a cookie>`). It survives reloads.
CREATE TABLE carts (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (event_id, owner)
);
CREATE TABLE cart_lines (
    cart_id INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items (id),
    quantity BIGINT NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at TEXT NOT NULL,
    PRIMARY KEY (cart_id, item_id)
);

-- The order itself: who, how it is delivered, its idempotency key (one
-- order per checkout form) and the unguessable code of its tracking page.
ALTER TABLE orders ADD COLUMN host_id INTEGER REFERENCES users (id);
ALTER TABLE orders ADD COLUMN idempotency_key TEXT;
ALTER TABLE orders ADD COLUMN tracking_code TEXT;
ALTER TABLE orders ADD COLUMN delivery TEXT NOT NULL DEFAULT 'host' CHECK (delivery IN ('home', 'host'));
ALTER TABLE orders ADD COLUMN address TEXT;
ALTER TABLE orders ADD COLUMN vat_cents BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX orders_idempotency ON orders (idempotency_key);
CREATE UNIQUE INDEX orders_tracking ON orders (tracking_code);

-- Each line keeps a snapshot of the item as it was sold.
CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items (id),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0),
    vat_rate_bp BIGINT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity >= 1),
    line_cents BIGINT NOT NULL
);
CREATE INDEX order_lines_order ON order_lines (order_id);

-- Every change of an order's status: when, and who made it.
CREATE TABLE order_status_changes (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_status_changes_order ON order_status_changes (order_id, changed_at);
