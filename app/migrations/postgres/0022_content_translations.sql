-- Brand content in several languages (issue 15). An item's, kit's or
-- poll's own columns hold the brand's text in its default language; a
-- translation into another language is kept here, one row per field
-- (an item's name, description, composition, care and story; a kit's
-- name and description; a poll's question; a poll option's label). A
-- reader gets the text of their language where there is one, else the
-- brand's. Rows go with what they translate (deleted by the code that
-- deletes it: one table serves four kinds, so no foreign key).
CREATE TABLE translations (
    kind TEXT NOT NULL CHECK (kind IN ('item', 'kit', 'poll', 'poll_option')),
    ref_id BIGINT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    field TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (kind, ref_id, language, field)
);
