//! Accounts as every area sees them: who a user is (role, the signed-in
//! user) and the values with rules, parsed once at the edge (an email
//! address, a new password).

use serde::{Deserialize, Serialize};

use crate::base::error::AppError;
use crate::base::l10n::page_lang;

/// What a user does in Soirée.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    BrandAdmin,
    Host,
}

impl Role {
    /// The value stored in `users.role`.
    pub fn as_db(self) -> &'static str {
        match self {
            Role::BrandAdmin => "brand_admin",
            Role::Host => "host",
        }
    }

    pub fn from_db(value: &str) -> Option<Role> {
        match value {
            "brand_admin" => Some(Role::BrandAdmin),
            "host" => Some(Role::Host),
            _ => None,
        }
    }

    /// The page a user of this role lands on after signing in.
    pub fn home(self) -> &'static str {
        match self {
            Role::BrandAdmin => "/brand",
            Role::Host => "/host",
        }
    }
}

/// The signed-in user, as pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub brand_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

/// A syntactically plausible email address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses what a user typed into the `field` input; a mistake reads in
    /// the page's language.
    pub fn parse(raw: &str, field: &str) -> Result<Self, AppError> {
        let email = raw.trim().to_lowercase();
        let bad = || AppError::invalid(field, tr!(page_lang(), ACCOUNT_ERROR_EMAIL_SHAPE));
        if email.is_empty() {
            return Err(AppError::invalid(
                field,
                tr!(page_lang(), ACCOUNT_ERROR_EMAIL_EMPTY),
            ));
        }
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = email.rsplit_once('@').ok_or_else(bad)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains('@');
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(bad());
        }
        Ok(EmailAddress(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Bounds on a new password, in characters.
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// A password acceptable for a new account: 8 to 128 characters and not one
/// of the 1,000 most common passwords. Never printed.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str, field: &str) -> Result<Self, AppError> {
        let count = raw.chars().count();
        if count < PASSWORD_MIN {
            return Err(AppError::invalid(
                field,
                tr!(
                    page_lang(),
                    ACCOUNT_ERROR_PASSWORD_SHORT,
                    min = PASSWORD_MIN
                ),
            ));
        }
        if count > PASSWORD_MAX {
            return Err(AppError::invalid(
                field,
                tr!(page_lang(), ACCOUNT_ERROR_PASSWORD_LONG, max = PASSWORD_MAX),
            ));
        }
        if is_common_password(raw) {
            return Err(AppError::invalid(
                field,
                tr!(page_lang(), ACCOUNT_ERROR_PASSWORD_COMMON),
            ));
        }
        Ok(NewPassword(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Whether `candidate` is a common password or one in its usual disguise:
/// any case, digits and signs around it (`Soleil2024!`), letters written
/// as digits or signs (`p@ssw0rd`). The list (`common_passwords.txt`, over
/// 13,000 in English and French) is the server's: the browser leaves the
/// check to it.
#[cfg(feature = "ssr")]
fn is_common_password(candidate: &str) -> bool {
    static LIST: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let list = LIST.get_or_init(|| {
        include_str!("common_passwords.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    let lower = candidate.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    let plain: String = core
        .chars()
        .map(|c| match c {
            '@' | '4' => 'a',
            '0' => 'o',
            '1' | '!' => 'i',
            '3' => 'e',
            '$' | '5' => 's',
            '7' => 't',
            c => c,
        })
        .collect();
    list.contains(lower.as_str())
        || (core.chars().count() >= 4 && list.contains(core))
        || (plain.chars().count() >= 4 && list.contains(plain.as_str()))
}

#[cfg(not(feature = "ssr"))]
fn is_common_password(_: &str) -> bool {
    false
}

/// "Ana L." for "Ana Lima": enough for the room, not the whole name.
pub fn first_name_and_initial(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or_default();
    match words.last().and_then(|w| w.chars().next()) {
        Some(initial) => format!("{first} {initial}."),
        None => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            EmailAddress::parse("  Ana@Example.COM ", "email")
                .unwrap()
                .as_str(),
            "ana@example.com"
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "a b@example.com",
            "ana@.com",
        ] {
            assert!(
                EmailAddress::parse(bad, "email").is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn passwords_have_bounds_and_refuse_common_ones() {
        assert!(NewPassword::parse("short", "password").is_err());
        assert!(NewPassword::parse(&"x".repeat(129), "password").is_err());
        assert!(NewPassword::parse("password", "password").is_err());
        assert!(NewPassword::parse("12345678", "password").is_err());
        assert!(NewPassword::parse("Password", "password").is_err());
        assert!(NewPassword::parse("lantern-velvet-42", "password").is_ok());
        assert!(NewPassword::parse(&"é".repeat(128), "password").is_ok());
    }

    #[test]
    fn the_common_list_covers_ten_thousand_in_english_and_french() {
        let n = include_str!("common_passwords.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert!(n >= 10_000, "{n}");
        for weak in [
            "motdepasse123",
            "Motdepasse!",
            "azertyuiop",
            "Soleil2024!",
            "P@ssw0rd123",
            "jetaime1234",
            "Marseille13",
            "chocolat2025",
            "iloveyou2",
            "football99",
        ] {
            assert!(
                NewPassword::parse(weak, "password").is_err(),
                "{weak} should be refused"
            );
        }
        for strong in ["lantern-velvet-42", "lumen-host-2026", "Tartine au miel 7"] {
            assert!(
                NewPassword::parse(strong, "password").is_ok(),
                "{strong} should be accepted"
            );
        }
    }
}
