//! Checkout values with rules, parsed once from the guest's form.

use super::CheckoutForm;
use crate::base::{
    account::EmailAddress,
    error::{AppError, Mistakes},
    l10n::page_lang,
    order::{Delivery, PayMethod},
};

/// A checked checkout form.
#[derive(Debug, Clone)]
pub struct Checkout {
    pub name: String,
    pub email: EmailAddress,
    pub delivery: Delivery,
    pub address: Option<String>,
    pub idempotency_key: String,
    pub wants_to_host: bool,
    /// The answer to "news from the brand?" (`base::consent`).
    pub news: bool,
    /// How the guest pays; `None` when the form did not say.
    pub payment: Option<PayMethod>,
}

impl Checkout {
    pub fn parse(form: &CheckoutForm) -> Result<Checkout, AppError> {
        let mut mistakes = Mistakes::default();
        let name = form.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            mistakes.note("name", tr!(page_lang(), CHECKOUT_ERROR_NAME));
        }
        let email = mistakes.check(EmailAddress::parse(&form.email, "email"));
        let delivery = Delivery::parse(&form.delivery);
        if delivery.is_none() {
            mistakes.note("delivery", tr!(page_lang(), CHECKOUT_ERROR_DELIVERY));
        }
        let address = match delivery {
            Some(Delivery::Home) => home_address(&form.address, &mut mistakes),
            _ => None,
        };
        let payment = PayMethod::parse(&form.payment);
        if payment.is_none() && !form.payment.trim().is_empty() {
            mistakes.note("payment", tr!(page_lang(), CHECKOUT_ERROR_PAYMENT));
        }
        let key = form.idempotency_key.trim();
        if key.len() < 16 || key.len() > 80 {
            mistakes.note("cart", tr!(page_lang(), CHECKOUT_ERROR_STALE));
        }
        mistakes.finish()?;
        let (Some(email), Some(delivery)) = (email, delivery) else {
            return Err(AppError::Internal);
        };
        Ok(Checkout {
            name: name.to_owned(),
            email,
            delivery,
            address,
            idempotency_key: key.to_owned(),
            wants_to_host: form.wants_to_host.as_deref().is_some_and(|v| !v.is_empty()),
            news: form.news.as_deref().is_some_and(|v| !v.is_empty()),
            payment,
        })
    }
}

/// The delivery address, or `None` with its mistake noted.
fn home_address(raw: &str, mistakes: &mut Mistakes) -> Option<String> {
    let address = raw.trim();
    if address.len() < 8 || !address.chars().any(|c| c.is_ascii_digit()) {
        mistakes.note("address", tr!(page_lang(), CHECKOUT_ERROR_ADDRESS));
        return None;
    }
    if address.chars().count() > 300 {
        mistakes.note("address", tr!(page_lang(), CHECKOUT_ERROR_ADDRESS_LONG));
        return None;
    }
    Some(address.to_owned())
}
