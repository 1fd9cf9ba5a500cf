-- Brands, their users (brand admins and hosts), sessions and sign-in failures.
-- Times are RFC 3339 UTC text written by the application, never by SQL.
CREATE TABLE brands (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    tagline TEXT NOT NULL,
    primary_color TEXT NOT NULL,
    accent_color TEXT NOT NULL,
    currency TEXT NOT NULL DEFAULT 'EUR',
    time_zone TEXT NOT NULL DEFAULT 'Europe/Paris',
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL REFERENCES brands (id),
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('brand_admin', 'host')),
    password_hash TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'Europe/Paris',
    created_at TEXT NOT NULL
);
CREATE INDEX users_brand ON users (brand_id, role);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
