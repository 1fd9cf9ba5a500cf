//! Events in the database. Every function takes the acting user and only
//! touches what that user may see: another host's event is `NotFound`.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{
    domain::{status, EventDraft, Place},
    EventDetails, EventForm, EventSummary,
};
use crate::{
    base::{
        account::CurrentUser,
        db::Db,
        error::AppError,
        l10n::{fmt::datetime_long, page_lang},
        time::local_input,
    },
    on_db,
};

#[derive(Debug, Clone, sqlx::FromRow)]
struct EventRow {
    id: i64,
    brand_id: i64,
    host_id: i64,
    title: String,
    description: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    time_zone: String,
    kind: String,
    address: Option<String>,
    video_url: Option<String>,
    capacity: i64,
    orders_close_at: DateTime<Utc>,
    cancelled_at: Option<DateTime<Utc>>,
    share_slug: Option<String>,
    share_enabled: bool,
    closed_at: Option<DateTime<Utc>>,
    language: Option<String>,
    reminders: String,
}

const EVENT_COLUMNS: &str =
    "id, brand_id, host_id, title, description, starts_at, ends_at, time_zone, kind,
    address, video_url, capacity, orders_close_at, cancelled_at, share_slug, share_enabled, closed_at,
    COALESCE(language, (SELECT b.language FROM brands b WHERE b.id = events.brand_id)) AS language,
    reminders";

impl EventRow {
    fn zone(&self) -> Tz {
        crate::base::time::zone(&self.time_zone)
    }

    fn summary(&self, now: DateTime<Utc>) -> EventSummary {
        let zone = self.zone();
        EventSummary {
            id: self.id,
            title: self.title.clone(),
            when: datetime_long(page_lang(), self.starts_at, zone),
            time_zone: self.time_zone.clone(),
            status: status(
                self.starts_at,
                // Closed by the host (or the deadline worker) before the deadline.
                self.closed_at
                    .map_or(self.orders_close_at, |c| c.min(self.orders_close_at)),
                self.cancelled_at.is_some(),
                now,
            ),
        }
    }

    fn details(&self, viewer: &CurrentUser, now: DateTime<Utc>) -> EventDetails {
        let zone = self.zone();
        let summary = self.summary(now);
        // A host who sees a party not theirs co-hosts it.
        let runs = viewer.role == crate::base::account::Role::Host;
        let open = self.cancelled_at.is_none() && self.closed_at.is_none();
        EventDetails {
            can_edit: viewer.id == self.host_id && open,
            can_manage: runs && open,
            cohost: runs && viewer.id != self.host_id,
            can_message: runs && self.cancelled_at.is_none(),
            ends: datetime_long(page_lang(), self.ends_at, zone),
            orders_close: datetime_long(page_lang(), self.orders_close_at, zone),
            description: self.description.clone(),
            place: match self.kind.as_str() {
                "online" => self.video_url.clone().unwrap_or_default(),
                _ => self.address.clone().unwrap_or_default(),
            },
            online: self.kind == "online",
            capacity: self.capacity,
            form: EventForm {
                title: self.title.clone(),
                description: self.description.clone(),
                starts_at: local_input(self.starts_at, zone),
                ends_at: local_input(self.ends_at, zone),
                time_zone: self.time_zone.clone(),
                kind: self.kind.clone(),
                address: self.address.clone().unwrap_or_default(),
                video_url: self.video_url.clone().unwrap_or_default(),
                capacity: self.capacity.to_string(),
                orders_close_at: local_input(self.orders_close_at, zone),
                kit: String::new(),
                language: self.language.clone().unwrap_or_default(),
                reminders: self.reminders.clone(),
            },
            share: None,
            cancel_impact: None,
            summary,
        }
    }
}

fn place_columns(place: &Place) -> (Option<&str>, Option<&str>) {
    match place {
        Place::InPerson { address } => (Some(address.as_str()), None),
        Place::Online { video_url } => (None, Some(video_url.as_str())),
    }
}

