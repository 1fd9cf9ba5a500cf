-- Two-step sign-in (TOTP, RFC 6238). `totp_secret` is in force;
-- `totp_pending` waits for the first code that proves the app has it;
-- `totp_last_step` is the time step of the last code used, so that no code
-- is used twice.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- Ten single-use codes for a lost phone, each kept as a salted argon2id
-- hash, like a password.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A sign-in between its password and its code (10 minutes, 5 wrong codes).
CREATE TABLE sign_in_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    next TEXT,
    failures BIGINT NOT NULL DEFAULT 0,
    expires_at TEXT NOT NULL
);
