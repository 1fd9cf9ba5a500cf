//! Host program values with rules, parsed once from a fan's application.

use super::{ApplicationForm, InviteForm};
use crate::base::{
    account::EmailAddress,
    error::{AppError, Mistakes},
};

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
    let mut mistakes = Mistakes::default();
    let name = mistakes.check(required(&form.name, "name", "your name", 100));
    let email = mistakes.check(EmailAddress::parse(&form.email, "email"));
    let city = mistakes.check(required(&form.city, "city", "your city", 80));
    let motivation = mistakes.check(required(
        &form.motivation,
        "motivation",
        "a few words on why you love the brand",
        2000,
    ));
    if motivation.as_ref().is_some_and(|m| m.chars().count() < 10) {
        mistakes.note(
            "motivation",
            "Tell us a little more: a sentence or two on why you love the brand.",
        );
    }
    mistakes.finish()?;
    match (name, email, city, motivation) {
        (Some(name), Some(email), Some(city), Some(motivation)) => Ok(Draft {
            name,
            email,
            city,
            motivation,
        }),
        _ => Err(AppError::Internal),
    }
}

/// A fan the brand invites to host, checked.
#[derive(Debug, Clone)]
pub struct Invitee {
    pub name: String,
    pub email: EmailAddress,
    pub city: String,
}

pub fn parse_invite(form: &InviteForm) -> Result<Invitee, AppError> {
    let mut mistakes = Mistakes::default();
    let name = mistakes.check(required(&form.name, "name", "the fan's name", 100));
    let email = mistakes.check(EmailAddress::parse(&form.email, "email"));
    let city = form.city.trim();
    if city.chars().count() > 80 {
        mistakes.note("city", "Keep the city under 80 characters.");
    }
    mistakes.finish()?;
    match (name, email) {
        (Some(name), Some(email)) => Ok(Invitee {
            name,
            email,
            city: city.to_owned(),
        }),
        _ => Err(AppError::Internal),
    }
}
