//! Background workers that run inside every `soiree serve` process. Each one
//! is safe to run on several instances at once.

use std::time::Duration;

use app::{db::Db, mail::ssr as outbox, on_db};
use chrono::Utc;
use tokio::sync::watch;

use crate::mailer::Mailer;

/// Sends due mail from the outbox every `poll`; a failed send is retried
/// with backoff from `retry_base`, and given up after a day.
pub fn spawn_outbox(
    db: Db,
    mailer: Mailer,
    poll: Duration,
    retry_base: Duration,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match deliver_due(&db, &mailer, retry_base).await {
                // A full batch: there may be more waiting, go again at once.
                Ok(n) if n >= BATCH as usize => continue,
                Ok(_) => {}
                Err(err) => tracing::warn!(error = ?err, "outbox pass failed; will retry"),
            }
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

const BATCH: i64 = 50;
const SEND_CONCURRENCY: usize = 8;

/// Sends one claimed mail and records the outcome.
async fn deliver_one(
    db: &Db,
    mailer: &Mailer,
    mail: &outbox::ClaimedMail,
    base: chrono::Duration,
) -> anyhow::Result<()> {
    match mailer
        .send(
            &mail.sender,
            &mail.recipient,
            &mail.message_id,
            mail.message.as_bytes(),
        )
        .await
    {
        Ok(()) => {
            outbox::mark_sent(db, mail.id, Utc::now())
                .await
                .map_err(|e| anyhow::anyhow!("marking mail {} sent: {e}", mail.id))?;
            tracing::debug!(mail_id = mail.id, attempts = mail.attempts, "mail sent");
        }
        Err(err) => {
            tracing::warn!(mail_id = mail.id, attempts = mail.attempts, error = %err, "mail not sent; will retry");
            outbox::mark_failed_attempt(db, mail, &format!("{err:#}"), base, Utc::now())
                .await
                .map_err(|e| anyhow::anyhow!("recording a failed send of mail {}: {e}", mail.id))?;
        }
    }
    Ok(())
}

/// One pass: claims due mail and sends it. Returns how many were claimed.
pub async fn deliver_due(db: &Db, mailer: &Mailer, retry_base: Duration) -> anyhow::Result<usize> {
    let claimed = outbox::claim_due(db, Utc::now(), BATCH)
        .await
        .map_err(|e| anyhow::anyhow!("claiming outbox rows: {e}"))?;
    let base = chrono::Duration::from_std(retry_base)?;
    // Several sends at once over the transport's pooled connections.
    use futures::StreamExt;
    let results: Vec<anyhow::Result<()>> = futures::stream::iter(claimed.iter().cloned())
        .map(|mail| async move { deliver_one(db, mailer, &mail, base).await })
        .buffer_unordered(SEND_CONCURRENCY)
        .collect()
        .await;
    results.into_iter().collect::<anyhow::Result<()>>()?;
    Ok(claimed.len())
}

/// Queues due event reminders and thank-yous every `every`.
pub fn spawn_mailings(
    db: Db,
    config: std::sync::Arc<app::state::AppConfig>,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match app::invitations::ssr::send_due_mailings(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(queued = n, "event reminders and thank-yous queued"),
                Err(err) => tracing::warn!(error = %err, "event mailings failed; will retry"),
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

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