/// Binds a draft's fields as `$1..$12` (title, description, starts_at,
/// ends_at, time_zone, kind, address, video_url, capacity, orders_close_at,
/// language, reminders),
/// so that creating and editing write the same columns.
fn bind_draft<'q, DB>(
    sql: &'q str,
    draft: &'q EventDraft,
) -> sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>
where
    DB: sqlx::Database,
    &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    let (address, video_url) = place_columns(&draft.place);
    sqlx::query(sql)
        .bind(draft.title.as_str())
        .bind(draft.description.as_str())
        .bind(draft.starts_at)
        .bind(draft.ends_at)
        .bind(draft.time_zone.name())
        .bind(draft.place.kind())
        .bind(address)
        .bind(video_url)
        .bind(draft.capacity)
        .bind(draft.orders_close_at)
        .bind(draft.language.map(|l| l.code()))
        .bind(draft.reminders)
}

/// Schedules an event for `host`; returns its id. With a kit of the host's
/// brand, the kit's active items become the event's featured items, in the
/// kit's order, in the same transaction.
pub async fn create(
    db: &Db,
    host: &CurrentUser,
    draft: &EventDraft,
    kit: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let sql = "INSERT INTO events (title, description, starts_at, ends_at, time_zone, kind, address, video_url,
                 capacity, orders_close_at, language, reminders, brand_id, host_id, created_at, updated_at, share_slug, kit_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17) RETURNING id";
    let slug = crate::base::tokens::random_key();
    let id: i64 = on_db!(db.writer(), |pool| {
        use sqlx::Row;
        let mut tx = pool.begin().await?;
        // Read inside the transaction: a suspension that lands first wins.
        let suspended: Option<DateTime<Utc>> =
            sqlx::query_scalar("SELECT suspended_at FROM users WHERE id = $1")
                .bind(host.id)
                .fetch_one(&mut *tx)
                .await?;
        if suspended.is_some() {
            return Err(AppError::invalid(
                "title",
                tr!(page_lang(), EVENT_SUSPENDED),
            ));
        }
        if let Some(kit) = kit {
            let known: Option<i64> =
                sqlx::query_scalar("SELECT id FROM kits WHERE id = $1 AND brand_id = $2")
                    .bind(kit)
                    .bind(host.brand_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if known.is_none() {
                return Err(AppError::invalid(
                    "kit",
                    tr!(page_lang(), EVENT_ERROR_KIT_GONE),
                ));
            }
        }
        let id: i64 = bind_draft(sql, draft)
            .bind(host.brand_id)
            .bind(host.id)
            .bind(now)
            .bind(slug.as_str())
            .bind(kit)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        if let Some(kit) = kit {
            sqlx::query(
                "INSERT INTO event_items (event_id, item_id, position)
                 SELECT $1, ki.item_id, ki.position FROM kit_items ki
                 JOIN items i ON i.id = ki.item_id
                 WHERE ki.kit_id = $2 AND i.active = TRUE AND i.archived_at IS NULL",
            )
            .bind(id)
            .bind(kit)
            .execute(&mut *tx)
            .await?;
        }
        // A host approved from a booking: their first party records the
        // party it was booked from (its host earns a bonus once it is held).
        sqlx::query(
            "UPDATE events SET booked_from_event_id = (SELECT booked_from_event_id FROM users WHERE id = $1)
             WHERE id = $2 AND NOT EXISTS (
                 SELECT 1 FROM events WHERE host_id = $1 AND booked_from_event_id IS NOT NULL)",
        )
        .bind(host.id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

async fn find(db: &Db, id: i64) -> Result<Option<EventRow>, AppError> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1");
    Ok(on_db!(db.reader(), |pool| sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(pool)
        .await)?)
}

/// The event if `viewer` may see it: its host, a co-host, or an admin of
/// its brand.
async fn visible(db: &Db, viewer: &CurrentUser, id: i64) -> Result<EventRow, AppError> {
    let row = find(db, id).await?.ok_or(AppError::NotFound)?;
    if crate::base::access::may_see(viewer, row.host_id, row.brand_id)
        || crate::base::access::ssr::is_cohost(db, viewer, id).await?
    {
        return Ok(row);
    }
    Err(AppError::NotFound)
}

/// The event if `host` owns it and may still change it.
async fn owned_open(db: &Db, host: &CurrentUser, id: i64) -> Result<EventRow, AppError> {
    let row = find(db, id)
        .await?
        .filter(|r| r.host_id == host.id)
        .ok_or(AppError::NotFound)?;
    crate::base::access::ssr::still_open(row.cancelled_at, row.closed_at)?;
    Ok(row)
}

/// Details of one event for its host or the brand's admin.
pub async fn details(
    db: &Db,
    viewer: &CurrentUser,
    id: i64,
    public_url: &url::Url,
    now: DateTime<Utc>,
) -> Result<EventDetails, AppError> {
    let row = visible(db, viewer, id).await?;
    let mut details = row.details(viewer, now);
    if let Some(slug) = &row.share_slug {
        let link = format!("{}/s/{slug}", public_url.as_str().trim_end_matches('/'));
        details.share = Some(super::ShareLink {
            enabled: row.share_enabled,
            qr_svg: crate::base::media::qr_svg(&link).unwrap_or_default(),
            url: link,
        });
    }
    Ok(details)
}

/// Turns the public share link of `host`'s event on or off.
pub async fn set_sharing(
    db: &Db,
    host: &CurrentUser,
    id: i64,
    enabled: bool,
) -> Result<(), AppError> {
    owned_open(db, host, id).await?;
    on_db!(db.writer(), |pool| sqlx::query(
        "UPDATE events SET share_enabled = $1 WHERE id = $2 AND host_id = $3"
    )
    .bind(enabled)
    .bind(id)
    .bind(host.id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether an edit moved the party: a new time or a new place, which
/// the guests who are coming are told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Moved,
    Reworded,
}

/// Changes an event of `host` with a checked form, in `tx`; a new time or
/// place raises the calendar's sequence, and the caller tells the guests
/// in the same transaction.
pub async fn update(
    db: &Db,
    tx: &mut crate::base::db::Tx,
    host: &CurrentUser,
    id: i64,
    form: &EventForm,
    now: DateTime<Utc>,
) -> Result<Edit, AppError> {
    let row = owned_open(db, host, id).await?;
    let draft = EventDraft::parse(form, now, Some(row.starts_at))?;
    let (address, video_url) = place_columns(&draft.place);
    let moved = draft.starts_at != row.starts_at
        || draft.ends_at != row.ends_at
        || draft.place.kind() != row.kind
        || address.unwrap_or_default() != row.address.as_deref().unwrap_or_default()
        || video_url.unwrap_or_default() != row.video_url.as_deref().unwrap_or_default();
    let sql = "UPDATE events SET title = $1, description = $2, starts_at = $3, ends_at = $4, time_zone = $5,
                 kind = $6, address = $7, video_url = $8, capacity = $9, orders_close_at = $10, language = $11,
                 reminders = $12, updated_at = $13, ics_sequence = ics_sequence + $16
             WHERE id = $14 AND host_id = $15 AND cancelled_at IS NULL AND closed_at IS NULL";
    let changed = crate::on_tx!(tx, |c| bind_draft(sql, &draft)
        .bind(now)
        .bind(id)
        .bind(host.id)
        .bind(i64::from(moved))
        .execute(&mut *c)
        .await?
        .rows_affected());
    if changed == 0 {
        // Cancelled or closed meanwhile.
        return Err(AppError::NotFound);
    }
    Ok(if moved { Edit::Moved } else { Edit::Reworded })
}

/// What cancelling the event would do now.
pub async fn cancel_impact(db: &Db, id: i64) -> Result<super::CancelImpact, AppError> {
    let (guests_told, orders_cancelled, paid_orders): (i64, i64, i64) = on_db!(
        db.reader(),
        |pool| {
            sqlx::query_as(
            "SELECT
                (SELECT COUNT(*) FROM guests WHERE event_id = $1 AND invited_at IS NOT NULL AND rsvp <> 'no'),
                (SELECT COUNT(*) FROM orders WHERE event_id = $1 AND status = 'placed'),
                (SELECT COUNT(*) FROM orders WHERE event_id = $1 AND status IN ('paid', 'in_preparation', 'shipped', 'delivered'))"
        )
        .bind(id)
        .fetch_one(pool)
        .await
        }
    )?;
    Ok(super::CancelImpact {
        guests_told,
        orders_cancelled,
        paid_orders,
    })
}

/// What stopping a party for cancellation found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// This transaction cancels it: the caller tells the guests in it.
    Now { brand_id: i64 },
    /// It was cancelled before (or meanwhile).
    Already { brand_id: i64 },
}

/// Marks an event of `host` cancelled in `tx`. A closed party cannot be
/// cancelled; another host's is `NotFound`. The caller queues the guests'
/// mails in the same transaction, commits, then cancels the unpaid orders.
pub async fn stop(
    db: &Db,
    tx: &mut crate::base::db::Tx,
    host: &CurrentUser,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Stop, AppError> {
    let row = find(db, id)
        .await?
        .filter(|r| r.host_id == host.id)
        .ok_or(AppError::NotFound)?;
    let brand_id = row.brand_id;
    if row.cancelled_at.is_some() {
        return Ok(Stop::Already { brand_id });
    }
    crate::base::access::ssr::still_open(None, row.closed_at)?;
    let stopped = crate::on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE events SET cancelled_at = $1, updated_at = $1, ics_sequence = ics_sequence + 1
         WHERE id = $2 AND cancelled_at IS NULL AND closed_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    Ok(if stopped == 0 {
        Stop::Already { brand_id }
    } else {
        Stop::Now { brand_id }
    })
}

/// Cancels the event's orders that are not paid yet, one by one, each with
/// its buyer's mail; an order paid meanwhile stays paid. Running it again
/// finishes what a crash left.
pub async fn cancel_unpaid_orders(
    db: &Db,
    config: &crate::base::state::AppConfig,
    brand_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // A card order's intent must be cancelled at Stripe first: the card
    // worker (`orders::card::ssr::expire_unpaid`) does that for the card
    // orders of a cancelled party.
    let unpaid: Vec<i64> = on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM orders WHERE event_id = $1 AND status = 'placed'
           AND (payment_method IS NULL OR payment_method <> 'card') ORDER BY id"
    )
    .bind(id)
    .fetch_all(pool)
    .await)?;
    // The reason goes into the buyer's mail, written in the party's language.
    let reason = if unpaid.is_empty() {
        String::new()
    } else {
        let lang = crate::base::l10n::resolve::event_language(db, id).await?;
        tr!(lang, EVENT_CANCEL_ORDER_REASON)
    };
    for order_id in unpaid {
        crate::base::order_writer::move_if_still_allowed(
            db,
            config,
            (brand_id, order_id),
            crate::base::order::OrderStatus::Cancelled,
            ("The host", &reason),
            now,
        )
        .await?;
    }
    Ok(())
}

/// The cancelled parties a crash left with orders to settle: cancelled
/// more than two minutes ago (the cancelling request does it at once),
/// with an unpaid order (not by card: the card worker cancels those at
/// Stripe) or a paid one not yet shipped. Each as (party, brand).
pub async fn cancellations_left(db: &Db, now: DateTime<Utc>) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT DISTINCT e.id, e.brand_id FROM events e JOIN orders o ON o.event_id = e.id \
         WHERE e.cancelled_at IS NOT NULL AND e.cancelled_at < $1 \
           AND ((o.status = 'placed' AND (o.payment_method IS NULL OR o.payment_method <> 'card')) \
                OR o.status IN ('paid', 'in_preparation')) ORDER BY e.id",
        )
        .bind(now - chrono::Duration::minutes(2))
        .fetch_all(pool)
        .await
    })?)
}

/// The events of one host, soonest first.
pub async fn list_for_host(
    db: &Db,
    host: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Vec<EventSummary>, AppError> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events
         WHERE host_id = $1 OR id IN (SELECT event_id FROM event_cohosts WHERE user_id = $1)
         ORDER BY starts_at"
    );
    let rows: Vec<EventRow> = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
        .bind(host.id)
        .fetch_all(pool)
        .await)?;
    Ok(rows.iter().map(|r| r.summary(now)).collect())
}

/// The zone a host's forms start in.
pub async fn host_zone(db: &Db, host: &CurrentUser) -> Result<String, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT time_zone FROM users WHERE id = $1")
            .bind(host.id)
            .fetch_one(pool)
            .await
    })?)
}
