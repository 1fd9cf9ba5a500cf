//! Named reads and counts: what a test checks in the database, said in the
//! domain's words. The SQL lives here, not in the tests.

use app::{base::db::Db, on_db};
use chrono::{DateTime, Utc};

use super::TestApp;

/// Runs one of this module's counts.
pub(super) async fn count_rows(app: &TestApp, sql: &'static str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await)
    .unwrap()
}

/// Runs one of this module's counts with one text parameter.
pub(super) async fn count_rows_with(app: &TestApp, sql: &'static str, text: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(sql)
        .bind(text)
        .fetch_one(pool)
        .await)
    .unwrap()
}

/// Runs one of this module's reads of a single id.
async fn one_id(app: &TestApp, sql: &'static str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await)
    .unwrap()
}

// Accounts and sessions.

/// The token hashes of every open session.
pub async fn session_hashes(app: &TestApp) -> Vec<String> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT token_hash FROM sessions"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

/// How many sessions are open.
pub async fn session_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM sessions").await
}

/// How many sessions the user with `email` has open.
pub async fn sessions_of(app: &TestApp, email: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
        email,
    )
    .await
}

/// The id of the user with `email`.
pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM users WHERE email = $1"
    )
    .bind(email)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// How many accounts there are, of every brand and role.
pub async fn user_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM users").await
}

/// How many accounts use exactly `email` (0 or 1).
pub async fn accounts_with_email(app: &TestApp, email: &str) -> i64 {
    count_rows_with(app, "SELECT COUNT(*) FROM users WHERE email = $1", email).await
}

/// How many accounts have an email at `domain`.
pub async fn users_at(app: &TestApp, domain: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM users WHERE email LIKE $1",
        &format!("%@{domain}"),
    )
    .await
}

/// How many accounts are suspended.
pub async fn suspended_user_count(app: &TestApp) -> i64 {
    count_rows(
        app,
        "SELECT COUNT(*) FROM users WHERE suspended_at IS NOT NULL",
    )
    .await
}

/// How many set-password links are stored (as a hash) for `email`.
pub async fn stored_set_password_links(app: &TestApp, email: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM password_tokens t JOIN users u ON u.id = t.user_id
         WHERE u.email = $1 AND t.token_hash <> ''",
        email,
    )
    .await
}

/// How many failed sign-ins are recorded.
pub async fn login_failure_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM login_failures").await
}

/// How many brands `db` holds (a handle of its own, not the app's).
pub async fn brand_count(db: &Db) -> i64 {
    on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM brands"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// How many API keys are stored, each as a hash.
pub async fn stored_api_keys(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM api_keys WHERE key_hash <> ''").await
}

// The catalog.

/// How many items there are, archived or not.
pub async fn item_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM items").await
}

/// How many item photos are stored.
pub async fn item_photo_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM item_photos").await
}

/// The smallest item id.
pub async fn first_item_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT MIN(id) FROM items").await
}

/// The ids of the first `n` items by SKU.
pub async fn first_items_by_sku(app: &TestApp, n: i64) -> Vec<i64> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM items ORDER BY sku LIMIT $1"
    )
    .bind(n)
    .fetch_all(pool)
    .await)
    .unwrap()
}

/// The ids of the first `n` items by SKU with more than 10 in stock.
pub async fn items_in_stock(app: &TestApp, n: i64) -> Vec<i64> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM items WHERE stock > 10 ORDER BY sku LIMIT $1"
    )
    .bind(n)
    .fetch_all(pool)
    .await)
    .unwrap()
}

/// The smallest item id other than `item`.
pub async fn another_item(app: &TestApp, item: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM items WHERE id <> $1 ORDER BY id LIMIT 1"
    )
    .bind(item)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// How many units of `item` are in stock.
pub async fn stock(app: &TestApp, item: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT stock FROM items WHERE id = $1"
    )
    .bind(item)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// (price, id) of the dearest item `event` features with 20 or more in stock.
pub async fn dearest_featured_item(app: &TestApp, event: i64) -> (i64, i64) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT i.price_cents, i.id FROM items i JOIN event_items f ON f.item_id = i.id
         WHERE f.event_id = $1 AND i.stock >= 20 ORDER BY i.price_cents DESC, i.id LIMIT 1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The id of the first kit.
