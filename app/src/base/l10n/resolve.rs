//! Which language a request is answered in.
//!
//! 1. The language the person chose with the switcher (a cookie).
//! 2. On a guest's pages (an invitation, a share link, a tracking page),
//!    the party's language: the host chose it for the guests.
//! 3. A signed-in host's or admin's preference.
//! 4. The best match of the browser's `Accept-Language`.
//! 5. The brand's default language.
//!
//! A server function is answered in the language of the page it was called
//! from (its `Referer`), so its messages match the form they appear in.

use super::Lang;
use crate::base::access::ssr::{read_invitation, ReadInvitation};
use crate::base::auth::ssr::cookie_in;
use crate::base::db::Db;
use crate::base::tokens::hash_token;
use crate::on_db;

/// The SQL of a party's language: the host's choice, else the brand's
/// default (`e` is the event, `b` its brand). Every query that writes to a
/// guest or a buyer reads it from here; a macro, so that the queries stay
/// `&'static str` through `concat!`.
#[macro_export]
macro_rules! party_language_sql {
    () => {
        "COALESCE(e.language, b.language)"
    };
}

/// The switcher's cookie.
pub const COOKIE: &str = "soiree_lang";

/// The invitation a GET request to a guest's page (or a server function
/// called from one) reads, read once here for the whole request.
pub async fn invitation_of(
    db: &Db,
    headers: &http::HeaderMap,
    path: &str,
) -> Option<ReadInvitation> {
    let page = page_path(headers, path);
    let token = page.strip_prefix("/i/")?.split('/').next()?;
    let token_hash = hash_token(token);
    let row = read_invitation(db, &token_hash).await.ok()?;
    Some(ReadInvitation { token_hash, row })
}

/// The language for a request to `path` with these headers; `read` is the
/// invitation the request's page belongs to, when already read.
pub async fn for_request(
    db: &Db,
    headers: &http::HeaderMap,
    path: &str,
    read: Option<&ReadInvitation>,
) -> Lang {
    if let Some(lang) = cookie_in(headers, COOKIE).and_then(|c| Lang::parse(&c)) {
        return lang;
    }
    let path = page_path(headers, path);
    let party = match read {
        Some(read) => read.row.as_ref().and_then(|r| Lang::parse(&r.language)),
        None => party_language(db, &path).await,
    };
    if let Some(lang) = party {
        return lang;
    }
    if let Some(raw) = cookie_in(headers, crate::base::auth::ssr::SESSION_COOKIE) {
        if let Some(lang) = account_language(db, &raw).await {
            return lang;
        }
    }
    if let Some(lang) = headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(accept_language)
    {
        return lang;
    }
    brand_language(db).await.unwrap_or_default()
}

/// The page a request belongs to: its own path, or for a server function
/// the path of the page it was sent from.
fn page_path(headers: &http::HeaderMap, path: &str) -> String {
    if !path.starts_with("/api/") {
        return path.to_owned();
    }
    headers
        .get(http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .map(|u| u.path().to_owned())
        .unwrap_or_default()
}

/// The best supported language of an `Accept-Language` header, by its
/// weights (`fr-CH, fr;q=0.9, en;q=0.8`); `None` when none is supported.
pub fn accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let Some(lang) = pieces.next().and_then(Lang::parse) else {
            continue;
        };
        let weight = pieces
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if weight > 0.0 && best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

/// The language of the party a guest's page belongs to.
async fn party_language(db: &Db, path: &str) -> Option<Lang> {
    let mut segments = path.trim_start_matches('/').split('/');
    let (kind, id) = (segments.next()?, segments.next()?);
    let sql = match kind {
        "i" => {
            concat!(
                "SELECT ",
                crate::party_language_sql!(),
                " FROM guests g JOIN events e ON e.id = g.event_id
             JOIN brands b ON b.id = e.brand_id WHERE g.token_hash = $1"
            )
        }
        "s" => {
            concat!(
                "SELECT ",
                crate::party_language_sql!(),
                " FROM events e JOIN brands b ON b.id = e.brand_id
             WHERE e.share_slug = $1"
            )
        }
        "o" => {
            concat!(
                "SELECT ",
                crate::party_language_sql!(),
                " FROM orders o JOIN events e ON e.id = o.event_id
             JOIN brands b ON b.id = e.brand_id WHERE o.tracking_code = $1"
            )
        }
        _ => return None,
    };
    let key = if kind == "i" {
        hash_token(id)
    } else {
        id.to_owned()
    };
    let code: Option<String> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(sql)
            .bind(&key)
            .fetch_optional(pool)
            .await
    })
    .ok()
    .flatten();
    code.and_then(|c| Lang::parse(&c))
}

/// A signed-in person's preferred language.
async fn account_language(db: &Db, raw_session: &str) -> Option<Lang> {
    let code: Option<Option<String>> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT u.language FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
        )
        .bind(hash_token(raw_session))
        .fetch_optional(pool)
        .await
    })
    .ok()
    .flatten();
    code.flatten().and_then(|c| Lang::parse(&c))
}

/// The default language of the brand (the first brand: one Soirée serves
/// one brand's site).
async fn brand_language(db: &Db) -> Option<Lang> {
    let code: Option<String> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT language FROM brands ORDER BY id LIMIT 1")
            .fetch_optional(pool)
            .await
    })
    .ok()
    .flatten();
    code.and_then(|c| Lang::parse(&c))
}

/// A brand's default language.
pub async fn brand_language_of(
    db: &Db,
    brand_id: i64,
) -> Result<Lang, crate::base::error::AppError> {
    let code: String = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT language FROM brands WHERE id = $1")
            .bind(brand_id)
            .fetch_one(pool)
            .await
    })?;
    Ok(Lang::parse(&code).unwrap_or_default())
}

/// The language of a party, for its mail: the host's choice, else the
/// brand's default.
pub async fn event_language(db: &Db, event_id: i64) -> Result<Lang, crate::base::error::AppError> {
    let code: String = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(concat!(
            "SELECT ",
            crate::party_language_sql!(),
            " FROM events e JOIN brands b ON b.id = e.brand_id
             WHERE e.id = $1"
        ))
        .bind(event_id)
        .fetch_one(pool)
        .await
    })?;
    Ok(Lang::parse(&code).unwrap_or_default())
}

/// Remembers a signed-in person's language.
pub async fn save_preference(
    db: &Db,
    user_id: i64,
    lang: Lang,
) -> Result<(), crate::base::error::AppError> {
    on_db!(db.writer(), |pool| {
        sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
            .bind(lang.code())
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_heaviest_supported() {
        assert_eq!(accept_language("fr-CH, fr;q=0.9, en;q=0.8"), Some(Lang::Fr));
        assert_eq!(accept_language("de-DE, en;q=0.5, fr;q=0.4"), Some(Lang::En));
        assert_eq!(accept_language("en-GB;q=0.3, fr;q=0.7"), Some(Lang::Fr));
        assert_eq!(accept_language("de, es"), None);
        assert_eq!(accept_language("fr;q=0"), None);
        assert_eq!(accept_language(""), None);
        assert_eq!(accept_language("*"), None);
    }
}
