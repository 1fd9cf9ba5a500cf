//! Moving time: a test cannot wait days, so it moves the stored times of a
//! party, a guest or a link instead.

use app::on_db;
use chrono::{DateTime, Duration, Utc};

use super::TestApp;

/// Moves `event` to start at `starts` and end at `ends`.
async fn set_party_times(app: &TestApp, event: i64, starts: DateTime<Utc>, ends: DateTime<Utc>) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE events SET starts_at = $1, ends_at = $2 WHERE id = $3"
    )
    .bind(starts)
    .bind(ends)
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// The party has been held: it started 3 hours ago and ended 1 hour ago.
pub async fn party_was_held(app: &TestApp, event: i64) {
    let now = Utc::now();
    set_party_times(
        app,
        event,
        now - Duration::hours(3),
        now - Duration::hours(1),
    )
    .await;
}

/// The party was held `days` before `now` (from 3 to 2 hours earlier that day).
pub async fn party_held_days_before(app: &TestApp, event: i64, now: DateTime<Utc>, days: i64) {
    set_party_times(
        app,
        event,
        now - Duration::days(days) - Duration::hours(3),
        now - Duration::days(days) - Duration::hours(2),
    )
    .await;
}

/// The party started `ago` (its end is left as it was).
pub async fn party_started_ago(app: &TestApp, event: i64, ago: Duration) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE events SET starts_at = $1 WHERE id = $2"
    )
    .bind(Utc::now() - ago)
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Sets the time `column` of `event` to `at`.
async fn set_event_time(app: &TestApp, event: i64, column: &'static str, at: DateTime<Utc>) {
    let sql = format!("UPDATE events SET {column} = $1 WHERE id = $2");
    on_db!(app.db.writer(), |pool| sqlx::query(&sql)
        .bind(at)
        .bind(event)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .unwrap();
}

/// Moves the order deadline of `event` to `at`.
pub async fn set_order_deadline(app: &TestApp, event: i64, at: DateTime<Utc>) {
    set_event_time(app, event, "orders_close_at", at).await;
}

/// `event` was stopped at `at`, and nothing else was done (a crash).
pub async fn stopped_at(app: &TestApp, event: i64, at: DateTime<Utc>) {
    set_event_time(app, event, "cancelled_at", at).await;
}

/// The order deadline of `event` passed a minute ago.
pub async fn order_deadline_passed(app: &TestApp, event: i64) {
    set_order_deadline(app, event, Utc::now() - Duration::minutes(1)).await;
}

/// Every guest, of every party, last opened their page `ago`.
pub async fn guests_last_seen_ago(app: &TestApp, ago: Duration) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE guests SET last_seen_at = $1"
    )
    .bind(Utc::now() - ago)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Gives the account `email` a set-password link `token` made 49 hours ago,
/// which expired a minute ago.
pub async fn expired_set_password_link(app: &TestApp, email: &str, token: &str) {
    let now = Utc::now();
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO password_tokens (user_id, token_hash, expires_at, created_at)
             SELECT id, $1, $2, $3 FROM users WHERE email = $4"
    )
    .bind(app::base::tokens::hash_token(token))
    .bind(now - Duration::minutes(1))
    .bind(now - Duration::hours(49))
    .bind(email)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}