pub async fn first_kit_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT id FROM kits ORDER BY id LIMIT 1").await
}

/// The id of the first poll.
pub async fn first_poll_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT id FROM polls ORDER BY id LIMIT 1").await
}

// Parties.

/// How many parties there are, of every host and state.
pub async fn event_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM events").await
}

/// How many parties are neither cancelled nor closed, leaving out those
/// titled `title`.
pub async fn open_events_not_titled(app: &TestApp, title: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM events WHERE cancelled_at IS NULL AND closed_at IS NULL AND title <> $1",
        title,
    )
    .await
}

/// How many parties are closed.
pub async fn closed_event_count(app: &TestApp) -> i64 {
    count_rows(
        app,
        "SELECT COUNT(*) FROM events WHERE closed_at IS NOT NULL",
    )
    .await
}

/// How many parties are hosted by accounts with an email at `domain`.
pub async fn events_of_hosts_at(app: &TestApp, domain: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM events e JOIN users u ON u.id = e.host_id WHERE u.email LIKE $1",
        &format!("%@{domain}"),
    )
    .await
}

/// When `event` starts and ends, as stored (UTC).
pub async fn event_times(app: &TestApp, event: i64) -> (DateTime<Utc>, DateTime<Utc>) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT starts_at, ends_at FROM events WHERE id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The slug of `event`'s share link.
pub async fn share_slug(app: &TestApp, event: i64) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT share_slug FROM events WHERE id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The brand `event` belongs to.
pub async fn brand_of_event(app: &TestApp, event: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT brand_id FROM events WHERE id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The party `event` was booked from, if any.
pub async fn booked_from(app: &TestApp, event: i64) -> Option<i64> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT booked_from_event_id FROM events WHERE id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// Who (or what) closed `event`.
pub async fn closed_by(app: &TestApp, event: i64) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT closed_by FROM events WHERE id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// How many items parties feature, all parties together.
pub async fn featured_item_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM event_items").await
}

// Guests and invitations.

/// How many guests there are, of every party.
pub async fn guest_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM guests").await
}

/// The id of a guest: tests ask when there is one.
pub async fn the_guest_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT id FROM guests").await
}

/// (guest id, email, nonce, token hash) of every guest's link, by id.
pub async fn invitation_links(app: &TestApp) -> Vec<(i64, String, Option<String>, Option<String>)> {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT id, email, token_nonce, token_hash FROM guests ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

/// The nonce behind the link of the guest `email` of `event`.
pub async fn invitation_nonce(app: &TestApp, event: i64, email: &str) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT token_nonce FROM guests WHERE event_id = $1 AND email = $2"
    )
    .bind(event)
    .bind(email)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// When the guest holding the link `token` was last seen, as recorded.
pub async fn last_seen(app: &TestApp, token: &str) -> Option<DateTime<Utc>> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT last_seen_at FROM guests WHERE token_hash = $1"
    )
    .bind(app::base::tokens::hash_token(token))
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// Waits (up to 5 s) until the visit of the guest holding `token` is
/// recorded after `after`, and returns when it was.
pub async fn visit_recorded(app: &TestApp, token: &str, after: DateTime<Utc>) -> DateTime<Utc> {
    super::eventually(5, "the guest's visit is recorded", || async {
        last_seen(app, token).await.is_some_and(|t| t > after)
    })
    .await;
    last_seen(app, token).await.expect("recorded")
}

// Orders.

/// How many orders there are, of every kind and status.
pub async fn order_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM orders").await
}

/// How many order lines there are, all orders together.
pub async fn order_line_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM order_lines").await
}

/// How many orders are at `status`.
pub async fn orders_with_status(app: &TestApp, status: &str) -> i64 {
    count_rows_with(app, "SELECT COUNT(*) FROM orders WHERE status = $1", status).await
}

/// How many times an order was moved to `status`.
pub async fn status_changes_to(app: &TestApp, status: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM order_status_changes WHERE status = $1",
        status,
    )
    .await
}

