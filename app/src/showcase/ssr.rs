//! An event's featured items in the database: the host's selection and
//! order, what guests see, their favourites, and the live figures.

use chrono::{DateTime, Duration, Utc};

use super::LiveCounts;
use crate::{
    base::{
        access::ssr::InvitationRow,
        account::CurrentUser,
        db::Db,
        error::AppError,
        items::{
            ssr::{card_columns_in, ItemCardRow},
            ItemCard,
        },
        money::Money,
    },
    on_db,
};

/// Guests count as present when they opened their page from this long
/// before the start.
const PRESENT_FROM: Duration = Duration::hours(2);
/// A guest's visit is written at most this often.
const SEEN_EVERY: Duration = Duration::hours(1);
/// Two views this close (queued before the first was written) are one visit.
const DUPLICATE_VISIT: Duration = Duration::minutes(1);

/// The featured items of an event in the host's order, named in the
/// page's language. With `orderable`, only items guests can order (active);
/// the host sees all.
pub async fn featured(db: &Db, event_id: i64, orderable: bool) -> Result<Vec<ItemCard>, AppError> {
    let sql = format!(
        "SELECT {} FROM event_items ei JOIN items i ON i.id = ei.item_id
         WHERE ei.event_id = $1 AND ($2 = FALSE OR i.active = TRUE)
         ORDER BY ei.position, i.id",
        card_columns_in(crate::base::l10n::page_lang())
    );
    let rows: Vec<ItemCardRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&sql)
            .bind(event_id)
            .bind(orderable)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().map(ItemCard::from).collect())
}

/// The items of the host's brand the event does not feature yet.
pub async fn addable(
    db: &Db,
    brand_id: i64,
    event_id: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    let featured: Vec<i64> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT item_id FROM event_items WHERE event_id = $1")
            .bind(event_id)
            .fetch_all(pool)
            .await
    })?;
    Ok(
        crate::base::items::ssr::choices(db, brand_id, Some(crate::base::l10n::page_lang()))
            .await?
            .into_iter()
            .filter(|(id, _)| !featured.contains(id))
            .collect(),
    )
}

/// Adds an active item of the host's brand at the end of the event's list.
pub async fn add(db: &Db, host: &CurrentUser, event_id: i64, item_id: i64) -> Result<(), AppError> {
    crate::base::access::ssr::ensure_owned_open(db, host, event_id).await?;
    let added = on_db!(db.writer(), |pool| {
        sqlx::query(
            "INSERT INTO event_items (event_id, item_id, position)
             SELECT $1, i.id, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_items WHERE event_id = $1)
             FROM items i
             WHERE i.id = $2 AND i.brand_id = $3 AND i.active = TRUE AND i.archived_at IS NULL
             ON CONFLICT (event_id, item_id) DO NOTHING",
        )
        .bind(event_id)
        .bind(item_id)
        .bind(host.brand_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    if added == 0 {
        let already: i64 = on_db!(db.reader(), |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM event_items WHERE event_id = $1 AND item_id = $2",
            )
            .bind(event_id)
            .bind(item_id)
            .fetch_one(pool)
            .await
        })?;
        if already == 0 {
            return Err(AppError::invalid(
                "item_id",
                tr!(crate::base::l10n::page_lang(), SHOWCASE_CHOOSE_ITEM),
            ));
        }
    }
    Ok(())
}

