//! Who may reach an event, and how: the guest holding an invitation link,
//! the visitor of a share link (known by a cookie), the host who owns the
//! event and the brand's admin. Another user's event answers `NotFound`.

use crate::base::account::{CurrentUser, Role};

/// How long before the start an online party's video link shows.
pub const VIDEO_OPENS_MINUTES: i64 = 15;

/// Whether `viewer` may see an event of `host_id` in `brand_id`: its host,
/// or the brand's admin.
pub fn may_see(viewer: &CurrentUser, host_id: i64, brand_id: i64) -> bool {
    match viewer.role {
        Role::Host => host_id == viewer.id,
        Role::BrandAdmin => brand_id == viewer.brand_id,
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{may_see, VIDEO_OPENS_MINUTES};
    use crate::{
        base::{
            account::{CurrentUser, Role},
            auth::ssr::{append_cookie, read_cookie},
            db::Db,
            error::AppError,
            tokens::{hash_token, random_key},
        },
        on_db,
    };

    /// The cookie that knows a share-link visitor (their cart, their orders).
    pub const VISITOR_COOKIE: &str = "soiree_visitor";

    /// What a guest's personal link opens.
    #[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
    pub struct InvitationRow {
        pub guest_id: i64,
        pub guest_name: String,
        pub guest_email: String,
        pub rsvp: String,
        pub companions: i64,
        pub note: String,
        pub event_id: i64,
        pub brand_id: i64,
        pub host_id: i64,
        pub title: String,
        pub description: String,
        pub starts_at: DateTime<Utc>,
        pub ends_at: DateTime<Utc>,
        pub time_zone: String,
        pub kind: String,
        pub address: Option<String>,
        pub video_url: Option<String>,
        pub orders_close_at: DateTime<Utc>,
        pub cancelled_at: Option<DateTime<Utc>>,
        pub closed_at: Option<DateTime<Utc>>,
        pub host_name: String,
        /// The party's language (the host's choice, else the brand's).
        pub language: String,
        /// When the guest last opened their page, as recorded (at most
        /// hourly, see [`crate::base::presence::Presence`]).
        pub last_seen_at: Option<DateTime<Utc>>,
        /// The guest asked to host a party of their own from this one.
        pub booking_asked: bool,
        /// The guest's last answer to the brand's news was yes.
        pub news: bool,
        /// The stamp of the party's cards ([`crate::cards_stamp_sql`]).
        pub cards_stamp: String,
        /// The items the guest marked, in the order they did, as
        /// comma-separated ids ([`InvitationRow::favourites`]).
        pub favourite_ids: String,
    }

    /// An invitation read once for a GET request, before its page or
    /// server function runs: the request's language comes from it, and
    /// every reader of the same link in the request gets it without
    /// another query ([`invitation_kept`]). Only for GET, which changes
    /// nothing the row holds.
    #[derive(Debug, Clone)]
    pub struct ReadInvitation {
        pub token_hash: String,
        pub row: Option<InvitationRow>,
    }

    /// What the guest's page shows that the clock alone changes, at one
    /// moment: the page is built from the row and these, so a page kept
    /// by the server stays right while both are the same
    /// (`pages::kept`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Moments {
        /// Guests may still order ([`InvitationRow::ordering`]).
        pub ordering: bool,
        /// The party has begun (its album opens; answers close).
        pub begun: bool,
        /// An online party's video link shows: from
        /// [`VIDEO_OPENS_MINUTES`] before the start until its end.
        pub video_open: bool,
    }

    impl InvitationRow {
        /// Whether guests may still order (and change their cart).
        pub fn ordering(&self, now: DateTime<Utc>) -> bool {
            self.cancelled_at.is_none() && self.closed_at.is_none() && now < self.orders_close_at
        }

        /// What the clock decides of the guest's page at `now`.
        pub fn moments(&self, now: DateTime<Utc>) -> Moments {
            Moments {
                ordering: self.ordering(now),
                begun: now >= self.starts_at,
                video_open: now >= self.video_opens_at() && now < self.ends_at,
            }
        }

        /// When an online party's video link shows.
        pub fn video_opens_at(&self) -> DateTime<Utc> {
            self.starts_at - chrono::Duration::minutes(VIDEO_OPENS_MINUTES)
        }

        /// The ids of the items the guest marked, in the order they did.
        pub fn favourites(&self) -> Vec<i64> {
            self.favourite_ids
                .split(',')
                .filter_map(|id| id.parse().ok())
                .collect()
        }
    }

    /// The guest and event behind a link token; `NotFound` for a wrong,
    /// revoked or expired token (after the order deadline).
    pub async fn invitation(
        db: &Db,
        raw: &str,
        now: DateTime<Utc>,
    ) -> Result<InvitationRow, AppError> {
        invitation_kept(db, raw)
            .await?
            .filter(|r| now < r.orders_close_at)
            .ok_or(AppError::NotFound)
    }

    /// The guest and event behind a link token even after the order
    /// deadline, for the page that tells the guest the party is over;
    /// `None` for a wrong or revoked token.
    pub async fn invitation_kept(db: &Db, raw: &str) -> Result<Option<InvitationRow>, AppError> {
        let token_hash = hash_token(raw);
        let read = leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<ReadInvitation>().cloned());
        match read {
            Some(read) if read.token_hash == token_hash => Ok(read.row),
            _ => Ok(read_invitation(db, &token_hash).await?),
        }
    }

    /// The invitation whose link token hashes to `token_hash`.
    pub async fn read_invitation(
        db: &Db,
        token_hash: &str,
    ) -> Result<Option<InvitationRow>, sqlx::Error> {
        on_db!(db.reader(), |pool| {
            sqlx::query_as(concat!(
                "SELECT g.id AS guest_id, g.name AS guest_name, g.email AS guest_email, g.rsvp,
                        g.companions, g.note, g.last_seen_at,
                        EXISTS (SELECT 1 FROM booking_requests br WHERE br.from_event_id = e.id
                                AND lower(br.email) = lower(g.email)) AS booking_asked,
                        EXISTS (SELECT 1 FROM mail_choices mc WHERE mc.brand_id = e.brand_id
                                AND mc.email = g.email AND mc.news) AS news,
                        e.id AS event_id, e.brand_id, e.host_id, e.title, e.description, e.starts_at, e.ends_at, e.time_zone, e.kind,
                        e.address, e.video_url, e.orders_close_at, e.cancelled_at, e.closed_at,
                        u.display_name AS host_name, ",
                crate::party_language_sql!(),
                " AS language, ",
                crate::cards_stamp_sql!("e.id"),
                " AS cards_stamp,
                        (SELECT COALESCE(string_agg(CAST(f.item_id AS TEXT), ',' ORDER BY f.created_at, f.item_id), '')
                         FROM favourites f WHERE f.guest_id = g.id) AS favourite_ids
                 FROM guests g JOIN events e ON e.id = g.event_id JOIN users u ON u.id = e.host_id
                 JOIN brands b ON b.id = e.brand_id
                 WHERE g.token_hash = $1"
            ))
            .bind(token_hash)
            .fetch_optional(pool)
            .await
        })
    }

    /// The event behind an enabled share link that still takes guests.
    pub async fn shared_event_id(db: &Db, slug: &str, now: DateTime<Utc>) -> Result<i64, AppError> {
        Ok(shared_event(db, slug, now).await?.0)
    }

    /// The id and title of the event behind an enabled share link that
    /// still takes guests.
    pub async fn shared_event(
        db: &Db,
        slug: &str,
        now: DateTime<Utc>,
    ) -> Result<(i64, String), AppError> {
        type Row = (
            i64,
            String,
            bool,
            Option<DateTime<Utc>>,
            Option<DateTime<Utc>>,
            DateTime<Utc>,
        );
        let row: Option<Row> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT id, title, share_enabled, cancelled_at, closed_at, orders_close_at
                 FROM events WHERE share_slug = $1",
            )
            .bind(slug)
            .fetch_optional(pool)
            .await
        })?;
        row.filter(|(_, _, enabled, cancelled, closed, close_at)| {
            share_open(*enabled, *cancelled, *closed, *close_at, now)
        })
        .map(|r| (r.0, r.1))
        .ok_or(AppError::NotFound)
    }

    /// Whether a share link opens its party: turned on, and the party
    /// still takes orders.
    pub fn share_open(
        enabled: bool,
        cancelled_at: Option<DateTime<Utc>>,
        closed_at: Option<DateTime<Utc>>,
        orders_close_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        enabled && cancelled_at.is_none() && closed_at.is_none() && now < orders_close_at
    }

    /// The share-link visitor's key from their cookie; a new one when they
    /// have none (sent as a cookie when `create`).
    pub fn visitor_key(create: bool, secure: bool) -> String {
        let known = read_cookie(VISITOR_COOKIE).filter(|k| {
            k.len() >= 16
                && k.len() <= 40
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
        if let Some(key) = known {
            return key;
        }
        let key = random_key();
        if create {
            let secure = if secure { "; Secure" } else { "" };
            append_cookie(format!(
                "{VISITOR_COOKIE}={key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000{secure}"
            ));
        }
        key
    }

    #[derive(sqlx::FromRow)]
    struct Owner {
        host_id: i64,
        brand_id: i64,
        cancelled_at: Option<DateTime<Utc>>,
        closed_at: Option<DateTime<Utc>>,
        /// The viewer co-hosts it.
        cohost: bool,
    }

    async fn owner(db: &Db, id: i64, viewer: &CurrentUser) -> Result<Option<Owner>, AppError> {
        Ok(on_db!(db.reader(), |pool| {
            sqlx::query_as(
            "SELECT host_id, brand_id, cancelled_at, closed_at,
                    EXISTS (SELECT 1 FROM event_cohosts c WHERE c.event_id = events.id AND c.user_id = $2) AS cohost
             FROM events WHERE id = $1"
        )
        .bind(id)
        .bind(viewer.id)
        .fetch_optional(pool)
        .await
        })?)
    }

    impl Owner {
        /// The host, or a co-host (a host of the same brand).
        fn run_by(&self, user: &CurrentUser) -> bool {
            user.role == Role::Host
                && (self.host_id == user.id || (self.cohost && self.brand_id == user.brand_id))
        }
    }

    /// Whether `user` co-hosts the event (and is not its host).
    pub async fn is_cohost(db: &Db, user: &CurrentUser, id: i64) -> Result<bool, AppError> {
        Ok(owner(db, id, user)
            .await?
            .is_some_and(|o| o.host_id != user.id && o.run_by(user)))
    }

    /// `Ok` if `viewer` may see the event (its host, a co-host or the
    /// brand's admin), else `NotFound`.
    pub async fn ensure_visible(db: &Db, viewer: &CurrentUser, id: i64) -> Result<(), AppError> {
        match owner(db, id, viewer).await? {
            Some(o) if may_see(viewer, o.host_id, o.brand_id) || o.run_by(viewer) => Ok(()),
            _ => Err(AppError::NotFound),
        }
    }

    /// `Ok` if `host` is the event's own host (not a co-host), whatever its
    /// state, else `NotFound`: what only the host does (closing).
    pub async fn ensure_hosted(db: &Db, host: &CurrentUser, id: i64) -> Result<(), AppError> {
        match owner(db, id, host).await? {
            Some(o) if o.host_id == host.id && host.role == Role::Host => Ok(()),
            _ => Err(AppError::NotFound),
        }
    }

    /// `Ok` if `user` runs the event (its host or a co-host) and it may
    /// still change, else `NotFound` or the reason: the guest list,
    /// invitations, messages and featured items.
    pub async fn ensure_managed_open(db: &Db, user: &CurrentUser, id: i64) -> Result<(), AppError> {
        let o = owner(db, id, user)
            .await?
            .filter(|o| o.run_by(user))
            .ok_or(AppError::NotFound)?;
        still_open(o.cancelled_at, o.closed_at)
    }

    /// `Ok` if `host` owns the event and may still change it (not cancelled,
    /// not closed), else `NotFound` or the reason.
    pub async fn ensure_owned_open(db: &Db, host: &CurrentUser, id: i64) -> Result<(), AppError> {
        let o = owner(db, id, host)
            .await?
            .filter(|o| o.host_id == host.id)
            .ok_or(AppError::NotFound)?;
        still_open(o.cancelled_at, o.closed_at)
    }

    /// Why a party can no longer be changed, if it cannot.
    pub fn still_open(
        cancelled_at: Option<DateTime<Utc>>,
        closed_at: Option<DateTime<Utc>>,
    ) -> Result<(), AppError> {
        let lang = crate::base::l10n::page_lang();
        if cancelled_at.is_some() {
            return Err(AppError::invalid("title", tr!(lang, PARTY_ERROR_CANCELLED)));
        }
        if closed_at.is_some() {
            return Err(AppError::invalid("title", tr!(lang, PARTY_ERROR_CLOSED)));
        }
        Ok(())
    }
}
