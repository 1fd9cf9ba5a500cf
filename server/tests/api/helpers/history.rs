//! A hand-computed history for the dashboards and the public API: two hosts,
//! three held parties (two in September 2026, one in August), plus what must
//! not count: a cancelled party, cancelled, refunded and unpaid orders, and a
//! host's own reward order.

use app::on_db;
use chrono::{DateTime, TimeZone, Utc};

use super::{rows::user_id, TestApp, HOST, OTHER_HOST};

/// The query string of September 2026, the fixture's main period.
pub const SEPTEMBER: &str = "period=custom&from=2026-09-01&to=2026-09-30";

/// A summer time in Paris (UTC+2).
fn paris(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h - 2, 0, 0).unwrap()
}

/// A party of `host` at `at`, three hours long; cancelled if `cancelled`.
async fn party_at(
    app: &TestApp,
    host: i64,
    title: &str,
    at: DateTime<Utc>,
    cancelled: bool,
) -> i64 {
    on_db!(app.db.writer(), |pool| sqlx::query_scalar(
        "INSERT INTO events (brand_id, host_id, title, description, starts_at, ends_at, time_zone, kind, address,
           capacity, orders_close_at, cancelled_at, created_at, updated_at, share_slug)
         SELECT brand_id, id, $1, '', $2, $3, 'Europe/Paris', 'in_person', '1 rue de la Paix', 20, $4, $5, $2, $2, $6
         FROM users WHERE id = $7 RETURNING id"
    )
    .bind(title)
    .bind(at)
    .bind(at + chrono::Duration::hours(3))
    .bind(at + chrono::Duration::days(5))
    .bind(cancelled.then_some(at))
    .bind(format!("slug-{title}").replace(' ', "-"))
    .bind(host)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// A guest `name` of `event` who answered `rsvp`; their email is made of the name.
async fn guest_who_answered(app: &TestApp, event: i64, name: &str, rsvp: &str) -> i64 {
    on_db!(app.db.writer(), |pool| sqlx::query_scalar(
        "INSERT INTO guests (event_id, name, email, rsvp, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(event)
    .bind(name)
    .bind(format!("{}@example.com", name.to_lowercase()))
    .bind(rsvp)
    .bind(Utc::now())
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// An order of `cents` of items at `event`, placed when it started; `email`
/// is the buyer's.
async fn order_at(
    app: &TestApp,
    event: i64,
    guest: Option<i64>,
    email: &str,
    status: &str,
    kind: &str,
    cents: i64,
) -> i64 {
    on_db!(app.db.writer(), |pool| sqlx::query_scalar(
        "INSERT INTO orders (brand_id, event_id, guest_id, host_id, customer_name, customer_email, status,
           merchandise_cents, shipping_cents, total_cents, placed_at, updated_at, kind, tracking_code)
         SELECT brand_id, id, $1, host_id, 'Buyer', $2, $3, $4, 0, $4, starts_at, starts_at, $5, $6
         FROM events WHERE id = $7 RETURNING id"
    )
    .bind(guest)
    .bind(email)
    .bind(status)
    .bind(cents)
    .bind(kind)
    .bind(format!("track-{event}-{email}-{status}-{kind}-{cents}"))
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// Two Fig Leaf Candles at €25 on `order`.
async fn two_fig_candles(app: &TestApp, order: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO order_lines (order_id, item_id, sku, name, unit_price_cents, vat_rate_bp, quantity, line_cents)
         SELECT $1, id, sku, name, 2500, 2000, 2, 5000 FROM items WHERE sku = 'CAN-FIG-220'"
    )
    .bind(order)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// `guest` favourites the Fig Leaf Candle.
async fn favours_the_fig_candle(app: &TestApp, guest: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO favourites (guest_id, item_id, created_at) SELECT $1, id, '2026-09-05T18:00:00+00:00' FROM items WHERE sku = 'CAN-FIG-220'"
    )
    .bind(guest)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// The host of `event` earned €11 and a half-price item for it.
async fn rewarded(app: &TestApp, event: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
         SELECT brand_id, host_id, 'event_reward', id, 1100, 1, starts_at FROM events WHERE id = $1"
    )
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Chloe asked, at `event`, to host a party of her own.
async fn chloe_asks_to_host(app: &TestApp, event: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO booking_requests (brand_id, from_event_id, name, email, created_at)
         SELECT brand_id, id, 'Chloe', 'chloe@example.com', starts_at FROM events WHERE id = $1"
    )
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// A host who joined the brand of `colleague` on 10 September.
async fn new_host_in_september(app: &TestApp, colleague: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at)
         SELECT brand_id, 'new@example.com', 'New Host', 'host', 'x', '2026-09-10T10:00:00+00:00' FROM users WHERE id = $1"
    )
    .bind(colleague)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Loads the demo and the hand-computed history; returns the ids of
/// (the September party of Camille, Hugo's September party).
pub async fn sales_history(app: &TestApp) -> (i64, i64) {
    app.seed().await;
    let camille = user_id(app, HOST.0).await;
    let hugo = user_id(app, OTHER_HOST.0).await;
    // Camille, 5 September: 4 invited, 3 answered, 2 yes.
    let e1 = party_at(app, camille, "Autumn candles", paris(2026, 9, 5, 19), false).await;
    let g1 = guest_who_answered(app, e1, "Ana", "yes").await;
    let g2 = guest_who_answered(app, e1, "Ben", "yes").await;
    let g3 = guest_who_answered(app, e1, "Chloe", "no").await;
    let g4 = guest_who_answered(app, e1, "Dan", "pending").await;
    let o1 = order_at(app, e1, Some(g1), "ana@example.com", "paid", "guest", 5000).await;
    order_at(
        app,
        e1,
        Some(g2),
        "BEN@example.com",
        "shipped",
        "guest",
        3000,
    )
    .await;
    order_at(
        app,
        e1,
        Some(g3),
        "chloe@example.com",
        "cancelled",
        "guest",
        9999,
    )
    .await;
    order_at(
        app,
        e1,
        Some(g4),
        "dan@example.com",
        "placed",
        "guest",
        4000,
    )
    .await;
    order_at(app, e1, None, "visitor@example.com", "paid", "guest", 2000).await;
    order_at(app, e1, None, HOST.0, "paid", "guest", 1000).await;
    order_at(app, e1, None, HOST.0, "paid", "host_reward", 3000).await;
    // Two units of the first item in Ana's order; Ben favourites it.
    two_fig_candles(app, o1).await;
    favours_the_fig_candle(app, g2).await;
    rewarded(app, e1).await;
    chloe_asks_to_host(app, e1).await;
    // Hugo, 20 September: 2 invited, 2 answered, 1 yes; one refund.
    let e2 = party_at(app, hugo, "Linen evening", paris(2026, 9, 20, 18), false).await;
    let h1 = guest_who_answered(app, e2, "Eve", "yes").await;
    let h2 = guest_who_answered(app, e2, "Finn", "maybe").await;
    order_at(
        app,
        e2,
        Some(h1),
        "eve@example.com",
        "delivered",
        "guest",
        7000,
    )
    .await;
    order_at(
        app,
        e2,
        Some(h2),
        "finn@example.com",
        "refunded",
        "guest",
        4000,
    )
    .await;
    // Hugo's cancelled party in September counts for nothing.
    let e4 = party_at(app, hugo, "Called off", paris(2026, 9, 12, 18), true).await;
    let k = guest_who_answered(app, e4, "Gus", "yes").await;
    order_at(app, e4, Some(k), "gus@example.com", "paid", "guest", 50_000).await;
    // Camille, 15 August (the period before): 1 invited, 1 yes, 1 order.
    let e3 = party_at(app, camille, "Summer linen", paris(2026, 8, 15, 18), false).await;
    let k1 = guest_who_answered(app, e3, "Hana", "yes").await;
    order_at(
        app,
        e3,
        Some(k1),
        "hana@example.com",
        "delivered",
        "guest",
        2500,
    )
    .await;
    // A host who joined in September.
    new_host_in_september(app, camille).await;
    (e1, e2)
}
