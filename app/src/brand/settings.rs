//! The brand's settings: shipping to the guest (flat fee, free threshold),
//! the back office's webhook address, and the secrets that sign webhooks
//! both ways.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::error::AppError;

/// The settings form as typed (amounts in the brand's currency).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsForm {
    pub shipping_flat: String,
    pub free_shipping_from: String,
    pub webhook_url: String,
    /// The brand's default language (`fr`, `en`): its parties' unless their
    /// host chooses, and its visitors' when their browser asks for neither.
    #[serde(default)]
    pub language: String,
    /// The currency the brand prices in (`EUR`, `GBP`, `CHF`): set before
    /// the first order, then kept.
    #[serde(default)]
    pub currency: String,
    /// After how many months (1 to 12) guests who never answered are made
    /// anonymous; left out (an older client): kept as it is.
    #[serde(default)]
    pub retention_months: String,
}

/// The account guests pay bank transfers to, as typed. All empty: the
/// brand does not take transfers through Soirée.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankForm {
    pub iban: String,
    pub bic: String,
    pub account_name: String,
}

/// The settings page's data. Secrets are never sent back: only whether
/// they are set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandSettings {
    pub form: SettingsForm,
    pub bank: BankForm,
    pub slug: String,
    pub has_payment_secret: bool,
    pub has_webhook_secret: bool,
    pub payments: super::payments::PaymentSettings,
    /// The brand has orders: its currency can no longer change.
    pub currency_locked: bool,
}

/// Which secret to make anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecretKind {
    Payment,
    Webhook,
}

#[server(prefix = "/api", endpoint = "brand_settings", input = server_fn::codec::GetUrl)]
pub async fn get_brand_settings() -> Result<BrandSettings, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let payments =
            super::payments::ssr::load(&state.db, &state.config.public_url, admin.brand_id).await?;
        ssr::load(&state.db, admin.brand_id, payments).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_brand_settings")]
