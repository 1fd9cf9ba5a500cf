-- Public share links: an unguessable slug per event that the host can turn off.
ALTER TABLE events ADD COLUMN share_slug TEXT;
ALTER TABLE events ADD COLUMN share_enabled BOOLEAN NOT NULL DEFAULT TRUE;
CREATE UNIQUE INDEX events_share_slug ON events (share_slug);
