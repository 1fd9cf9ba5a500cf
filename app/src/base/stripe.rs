//! A small typed client for the parts of Stripe's API that Soirée uses
//! (PaymentIntents, a Customer made from a card token, Refunds), and the
//! check of Stripe's webhook signatures. Requests are form-encoded over
//! reqwest, each with its own timeout; the base address is a setting
//! (`STRIPE_API_BASE`), so the tests talk to localstripe on loopback.
//!
//! The card flow: the page turns the card field into a token (Stripe.js
//! `createToken`); the server makes a Customer with it, puts its card on the
//! order's PaymentIntent and confirms it. A card that asks for
//! authentication leaves the intent in `requires_action`, which the page
//! finishes with `confirmCardPayment`. (docs/ARCHITECTURE.md says why.)

use std::{collections::BTreeMap, time::Duration};

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Stripe's own API.
pub const DEFAULT_API_BASE: &str = "https://api.stripe.com";

/// Stripe.js, which pages load for the card field.
pub const DEFAULT_JS_URL: &str = "https://js.stripe.com/v3/";

/// How long one request to Stripe may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How far a webhook's timestamp may be from our clock.
pub const WEBHOOK_TOLERANCE_SECS: i64 = 5 * 60;

/// A Stripe account, as the brand set it up.
#[derive(Clone)]
pub struct Stripe {
    http: reqwest::Client,
    base: String,
    secret_key: String,
}

impl std::fmt::Debug for Stripe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stripe").field("base", &self.base).finish()
    }
}

/// A PaymentIntent, as far as Soirée reads it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Intent {
    pub id: String,
    pub status: String,
    pub amount: i64,
    pub currency: String,
    pub client_secret: String,
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    #[serde(default)]
    pub last_payment_error: Option<ApiError>,
}

impl Intent {
    pub fn succeeded(&self) -> bool {
        self.status == "succeeded"
    }

    /// The card is authorised, waiting to be captured.
    pub fn authorised(&self) -> bool {
        self.status == "requires_capture"
    }

    /// The refusal of a card the intent could not charge: Stripe's words
    /// for the payer, or `fallback`'s.
    pub fn declined(self, fallback: impl FnOnce() -> String) -> StripeError {
        StripeError::Card {
            code: "card_declined".into(),
            message: self
                .last_payment_error
                .and_then(|e| e.message)
                .unwrap_or_else(fallback),
        }
    }

    /// The card asks the payer to authenticate (3-D Secure).
    pub fn needs_action(&self) -> bool {
        self.status == "requires_action"
    }
}

/// A refund.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Refund {
    pub id: String,
    pub amount: i64,
    pub status: String,
}

/// The error object of Stripe's answers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ApiError {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ApiError,
}

/// Why a call to Stripe did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripeError {
    /// The card was refused: Stripe's message is for the payer.
    #[error("{message}")]
    Card { code: String, message: String },
    /// Stripe refused the request itself (a bug or a wrong key).
    #[error("Stripe refused the request ({status}): {message}")]
    Refused { status: u16, message: String },
    /// Stripe did not answer in time, or could not be reached.
    #[error("the payment service did not answer: {0}")]
    Unreachable(String),
}

impl Stripe {
    /// A client for the account of `secret_key` at `base` (Stripe's, or a
    /// test server's).
    pub fn new(base: &str, secret_key: &str) -> Self {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client with timeouts");
        Stripe {
            http,
            base: base.trim_end_matches('/').to_owned(),
            secret_key: secret_key.to_owned(),
        }
    }

