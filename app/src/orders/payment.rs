//! Payments. A [`PaymentProvider`] says how a guest pays; the built-in one is
//! "by bank transfer or at delivery", where the brand admin marks the order
//! paid. An external payment service reports payments to the inbound
//! webhook instead (see [`ssr::receive`]).

/// How guests pay for their orders.
pub trait PaymentProvider {
    /// A stable name, recorded with the payment.
    fn id(&self) -> &'static str;
    /// What the guest reads at checkout.
    fn instructions(&self) -> &'static str;
}

/// Pay by bank transfer or at delivery; the brand admin marks orders paid.
pub struct BankTransferOrOnDelivery;

impl PaymentProvider for BankTransferOrOnDelivery {
    fn id(&self) -> &'static str {
        "bank_transfer_or_delivery"
    }

    fn instructions(&self) -> &'static str {
        "You pay by bank transfer or at delivery; the brand confirms your payment."
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};
    use hmac::{Hmac, Mac};
    use serde::Deserialize;
    use sha2::Sha256;

    use crate::{
        base::{db::Db, error::AppError, order::OrderStatus},
        on_db,
    };

    /// How far a webhook's timestamp may be from our clock.
    pub const TOLERANCE_SECS: i64 = 5 * 60;

    /// Why a webhook was refused.
    #[derive(Debug, PartialEq, Eq, thiserror::Error)]
    pub enum WebhookError {
        #[error("unknown brand")]
        UnknownBrand,
        #[error("missing or wrong signature")]
        BadSignature,
        #[error("timestamp outside the 5-minute tolerance")]
        Stale,
        #[error("malformed payload: {0}")]
        Malformed(String),
        #[error("unknown order")]
        UnknownOrder,
        #[error("internal error")]
        Internal,
    }

    impl From<AppError> for WebhookError {
        fn from(err: AppError) -> Self {
            match err {
                AppError::NotFound => WebhookError::UnknownOrder,
                AppError::Invalid { message, .. } => WebhookError::Malformed(message),
                _ => WebhookError::Internal,
            }
        }
    }

    impl From<sqlx::Error> for WebhookError {
        fn from(err: sqlx::Error) -> Self {
            WebhookError::from(AppError::from(err))
        }
    }

    /// What the webhook did.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Outcome {
        /// The order is now paid (or already was).
        Paid,
        /// An event type this endpoint does not act on.
        Ignored,
        /// This event id was received before: nothing done again.
        Duplicate,
    }

    /// The brand of `slug` and its webhook secret kept in `column`; a brand
    /// without one accepts no webhook.
    pub async fn brand_secret(
        db: &Db,
        slug: &str,
        column: &'static str,
    ) -> Result<(i64, String), WebhookError> {
        let sql = format!("SELECT id, {column} FROM brands WHERE slug = $1");
        let brand: Option<(i64, Option<String>)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await
        })?;
        let (brand_id, secret) = brand.ok_or(WebhookError::UnknownBrand)?;
        let secret = secret
            .filter(|s| !s.is_empty())
            .ok_or(WebhookError::BadSignature)?;
        Ok((brand_id, secret))
    }

    /// Notes a payment event of the brand, once: `false` when it was
    /// received before (a replay).
    pub async fn record_event(
        db: &Db,
        brand_id: i64,
        event_key: &str,
        order_id: Option<i64>,
        outcome: Outcome,
        now: DateTime<Utc>,
    ) -> Result<bool, WebhookError> {
        let recorded = on_db!(db.writer(), |pool| {
            sqlx::query(
                "INSERT INTO payment_events (brand_id, event_key, order_id, outcome, received_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (brand_id, event_key) DO NOTHING",
            )
            .bind(brand_id)
            .bind(event_key)
            .bind(order_id)
            .bind(match outcome {
                Outcome::Paid => "paid",
                _ => "ignored",
            })
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(recorded == 1)
    }

    /// Forgets an event whose handling failed, so that its sender's retry
    /// is handled.
    pub async fn forget_event(db: &Db, brand_id: i64, event_key: &str) -> Result<(), WebhookError> {
        on_db!(db.writer(), |pool| {
            sqlx::query("DELETE FROM payment_events WHERE brand_id = $1 AND event_key = $2")
                .bind(brand_id)
                .bind(event_key)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// `v1=` + hex HMAC-SHA256(secret, "<timestamp>.<body>").
    pub fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        format!("v1={}", hex::encode(mac.finalize().into_bytes()))
    }

    /// Checks the signature (in constant time) and the timestamp.
    pub fn verify(
        secret: &[u8],
        timestamp: &str,
        signature: &str,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<(), WebhookError> {
        let ts: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| WebhookError::BadSignature)?;
        let hex_sig = signature
            .split(',')
            .filter_map(|part| part.trim().strip_prefix("v1="))
            .next()
            .ok_or(WebhookError::BadSignature)?;
        let given = hex::decode(hex_sig).map_err(|_| WebhookError::BadSignature)?;
        let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key");
        mac.update(ts.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac.verify_slice(&given)
            .map_err(|_| WebhookError::BadSignature)?;
        if (now.timestamp() - ts).abs() > TOLERANCE_SECS {
            return Err(WebhookError::Stale);
        }
        Ok(())
    }

    #[derive(Deserialize)]
    struct Payload {
        id: String,
        #[serde(rename = "type")]
        kind: String,
        data: PayloadData,
    }

    #[derive(Deserialize)]
    struct PayloadData {
        /// The order's tracking code (the payment service got it at checkout).
        order: String,
        amount_cents: i64,
    }

    /// Receives one webhook for the brand `slug`: verified, deduplicated by
    /// event id, and a `payment.succeeded` for the order's full amount marks
    /// it paid.
    pub async fn receive(
        db: &Db,
        config: &crate::base::state::AppConfig,
        slug: &str,
        timestamp: &str,
        signature: &str,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Outcome, WebhookError> {
        let (brand_id, secret) = brand_secret(db, slug, "payment_webhook_secret").await?;
        verify(secret.as_bytes(), timestamp, signature, body, now)?;
        let payload: Payload =
            serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
        if payload.id.is_empty() || payload.id.len() > 200 {
            return Err(WebhookError::Malformed("the event id is missing".into()));
        }
        let order: Option<(i64, String, i64)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT id, status, total_cents FROM orders WHERE tracking_code = $1 AND brand_id = $2",
            )
            .bind(&payload.data.order)
            .bind(brand_id)
            .fetch_optional(pool)
            .await
        })?;
        let outcome = if payload.kind != "payment.succeeded" {
            Outcome::Ignored
        } else {
            let (_, _, total) = order.as_ref().ok_or(WebhookError::UnknownOrder)?;
            if *total != payload.data.amount_cents {
                return Err(WebhookError::Malformed(format!(
                    "the amount {} does not match the order's total {}",
                    payload.data.amount_cents, total
                )));
            }
            Outcome::Paid
        };
        // Record the event first: a replay stops here.
        if !record_event(
            db,
            brand_id,
            &payload.id,
            order.as_ref().map(|o| o.0),
            outcome,
            now,
        )
        .await?
        {
            return Ok(Outcome::Duplicate);
        }
        if let (Outcome::Paid, Some((order_id, status, _))) = (outcome, order) {
            if status == OrderStatus::Placed.as_db() {
                let actor = format!("payment service (event {})", payload.id);
                let change = crate::base::order_writer::StatusMove {
                    brand_id,
                    order_id,
                    to: OrderStatus::Paid,
                    actor: &actor,
                    carrier: "",
                    tracking_number: "",
                    reason: "",
                };
                let moved =
                    crate::base::order_writer::change_status(db, config, &change, now).await;
                if let Err(err) = moved {
                    // Let the service retry: forget the event.
                    forget_event(db, brand_id, &payload.id).await?;
                    return Err(AppError::from(err).into());
                }
            }
        }
        Ok(outcome)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn signatures_are_checked_with_a_tolerance() {
            let now = Utc::now();
            let ts = now.timestamp();
            let sig = sign(b"secret", ts, b"{}");
            assert_eq!(verify(b"secret", &ts.to_string(), &sig, b"{}", now), Ok(()));
            assert_eq!(
                verify(b"other", &ts.to_string(), &sig, b"{}", now),
                Err(WebhookError::BadSignature)
            );
            assert_eq!(
                verify(b"secret", &ts.to_string(), &sig, b"{ }", now),
                Err(WebhookError::BadSignature)
            );
            let old = ts - 301;
            let sig = sign(b"secret", old, b"{}");
            assert_eq!(
                verify(b"secret", &old.to_string(), &sig, b"{}", now),
                Err(WebhookError::Stale)
            );
        }
    }
}
