//! The host program on the server: applications, onboarding a new host with
//! a single-use set-password link, declining kindly, suspending.

use chrono::{DateTime, Utc};

use super::{domain::parse_application, Application, ApplicationForm, HostRow, InviteForm};
use crate::{
    base::{
        account::EmailAddress,
        db::Db,
        error::AppError,
        l10n::{fmt, page_lang, resolve::brand_language_of},
        mail::plain,
        onboarding::{decline, has_account, onboard, Joined, Newcomer},
        state::AppConfig,
    },
    on_db,
};

/// Records a fan's application to the brand and thanks them by email. The
/// same fan applying again while waiting updates their application (no
/// second mail); after a decline, applying again reopens it.
pub async fn apply(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    form: &ApplicationForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let draft = parse_application(form)?;
    // The fan reads the thanks in the language of the page they applied on.
    let lang = page_lang();
    let has_account_already =
        move || AppError::invalid("email", tr!(lang, HOSTS_EMAIL_HAS_ACCOUNT));
    if has_account(db, &draft.email)
        .await
        .map_err(AppError::from)?
    {
        return Err(has_account_already());
    }
    let brand = crate::base::brand::ssr::name(db, brand_id).await?;
    let thanks = plain(
        config,
        &draft.name,
        draft.email.as_str(),
        tr!(lang, HOSTS_MAIL_APPLICATION_SUBJECT, brand = &brand),
        format!(
            "{}\n\n{}\n",
            tr!(lang, MAIL_HELLO_NAME, name = &draft.name),
            tr!(lang, HOSTS_MAIL_APPLICATION_THANKS, brand = &brand),
        ),
        None,
        now,
    )?;
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        // The thanks goes out once per application: updating one that is
        // still waiting sends nothing, so the form cannot flood an inbox.
        let waiting: Option<String> = sqlx::query_scalar(
            "SELECT status FROM host_applications WHERE brand_id = $1 AND email = $2",
        )
        .bind(brand_id)
        .bind(draft.email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let moved = sqlx::query(
            "INSERT INTO host_applications (brand_id, name, email, city, motivation, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (brand_id, email) DO UPDATE SET name = excluded.name, city = excluded.city,
               motivation = excluded.motivation, status = 'pending', created_at = excluded.created_at,
               decided_at = NULL
             WHERE host_applications.status <> 'approved'",
        )
        .bind(brand_id)
        .bind(&draft.name)
        .bind(draft.email.as_str())
        .bind(&draft.city)
        .bind(&draft.motivation)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 0 {
            return Err(has_account_already());
        }
        if waiting.as_deref() != Some("pending") {
            crate::base::mail::insert_query(&thanks)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

type ApplicationRow = (i64, String, String, String, String, String, DateTime<Utc>);

/// The brand's applications, waiting ones first, newest first.
pub async fn applications(db: &Db, brand_id: i64) -> Result<Vec<Application>, AppError> {
    let lang = page_lang();
    let tz = crate::base::brand::ssr::zone(db, brand_id).await?;
    let rows: Vec<ApplicationRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, name, email, city, motivation, status, created_at FROM host_applications
             WHERE brand_id = $1
             ORDER BY CASE WHEN status = 'pending' THEN 0 ELSE 1 END, id DESC LIMIT 200",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, email, city, motivation, status, at)| Application {
                id,
                name,
                email,
                city,
                motivation,
                status,
                applied: fmt::datetime_long(lang, at, tz),
            },
        )
        .collect())
}