    async fn call<T: for<'de> Deserialize<'de>>(
        &self,
        method: reqwest::Method,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: Option<&str>,
    ) -> Result<T, StripeError> {
        let mut req = self
            .http
            .request(method.clone(), format!("{}{path}", self.base))
            .basic_auth(&self.secret_key, None::<&str>);
        if method == reqwest::Method::POST {
            req = req.form(form);
        }
        if let Some(key) = idempotency_key {
            req = req.header("Idempotency-Key", key);
        }
        let res = req
            .send()
            .await
            .map_err(|e| StripeError::Unreachable(e.without_url().to_string()))?;
        let status = res.status();
        let body = res
            .bytes()
            .await
            .map_err(|e| StripeError::Unreachable(e.without_url().to_string()))?;
        if status.is_success() {
            return serde_json::from_slice(&body).map_err(|e| StripeError::Refused {
                status: status.as_u16(),
                message: format!("an answer that could not be read: {e}"),
            });
        }
        let error = serde_json::from_slice::<ErrorBody>(&body)
            .map(|b| b.error)
            .unwrap_or(ApiError {
                code: None,
                message: None,
                kind: None,
            });
        let message = error
            .message
            .clone()
            .unwrap_or_else(|| String::from_utf8_lossy(&body).chars().take(200).collect());
        let card = status.as_u16() == 402
            || error.kind.as_deref() == Some("card_error")
            || error.code.as_deref().is_some_and(|c| {
                c.starts_with("card_") || c == "expired_card" || c == "incorrect_cvc"
            });
        Err(if card {
            StripeError::Card {
                code: error.code.unwrap_or_else(|| "card_declined".into()),
                message,
            }
        } else {
            StripeError::Refused {
                status: status.as_u16(),
                message,
            }
        })
    }

    /// Creates the PaymentIntent of an order: `amount` in minor units of
    /// `currency`, the order's code in its metadata, and the order's own
    /// idempotency key so that a retry finds the same intent.
    pub async fn create_intent(
        &self,
        amount: i64,
        currency: &str,
        order_code: &str,
        idempotency_key: &str,
    ) -> Result<Intent, StripeError> {
        let about = ("metadata[order]", order_code.to_owned());
        self.new_intent(amount, currency, about, None, idempotency_key)
            .await
    }

    /// Creates a PaymentIntent that only authorises `amount` on the card:
    /// captured later (a pre-order's campaign funded) or cancelled (it
    /// failed). Stripe keeps the authorisation for 7 days.
    pub async fn create_authorisation(
        &self,
        amount: i64,
        currency: &str,
        preorder_code: &str,
        idempotency_key: &str,
    ) -> Result<Intent, StripeError> {
        let about = ("metadata[preorder]", preorder_code.to_owned());
        let manual = Some(("capture_method", "manual".to_owned()));
        self.new_intent(amount, currency, about, manual, idempotency_key)
            .await
    }

    async fn new_intent(
        &self,
        amount: i64,
        currency: &str,
        about: (&str, String),
        extra: Option<(&str, String)>,
        idempotency_key: &str,
    ) -> Result<Intent, StripeError> {
        let mut form = vec![
            ("amount", amount.to_string()),
            ("currency", currency.to_lowercase()),
            about,
        ];
        form.extend(extra);
        self.call(
            reqwest::Method::POST,
            "/v1/payment_intents",
            &form,
            Some(idempotency_key),
        )
        .await
    }

    /// Captures an authorised intent (status `requires_capture`).
    pub async fn capture_intent(&self, id: &str) -> Result<Intent, StripeError> {
        self.call(
            reqwest::Method::POST,
            &format!("/v1/payment_intents/{}/capture", path_part(id)),
            &[],
            None,
        )
        .await
    }

    /// The intent as Stripe has it now.
    pub async fn retrieve_intent(&self, id: &str) -> Result<Intent, StripeError> {
        self.call(
            reqwest::Method::GET,
            &format!("/v1/payment_intents/{}", path_part(id)),
            &[],
            None,
        )
        .await
    }

    /// Makes a Customer of the payer from a card token (Stripe.js
    /// `createToken`), and returns (customer id, card id). A card Stripe
    /// refuses at once fails here with its message.
    pub async fn customer_with_card(
        &self,
        token: &str,
        email: &str,
        idempotency_key: &str,
    ) -> Result<(String, String), StripeError> {
        #[derive(Deserialize)]
        struct Customer {
            id: String,
            default_source: Option<String>,
        }
        let customer: Customer = self
            .call(
                reqwest::Method::POST,
                "/v1/customers",
                &[("source", token.to_owned()), ("email", email.to_owned())],
                Some(idempotency_key),
            )
            .await?;
        let card = customer
            .default_source
            .ok_or_else(|| StripeError::Refused {
                status: 200,
                message: "the customer has no card".into(),
            })?;
        Ok((customer.id, card))
    }

