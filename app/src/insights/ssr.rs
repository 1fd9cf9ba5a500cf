//! Host performance from the database: one row of figures per held party,
//! read with one grouped query per table, and the event report.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{domain::EventFigures, period::Period, EventReport, GuestLine, ItemLine};
use crate::{
    base::{db::Db, error::AppError},
    on_db,
};

/// Which parties to read.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub brand_id: i64,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Parties that have started by then count as held.
    pub now: DateTime<Utc>,
    pub host_id: Option<i64>,
    /// The brand's zone, for each party's local day.
    pub tz: chrono_tz::Tz,
}

type EventTuple = (i64, i64, String, String, DateTime<Utc>);
type Count = (i64, i64);

/// The queries of [`event_figures`]: the parties, then per-party counts
/// from each table, each restricted to the same parties through the same
/// join. Each binds brand, from, to, now and host (or NULL).
fn figures_sql() -> [String; 6] {
    let counted =
        crate::base::order::OrderStatus::sql_list(crate::base::order::OrderStatus::counts_as_sale);
    let parties = "FROM events e WHERE e.brand_id = $1 AND e.cancelled_at IS NULL
         AND e.starts_at >= $2 AND e.starts_at < $3 AND e.starts_at <= $4
         AND (CAST($5 AS BIGINT) IS NULL OR e.host_id = $5)";
    let events_sql = format!(
        "SELECT e.id, e.host_id, u.display_name, e.title, e.starts_at
         FROM events e JOIN users u ON u.id = e.host_id
         WHERE e.id IN (SELECT e.id {parties}) ORDER BY e.starts_at, e.id"
    );
    let guests_sql = format!(
        "SELECT g.event_id, COUNT(*),
                SUM(CASE WHEN g.rsvp <> 'pending' THEN 1 ELSE 0 END),
                SUM(CASE WHEN g.rsvp = 'yes' THEN 1 ELSE 0 END)
         FROM guests g WHERE g.event_id IN (SELECT e.id {parties}) GROUP BY g.event_id"
    );
    // Invited guests who bought (a prize won at the drawing is a free order,
    // no purchase): the guest of an order from a personal link,
    // or the invited guest with the email of a share-link order (guests'
    // emails are stored in lower case).
    let bought_sql = format!(
        "SELECT b.event_id, COUNT(DISTINCT b.guest_id) FROM (
           SELECT o.event_id AS event_id, o.guest_id AS guest_id FROM orders o
           WHERE o.kind = 'guest' AND o.merchandise_cents > 0 AND o.status IN {counted} AND o.guest_id IS NOT NULL
             AND o.event_id IN (SELECT e.id {parties})
           UNION
           SELECT o.event_id, g.id FROM orders o
           JOIN guests g ON g.event_id = o.event_id AND g.email = lower(o.customer_email)
           WHERE o.kind = 'guest' AND o.merchandise_cents > 0 AND o.status IN {counted} AND o.guest_id IS NULL
             AND o.event_id IN (SELECT e.id {parties})
         ) b GROUP BY b.event_id"
    );
    let orders_sql = format!(
        "SELECT o.event_id, COUNT(*), CAST(COALESCE(SUM(o.merchandise_cents), 0) AS BIGINT),
                COUNT(DISTINCT CASE WHEN lower(o.customer_email) <> lower(u.email) THEN lower(o.customer_email) END)
         FROM orders o JOIN events ev ON ev.id = o.event_id JOIN users u ON u.id = ev.host_id
         WHERE o.kind = 'guest' AND o.merchandise_cents > 0 AND o.status IN {counted} AND o.event_id IN (SELECT e.id {parties})
         GROUP BY o.event_id"
    );
    let rewards_sql = format!(
        "SELECT l.event_id, CAST(COALESCE(SUM(l.credit_cents), 0) AS BIGINT) FROM host_credit_ledger l
         WHERE l.kind = 'event_reward' AND l.event_id IN (SELECT e.id {parties}) GROUP BY l.event_id"
    );
    let bookings_sql = format!(
        "SELECT b.from_event_id, COUNT(*) FROM booking_requests b
         WHERE b.from_event_id IN (SELECT e.id {parties}) GROUP BY b.from_event_id"
    );
    [
        events_sql,
        guests_sql,
        bought_sql,
        orders_sql,
        rewards_sql,
        bookings_sql,
    ]
}

