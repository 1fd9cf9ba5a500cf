//! Host program values with rules, parsed once from a fan's application.

use super::ApplicationForm;
use crate::base::{account::EmailAddress, error::AppError};

/// A checked application.
pub struct Draft {
    pub name: String,
    pub email: EmailAddress,
    pub city: String,
    pub motivation: String,
}

pub fn required(raw: &str, field: &str, what: &str, max: usize) -> Result<String, AppError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(AppError::invalid(field, format!("Enter {what}.")));
    }
    if value.chars().count() > max {
        return Err(AppError::invalid(
            field,
            format!("Keep {what} under {max} characters."),
        ));
    }
    Ok(value.to_owned())
}

pub fn parse_application(form: &ApplicationForm) -> Result<Draft, AppError> {
    let name = required(&form.name, "name", "your name", 100)?;
    let email = EmailAddress::parse(&form.email, "email")?;
    let city = required(&form.city, "city", "your city", 80)?;
    let motivation = required(
        &form.motivation,
        "motivation",
        "a few words on why you love the brand",
        2000,
    )?;
    if motivation.chars().count() < 10 {
        return Err(AppError::invalid(
            "motivation",
            "Tell us a little more: a sentence or two on why you love the brand.",
        ));
    }
    Ok(Draft {
        name,
        email,
        city,
        motivation,
    })
}
