-- A person without a link asks for their data from the brand's privacy
-- page; the link mailed to the address is the proof it is theirs. Valid one
-- hour; an erasure uses it up. Only its hash is kept.
CREATE TABLE privacy_requests (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    -- The Message-ID of the mail that carried the link, erased with the rest.
    mail_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX privacy_requests_address ON privacy_requests (brand_id, email, created_at);
