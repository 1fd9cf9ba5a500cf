//! What a person chose about one brand's mail. Transactional mail (an
//! invitation, an order, its tracking) needs no consent. The brand's news
//! needs a yes, asked unticked on the RSVP, share-link and checkout forms
//! and stored with when and where it was given. Reminders and thank-yous
//! go to guests who answered, until they stop them: one click on the link
//! every such mail carries (RFC 8058) stops that brand's non-transactional
//! mail to the address, across all its parties, without signing in.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::{
    base::{
        db::{Db, Tx},
        error::AppError,
    },
    on_db, on_tx,
};

/// Where a news answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Rsvp,
    ShareLink,
    Checkout,
}

impl Source {
    pub fn as_db(self) -> &'static str {
        match self {
            Source::Rsvp => "rsvp",
            Source::ShareLink => "share_link",
            Source::Checkout => "checkout",
        }
    }
}

/// Stores the answer to "news from the brand?" of `email`, in the
/// transaction that takes the form (a yes after a stop is a new consent:
/// the stop is lifted). See [`news_sql`] for which answers count.
pub async fn record_news(
    tx: &mut Tx,
    brand_id: i64,
    email: &str,
    news: bool,
    source: Source,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(news_sql(news, source))
        .bind(brand_id)
        .bind(email)
        .bind(news)
        .bind(now)
        .bind(source.as_db())
        .execute(&mut *c)
        .await
        .map(|_| ()))
}

/// The statement that stores a news answer. The RSVP form shows the
/// current answer, so what it sends is the answer; checkout and the share
/// link show the box unticked, so there a tick is a yes and no tick a no
/// only when nothing was answered before (it does not take back a yes).
pub fn news_sql(news: bool, source: Source) -> &'static str {
    if news || source == Source::Rsvp {
        RECORD_NEWS_SQL
    } else {
        FIRST_NEWS_SQL
    }
}

/// A first answer only (see [`news_sql`]); binds as [`RECORD_NEWS_SQL`].
const FIRST_NEWS_SQL: &str =
    "INSERT INTO mail_choices (brand_id, email, news, news_answered_at, news_source)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (brand_id, email) DO NOTHING";

/// Binds brand, email, news, time and source (see [`record_news`]).
pub const RECORD_NEWS_SQL: &str =
    "INSERT INTO mail_choices (brand_id, email, news, news_answered_at, news_source)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (brand_id, email) DO UPDATE SET news = $3, news_answered_at = $4,
        news_source = $5,
        stopped_at = CASE WHEN $3 THEN NULL ELSE mail_choices.stopped_at END";

/// A guest `g` whose brand's mail was not stopped: the condition on a
/// non-transactional mailing's recipients.
pub const NOT_STOPPED: &str = "NOT EXISTS (SELECT 1 FROM mail_choices m
     JOIN events se ON se.brand_id = m.brand_id
     WHERE se.id = g.event_id AND m.email = g.email AND m.stopped_at IS NOT NULL)";

/// The address a stop link is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    pub brand_id: i64,
    pub email: String,
}

fn mac(key: &[u8], brand_id: i64, email: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(format!("soiree-stop:{brand_id}:{email}").as_bytes());
    mac.finalize().into_bytes()[..16].to_vec()
}

/// The token of a stop link: the brand, the address and a signature.
pub fn stop_token(key: &[u8], brand_id: i64, email: &str) -> String {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{brand_id}.{}.{}",
        b64.encode(email.as_bytes()),
        b64.encode(mac(key, brand_id, email))
    )
}

/// The address of a stop token signed with `key`, if it is one.
pub fn read_stop_token(key: &[u8], token: &str) -> Option<Stop> {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut parts = token.split('.');
    let brand_id: i64 = parts.next()?.parse().ok()?;
    let email = String::from_utf8(b64.decode(parts.next()?).ok()?).ok()?;
    let signature = b64.decode(parts.next()?).ok()?;
    if parts.next().is_some() {
        return None;
    }
    let mut check = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    check.update(format!("soiree-stop:{brand_id}:{email}").as_bytes());
    check.verify_truncated_left(&signature).ok()?;
    (signature.len() == 16).then_some(Stop { brand_id, email })
}

/// The https link of a stop token.
pub fn stop_url(config: &crate::base::state::AppConfig, brand_id: i64, email: &str) -> String {
    let token = stop_token(&config.signing_key.0, brand_id, email);
    format!(
        "{}/unsubscribe/{token}",
        config.public_url.as_str().trim_end_matches('/')
    )
}

/// Stops the brand's non-transactional mail to the address (news included);
/// returns the brand's name. Stopping twice is harmless.
pub async fn stop(db: &Db, stop: &Stop, now: DateTime<Utc>) -> Result<String, AppError> {
    let brand: Option<String> = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let brand: Option<String> = sqlx::query_scalar("SELECT name FROM brands WHERE id = $1")
            .bind(stop.brand_id)
            .fetch_optional(&mut *tx)
            .await?;
        if brand.is_some() {
            sqlx::query(
                "INSERT INTO mail_choices (brand_id, email, news, stopped_at) VALUES ($1, $2, FALSE, $3)
                 ON CONFLICT (brand_id, email) DO UPDATE SET news = FALSE,
                    stopped_at = COALESCE(mail_choices.stopped_at, $3)",
            )
            .bind(stop.brand_id)
            .bind(&stop.email)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(brand)
    })?;
    brand.ok_or(AppError::NotFound)
}

/// The brand's name and whether the address already stopped its mail.
pub async fn status(db: &Db, stop: &Stop) -> Result<(String, bool), AppError> {
    let row: Option<(String, Option<DateTime<Utc>>)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT b.name, m.stopped_at FROM brands b
             LEFT JOIN mail_choices m ON m.brand_id = b.id AND m.email = $2
             WHERE b.id = $1",
        )
        .bind(stop.brand_id)
        .bind(&stop.email)
        .fetch_optional(pool)
        .await
    })?;
    let (name, stopped) = row.ok_or(AppError::NotFound)?;
    Ok((name, stopped.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_link_names_its_address_and_cannot_be_forged() {
        let key = b"a-key-that-is-long-enough-for-tests-0123";
        let token = stop_token(key, 7, "ana@example.com");
        assert_eq!(
            read_stop_token(key, &token),
            Some(Stop {
                brand_id: 7,
                email: "ana@example.com".into()
            })
        );
        // Another address or brand with the same signature fails.
        let parts: Vec<&str> = token.split('.').collect();
        use base64::Engine as _;
        let other = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("eve@example.com");
        assert_eq!(
            read_stop_token(key, &format!("7.{other}.{}", parts[2])),
            None
        );
        assert_eq!(
            read_stop_token(key, &format!("8.{}.{}", parts[1], parts[2])),
            None
        );
        assert_eq!(
            read_stop_token(b"another-key-entirely-0123456789abcdef", &token),
            None
        );
        assert_eq!(read_stop_token(key, "7.abc"), None);
        assert_eq!(read_stop_token(key, &format!("{token}.x")), None);
    }
}
