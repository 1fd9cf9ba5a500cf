//! Outbound webhooks: order events queued in the transaction that caused
//! them, delivered by the worker with retries, every response kept.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use crate::{
    db::{Conn, Db},
    error::AppError,
    mail::ssr::{backoff, GIVE_UP_AFTER, LEASE},
    on_db,
};

/// An order event ready to store.
#[derive(Debug, Clone)]
pub struct QueuedHook {
    pub brand_id: i64,
    pub order_id: i64,
    pub event_key: String,
    pub event_type: &'static str,
    pub payload: String,
    pub created_at: DateTime<Utc>,
}

/// One line of an order, as sent.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct HookLine {
    pub sku: String,
    pub name: String,
    pub unit_price_cents: i64,
    pub vat_rate_bp: i64,
    pub quantity: i64,
    pub line_cents: i64,
}

/// An order as the back office receives it.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct HookOrder {
    pub id: i64,
    pub tracking_code: String,
    pub status: String,
    pub event_id: i64,
    pub host_id: Option<i64>,
    pub customer_name: String,
    pub customer_email: String,
    pub delivery: String,
    pub address: Option<String>,
    pub merchandise_cents: i64,
    pub vat_cents: i64,
    pub shipping_cents: i64,
    pub discount_cents: i64,
    pub total_cents: i64,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    #[sqlx(skip)]
    pub lines: Vec<HookLine>,
}

/// Builds the event `event_type` for `order`; `change` is (from, to) for a
/// status change.
pub fn order_event(
    brand_id: i64,
    event_type: &'static str,
    order: &HookOrder,
    change: Option<(&str, &str)>,
    now: DateTime<Utc>,
) -> QueuedHook {
    let event_key = format!("evt_{}", crate::orders::ssr::random_key());
    let mut data = json!({ "order": order });
    if let Some((from, to)) = change {
        data["from"] = json!(from);
        data["to"] = json!(to);
    }
    let payload = json!({
        "id": event_key,
        "type": event_type,
        "created_at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    });
    QueuedHook {
        brand_id,
        order_id: order.id,
        event_key,
        event_type,
        payload: payload.to_string(),
        created_at: now,
    }
}

/// The SELECTs that read an order for its payload, on any executor.
pub const ORDER_SQL: &str = "SELECT id, tracking_code, status, event_id, host_id, customer_name, customer_email,
        delivery, address, merchandise_cents, vat_cents, shipping_cents, discount_cents, total_cents,
        carrier, tracking_number FROM orders WHERE id = $1";
pub const LINES_SQL: &str = "SELECT sku, name, unit_price_cents, vat_rate_bp, quantity, line_cents
        FROM order_lines WHERE order_id = $1 ORDER BY id";

/// Reads an order as the back office receives it.
pub async fn load_order(db: &Db, order_id: i64) -> Result<HookOrder, AppError> {
    on_db!(db.writer(), |pool| {
        let mut order: HookOrder = sqlx::query_as(ORDER_SQL)
            .bind(order_id)
            .fetch_one(pool)
            .await?;
        order.lines = sqlx::query_as(LINES_SQL)
            .bind(order_id)
            .fetch_all(pool)
            .await?;
        Ok(order)
    })
}

/// The INSERT of one event, to run on the caller's transaction. Nothing is
/// queued for a brand without a webhook address.
pub const INSERT_SQL: &str =
    "INSERT INTO webhook_deliveries (brand_id, order_id, event_key, event_type, payload,
        next_attempt_at, created_at)
    SELECT $1, $2, $3, $4, $5, $6, $6 WHERE EXISTS (
        SELECT 1 FROM brands WHERE id = $1 AND webhook_url IS NOT NULL AND webhook_url <> '')";

/// Binds a queued event to [`INSERT_SQL`] for either engine.
pub fn insert_query<'q, DB>(
    hook: &'q QueuedHook,
) -> sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>
where
    DB: sqlx::Database,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    sqlx::query(INSERT_SQL)
        .bind(hook.brand_id)
        .bind(hook.order_id)
        .bind(hook.event_key.as_str())
        .bind(hook.event_type)
        .bind(hook.payload.as_str())
        .bind(hook.created_at)
}

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

/// Claims up to `limit` due deliveries (a lease, as for mail).
pub async fn claim_due(
    db: &Db,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<ClaimedHook>, AppError> {
    let due = "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $2
               AND (locked_until IS NULL OR locked_until <= $2) ORDER BY id LIMIT $3";
    let claim = |select: &str| {
        format!(
            "UPDATE webhook_deliveries SET locked_until = $1, attempts = attempts + 1 WHERE id IN ({select})
             RETURNING id, brand_id, event_key, event_type, payload, attempts, created_at"
        )
    };
    let rows = match db.writer() {
        Conn::Sqlite(pool) => {
            sqlx::query_as(&claim(due))
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

/// Where a brand's webhooks go and the secret that signs them.
pub async fn target(db: &Db, brand_id: i64) -> Result<(Option<String>, Option<String>), AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_as("SELECT webhook_url, webhook_secret FROM brands WHERE id = $1")
            .bind(brand_id)
            .fetch_one(pool)
            .await
    })?)
}

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
    let status = if ok {
        "delivered"
    } else if now - hook.created_at >= GIVE_UP_AFTER {
        "failed"
    } else {
        "pending"
    };
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
        .bind(now + backoff(base, hook.attempts))
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
    let tz = crate::events::ssr::brand_zone(db, brand_id).await?;
    let when = |t: DateTime<Utc>| t.with_timezone(&tz).format("%d %b %H:%M:%S").to_string();
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
                    (_, Some(err)) => err,
                    (Some(code), None) => format!(
                        "HTTP {code}{}",
                        r.response_body
                            .filter(|b| !b.is_empty())
                            .map(|b| format!(": {}", b.chars().take(200).collect::<String>()))
                            .unwrap_or_default()
                    ),
                    (None, None) => "not tried yet".into(),
                },
                next_attempt: (r.status == "pending").then(|| when(r.next_attempt_at)),
                status: r.status,
                created: when(r.created_at),
            })
            .collect(),
    })
}
