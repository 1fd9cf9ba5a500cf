-- Every export and erasure of a person's data, for the brand's admin to
-- read. The person is named by a hash of their address (sha256 of the
-- brand and the address), never by the address: an erasure leaves no copy
-- here, and an admin who types the address finds its lines.
CREATE TABLE privacy_log (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('export', 'erase')),
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX privacy_log_brand ON privacy_log (brand_id, created_at);

-- How long the brand keeps guests who never answered: they are made
-- anonymous this many months after their party (12 at most).
ALTER TABLE brands ADD COLUMN retention_months BIGINT NOT NULL DEFAULT 12;
