//! An event's featured items in the database: the host's selection and
//! order, what guests see, their favourites, and the live figures.

use chrono::{DateTime, Utc};

use super::LiveCounts;
use crate::{
    base::{
        account::CurrentUser, db::Db, error::AppError, items::ItemCard, money::Money,
        presence::PRESENT_FROM,
    },
    on_db,
};

/// The featured items of an event in the host's order, named in the
/// page's language, all of them (the host's editor and presentation; the
/// guests' pages read the active ones through `base::items::ssr::CardCache`).
pub async fn featured(db: &Db, event_id: i64) -> Result<Vec<ItemCard>, AppError> {
    crate::base::items::ssr::featured_cards(db, event_id, crate::base::l10n::page_lang(), false)
        .await
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
    crate::base::access::ssr::ensure_managed_open(db, host, event_id).await?;
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
    crate::base::access::ssr::ensure_managed_open(db, host, event_id).await?;
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
    crate::base::access::ssr::ensure_managed_open(db, host, event_id).await?;
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
               (SELECT COUNT(*) FROM orders WHERE event_id = $1 AND status NOT IN {void}
                 AND merchandise_cents > 0),
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
    // The host or a co-host presents (a host's role: not the brand admin).
    if host.role != crate::base::account::Role::Host {
        return Err(AppError::NotFound);
    }
    crate::base::access::ssr::ensure_visible(db, host, event_id).await?;
    let row: Option<PresentableRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT title, starts_at, share_slug, share_enabled FROM events WHERE id = $1",
        )
        .bind(event_id)
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
