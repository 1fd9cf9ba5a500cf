//! How guests pay the brand: the ways it offers at checkout (card, bank
//! transfer, at delivery), how long an unpaid transfer waits, and the keys
//! of its Stripe account. Keys are write-only: once saved, the page shows
//! them masked and never sends them back.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{error::AppError, order::PayMethod};

/// The payments form as typed. An empty key keeps the saved one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentsForm {
    #[serde(default)]
    pub card: Option<String>,
    #[serde(default)]
    pub transfer: Option<String>,
    #[serde(default)]
    pub delivery: Option<String>,
    pub transfer_days: String,
    #[serde(default)]
    pub stripe_secret_key: String,
    #[serde(default)]
    pub stripe_publishable_key: String,
    #[serde(default)]
    pub stripe_webhook_secret: String,
}

impl PaymentsForm {
    /// Whether the form offers `method`.
    pub fn offers(&self, method: PayMethod) -> bool {
        let ticked = match method {
            PayMethod::Card => &self.card,
            PayMethod::Transfer => &self.transfer,
            PayMethod::Delivery => &self.delivery,
        };
        ticked.as_deref().is_some_and(|v| !v.is_empty())
    }

    /// The form without the keys typed: what a failed form keeps (a key is
    /// never written back into a page).
    pub fn without_keys(&self) -> PaymentsForm {
        PaymentsForm {
            stripe_secret_key: String::new(),
            stripe_publishable_key: String::new(),
            stripe_webhook_secret: String::new(),
            ..self.clone()
        }
    }
}

/// The payments settings as the page shows them: the saved keys masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentSettings {
    pub form: PaymentsForm,
    pub secret_key: Option<String>,
    pub publishable_key: Option<String>,
    pub webhook_secret: Option<String>,
    /// Where Stripe sends this brand's events.
    pub webhook_address: String,
}

/// A saved key as the page shows it: Stripe's prefix for its kind
/// (`sk_test_`, `pk_live_`, `whsec_`…) and its last four characters.
pub fn masked(key: &str) -> String {
    // sk_, pk_ and rk_ keys name their mode next: keep that word too.
    let words = if ["sk_", "pk_", "rk_"].iter().any(|p| key.starts_with(p)) {
        2
    } else {
        1
    };
    let kind: String = key.split('_').take(words).collect::<Vec<_>>().join("_");
    let tail: String = key
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{kind}_…{tail}")
}

