-- Party memories (issue 19): photos guests who came add to the party's
-- album, waiting until its host shows them (or hides them). The files live
-- under `private/` in the media store, which `/media/` does not serve: the
-- party's guests and hosts get them through their link or session.
CREATE TABLE album_photos (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    guest_id BIGINT NOT NULL REFERENCES guests (id) ON DELETE CASCADE,
    display_path TEXT NOT NULL,
    thumb_path TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'shown', 'hidden')),
    created_at TIMESTAMPTZ NOT NULL,
    moderated_at TIMESTAMPTZ
);
CREATE INDEX album_photos_event ON album_photos (event_id, state, id);
CREATE INDEX album_photos_guest ON album_photos (guest_id);