    /// Puts the payer's card on the intent and confirms it: the answer is
    /// `succeeded`, `requires_action` (authentication on the page), or a
    /// card error with Stripe's message.
    pub async fn pay_with(
        &self,
        intent_id: &str,
        customer: &str,
        card: &str,
    ) -> Result<Intent, StripeError> {
        let path = format!("/v1/payment_intents/{}", path_part(intent_id));
        let _: Intent = self
            .call(
                reqwest::Method::POST,
                &path,
                &[
                    ("customer", customer.to_owned()),
                    ("payment_method", card.to_owned()),
                ],
                None,
            )
            .await?;
        self.call(reqwest::Method::POST, &format!("{path}/confirm"), &[], None)
            .await
    }

    /// Cancels an intent that was not paid.
    pub async fn cancel_intent(&self, id: &str) -> Result<Intent, StripeError> {
        self.call(
            reqwest::Method::POST,
            &format!("/v1/payment_intents/{}/cancel", path_part(id)),
            &[],
            None,
        )
        .await
    }

    /// Refunds a paid intent: all of it, or `amount` minor units.
    pub async fn refund(
        &self,
        intent_id: &str,
        amount: Option<i64>,
        idempotency_key: &str,
    ) -> Result<Refund, StripeError> {
        let mut form = vec![("payment_intent", intent_id.to_owned())];
        if let Some(amount) = amount {
            form.push(("amount", amount.to_string()));
        }
        self.call(
            reqwest::Method::POST,
            "/v1/refunds",
            &form,
            Some(idempotency_key),
        )
        .await
    }
}

/// An id as one segment of a path: Stripe's ids are letters, digits and `_`.
fn path_part(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// Why a webhook's signature was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("missing or wrong Stripe-Signature")]
    Wrong,
    #[error("timestamp outside the 5-minute tolerance")]
    Stale,
}

/// `Stripe-Signature` for `body` at `timestamp`, as Stripe sends it.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// Checks a `Stripe-Signature` header (`t=…,v1=…[,v1=…]`): one `v1` must be
/// the HMAC-SHA256 of `t.body` with the endpoint's secret (compared in
/// constant time), and `t` within five minutes of `now`.
pub fn verify(
    header: &str,
    body: &[u8],
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), SignatureError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", sig)) => signatures.extend(hex::decode(sig).ok()),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Wrong)?;
    let signed = signatures.iter().any(|given| {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
        mac.update(format!("{timestamp}.").as_bytes());
        mac.update(body);
        mac.verify_slice(given).is_ok()
    });
    if !signed {
        return Err(SignatureError::Wrong);
    }
    if (now.timestamp() - timestamp).abs() > WEBHOOK_TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhook_signatures_are_checked_like_stripe_does() {
        let now = Utc::now();
        let body = br#"{"id":"evt_1","type":"payment_intent.succeeded"}"#;
        let header = sign("whsec_test", now.timestamp(), body);
        assert_eq!(verify(&header, body, "whsec_test", now), Ok(()));
        // Stripe may send several v1 signatures while a secret rolls over.
        let two = format!("{header},v1={}", "ab".repeat(32));
        assert_eq!(verify(&two, body, "whsec_test", now), Ok(()));
        assert_eq!(
            verify(&header, body, "whsec_other", now),
            Err(SignatureError::Wrong)
        );
        assert_eq!(
            verify(&header, b"{}", "whsec_test", now),
            Err(SignatureError::Wrong)
        );
        assert_eq!(
            verify("v1=abc", body, "whsec_test", now),
            Err(SignatureError::Wrong)
        );
        assert_eq!(
            verify("", body, "whsec_test", now),
            Err(SignatureError::Wrong)
        );
        let old = sign("whsec_test", now.timestamp() - 301, body);
        assert_eq!(
            verify(&old, body, "whsec_test", now),
            Err(SignatureError::Stale)
        );
    }

    #[test]
    fn ids_stay_one_path_segment() {
        assert_eq!(path_part("pi_123abc"), "pi_123abc");
        assert_eq!(path_part("pi_1/../../v1/charges"), "pi_1v1charges");
    }
}