pub async fn save_brand_settings(form: SettingsForm) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::save(&state.db, state.config.outbound, admin.brand_id, &form)
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// Stores the account guests pay transfers to (or clears it).
#[server(prefix = "/api", endpoint = "save_bank_details")]
pub async fn save_bank_details(form: BankForm) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::save_bank(&state.db, admin.brand_id, &form)
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// Makes a new secret and returns it, once: copy it to the other side.
#[server(prefix = "/api", endpoint = "new_brand_secret")]
pub async fn new_brand_secret(kind: SecretKind) -> Result<String, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::new_secret(&state.db, admin.brand_id, kind).await
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::{BankForm, BrandSettings, SecretKind, SettingsForm};
    use crate::{
        base::{
            db::Db,
            error::AppError,
            money::{parse_cents, Currency},
        },
        on_db,
    };

    #[derive(sqlx::FromRow)]
    struct Row {
        slug: String,
        shipping_flat_cents: i64,
        free_shipping_from_cents: i64,
        webhook_url: Option<String>,
        payment_webhook_secret: Option<String>,
        webhook_secret: Option<String>,
        bank_iban: Option<String>,
        bank_bic: Option<String>,
        bank_account_name: Option<String>,
        language: String,
        currency: String,
        retention_months: i64,
        has_orders: bool,
    }

    fn euros(cents: i64) -> String {
        format!("{}.{:02}", cents / 100, cents % 100)
    }

    pub async fn load(
        db: &Db,
        brand_id: i64,
        payments: crate::brand::payments::PaymentSettings,
    ) -> Result<BrandSettings, AppError> {
        let row: Row = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT slug, shipping_flat_cents, free_shipping_from_cents, webhook_url,
                        payment_webhook_secret, webhook_secret, bank_iban, bank_bic, bank_account_name, language,
                        currency, retention_months, EXISTS (SELECT 1 FROM orders o WHERE o.brand_id = brands.id) AS has_orders
                 FROM brands WHERE id = $1",
            )
            .bind(brand_id)
            .fetch_one(pool)
            .await
        })?;
        Ok(BrandSettings {
            form: SettingsForm {
                shipping_flat: euros(row.shipping_flat_cents),
                free_shipping_from: euros(row.free_shipping_from_cents),
                webhook_url: row.webhook_url.unwrap_or_default(),
                language: row.language,
                currency: row.currency,
                retention_months: row.retention_months.to_string(),
            },
            bank: BankForm {
                iban: row.bank_iban.unwrap_or_default(),
                bic: row.bank_bic.unwrap_or_default(),
                account_name: row.bank_account_name.unwrap_or_default(),
            },
            slug: row.slug,
            has_payment_secret: row.payment_webhook_secret.is_some(),
            has_webhook_secret: row.webhook_secret.is_some(),
            payments,
            currency_locked: row.has_orders,
        })
    }

    /// Checks and stores the settings. The currency changes only while the
    /// brand has no order; the check and the update are one statement, so
    /// an order placed meanwhile cannot slip between them.
    pub async fn save(
        db: &Db,
        outbound: crate::base::network::Outbound,
        brand_id: i64,
        form: &SettingsForm,
    ) -> Result<(), AppError> {
        let lang = crate::base::l10n::page_lang();
        let current = crate::base::brand::ssr::currency(db, brand_id).await?;
        // Every field is checked, so the form shows all its mistakes at once.
        let mut m = crate::base::error::Mistakes::default();
        // Left out (an older client): the current one.
        let code = form.currency.trim();
        let currency = m.check(if code.is_empty() {
            Ok(current)
        } else {
            Currency::parse(code)
                .ok_or_else(|| AppError::invalid("currency", tr!(lang, SETTINGS_ERROR_CURRENCY)))
        });
        // Amounts read in the currency chosen (or the current one).
        let unit = currency.unwrap_or(current);
        let flat = m.check(parse_cents(&form.shipping_flat, "shipping_flat", unit));
        let free_from = m.check(parse_cents(
            &form.free_shipping_from,
            "free_shipping_from",
            unit,
        ));
        let url = match webhook_url(&form.webhook_url) {
            Ok(Some(url)) => m.check(reachable(outbound, url).await),
            other => m.check(other),
        };
        let language = m.check(
            crate::base::l10n::Lang::parse(&form.language).ok_or_else(|| {
                AppError::invalid(
                    "language",
                    tr!(crate::base::l10n::page_lang(), SETTINGS_ERROR_LANGUAGE),
                )
            }),
        );
        let retention = m.check(retention_months(&form.retention_months));
        m.finish()?;
        let (
            Some(flat),
            Some(free_from),
            Some(url),
            Some(language),
            Some(currency),
            Some(retention),
        ) = (flat, free_from, url, language, currency, retention)
        else {
            return Err(AppError::Internal);
        };
        let saved = on_db!(db.writer(), |pool| {
            sqlx::query(
                "UPDATE brands SET shipping_flat_cents = $1, free_shipping_from_cents = $2, webhook_url = $3,
                        language = $4, currency = $5, retention_months = COALESCE($7, retention_months)
                 WHERE id = $6
                   AND (currency = $5 OR NOT EXISTS (SELECT 1 FROM orders o WHERE o.brand_id = $6))",
            )
            .bind(flat)
            .bind(free_from)
            .bind(url)
            .bind(language.code())
            .bind(currency.code())
            .bind(brand_id)
            .bind(retention)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if saved == 0 {
            return Err(AppError::invalid(
                "currency",
                tr!(
                    lang,
                    SETTINGS_ERROR_CURRENCY_LOCKED,
                    currency = current.name(lang)
                ),
            ));
        }
        Ok(())
    }

    /// Checks and stores the transfer account: all three fields, or none.
    pub async fn save_bank(db: &Db, brand_id: i64, form: &BankForm) -> Result<(), AppError> {
        use crate::base::bank::{parse_bic, parse_iban};
        let clear = [&form.iban, &form.bic, &form.account_name]
            .iter()
            .all(|f| f.trim().is_empty());
        let mut m = crate::base::error::Mistakes::default();
        let (mut iban, mut bic, mut name) = (None, None, None);
        if !clear {
            iban = parse_iban(&form.iban).map_err(|e| m.note("iban", e)).ok();
            bic = parse_bic(&form.bic).map_err(|e| m.note("bic", e)).ok();
            let holder = form.account_name.trim();
            if holder.is_empty() || holder.chars().count() > 70 {
                m.note(
                    "account_name",
                    tr!(
                        crate::base::l10n::page_lang(),
                        SETTINGS_ERROR_ACCOUNT_HOLDER,
                        max = 70
                    ),
                );
            } else {
                name = Some(holder.to_owned());
            }
        }
        m.finish()?;
        on_db!(db.writer(), |pool| {
            sqlx::query(
                "UPDATE brands SET bank_iban = $1, bank_bic = $2, bank_account_name = $3 WHERE id = $4",
            )
            .bind(&iban)
            .bind(&bic)
            .bind(&name)
            .bind(brand_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// The back office's address: empty, or a full http(s) address.
    fn webhook_url(raw: &str) -> Result<Option<String>, AppError> {
        let url = raw.trim();
        if url.is_empty() {
            return Ok(None);
        }
        let parsed = url::Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "https" | "http") && u.host_str().is_some());
        if parsed.is_none() || url.len() > 500 {
            return Err(AppError::invalid(
                "webhook_url",
                tr!(crate::base::l10n::page_lang(), SETTINGS_ERROR_WEBHOOK_URL),
            ));
        }
        Ok(Some(url.to_owned()))
    }

    /// Months before silent guests are made anonymous: 1 to 12, or left
    /// out (`None`: kept as it is).
    fn retention_months(raw: &str) -> Result<Option<i64>, AppError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        match raw.parse::<i64>() {
            Ok(n) if (1..=12).contains(&n) => Ok(Some(n)),
            _ => Err(AppError::invalid(
                "retention_months",
                tr!(crate::base::l10n::page_lang(), SETTINGS_ERROR_RETENTION),
            )),
        }
    }

    /// A webhook address must reach a public server: never this server's
    /// loopback, its private network or a cloud's metadata service
    /// (`base::network`). Checked again at each delivery, where a name
    /// that does not resolve yet is checked as it does.
    async fn reachable(
        outbound: crate::base::network::Outbound,
        url: String,
    ) -> Result<Option<String>, AppError> {
        use crate::base::network::Refused;
        let lang = crate::base::l10n::page_lang();
        let parsed = url::Url::parse(&url)
            .map_err(|_| AppError::invalid("webhook_url", tr!(lang, SETTINGS_ERROR_WEBHOOK_URL)))?;
        match outbound.check(&parsed).await {
            Ok(()) => Ok(Some(url)),
            Err(Refused::NotPublic(_) | Refused::NoPublicAddress) => Err(AppError::invalid(
                "webhook_url",
                tr!(lang, SETTINGS_ERROR_WEBHOOK_PRIVATE),
            )),
            // A name not found (yet) points nowhere private: it is
            // checked again as each delivery resolves it.
            Err(Refused::Unresolved) => Ok(Some(url)),
        }
    }

    /// Replaces a secret with 32 random bytes (hex) and returns it.
    pub async fn new_secret(db: &Db, brand_id: i64, kind: SecretKind) -> Result<String, AppError> {
        let secret = format!("whsec_{}", crate::base::tokens::random_hex::<32>());
        let sql = match kind {
            SecretKind::Payment => "UPDATE brands SET payment_webhook_secret = $1 WHERE id = $2",
            SecretKind::Webhook => "UPDATE brands SET webhook_secret = $1 WHERE id = $2",
        };
        on_db!(db.writer(), |pool| {
            sqlx::query(sql)
                .bind(&secret)
                .bind(brand_id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(secret)
    }
}
