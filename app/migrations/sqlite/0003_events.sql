-- Parties scheduled by hosts. Times are UTC; time_zone is the IANA zone the
-- event is shown in. An in-person event has an address, an online one a link.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    host_id INTEGER NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('in_person', 'online')),
    address TEXT,
    video_url TEXT,
    capacity BIGINT NOT NULL CHECK (capacity >= 1),
    orders_close_at TEXT NOT NULL,
    cancelled_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_host ON events (host_id, starts_at);
CREATE INDEX events_brand ON events (brand_id, starts_at);