/// The figures of every party of the scope held (started, not cancelled).
pub async fn event_figures(db: &Db, scope: Scope) -> Result<Vec<EventFigures>, AppError> {
    let tz = scope.tz;
    let [events_sql, guests_sql, bought_sql, orders_sql, rewards_sql, bookings_sql] = figures_sql();
    type Guests = (i64, i64, i64, i64);
    type Orders = (i64, i64, i64, i64);
    type All = (
        Vec<EventTuple>,
        Vec<Guests>,
        Vec<Count>,
        Vec<Orders>,
        Vec<Count>,
        Vec<Count>,
    );
    let (events, guests, bought, orders, rewards, bookings): All = on_db!(db.reader(), |pool| {
        macro_rules! bound {
            ($sql:expr) => {
                sqlx::query_as($sql)
                    .bind(scope.brand_id)
                    .bind(scope.from)
                    .bind(scope.to)
                    .bind(scope.now)
                    .bind(scope.host_id)
                    .fetch_all(pool)
            };
        }
        tokio::try_join!(
            bound!(&events_sql),
            bound!(&guests_sql),
            bound!(&bought_sql),
            bound!(&orders_sql),
            bound!(&rewards_sql),
            bound!(&bookings_sql),
        )?
    });
    let guests: HashMap<i64, Guests> = guests.into_iter().map(|g| (g.0, g)).collect();
    let bought: HashMap<i64, i64> = bought.into_iter().collect();
    let orders: HashMap<i64, Orders> = orders.into_iter().map(|o| (o.0, o)).collect();
    let rewards: HashMap<i64, i64> = rewards.into_iter().collect();
    let bookings: HashMap<i64, i64> = bookings.into_iter().collect();
    Ok(events
        .into_iter()
        .map(|(id, host_id, host_name, title, starts_at)| {
            let (_, invited, answered, yes) = guests.get(&id).copied().unwrap_or_default();
            let (_, n, revenue, buyers) = orders.get(&id).copied().unwrap_or_default();
            EventFigures {
                event_id: id,
                host_id,
                host_name,
                title,
                day: starts_at.with_timezone(&tz).format("%Y-%m-%d").to_string(),
                invited,
                answered,
                yes,
                bought: bought.get(&id).copied().unwrap_or_default(),
                orders: n,
                revenue_cents: revenue,
                buyers,
                reward_cents: rewards.get(&id).copied().unwrap_or_default(),
                bookings: bookings.get(&id).copied().unwrap_or_default(),
            }
        })
        .collect())
}

/// Hosts who joined the brand in `[from, to)`.
pub async fn new_hosts(
    db: &Db,
    brand_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<i64, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE brand_id = $1 AND role = 'host' AND created_at >= $2 AND created_at < $3",
        )
        .bind(brand_id)
        .bind(from)
        .bind(to)
        .fetch_one(pool)
        .await
    })?)
}

/// The scope of a period, for the whole brand or one host.
pub fn scope(
    brand_id: i64,
    p: &Period,
    now: DateTime<Utc>,
    host_id: Option<i64>,
) -> (Scope, Scope) {
    (
        Scope {
            brand_id,
            from: p.from,
            to: p.to,
            now,
            host_id,
            tz: p.tz,
        },
        Scope {
            brand_id,
            from: p.prev_from,
            to: p.prev_to,
            now,
            host_id,
            tz: p.tz,
        },
    )
}

/// One party of the brand, as its report shows it: the guests with their
/// answer and whether they bought, the items sold, favourited and voted
/// for. `host_id` limits it to that host's parties (404 otherwise).
pub async fn event_report(
    db: &Db,
    brand_id: i64,
    host_id: Option<i64>,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<EventReport, AppError> {
    type Found = (
        i64,
        String,
        String,
        DateTime<Utc>,
        String,
        Option<DateTime<Utc>>,
    );
    let found: Option<Found> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
                "SELECT e.host_id, u.display_name, e.title, e.starts_at, e.time_zone, e.cancelled_at
                 FROM events e JOIN users u ON u.id = e.host_id WHERE e.id = $1 AND e.brand_id = $2",
            )
            .bind(event_id)
            .bind(brand_id)
            .fetch_optional(pool)
            .await
    })?;
    let (owner, host_name, title, starts_at, zone, cancelled) = found.ok_or(AppError::NotFound)?;
    if host_id.is_some_and(|h| h != owner) {
        return Err(AppError::NotFound);
    }
    let tz = crate::base::time::zone(&zone);
    let figures = event_figures(
        db,
        Scope {
            brand_id,
            from: starts_at,
            to: starts_at + chrono::Duration::seconds(1),
            now: now.max(starts_at),
            host_id: Some(owner),
            tz: crate::base::brand::ssr::zone(db, brand_id).await?,
        },
    )
    .await?
    .into_iter()
    .find(|f| f.event_id == event_id)
    .unwrap_or_default();
    let currency = crate::base::brand::ssr::currency(db, brand_id).await?;
    let (guests, items) = report_lines(db, brand_id, event_id, currency).await?;
    let (refunded_orders, refunded_cents): (i64, i64) = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT COUNT(*), CAST(COALESCE(SUM(total_cents), 0) AS BIGINT) FROM orders
             WHERE event_id = $1 AND kind = 'guest' AND status = 'refunded'",
        )
        .bind(event_id)
        .fetch_one(pool)
        .await
    })?;
    Ok(EventReport {
        draw: drawn_prize(db, event_id).await?,
        refunded_orders,
        refunded: crate::base::money::Money::new(refunded_cents, currency),
        currency,
        event_id,
        title,
        host_id: owner,
        host_name,
        when: crate::base::l10n::fmt::datetime_long(crate::base::l10n::page_lang(), starts_at, tz),
        cancelled: cancelled.is_some(),
        held: starts_at <= now,
        figures,
        guests: guests
            .into_iter()
            .map(|(name, email, rsvp, companions, bought, note)| GuestLine {
                name: if name.trim().is_empty() { email } else { name },
                rsvp,
                companions,
                bought: bought > 0,
                // A note is written to the host: only the host reads it.
                note: host_id.map(|_| note).unwrap_or_default(),
            })
            .collect(),
        items,
    })
}