/// Who moved an order to `status`, as the history records it.
pub async fn who_set_status(app: &TestApp, status: &str) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT actor FROM order_status_changes WHERE status = $1"
    )
    .bind(status)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The status of order `id`.
pub async fn order_status(app: &TestApp, id: i64) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT status FROM orders WHERE id = $1"
    )
    .bind(id)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The id of an order: tests ask when there is one.
pub async fn the_order_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT id FROM orders").await
}

/// The guest who placed the order, if it came through a personal link.
pub async fn order_guest(app: &TestApp) -> Option<i64> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT guest_id FROM orders"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The total of the order, in cents.
pub async fn order_total(app: &TestApp) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT total_cents FROM orders"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The id of the order tracked by `code`.
pub async fn order_with_code(app: &TestApp, code: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM orders WHERE tracking_code = $1"
    )
    .bind(code)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// (merchandise, discount, total, kind) of the reward order that got a
/// discount.
pub async fn discounted_reward_order(app: &TestApp) -> (i64, i64, i64, String) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT merchandise_cents, discount_cents, total_cents, kind FROM orders WHERE kind = 'host_reward' AND discount_cents > 0"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

// Host credit.

/// How many entries the host credit ledger holds.
pub async fn ledger_entries(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM host_credit_ledger").await
}

/// (credit, half-price items, sales) of the first ledger entry: the reward
/// of a closed party.
pub async fn reward_credited(app: &TestApp) -> (i64, i64, i64) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT credit_cents, half_price_items, sales_cents FROM host_credit_ledger"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// How many booking bonuses gave exactly `items` half-price items.
pub async fn booking_bonuses_of(app: &TestApp, items: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM host_credit_ledger WHERE kind = 'booking_bonus' AND half_price_items = $1"
    )
    .bind(items)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// (credit, half-price items) spent on reward orders, all hosts together.
pub async fn redeemed(app: &TestApp) -> (i64, i64) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT CAST(SUM(-credit_cents) AS BIGINT), CAST(SUM(-half_price_items) AS BIGINT) FROM host_credit_ledger WHERE kind = 'redemption'"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

// Bookings and the host program.

/// How many requests to host a party there are.
pub async fn booking_request_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM booking_requests").await
}

/// How many requests to host a party are at `status`.
pub async fn booking_requests_with_status(app: &TestApp, status: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM booking_requests WHERE status = $1",
        status,
    )
    .await
}

/// The id of a request to host: tests ask when there is one.
pub async fn the_booking_request_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT id FROM booking_requests").await
}

/// How many applications to become a host there are.
pub async fn host_application_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM host_applications").await
}

/// How many applications to become a host are at `status`.
pub async fn host_applications_with_status(app: &TestApp, status: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM host_applications WHERE status = $1",
        status,
    )
    .await
}

/// The id of an application to become a host: tests ask when there is one.
pub async fn the_host_application_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT id FROM host_applications").await
}

// Webhooks.

/// The id of a webhook delivery: tests ask when there is one.
pub async fn the_webhook_delivery_id(app: &TestApp) -> i64 {
    one_id(app, "SELECT id FROM webhook_deliveries").await
}

/// How many webhook deliveries are at `status`.
pub async fn webhook_deliveries_with_status(app: &TestApp, status: &str) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM webhook_deliveries WHERE status = $1",
        status,
    )
    .await
}

/// How many webhook deliveries wait for a retry after an error.
pub async fn webhook_deliveries_retrying(app: &TestApp) -> i64 {
    count_rows(
        app,
        "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending' AND last_error IS NOT NULL",
    )
    .await
}

/// The errors webhook deliveries met, oldest first.
pub async fn webhook_errors(app: &TestApp) -> Vec<String> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT last_error FROM webhook_deliveries WHERE last_error IS NOT NULL ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

/// How many attempts the delivery of the `event_type` event took.
pub async fn webhook_attempts(app: &TestApp, event_type: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT attempts FROM webhook_deliveries WHERE event_type = $1"
    )
    .bind(event_type)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The status of webhook delivery `id`.
pub async fn webhook_delivery_status(app: &TestApp, id: i64) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT status FROM webhook_deliveries WHERE id = $1"
    )
    .bind(id)
    .fetch_one(pool)
    .await)
    .unwrap()
}
