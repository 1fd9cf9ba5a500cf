-- Issue 6, first part: the host program (applications, suspension, the
-- host's city) and the brand's API keys.

-- A fan's application to host, from the public "Become a host" page.
CREATE TABLE host_applications (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    city TEXT NOT NULL,
    motivation TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
    user_id INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    decided_at TEXT,
    UNIQUE (brand_id, email)
);
CREATE INDEX host_applications_brand ON host_applications (brand_id, status, id);

-- A suspended host keeps their account and open events but cannot schedule
-- new ones. How the host joined: 'seed', 'application', 'booking', 'invitation'.
ALTER TABLE users ADD COLUMN suspended_at TEXT;
ALTER TABLE users ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN joined_via TEXT NOT NULL DEFAULT 'seed';
CREATE INDEX users_brand_role ON users (brand_id, role, created_at);

-- Read-only keys for the brand's BI tools: only the SHA-256 of a key is kept.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    name TEXT NOT NULL,
    key_prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_keys_brand ON api_keys (brand_id, id);

-- The dashboard reads guests, orders and bookings per event.
CREATE INDEX booking_requests_event ON booking_requests (from_event_id);
CREATE INDEX host_credit_event ON host_credit_ledger (event_id);
