-- Personal invitation links. The link's token is derived from token_nonce
-- with the server's SECRET_KEY; only its SHA-256 is stored for look-up, so
-- the database alone never holds a usable token. A new nonce revokes a link.
ALTER TABLE guests ADD COLUMN token_nonce TEXT;
ALTER TABLE guests ADD COLUMN token_hash TEXT;
ALTER TABLE guests ADD COLUMN invited_at TIMESTAMPTZ;
CREATE UNIQUE INDEX guests_token ON guests (token_hash);
