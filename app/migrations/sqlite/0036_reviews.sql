-- Reviews and tips (issue 19). A buyer rates each item of a delivered order
-- (1 to 5) with a comment and an optional photo, once per order and item;
-- a host writes one tip per item ("how I use it"). The brand moderates:
-- pending until published or hidden, with an optional reply. An item keeps
-- the count and sum of its published ratings, rewritten in the
-- transaction that changes them, so that every card shows its average for
-- free.
ALTER TABLE items ADD COLUMN rating_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN rating_sum BIGINT NOT NULL DEFAULT 0;
-- When the buyer was asked for a review (a week after delivery), once.
ALTER TABLE orders ADD COLUMN review_asked_at TEXT;

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    item_id INTEGER NOT NULL REFERENCES items (id),
    kind TEXT NOT NULL CHECK (kind IN ('review', 'tip')),
    order_id INTEGER REFERENCES orders (id) ON DELETE CASCADE,
    host_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    rating BIGINT CHECK (rating BETWEEN 1 AND 5),
    body TEXT NOT NULL,
    photo_path TEXT,
    thumb_path TEXT,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'published', 'hidden')),
    reply TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    moderated_at TEXT,
    CHECK ((kind = 'review' AND order_id IS NOT NULL AND rating IS NOT NULL)
        OR (kind = 'tip' AND host_id IS NOT NULL AND rating IS NULL))
);
CREATE UNIQUE INDEX reviews_order_item ON reviews (order_id, item_id);
CREATE UNIQUE INDEX reviews_host_item ON reviews (host_id, item_id);
CREATE INDEX reviews_item ON reviews (item_id, state, id);
CREATE INDEX reviews_brand ON reviews (brand_id, state, id);
CREATE INDEX orders_review_due ON orders (status) WHERE review_asked_at IS NULL;

-- Media files to remove from the store (an erased person's photos): written
-- in the transaction that drops their rows, removed by a worker.
CREATE TABLE media_trash (
    path TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
