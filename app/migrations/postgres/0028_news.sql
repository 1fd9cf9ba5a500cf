-- The brand's news: one row per mail the admin wrote (the form's key makes
-- a second send of the same form a no-op), and one per address it went to,
-- with the Message-ID of its outbox row (an erasure removes both).
CREATE TABLE news_mailings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id BIGINT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    form_key TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    recipients BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (brand_id, form_key)
);
CREATE TABLE news_deliveries (
    mailing_id BIGINT NOT NULL REFERENCES news_mailings (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (mailing_id, email)
);
CREATE INDEX news_deliveries_email ON news_deliveries (email);
