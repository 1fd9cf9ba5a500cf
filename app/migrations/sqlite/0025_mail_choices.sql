-- What each person (an email address) chose about one brand's mail.
-- `news`: the brand's news, asked unticked on the RSVP, share-link and
-- checkout forms, with when and where the answer was given. `stopped_at`:
-- one click on the link of a reminder or thank-you stopped the brand's
-- non-transactional mail to the address, across all its parties.
CREATE TABLE mail_choices (
    brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    news BOOLEAN NOT NULL DEFAULT FALSE,
    news_answered_at TEXT,
    news_source TEXT,
    stopped_at TEXT,
    PRIMARY KEY (brand_id, email)
);