/// The party's prize drawing, once drawn: (prize, winner's name).
async fn drawn_prize(db: &Db, event_id: i64) -> Result<Option<(String, String)>, AppError> {
    Ok(on_db!(db.reader(), |pool| sqlx::query_as(
        "SELECT COALESCE(i.name, ''), COALESCE(g.name, '') FROM party_draws d
         JOIN prize_offers o ON o.id = d.offer_id LEFT JOIN items i ON i.id = o.item_id
         LEFT JOIN guests g ON g.id = d.winner_guest_id
         WHERE d.event_id = $1 AND d.drawn_at IS NOT NULL"
    )
    .bind(event_id)
    .fetch_optional(pool)
    .await)?)
}

type GuestRow = (String, String, String, i64, i64, String);

/// A party's guests (did each buy?) and its items (sold, favourited,
/// voted for), most wanted first.
async fn report_lines(
    db: &Db,
    brand_id: i64,
    event_id: i64,
    currency: crate::base::money::Currency,
) -> Result<(Vec<GuestRow>, Vec<ItemLine>), AppError> {
    let counted =
        crate::base::order::OrderStatus::sql_list(crate::base::order::OrderStatus::counts_as_sale);
    let guests_sql = format!(
        "SELECT g.name, g.email, g.rsvp, g.companions,
                CAST(CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.event_id = g.event_id AND o.kind = 'guest'
                    AND o.status IN {counted} AND (o.guest_id = g.id OR lower(o.customer_email) = lower(g.email)))
                THEN 1 ELSE 0 END AS BIGINT),
                g.note
         FROM guests g WHERE g.event_id = $1 ORDER BY lower(g.name), g.id"
    );
    let items_sql = format!(
        "SELECT i.id, i.name,
           CAST(COALESCE((SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
              WHERE o.event_id = $1 AND o.kind = 'guest' AND o.merchandise_cents > 0 AND o.status IN {counted} AND l.item_id = i.id), 0) AS BIGINT),
           CAST(COALESCE((SELECT SUM(l.line_cents) FROM order_lines l JOIN orders o ON o.id = l.order_id
              WHERE o.event_id = $1 AND o.kind = 'guest' AND o.merchandise_cents > 0 AND o.status IN {counted} AND l.item_id = i.id), 0) AS BIGINT),
           (SELECT COUNT(*) FROM favourites f JOIN guests g ON g.id = f.guest_id WHERE g.event_id = $1 AND f.item_id = i.id),
           (SELECT COUNT(*) FROM poll_votes v JOIN poll_options po ON po.id = v.option_id
              WHERE v.event_id = $1 AND po.item_id = i.id)
         FROM items i WHERE i.brand_id = $2 AND (
           i.id IN (SELECT item_id FROM event_items WHERE event_id = $1)
           OR i.id IN (SELECT l.item_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.event_id = $1))
         ORDER BY i.name"
    );
    type Item = (i64, String, i64, i64, i64, i64);
    let (guests, items): (Vec<GuestRow>, Vec<Item>) = on_db!(db.reader(), |pool| {
        tokio::try_join!(
            sqlx::query_as(&guests_sql).bind(event_id).fetch_all(pool),
            sqlx::query_as(&items_sql)
                .bind(event_id)
                .bind(brand_id)
                .fetch_all(pool),
        )?
    });
    let mut items: Vec<ItemLine> = items
        .into_iter()
        .map(
            |(item_id, name, units, cents, favourites, votes)| ItemLine {
                item_id,
                name,
                units,
                revenue: crate::base::money::Money::new(cents, currency),
                favourites,
                votes,
            },
        )
        .collect();
    items.sort_by(|a, b| {
        (b.units, b.favourites + b.votes)
            .cmp(&(a.units, a.favourites + a.votes))
            .then(a.name.cmp(&b.name))
    });
    Ok((guests, items))
}
