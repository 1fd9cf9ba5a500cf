//! Host program values with rules, parsed once from a fan's application.

use super::{ApplicationForm, InviteForm};
use crate::base::{
    account::EmailAddress,
    error::{AppError, Mistakes},
    l10n::{self, keys, page_lang, FluentArgs, Key},
};

/// A checked application.
pub struct Draft {
    pub name: String,
    pub email: EmailAddress,
    pub city: String,
    pub motivation: String,
}

/// A text that must be given, of at most `max` characters. `empty` and
/// `too_long` are the messages of the two mistakes (`too_long` takes
/// `$max`), in the page's language.
pub fn required(
    raw: &str,
    field: &str,
    max: usize,
    empty: Key,
    too_long: Key,
) -> Result<String, AppError> {
    let lang = page_lang();
    let value = raw.trim();
    if value.is_empty() {
        return Err(AppError::invalid(field, l10n::text(lang, empty, None)));
    }
    if value.chars().count() > max {
        let mut args = FluentArgs::new();
        args.set("max", l10n::arg(max));
        return Err(AppError::invalid(
            field,
            l10n::text(lang, too_long, Some(&args)),
        ));
    }
    Ok(value.to_owned())
}

pub fn parse_application(form: &ApplicationForm) -> Result<Draft, AppError> {
    let mut mistakes = Mistakes::default();
    let name = mistakes.check(required(
        &form.name,
        "name",
        100,
        keys::HOSTS_ENTER_YOUR_NAME,
        keys::HOSTS_YOUR_NAME_TOO_LONG,
    ));
    let email = mistakes.check(EmailAddress::parse(&form.email, "email"));
    let city = mistakes.check(required(
        &form.city,
        "city",
        80,
        keys::HOSTS_ENTER_YOUR_CITY,
        keys::HOSTS_YOUR_CITY_TOO_LONG,
    ));
    let motivation = mistakes.check(required(
        &form.motivation,
        "motivation",
        2000,
        keys::HOSTS_ENTER_MOTIVATION,
        keys::HOSTS_MOTIVATION_TOO_LONG,
    ));
    if motivation.as_ref().is_some_and(|m| m.chars().count() < 10) {
        mistakes.note("motivation", tr!(page_lang(), HOSTS_MOTIVATION_TOO_SHORT));
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
    let name = mistakes.check(required(
        &form.name,
        "name",
        100,
        keys::HOSTS_ENTER_FAN_NAME,
        keys::HOSTS_FAN_NAME_TOO_LONG,
    ));
    let email = mistakes.check(EmailAddress::parse(&form.email, "email"));
    let city = form.city.trim();
    if city.chars().count() > 80 {
        mistakes.note("city", tr!(page_lang(), HOSTS_CITY_TOO_LONG, max = 80));
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
