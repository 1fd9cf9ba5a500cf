//! One leased queue, used twice: the mail outbox and the webhook
//! deliveries. A row is written in the transaction that causes it; a worker
//! claims due rows with a lease (so several servers never take the same row
//! at once), tries each, and records the outcome: done, or tried again after
//! a backoff that doubles up to an hour, or given up after a day.

use chrono::{DateTime, Duration, Utc};

use crate::base::{
    db::{Conn, Db},
    error::AppError,
};

/// How long a claimed row is reserved for the worker that claimed it; after
/// that another worker may retry it (the first one died).
pub const LEASE: Duration = Duration::minutes(5);
/// After this long without success a row is marked failed.
pub const GIVE_UP_AFTER: Duration = Duration::hours(24);
/// The longest wait between two attempts.
pub const MAX_BACKOFF: Duration = Duration::hours(1);

/// A table worked as a queue. Its rows have `status` (`pending` while
/// waiting), `next_attempt_at`, `locked_until`, `attempts` and `created_at`.
#[derive(Debug, Clone, Copy)]
pub struct Queue {
    pub table: &'static str,
    /// The columns a claim returns, for the worker's row type.
    pub returning: &'static str,
}

/// The mail outbox.
pub const OUTBOX: Queue = Queue {
    table: "outbox",
    returning: "id, sender, recipient, message, message_id, attempts, created_at",
};

/// Order events for the brands' back offices.
pub const WEBHOOKS: Queue = Queue {
    table: "webhook_deliveries",
    returning: "id, brand_id, event_key, event_type, payload, attempts, created_at",
};

/// The wait before attempt `attempts + 1`: `base` doubling, at most an hour.
pub fn backoff(base: Duration, attempts: i64) -> Duration {
    let exp = (attempts - 1).clamp(0, 20) as u32;
    let wait = base.num_seconds().saturating_mul(2i64.saturating_pow(exp));
    Duration::seconds(wait).min(MAX_BACKOFF)
}

/// Where a row goes after a failed attempt: its status (`pending`, or
/// `failed` a day after it was written) and when to try again.
pub fn after_failure(
    attempts: i64,
    created_at: DateTime<Utc>,
    base: Duration,
    now: DateTime<Utc>,
) -> (&'static str, DateTime<Utc>) {
    let status = if now - created_at >= GIVE_UP_AFTER {
        "failed"
    } else {
        "pending"
    };
    (status, now + backoff(base, attempts))
}

impl Queue {
    /// Claims up to `limit` due rows for this worker: each gets a lease and
    /// one more attempt. On PostgreSQL rows another server holds are
    /// skipped (`FOR UPDATE SKIP LOCKED`); SQLite's single writer makes the
    /// claim atomic.
    pub async fn claim<T>(
        &self,
        db: &Db,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<T>, AppError>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        let table = self.table;
        let due = format!(
            "SELECT id FROM {table} WHERE status = 'pending' AND next_attempt_at <= $2
             AND (locked_until IS NULL OR locked_until <= $2) ORDER BY id LIMIT $3"
        );
        let claim = |select: &str| {
            format!(
                "UPDATE {table} SET locked_until = $1, attempts = attempts + 1 WHERE id IN ({select})
                 RETURNING {}",
                self.returning
            )
        };
        let rows = match db.writer() {
            Conn::Sqlite(pool) => {
                sqlx::query_as(&claim(&due))
                    .bind(now + LEASE)
                    .bind(now)
                    .bind(limit)
                    .fetch_all(pool)
                    .await?
            }
            Conn::Postgres(pool) => {
                sqlx::query_as(&claim(&format!("{due} FOR UPDATE SKIP LOCKED")))
                    .bind(now + LEASE)
                    .bind(now)
                    .bind(limit)
                    .fetch_all(pool)
                    .await?
            }
        };
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_the_base_up_to_an_hour() {
        let m = Duration::minutes(1);
        let waits: Vec<i64> = (1..=8).map(|a| backoff(m, a).num_minutes()).collect();
        assert_eq!(waits, vec![1, 2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(backoff(m, 1000), MAX_BACKOFF);
    }

    #[test]
    fn a_row_is_given_up_a_day_after_it_was_written() {
        let now = Utc::now();
        let m = Duration::minutes(1);
        assert_eq!(
            after_failure(1, now - Duration::hours(1), m, now),
            ("pending", now + m)
        );
        assert_eq!(
            after_failure(3, now - Duration::hours(25), m, now).0,
            "failed"
        );
    }
}
