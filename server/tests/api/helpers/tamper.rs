//! Writes behind the app's back: what the database must refuse, roll back or
//! queue, whoever attempts it.

use app::{base::db::Db, on_db};
use chrono::{DateTime, Utc};

use super::TestApp;

/// Runs one write of a row by `id` straight on the test database, as
/// another server (or any code path) would.
pub async fn write_by_id(app: &TestApp, sql: &str, id: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(sql)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ()))
    .unwrap();
}

/// Tries to change every amount in the host credit ledger (append-only).
pub async fn edit_the_ledger(app: &TestApp) -> Result<u64, sqlx::Error> {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE host_credit_ledger SET credit_cents = 1"
    )
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
}

/// Tries to delete the host credit ledger (append-only).
pub async fn empty_the_ledger(app: &TestApp) -> Result<u64, sqlx::Error> {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "DELETE FROM host_credit_ledger"
    )
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
}

/// A close of `event` that dies halfway: it marks the party closed and
/// credits the host in a transaction that never commits.
pub async fn a_close_that_dies_halfway(app: &TestApp, event: i64, at: DateTime<Utc>) {
    on_db!(app.db.writer(), |pool| {
        let mut tx = pool.begin().await.unwrap();
        sqlx::query("UPDATE events SET closed_at = $1, closed_by = 'crash' WHERE id = $2")
            .bind(at)
            .bind(event)
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
             SELECT brand_id, host_id, 'event_reward', id, 999999, 9, $1 FROM events WHERE id = $2",
        )
        .bind(at)
        .bind(event)
        .execute(&mut *tx)
        .await
        .unwrap();
        drop(tx);
    });
}

/// Tries to reward `event` a second time, as if its closed flag were lost.
pub async fn a_second_event_reward(
    app: &TestApp,
    event: i64,
    at: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    on_db!(app.db.writer(), |pool| {
        sqlx::query(
            "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
             SELECT brand_id, host_id, 'event_reward', id, 1, 1, $1 FROM events WHERE id = $2",
        )
        .bind(at)
        .bind(event)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

/// Records a failed sign-in in a transaction that first reads how many there
/// are: concurrent callers must queue, not fail.
pub async fn note_login_failure(db: &Db, writer: usize) -> Result<(), sqlx::Error> {
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_failures")
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO login_failures (email, failed_at) VALUES ($1, $2)")
            .bind(format!("writer{writer}-{n}@example.com"))
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    })
}