/// Removes an item from the event's list.
pub async fn remove(
    db: &Db,
    host: &CurrentUser,
    event_id: i64,
    item_id: i64,
) -> Result<(), AppError> {
    crate::base::access::ssr::ensure_owned_open(db, host, event_id).await?;
    on_db!(db.writer(), |pool| {
        sqlx::query("DELETE FROM event_items WHERE event_id = $1 AND item_id = $2")
            .bind(event_id)
            .bind(item_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Where an item of the featured list goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    Up,
    Down,
    /// This place from the top (0); past the end is the end.
    Index(i64),
}

/// Moves an item of `host`'s open event within its featured list, in one
/// transaction, renumbering the list densely.
pub async fn place(
    db: &Db,
    host: &CurrentUser,
    event_id: i64,
    item_id: i64,
    to: To,
) -> Result<(), AppError> {
    crate::base::access::ssr::ensure_owned_open(db, host, event_id).await?;
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let mut ids: Vec<i64> = sqlx::query_scalar(
            "SELECT item_id FROM event_items WHERE event_id = $1 ORDER BY position, item_id",
        )
        .bind(event_id)
        .fetch_all(&mut *tx)
        .await?;
        let Some(at) = ids.iter().position(|id| *id == item_id) else {
            return Err(AppError::NotFound);
        };
        let last = ids.len() - 1;
        let target = match to {
            To::Up => at.saturating_sub(1),
            To::Down => (at + 1).min(last),
            To::Index(n) => usize::try_from(n).unwrap_or(0).min(last),
        };
        if target != at {
            let moving = ids.remove(at);
            ids.insert(target, moving);
            for (n, id) in ids.iter().enumerate() {
                sqlx::query(
                    "UPDATE event_items SET position = $1 WHERE event_id = $2 AND item_id = $3",
                )
                .bind(n as i64 + 1)
                .bind(event_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
    });
    Ok(())
}

/// The items a guest marked.
pub async fn favourites(db: &Db, guest_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT item_id FROM favourites WHERE guest_id = $1 ORDER BY created_at")
            .bind(guest_id)
            .fetch_all(pool)
            .await
    })?)
}

/// Marks or unmarks a featured item of the guest's event as a favourite.
pub async fn set_favourite(
    db: &Db,
    guest_id: i64,
    event_id: i64,
    item_id: i64,
    on: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    featured_brand(db, event_id, item_id).await?;
    on_db!(db.writer(), |pool| {
        if on {
            sqlx::query(
                "INSERT INTO favourites (guest_id, item_id, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (guest_id, item_id) DO NOTHING",
            )
            .bind(guest_id)
            .bind(item_id)
            .bind(now)
            .execute(pool)
            .await?;
        } else {
            sqlx::query("DELETE FROM favourites WHERE guest_id = $1 AND item_id = $2")
                .bind(guest_id)
                .bind(item_id)
                .execute(pool)
                .await?;
        }
    });
    Ok(())
}

/// A guest's visit waiting to be written: the guest, their event, when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub guest_id: i64,
    pub event_id: i64,
    pub at: DateTime<Utc>,
}

/// Records guests' visits off the request path: a page view only queues a
/// visit, and only when one is due ([`visit_due`]); [`record_visits`]
/// writes them. A full queue drops the visit: the next view brings it back.
#[derive(Debug, Clone)]
pub struct Presence(tokio::sync::mpsc::Sender<Visit>);

/// Visits queued at most; past this, views are not recorded until the
/// writer catches up.
const QUEUED_VISITS: usize = 10_000;

impl Presence {
    /// A recorder and the queue its writer reads.
    pub fn new() -> (Presence, tokio::sync::mpsc::Receiver<Visit>) {
        let (tx, rx) = tokio::sync::mpsc::channel(QUEUED_VISITS);
        (Presence(tx), rx)
    }

    /// Notes that the guest of `row` opened their page at `now`.
    pub fn saw(&self, row: &InvitationRow, now: DateTime<Utc>) {
        if visit_due(row.last_seen_at, row.starts_at, now) {
            let _ = self.0.try_send(Visit {
                guest_id: row.guest_id,
                event_id: row.event_id,
                at: now,
            });
        }
    }
}

/// Whether a visit at `now` is worth writing, given the one recorded last:
/// at most once an hour, and at once when the party's "present" window
/// opened since (so the live count of guests there stays right).
pub fn visit_due(
    last: Option<DateTime<Utc>>,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    let window = starts_at - PRESENT_FROM;
    match last {
        None => true,
        Some(last) => now - last >= SEEN_EVERY || (last < window && window <= now),
    }
}

/// Writes queued visits in batches until the queue closes; once `stop`
/// completes, what is queued is written and no more is taken. Each
/// written batch goes to `written`.
pub async fn record_visits(
    db: &Db,
    queue: &mut tokio::sync::mpsc::Receiver<Visit>,
    stop: impl std::future::Future<Output = ()>,
    mut written: impl FnMut(&[Visit]),
) {
    let mut stop = std::pin::pin!(stop);
    let mut stopping = false;
    loop {
        let first = tokio::select! {
            v = queue.recv() => v,
            () = &mut stop, if !stopping => {
                stopping = true;
                queue.close();
                continue;
            }
        };
        let Some(first) = first else { break };
        let mut batch = vec![first];
        while batch.len() < 500 {
            match queue.try_recv() {
                Ok(v) => batch.push(v),
                Err(_) => break,
            }
        }
        match write_visits(db, &batch).await {
            Ok(()) => written(&batch),
            Err(e) => tracing::warn!(error = %e, visits = batch.len(), "guest visits not recorded"),
        }
    }
}

