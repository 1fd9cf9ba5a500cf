//! Orders waiting for a bank transfer: their buyer is reminded after three
//! days, with the account and the reference again, and the order is
//! cancelled (its items back on sale) after the brand's limit
//! (`brands.transfer_days`, 7 by default).

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Duration, Utc};

    use crate::{
        base::{
            db::Db,
            error::AppError,
            money::{Currency, Money},
            order::OrderStatus,
            order_writer::{change_status, StatusError, StatusMove},
            state::AppConfig,
        },
        on_db, on_tx,
        orders::Transfer,
    };

    /// When the buyer of an unpaid transfer is reminded.
    pub const REMIND_AFTER: Duration = Duration::days(3);

    #[derive(Debug, sqlx::FromRow)]
    struct Waiting {
        id: i64,
        brand_id: i64,
        event_id: i64,
        customer_name: String,
        customer_email: String,
        tracking_code: String,
        total_cents: i64,
        currency: String,
        placed_at: DateTime<Utc>,
        pay_reminded_at: Option<DateTime<Utc>>,
        transfer_days: i64,
        bank_iban: Option<String>,
        bank_bic: Option<String>,
        bank_account_name: Option<String>,
        language: String,
        time_zone: String,
    }

    impl Waiting {
        fn deadline(&self) -> DateTime<Utc> {
            self.placed_at + Duration::days(self.transfer_days)
        }
    }

    /// What a pass did.
    #[derive(Debug, Default, PartialEq, Eq)]
    pub struct Pass {
        pub reminded: usize,
        pub cancelled: usize,
    }

    /// Reminds the buyers of transfers unpaid for three days and cancels
    /// the orders past their brand's limit.
    pub async fn remind_and_expire(
        db: &Db,
        config: &AppConfig,
        now: DateTime<Utc>,
    ) -> Result<Pass, AppError> {
        let waiting: Vec<Waiting> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                concat!("SELECT o.id, o.brand_id, o.event_id, o.customer_name, o.customer_email, o.tracking_code,
                        o.total_cents, o.currency, o.placed_at, o.pay_reminded_at, CAST(b.transfer_days AS BIGINT) AS transfer_days,
                        b.bank_iban, b.bank_bic, b.bank_account_name,
                        ", crate::party_language_sql!(), " AS language, e.time_zone
                 FROM orders o JOIN brands b ON b.id = o.brand_id JOIN events e ON e.id = o.event_id
                 WHERE o.payment_method = 'transfer' AND o.status = 'placed' AND o.placed_at <= $1
                 ORDER BY o.id"),
            )
            // A limit is a day at least: younger orders wait for nothing.
            .bind(now - Duration::days(1))
            .fetch_all(pool)
            .await
        })?;
        let mut pass = Pass::default();
        for order in waiting {
            if order.deadline() <= now {
                if cancel(db, config, &order, now).await? {
                    pass.cancelled += 1;
                }
            } else if order.pay_reminded_at.is_none()
                && order.placed_at + REMIND_AFTER <= now
                && remind(db, config, &order, now).await?
            {
                pass.reminded += 1;
            }
        }
        Ok(pass)
    }

    async fn cancel(
        db: &Db,
        config: &AppConfig,
        order: &Waiting,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        // The reason goes into the buyer's mail, in the party's language.
        let lang = crate::base::order_writer::order_language(db, order.id).await?;
        let reason = tr!(
            lang,
            ORDER_NOTE_TRANSFER_EXPIRED,
            days = order.transfer_days
        );
        let change = StatusMove {
            brand_id: order.brand_id,
            order_id: order.id,
            to: OrderStatus::Cancelled,
            actor: "Soirée",
            carrier: "",
            tracking_number: "",
            reason: &reason,
        };
        match change_status(db, config, &change, now).await {
            Ok(()) => Ok(true),
            Err(StatusError::ChangedMeanwhile) | Err(StatusError::NotAllowed { .. }) => Ok(false),
            Err(err) => Err(AppError::from(err)),
        }
    }

    /// The reminder, once per order: marked and queued on one transaction.
    async fn remind(
        db: &Db,
        config: &AppConfig,
        order: &Waiting,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let link = config
            .public_url
            .join(&format!("/o/{}", order.tracking_code))
            .map_err(|e| anyhow::anyhow!("the order's address: {e}"))?;
        let lang = crate::base::l10n::Lang::parse(&order.language).unwrap_or_default();
        let how = Transfer::of(
            (
                order.bank_iban.clone(),
                order.bank_bic.clone(),
                order.bank_account_name.clone(),
            ),
            order.id,
            Money::new(order.total_cents, Currency::of_db(&order.currency)),
        )
        .map(|t| format!("{}\n\n", t.text(lang)))
        .unwrap_or_default();
        let zone = crate::base::time::zone(&order.time_zone);
        let deadline = crate::base::l10n::fmt::date_long(lang, order.deadline(), zone);
        let text = format!(
            "{}\n\n{}\n\n{how}{}\n{link}\n",
            tr!(lang, MAIL_HELLO_NAME, name = order.customer_name.as_str()),
            tr!(
                lang,
                MAIL_TRANSFER_LATE,
                order = order.id,
                deadline = deadline
            ),
            tr!(lang, MAIL_YOUR_ORDER),
        );
        let mail = crate::base::mail::plain(
            config,
            &order.customer_name,
            &order.customer_email,
            tr!(lang, MAIL_TRANSFER_LATE_SUBJECT, order = order.id),
            text,
            Some(order.event_id),
            now,
        )?;
        let mut tx = db.begin().await?;
        let marked = on_tx!(&mut tx, |c| {
            sqlx::query(
            "UPDATE orders SET pay_reminded_at = $1 WHERE id = $2 AND pay_reminded_at IS NULL AND status = 'placed'"
        )
        .bind(now)
        .bind(order.id)
        .execute(&mut *c)
        .await?
        .rows_affected()
        });
        if marked == 1 {
            on_tx!(&mut tx, |c| {
                crate::base::mail::insert_query(&mail)
                    .execute(&mut *c)
                    .await?;
            });
        }
        tx.commit().await?;
        Ok(marked == 1)
    }
}
