//! Order events for the brands' back offices, queued in the transaction
//! that caused them (the webhook worker delivers them): `order.placed`,
//! `order.paid`, `order.status_changed` and `order.changed` (a guest
//! changed its lines), each with the whole order.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::{
    base::{db::Db, error::AppError},
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
    #[sqlx(try_from = "String")]
    pub status: crate::base::order::OrderStatus,
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
    /// The ISO 4217 code of every amount: `EUR`, `GBP`, `CHF`.
    pub currency: String,
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
    let event_key = format!("evt_{}", crate::base::tokens::random_key());
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
        currency, carrier, tracking_number FROM orders WHERE id = $1";
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

/// An order as [`load_order`] reads it, on the caller's transaction (a
/// change it made and has not committed yet).
pub async fn load_order_in(
    tx: &mut crate::base::db::Tx,
    order_id: i64,
) -> Result<HookOrder, AppError> {
    Ok(crate::on_tx!(tx, |c| {
        let mut order: HookOrder = sqlx::query_as(ORDER_SQL)
            .bind(order_id)
            .fetch_one(&mut *c)
            .await?;
        order.lines = sqlx::query_as(LINES_SQL)
            .bind(order_id)
            .fetch_all(&mut *c)
            .await?;
        order
    }))
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
