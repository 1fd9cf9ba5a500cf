//! Background workers that run inside every `soiree serve` process. Each one
//! is safe to run on several instances at once.

use std::time::Duration;

use app::{db::Db, on_db};
use chrono::Utc;
use tokio::sync::watch;

/// Deletes expired sessions and old sign-in failures every `every`.
pub fn spawn_housekeeping(
    db: Db,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(err) = housekeeping(&db).await {
                tracing::warn!(error = ?err, "housekeeping failed; will retry");
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// One housekeeping pass.
pub async fn housekeeping(db: &Db) -> anyhow::Result<u64> {
    use app::accounts::ssr::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, LOCKOUT_WINDOW};
    let now = Utc::now();
    let deleted = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let sessions =
            sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(now - IDLE_TIMEOUT)
                .bind(now - ABSOLUTE_TIMEOUT)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let failures = sqlx::query("DELETE FROM login_failures WHERE failed_at < $1")
            .bind(now - LOCKOUT_WINDOW)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok::<_, sqlx::Error>(sessions + failures)
    })?;
    if deleted > 0 {
        tracing::info!(
            deleted,
            "housekeeping removed expired sessions and sign-in failures"
        );
    }
    Ok(deleted)
}
