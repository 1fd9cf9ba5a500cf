//! Outbound webhooks: order events queued in the transaction that caused
//! them, delivered by the worker with retries, every response kept.

use chrono::{DateTime, Duration, Utc};

use crate::{
    base::{db::Db, error::AppError},
    on_db,
};

/// A delivery the worker has claimed, with where and how to send it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClaimedHook {
    pub id: i64,
    pub brand_id: i64,
    pub event_key: String,
    pub event_type: String,
    pub payload: String,
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
}

/// Claims up to `limit` due deliveries (see [`crate::base::queue`]).
pub async fn claim_due(
    db: &Db,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<ClaimedHook>, AppError> {
    crate::base::queue::WEBHOOKS.claim(db, now, limit).await
}

/// Where a brand's webhooks go and the secret that signs them.
pub async fn target(db: &Db, brand_id: i64) -> Result<(Option<String>, Option<String>), AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_as("SELECT webhook_url, webhook_secret FROM brands WHERE id = $1")
            .bind(brand_id)
            .fetch_one(pool)
            .await
    })?)
}

/// Why an attempt was not sent: stored as it is written here, in English
/// for the logs, and shown to the brand in its language ([`list`]).
pub const NO_ADDRESS: &str = "no webhook address is set";
pub const NO_SECRET: &str = "no webhook secret yet: create one in Settings";

/// What one attempt gave.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// The HTTP status, if the back office answered.
    pub status: Option<u16>,
    pub body: String,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

/// Records an attempt: delivered on a 2xx, else retried with backoff from
/// `base`, and failed after a day.
pub async fn record(
    db: &Db,
    hook: &ClaimedHook,
    attempt: &Attempt,
    base: Duration,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let ok = attempt.error.is_none() && attempt.status.is_some_and(|s| (200..300).contains(&s));
    let (retry, next) =
        crate::base::queue::after_failure(hook.attempts, hook.created_at, base, now);
    let status = if ok { "delivered" } else { retry };
    let body: String = attempt.body.chars().take(1000).collect();
    let error: Option<String> = attempt
        .error
        .as_ref()
        .map(|e| e.chars().take(500).collect());
    on_db!(db.writer(), |pool| {
        sqlx::query(
            "UPDATE webhook_deliveries SET status = $1, next_attempt_at = $2, locked_until = NULL,
                response_status = $3, response_body = $4, last_error = $5,
                delivered_at = CASE WHEN $1 = 'delivered' THEN $6 ELSE delivered_at END
             WHERE id = $7",
        )
        .bind(status)
        .bind(next)
        .bind(attempt.status.map(i64::from))
        .bind(&body)
        .bind(error)
        .bind(now)
        .bind(hook.id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Queues a delivery that failed for good to be tried again now.
pub async fn retry(db: &Db, brand_id: i64, id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    let n = on_db!(db.writer(), |pool| {
        sqlx::query(
            "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $1, attempts = 0, created_at = $1
             WHERE id = $2 AND brand_id = $3 AND status = 'failed'",
        )
        .bind(now)
        .bind(id)
        .bind(brand_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    order_id: Option<i64>,
    event_type: String,
    status: String,
    attempts: i64,
    response_status: Option<i64>,
    response_body: Option<String>,
    last_error: Option<String>,
    created_at: DateTime<Utc>,
    next_attempt_at: DateTime<Utc>,
}

/// The brand's latest deliveries.
pub async fn list(db: &Db, brand_id: i64) -> Result<super::Deliveries, AppError> {
    let rows: Vec<Row> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, order_id, event_type, status, attempts, response_status, response_body, last_error,
                    created_at, next_attempt_at
             FROM webhook_deliveries WHERE brand_id = $1 ORDER BY id DESC LIMIT 100",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    let (url, secret) = target(db, brand_id).await?;
    let tz = crate::base::brand::ssr::zone(db, brand_id).await?;
    let lang = crate::base::l10n::page_lang();
    let when = |t: DateTime<Utc>| crate::base::l10n::fmt::datetime_medium(lang, t, tz);
    Ok(super::Deliveries {
        url: url.unwrap_or_default(),
        has_secret: secret.is_some(),
        rows: rows
            .into_iter()
            .map(|r| super::Delivery {
                id: r.id,
                order_id: r.order_id,
                event_type: r.event_type,
                attempts: r.attempts,
                response: match (r.response_status, r.last_error) {
                    (_, Some(err)) if err == NO_ADDRESS => tr!(lang, WEBHOOK_ERROR_NO_ADDRESS),
                    (_, Some(err)) if err == NO_SECRET => tr!(lang, WEBHOOK_ERROR_NO_SECRET),
                    (_, Some(err)) => err,
                    (Some(code), None) => format!(
                        "HTTP {code}{}",
                        r.response_body
                            .filter(|b| !b.is_empty())
                            .map(|b| format!(": {}", b.chars().take(200).collect::<String>()))
                            .unwrap_or_default()
                    ),
                    (None, None) => tr!(lang, WEBHOOK_NOT_TRIED),
                },
                next_attempt: (r.status == "pending").then(|| when(r.next_attempt_at)),
                status: r.status,
                created: when(r.created_at),
            })
            .collect(),
    })
}