/// One transaction for a batch of visits; a later visit never moves a
/// guest's time back.
async fn write_visits(db: &Db, batch: &[Visit]) -> Result<(), sqlx::Error> {
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        for v in batch {
            sqlx::query(
                "UPDATE guests SET last_seen_at = $1
                 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)",
            )
            .bind(v.at)
            .bind(v.guest_id)
            .bind(v.at - DUPLICATE_VISIT)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    })
}

/// The live counts of an event (guests here, coming, orders, sales): no
/// guest's personal data.
pub async fn live_counts(
    db: &Db,
    event_id: i64,
    starts_at: DateTime<Utc>,
) -> Result<LiveCounts, AppError> {
    let void = crate::base::order::OrderStatus::sql_list(crate::base::order::OrderStatus::is_void);
    let sql = format!(
        "SELECT
               (SELECT COUNT(*) FROM guests WHERE event_id = $1 AND last_seen_at >= $2),
               (SELECT CAST(COALESCE(SUM(1 + companions), 0) AS BIGINT) FROM guests
                 WHERE event_id = $1 AND rsvp = 'yes'),
               (SELECT COUNT(*) FROM orders WHERE event_id = $1 AND status NOT IN {void}),
               (SELECT CAST(COALESCE(SUM(merchandise_cents), 0) AS BIGINT) FROM orders
                 WHERE event_id = $1 AND status NOT IN {void}),
               (SELECT b.currency FROM events e JOIN brands b ON b.id = e.brand_id WHERE e.id = $1)"
    );
    let (present, coming, orders, sales, currency): (i64, i64, i64, i64, String) =
        on_db!(db.reader(), |pool| {
            sqlx::query_as(&sql)
                .bind(event_id)
                .bind(starts_at - PRESENT_FROM)
                .fetch_one(pool)
                .await
        })?;
    Ok(LiveCounts {
        present,
        coming,
        orders,
        sales: Money::new(sales, crate::base::money::Currency::of_db(&currency)),
    })
}

#[derive(sqlx::FromRow)]
struct PresentableRow {
    title: String,
    starts_at: DateTime<Utc>,
    share_slug: Option<String>,
    share_enabled: bool,
}

/// The title, start and share slug (when on) of an event of `host`.
pub async fn presentable(
    db: &Db,
    host: &CurrentUser,
    event_id: i64,
) -> Result<(String, DateTime<Utc>, Option<String>), AppError> {
    let row: Option<PresentableRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT title, starts_at, share_slug, share_enabled FROM events
             WHERE id = $1 AND host_id = $2",
        )
        .bind(event_id)
        .bind(host.id)
        .fetch_optional(pool)
        .await
    })?;
    let row = row.ok_or(AppError::NotFound)?;
    let slug = row.share_slug.filter(|_| row.share_enabled);
    Ok((row.title, row.starts_at, slug))
}

/// The brand of an item the event features (and still sells), or
/// `NotFound`: a guest never reaches another party's items.
pub async fn featured_brand(db: &Db, event_id: i64, item_id: i64) -> Result<i64, AppError> {
    let brand: Option<i64> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT i.brand_id FROM event_items ei JOIN items i ON i.id = ei.item_id
             WHERE ei.event_id = $1 AND ei.item_id = $2 AND i.active = TRUE",
        )
        .bind(event_id)
        .bind(item_id)
        .fetch_optional(pool)
        .await
    })?;
    brand.ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    #[test]
    fn a_visit_is_written_hourly_and_when_the_party_window_opens() {
        let starts = Utc.with_ymd_and_hms(2026, 12, 5, 19, 0, 0).unwrap();
        let days_before = starts - Duration::days(2);
        assert!(visit_due(None, starts, days_before), "a first visit");
        assert!(!visit_due(
            Some(days_before),
            starts,
            days_before + Duration::minutes(59)
        ));
        assert!(visit_due(
            Some(days_before),
            starts,
            days_before + Duration::hours(1)
        ));
        // Seen 2 h 30 before the start, back 45 min later: now "present".
        let before_window = starts - Duration::minutes(150);
        assert!(visit_due(
            Some(before_window),
            starts,
            before_window + Duration::minutes(45)
        ));
        // Seen inside the window already: hourly again.
        let inside = starts - Duration::minutes(90);
        assert!(!visit_due(
            Some(inside),
            starts,
            inside + Duration::minutes(30)
        ));
    }
}
