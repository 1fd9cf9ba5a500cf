//! Asking for one's data without a link: the brand's privacy page takes an
//! address and mails it a link (valid one hour) to a page that downloads or
//! erases what the brand holds about it. The mailed link is the proof that
//! the address is the asker's; the page answers alike whatever the brand
//! holds, so it tells nobody who is a guest.

use anyhow::Context;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Duration, Utc};

use crate::{
    base::{
        account::EmailAddress,
        db::Db,
        error::AppError,
        state::{AppConfig, AppState},
        tokens::{hash_token, random_token},
    },
    on_db,
};

/// How long a mailed link works.
const VALID: Duration = Duration::hours(1);
/// At most one link per address and brand this often.
const EVERY: Duration = Duration::minutes(5);
/// Who the privacy log names for a request by mail.
const ACTOR: &str = "guest (by mail)";

/// Mails `email` a link to its data at the brand of `slug`, when the brand
/// holds any and no link went in the last minutes; otherwise does nothing,
/// and answers the same.
pub async fn ask(
    db: &Db,
    config: &AppConfig,
    slug: &str,
    email_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let email = EmailAddress::parse(email_raw, "email")?;
    let email = email.as_str().to_lowercase();
    type Brand = (i64, String, Option<DateTime<Utc>>);
    let brand: Option<Brand> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT b.id, b.name, (SELECT MAX(r.created_at) FROM privacy_requests r
                                  WHERE r.brand_id = b.id AND r.email = $2)
             FROM brands b WHERE b.slug = $1",
        )
        .bind(slug)
        .bind(&email)
        .fetch_optional(pool)
        .await
    })?;
    let (brand_id, brand, last) = brand.ok_or(AppError::NotFound)?;
    if last.is_some_and(|at| now - at < EVERY) {
        tracing::info!(brand_id, "data asked again within minutes: no new link");
        return Ok(());
    }
    if !super::ssr::holds(db, brand_id, &email).await? {
        tracing::info!(
            brand_id,
            "data asked for an address the brand does not hold"
        );
        return Ok(());
    }
    let lang = crate::base::l10n::page_lang();
    let token = random_token();
    let link = config
        .public_url
        .join(&format!("/privacy/request/{token}"))
        .context("the data link")?;
    let mail = crate::base::mail::plain(
        config,
        "",
        &email,
        tr!(lang, ASKED_MAIL_SUBJECT, brand = brand.as_str()),
        format!(
            "{}\n\n{}\n{link}\n\n{}\n",
            tr!(lang, MAIL_HELLO),
            tr!(lang, ASKED_MAIL_BODY, brand = brand.as_str()),
            tr!(lang, ASKED_MAIL_NOT_YOU),
        ),
        None,
        now,
    )?;
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO privacy_requests (brand_id, email, token_hash, mail_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(brand_id)
        .bind(&email)
        .bind(hash_token(&token))
        .bind(&mail.message_id)
        .bind(now)
        .bind(now + VALID)
        .execute(&mut *tx)
        .await?;
        crate::base::mail::insert_query(&mail)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    })?;
    Ok(())
}

/// The brand and address of a live link; `NotFound` once it is used or
/// expired.
async fn request(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(i64, String, String), AppError> {
    let row: Option<(i64, String, String)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT r.brand_id, b.name, r.email FROM privacy_requests r
             JOIN brands b ON b.id = r.brand_id
             WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2",
        )
        .bind(hash_token(token))
        .bind(now)
        .fetch_optional(pool)
        .await
    })?;
    row.ok_or(AppError::NotFound)
}

/// What a mailed link's page shows.
pub async fn shown(db: &Db, token: &str, now: DateTime<Utc>) -> Result<super::Asked, AppError> {
    let (_, brand, email) = request(db, token, now).await?;
    Ok(super::Asked { brand, email })
}

/// Erases the address of a mailed link, once confirmed; the link dies with
/// the rest (the erasure removes the requests of the address).
pub async fn erase(
    db: &Db,
    token: &str,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<super::ssr::Erased, AppError> {
    let (brand_id, _, email) = request(db, token, now).await?;
    if !confirmed {
        return Err(AppError::invalid(
            "confirm",
            tr!(crate::base::l10n::page_lang(), ERASE_CONFIRM_NEEDED),
        ));
    }
    super::ssr::erase(db, brand_id, &email, ACTOR, now).await
}

/// `GET /privacy/request/{token}/data.json`: the download of a mailed link.
pub async fn download(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let now = Utc::now();
    let exported = async {
        let (brand_id, _, email) = request(&state.db, &token, now).await?;
        super::ssr::export(&state.db, brand_id, &email, ACTOR, now).await
    };
    match exported.await {
        Ok(data) => super::ssr::attachment(&data),
        Err(err) => {
            let lang = crate::base::l10n::Lang::default();
            (err.status(), err.message(lang)).into_response()
        }
    }
}
