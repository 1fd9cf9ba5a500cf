//! Checkout values with rules, parsed once from the guest's form.

use super::CheckoutForm;
use crate::base::{account::EmailAddress, error::AppError, order::Delivery};

/// A checked checkout form.
#[derive(Debug, Clone)]
pub struct Checkout {
    pub name: String,
    pub email: EmailAddress,
    pub delivery: Delivery,
    pub address: Option<String>,
    pub idempotency_key: String,
    pub wants_to_host: bool,
}

impl Checkout {
    pub fn parse(form: &CheckoutForm) -> Result<Checkout, AppError> {
        let name = form.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(AppError::invalid(
                "name",
                "Enter your name, as it should appear on the parcel.",
            ));
        }
        let email = EmailAddress::parse(&form.email, "email")?;
        let delivery = Delivery::parse(&form.delivery).ok_or_else(|| {
            AppError::invalid(
                "delivery",
                "Choose delivery to your address or to the host.",
            )
        })?;
        let address = match delivery {
            Delivery::Host => None,
            Delivery::Home => {
                let address = form.address.trim();
                if address.len() < 8 || !address.chars().any(|c| c.is_ascii_digit()) {
                    return Err(AppError::invalid(
                        "address",
                        "Enter your full address: street and number, postcode and town.",
                    ));
                }
                if address.chars().count() > 300 {
                    return Err(AppError::invalid(
                        "address",
                        "Keep the address under 300 characters.",
                    ));
                }
                Some(address.to_owned())
            }
        };
        let key = form.idempotency_key.trim();
        if key.len() < 16 || key.len() > 80 {
            return Err(AppError::invalid(
                "cart",
                "This checkout form is out of date: reload the page and try again.",
            ));
        }
        Ok(Checkout {
            name: name.to_owned(),
            email,
            delivery,
            address,
            idempotency_key: key.to_owned(),
            wants_to_host: form.wants_to_host.as_deref().is_some_and(|v| !v.is_empty()),
        })
    }
}