/// Saves the ways to pay and the Stripe keys typed.
#[server(prefix = "/api", endpoint = "save_payment_settings")]
pub async fn save_payment_settings(form: PaymentsForm) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::save(&state.db, admin.brand_id, &form)
            .await
            .map_err(|e| e.keeping(&form.without_keys()))
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::{masked, PaymentSettings, PaymentsForm};
    use crate::{
        base::{
            db::Db,
            error::AppError,
            error::Mistakes,
            l10n::{keys, page_lang, Key},
            order::PayMethod,
        },
        on_db,
    };

    #[derive(sqlx::FromRow)]
    struct Row {
        slug: String,
        payment_methods: String,
        transfer_days: i64,
        stripe_secret_key: Option<String>,
        stripe_publishable_key: Option<String>,
        stripe_webhook_secret: Option<String>,
        bank_iban: Option<String>,
    }

    async fn row(db: &Db, brand_id: i64) -> Result<Row, AppError> {
        Ok(on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT slug, payment_methods, CAST(transfer_days AS BIGINT) AS transfer_days,
                        stripe_secret_key, stripe_publishable_key, stripe_webhook_secret, bank_iban
                 FROM brands WHERE id = $1",
            )
            .bind(brand_id)
            .fetch_one(pool)
            .await
        })?)
    }

    fn ticked(on: bool) -> Option<String> {
        on.then(|| "on".to_owned())
    }

    pub async fn load(
        db: &Db,
        public_url: &url::Url,
        brand_id: i64,
    ) -> Result<PaymentSettings, AppError> {
        let row = row(db, brand_id).await?;
        let offered = PayMethod::list(&row.payment_methods);
        let address = public_url
            .join(&format!("/webhooks/stripe/{}", row.slug))
            .map_err(|e| anyhow::anyhow!("the webhook address: {e}"))?;
        let shown = |key: &Option<String>| key.as_deref().filter(|k| !k.is_empty()).map(masked);
        Ok(PaymentSettings {
            form: PaymentsForm {
                card: ticked(offered.contains(&PayMethod::Card)),
                transfer: ticked(offered.contains(&PayMethod::Transfer)),
                delivery: ticked(offered.contains(&PayMethod::Delivery)),
                transfer_days: row.transfer_days.to_string(),
                ..Default::default()
            },
            secret_key: shown(&row.stripe_secret_key),
            publishable_key: shown(&row.stripe_publishable_key),
            webhook_secret: shown(&row.stripe_webhook_secret),
            webhook_address: address.to_string(),
        })
    }

    /// A key as typed: empty keeps the saved one; otherwise it must start
    /// with Stripe's prefix for it (`wrong` says which).
    fn key(
        m: &mut Mistakes,
        field: &str,
        raw: &str,
        prefixes: &[&str],
        wrong: Key,
    ) -> Option<String> {
        let key = raw.trim();
        if key.is_empty() {
            return None;
        }
        let shaped = prefixes.iter().any(|p| key.starts_with(p))
            && (12..=255).contains(&key.len())
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !shaped {
            m.note(field, crate::base::l10n::text(page_lang(), wrong, None));
            return None;
        }
        Some(key.to_owned())
    }

    /// Live or test, from a key's prefix.
    fn mode(key: &str) -> Option<&'static str> {
        if key.contains("_live_") {
            Some("live")
        } else if key.contains("_test_") {
            Some("test")
        } else {
            None
        }
    }

    /// The three Stripe keys after saving (secret, publishable, webhook
    /// secret): each typed one checked, an empty one kept as saved; with
    /// cards offered, each must be there.
    fn keys(
        m: &mut Mistakes,
        form: &PaymentsForm,
        saved: &Row,
        cards: bool,
    ) -> [Option<String>; 3] {
        // Each field: what was typed, what is saved, the key's prefixes,
        // what a wrong one and a missing one say.
        let fields = [
            (
                "stripe_secret_key",
                &form.stripe_secret_key,
                &saved.stripe_secret_key,
                &["sk_", "rk_"][..],
                keys::SETTINGS_ERROR_SECRET_KEY,
                keys::SETTINGS_ERROR_SECRET_KEY_MISSING,
            ),
            (
                "stripe_publishable_key",
                &form.stripe_publishable_key,
                &saved.stripe_publishable_key,
                &["pk_"][..],
                keys::SETTINGS_ERROR_PUBLISHABLE_KEY,
                keys::SETTINGS_ERROR_PUBLISHABLE_KEY_MISSING,
            ),
            (
                "stripe_webhook_secret",
                &form.stripe_webhook_secret,
                &saved.stripe_webhook_secret,
                &["whsec_"][..],
                keys::SETTINGS_ERROR_WEBHOOK_SECRET,
                keys::SETTINGS_ERROR_WEBHOOK_SECRET_MISSING,
            ),
        ];
        let after = fields.map(|(field, typed, before, prefixes, wrong, missing)| {
            let checked = key(m, field, typed, prefixes, wrong);
            let kept = checked.or_else(|| before.clone().filter(|k| !k.is_empty()));
            // A key typed wrong has its own message already.
            if cards && kept.is_none() && typed.trim().is_empty() {
                m.note(field, crate::base::l10n::text(page_lang(), missing, None));
            }
            kept
        });
        let typed_any = !form.stripe_secret_key.trim().is_empty()
            || !form.stripe_publishable_key.trim().is_empty();
        if let (Some(s), Some(p)) = (&after[0], &after[1]) {
            if mode(s) != mode(p) && typed_any {
                m.note(
                    "stripe_publishable_key",
                    tr!(page_lang(), SETTINGS_ERROR_KEY_MODES),
                );
            }
        }
        after
    }

    /// Checks and stores the payments settings; every mistake at once.
    pub async fn save(db: &Db, brand_id: i64, form: &PaymentsForm) -> Result<(), AppError> {
        let saved = row(db, brand_id).await?;
        let mut m = Mistakes::default();
        let offered: Vec<PayMethod> = PayMethod::ALL
            .into_iter()
            .filter(|p| form.offers(*p))
            .collect();
        if offered.is_empty() {
            m.note("methods", tr!(page_lang(), SETTINGS_ERROR_NO_METHOD));
        }
        let days = form
            .transfer_days
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|d| (1..=60).contains(d));
        if days.is_none() {
            m.note(
                "transfer_days",
                tr!(page_lang(), SETTINGS_ERROR_TRANSFER_DAYS, min = 1, max = 60),
            );
        }
        let [secret_after, publishable_after, webhook_after] =
            keys(&mut m, form, &saved, offered.contains(&PayMethod::Card));
        if offered.contains(&PayMethod::Transfer) && saved.bank_iban.is_none() {
            m.note(
                "transfer",
                tr!(
                    page_lang(),
                    SETTINGS_ERROR_TRANSFER_NEEDS_BANK,
                    section = tr!(page_lang(), SETTINGS_BANK_TITLE)
                ),
            );
        }
        m.finish()?;
        let days = days.ok_or(AppError::Internal)?;
        on_db!(db.writer(), |pool| {
            sqlx::query(
                "UPDATE brands SET payment_methods = $1, transfer_days = $2, stripe_secret_key = $3,
                        stripe_publishable_key = $4, stripe_webhook_secret = $5 WHERE id = $6",
            )
            .bind(PayMethod::join(&offered))
            .bind(days)
            .bind(&secret_after)
            .bind(&publishable_after)
            .bind(&webhook_after)
            .bind(brand_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::masked;

    #[test]
    fn a_saved_key_shows_its_kind_and_last_four_characters() {
        assert_eq!(masked("sk_test_soiree1234"), "sk_test_…1234");
        assert_eq!(masked("whsec_abcdef9876"), "whsec_…9876");
        // Only the prefix and the last four: never the middle of a key.
        assert_eq!(masked("sk_test_soiree_secret_1234"), "sk_test_…1234");
        assert_eq!(masked("whsec_soiree_signing_9012"), "whsec_…9012");
    }
}
