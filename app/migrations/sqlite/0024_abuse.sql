-- Sign-in failures count per account and client address: an attacker's
-- failures lock the attacker's address out, not the account's owner.
ALTER TABLE login_failures ADD COLUMN client TEXT NOT NULL DEFAULT '';
DROP INDEX login_failures_email;
CREATE INDEX login_failures_email_client ON login_failures (email, client, failed_at);

-- When a guest's link was last mailed: a share-link sign-up for an address
-- already on the list mails it again at most once an hour.
ALTER TABLE guests ADD COLUMN link_sent_at TEXT;
