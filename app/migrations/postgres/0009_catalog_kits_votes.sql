-- Issue 4: the catalog grows photos, an archive and a transparency label;
-- the brand builds kits; events feature items in the host's order; guests
-- favourite items and vote in the brand's polls.

ALTER TABLE items ADD COLUMN archived_at TIMESTAMPTZ;
ALTER TABLE items ADD COLUMN updated_at TIMESTAMPTZ;
-- The label: composition as canonical text ("60% organic cotton, 40% recycled
-- polyester", parts add up to 100), country of making, recycled content in
-- percent, care instructions and a short story. NULL when not given.
ALTER TABLE items ADD COLUMN label_composition TEXT;
ALTER TABLE items ADD COLUMN label_country TEXT;
ALTER TABLE items ADD COLUMN label_recycled_pct BIGINT CHECK (label_recycled_pct BETWEEN 0 AND 100);
ALTER TABLE items ADD COLUMN label_care TEXT;
ALTER TABLE items ADD COLUMN label_story TEXT;
CREATE INDEX items_brand_name ON items (brand_id, name);

-- Photos resized on upload; paths are relative to the media folder.
CREATE TABLE item_photos (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    display_path TEXT NOT NULL,
    thumb_path TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX item_photos_item ON item_photos (item_id, position);

CREATE TABLE kits (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (brand_id, name)
);

CREATE TABLE kit_items (
    kit_id BIGINT NOT NULL REFERENCES kits (id) ON DELETE CASCADE,
    item_id BIGINT NOT NULL REFERENCES items (id),
    position BIGINT NOT NULL,
    PRIMARY KEY (kit_id, item_id)
);

-- The items an event features, in the host's order.
ALTER TABLE events ADD COLUMN kit_id BIGINT REFERENCES kits (id);
CREATE TABLE event_items (
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    item_id BIGINT NOT NULL REFERENCES items (id),
    position BIGINT NOT NULL,
    PRIMARY KEY (event_id, item_id)
);
CREATE INDEX event_items_order ON event_items (event_id, position);

-- When a guest last opened their event page (for "guests present").
ALTER TABLE guests ADD COLUMN last_seen_at TIMESTAMPTZ;

CREATE TABLE favourites (
    guest_id BIGINT NOT NULL REFERENCES guests (id) ON DELETE CASCADE,
    item_id BIGINT NOT NULL REFERENCES items (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guest_id, item_id)
);
CREATE INDEX favourites_item ON favourites (item_id);

-- The brand's votes: a question with 2 to 6 options, each free text or an
-- item. One vote per person (by email) per poll, recorded with the event.
CREATE TABLE polls (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    question TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ
);
CREATE INDEX polls_brand ON polls (brand_id, created_at);

CREATE TABLE poll_options (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id BIGINT NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    item_id BIGINT REFERENCES items (id)
);
CREATE INDEX poll_options_poll ON poll_options (poll_id, position);

CREATE TABLE poll_votes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id BIGINT NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    option_id BIGINT NOT NULL REFERENCES poll_options (id) ON DELETE CASCADE,
    guest_id BIGINT REFERENCES guests (id) ON DELETE SET NULL,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    voter_email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (poll_id, voter_email)
);
CREATE INDEX poll_votes_event ON poll_votes (poll_id, event_id);
