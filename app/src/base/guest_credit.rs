//! A guest's credit at a brand, won at a party's drawing (`draws`) and
//! spent by their orders (`orders`): one ledger by brand and email
//! (migration 0040). A prize row gives credit; an order row names an order
//! that spends it, and what it spends is the order's `discount_cents`
//! while the order is not cancelled or refunded, so a cancelled order, or
//! one made smaller, gives back at once what it no longer uses.
//!
//! Credit is spent only from an invitation whose email it is (the link was
//! mailed there), never from a share link where anyone may type an email.

use chrono::{DateTime, Utc};

use crate::{
    base::{
        db::{Db, Engine, Tx},
        order::OrderStatus,
    },
    on_db, on_tx,
};

/// The balance, in minor units, of `email` at `brand_id`.
fn balance_sql() -> String {
    format!(
        "SELECT CAST(COALESCE(SUM(CASE WHEN c.kind = 'prize' THEN c.credit_cents
                ELSE -COALESCE((SELECT o.discount_cents FROM orders o
                    WHERE o.id = c.order_id AND o.status NOT IN {}), 0) END), 0) AS BIGINT)
         FROM guest_credits c WHERE c.brand_id = $1 AND c.email = $2",
        OrderStatus::sql_list(OrderStatus::is_void)
    )
}

/// The credit `email` has left at `brand_id`, in minor units.
pub async fn balance(db: &Db, brand_id: i64, email: &str) -> Result<i64, sqlx::Error> {
    let sql = balance_sql();
    let email = email.trim().to_lowercase();
    on_db!(db.reader(), |pool| sqlx::query_scalar(&sql)
        .bind(brand_id)
        .bind(&email)
        .fetch_one(pool)
        .await)
}

/// The balance read on an order's transaction, after locking the
/// person's prize rows on PostgreSQL (SQLite's single writer serialises):
/// two orders at once cannot both spend it.
pub async fn balance_for_spending(
    tx: &mut Tx,
    brand_id: i64,
    email: &str,
) -> Result<i64, sqlx::Error> {
    let email = email.trim().to_lowercase();
    if tx.engine() == Engine::Postgres {
        on_tx!(tx, |c| {
            sqlx::query(
                "SELECT id FROM guest_credits WHERE brand_id = $1 AND email = $2 AND kind = 'prize' FOR UPDATE",
            )
            .bind(brand_id)
            .bind(&email)
            .execute(&mut *c)
            .await?;
        });
    }
    let sql = balance_sql();
    on_tx!(tx, |c| sqlx::query_scalar(&sql)
        .bind(brand_id)
        .bind(&email)
        .fetch_one(&mut *c)
        .await)
}

/// One row of the ledger, on the caller's transaction.
pub struct Entry<'a> {
    pub brand_id: i64,
    pub email: &'a str,
    pub event_id: i64,
    /// A prize's amount; `None` for an order that spends (its
    /// `discount_cents` says how much).
    pub prize_cents: Option<i64>,
    pub order_id: Option<i64>,
}

/// Writes `entry` on the caller's transaction.
pub async fn record(tx: &mut Tx, entry: &Entry<'_>, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO guest_credits (brand_id, email, kind, event_id, order_id, credit_cents, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(entry.brand_id)
        .bind(entry.email.trim().to_lowercase())
        .bind(if entry.prize_cents.is_some() { "prize" } else { "order" })
        .bind(entry.event_id)
        .bind(entry.order_id)
        .bind(entry.prize_cents.unwrap_or(0))
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// What an order of `gross` minor units takes from a balance.
pub fn used(balance: i64, gross: i64) -> i64 {
    balance.min(gross).max(0)
}

#[cfg(test)]
mod tests {
    use super::used;

    #[test]
    fn an_order_takes_what_it_can_and_never_below_zero() {
        assert_eq!(used(2_000, 5_000), 2_000);
        assert_eq!(used(2_000, 1_500), 1_500);
        assert_eq!(used(0, 1_500), 0);
        assert_eq!(used(-300, 1_500), 0);
    }
}