/// Approves or declines a waiting application of the brand; either way
/// the fan is emailed.
pub async fn decide(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    id: i64,
    approve: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let found: Option<(String, String, String, String)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT name, email, city, status FROM host_applications WHERE id = $1 AND brand_id = $2",
        )
        .bind(id)
        .bind(brand_id)
        .fetch_optional(pool)
        .await
    })?;
    let (name, email, city, status) = found.ok_or(AppError::NotFound)?;
    if status != "pending" {
        return Err(AppError::invalid(
            "id",
            tr!(page_lang(), HOSTS_APPLICATION_ANSWERED),
        ));
    }
    let address = EmailAddress::parse(&email, "id")?;
    if approve {
        let who = Newcomer {
            brand_id,
            name: &name,
            email: &address,
            city: &city,
            joined: Joined::Application(id),
        };
        onboard(db, config, &who, now).await?;
        return Ok(());
    }
    let brand = crate::base::brand::ssr::name(db, brand_id).await?;
    // The fan has no account, so no language of their own: the brand's.
    let lang = brand_language_of(db, brand_id).await?;
    let sorry = plain(
        config,
        &name,
        &email,
        tr!(lang, HOSTS_MAIL_APPLICATION_SUBJECT, brand = &brand),
        format!(
            "{}\n\n{}\n",
            tr!(lang, MAIL_HELLO_NAME, name = &name),
            tr!(lang, HOSTS_MAIL_APPLICATION_DECLINED, brand = &brand),
        ),
        None,
        now,
    )?;
    Ok(decline(db, Joined::Application(id), &sorry, now).await?)
}

/// The brand admin invites a fan directly.
pub async fn invite(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    form: &InviteForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let invitee = super::domain::parse_invite(form)?;
    let who = Newcomer {
        brand_id,
        name: &invitee.name,
        email: &invitee.email,
        city: &invitee.city,
        joined: Joined::Invitation,
    };
    Ok(onboard(db, config, &who, now).await?)
}

/// Suspends or reinstates a host of the brand. A suspended host's
/// sessions end at once (and no session of theirs is honoured while the
/// suspension lasts, `auth::ssr::session_user`): they can no longer sign
/// in, invite or write to guests. Their open parties go on for the guests.
pub async fn set_suspended(
    db: &Db,
    brand_id: i64,
    host_id: i64,
    suspended: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let at = suspended.then_some(now);
    let moved = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let moved = sqlx::query(
            "UPDATE users SET suspended_at = $1 WHERE id = $2 AND brand_id = $3 AND role = 'host'",
        )
        .bind(at)
        .bind(host_id)
        .bind(brand_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if suspended && moved > 0 {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(host_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(moved)
    })?;
    if moved == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Whether this host is suspended.
pub async fn is_suspended(db: &Db, host_id: i64) -> Result<bool, AppError> {
    let at: Option<Option<DateTime<Utc>>> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT suspended_at FROM users WHERE id = $1")
            .bind(host_id)
            .fetch_optional(pool)
            .await
    })?;
    Ok(matches!(at, Some(Some(_))))
}

type HostTuple = (
    i64,
    String,
    String,
    String,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    i64,
);

/// The brand's hosts, by name, with their number of parties.
pub async fn hosts(db: &Db, brand_id: i64) -> Result<Vec<HostRow>, AppError> {
    host_rows(db, brand_id, None).await
}

/// One host of the brand (404 for anyone else's).
pub async fn host(db: &Db, brand_id: i64, host_id: i64) -> Result<HostRow, AppError> {
    host_rows(db, brand_id, Some(host_id))
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

async fn host_rows(db: &Db, brand_id: i64, only: Option<i64>) -> Result<Vec<HostRow>, AppError> {
    let lang = page_lang();
    let tz = crate::base::brand::ssr::zone(db, brand_id).await?;
    let rows: Vec<HostTuple> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT u.id, u.display_name, u.email, u.city, u.joined_via, u.created_at, u.suspended_at,
                    (SELECT COUNT(*) FROM events e WHERE e.host_id = u.id AND e.cancelled_at IS NULL)
             FROM users u WHERE u.brand_id = $1 AND u.role = 'host' AND (CAST($2 AS BIGINT) IS NULL OR u.id = $2)
             ORDER BY lower(u.display_name), u.id",
        )
        .bind(brand_id)
        .bind(only)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, email, city, joined_via, joined, suspended, events)| HostRow {
                id,
                name,
                email,
                city,
                joined_via,
                joined: fmt::date_long(lang, joined, tz),
                suspended: suspended.is_some(),
                events,
            },
        )
        .collect())
}
