-- Languages (issue 15): a brand writes in a default language, a party is
-- held in the language its host chose (NULL: the brand's), and a signed-in
-- host or admin may prefer one (NULL: none, the browser's is used).
ALTER TABLE brands ADD COLUMN language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en'));
ALTER TABLE events ADD COLUMN language TEXT CHECK (language IN ('fr', 'en'));
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('fr', 'en'));
