//! Becoming a host: the account (with a password nobody knows), a
//! single-use set-password link valid 48 hours and the welcome mail, written
//! in one transaction with the row the host came from marked approved. Host
//! applications, direct invitations and bookings all come through here, and
//! so do the kind "no" they may get instead.

use chrono::{DateTime, Duration, Utc};

use crate::{
    base::{
        account::{EmailAddress, NewPassword, Role},
        db::{Db, Tx},
        error::AppError,
        l10n::{page_lang, resolve::brand_language_of, Lang},
        mail::{plain, QueuedMail},
        state::AppConfig,
        tokens::{hash_token, random_token},
    },
    on_tx,
};

/// How long a set-password link works.
pub const LINK_VALID: Duration = Duration::hours(48);

/// The INSERT of a guest's request to host (a booking), to run on the
/// caller's transaction; binds brand, party, name, email, time. A second
/// request from the same email for the same party is ignored.
pub const REQUEST_SQL: &str =
    "INSERT INTO booking_requests (brand_id, from_event_id, name, email, created_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (from_event_id, email) DO NOTHING";

/// How a new host came to the brand; the row to mark approved, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    Application(i64),
    Booking(i64),
    Invitation,
}

impl Joined {
    fn as_db(self) -> &'static str {
        match self {
            Joined::Application(_) => "application",
            Joined::Booking(_) => "booking",
            Joined::Invitation => "invitation",
        }
    }

    /// The form field a refusal belongs to: the email typed for a direct
    /// invitation, the row answered otherwise.
    fn field(self) -> &'static str {
        match self {
            Joined::Invitation => "email",
            _ => "id",
        }
    }
}

/// Why someone could not be made a host.
#[derive(Debug, thiserror::Error)]
pub enum OnboardError {
    #[error("{email} already has an account.")]
    HasAccount { email: String, field: &'static str },
    #[error("This request was already answered.")]
    AlreadyAnswered,
    #[error("onboarding: {0}")]
    Database(#[from] sqlx::Error),
    #[error("onboarding: {0:#}")]
    Unexpected(#[from] anyhow::Error),
}

/// The refusal the brand admin reads, in the page's language.
impl From<OnboardError> for AppError {
    fn from(err: OnboardError) -> AppError {
        match err {
            OnboardError::HasAccount { email, field } => AppError::invalid(
                field,
                tr!(page_lang(), ONBOARD_ERROR_HAS_ACCOUNT, email = email),
            ),
            OnboardError::AlreadyAnswered => {
                AppError::invalid("id", tr!(page_lang(), BOOKING_REQUEST_ANSWERED))
            }
            OnboardError::Database(e) => e.into(),
            OnboardError::Unexpected(e) => e.into(),
        }
    }
}

/// Whether an account uses this email.
pub async fn has_account(db: &Db, email: &EmailAddress) -> Result<bool, sqlx::Error> {
    let n: i64 = crate::on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_one(pool)
            .await
    })?;
    Ok(n > 0)
}

/// The language a newcomer reads their welcome in. They have no account
/// yet, so no language of their own: a guest who asked to host reads their
/// party's, as they did as a guest; anyone else the brand's.
async fn welcome_language(db: &Db, who: &Newcomer<'_>) -> anyhow::Result<Lang> {
    if let Joined::Booking(id) = who.joined {
        let code: Option<String> = crate::on_db!(db.reader(), |pool| {
            sqlx::query_scalar(concat!(
                "SELECT ",
                crate::party_language_sql!(),
                " FROM booking_requests r
                 JOIN events e ON e.id = r.from_event_id JOIN brands b ON b.id = e.brand_id
                 WHERE r.id = $1"
            ))
            .bind(id)
            .fetch_optional(pool)
            .await
        })?;
        if let Some(lang) = code.as_deref().and_then(Lang::parse) {
            return Ok(lang);
        }
    }
    brand_language_of(db, who.brand_id)
        .await
        .map_err(|e| anyhow::anyhow!("reading the brand's language: {e}"))
}

/// The newcomer's welcome mail from `brand`, in `lang`, with the
/// set-password link of `token`.
fn welcome_mail(
    config: &AppConfig,
    lang: Lang,
    brand: &str,
    who: &Newcomer<'_>,
    token: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<QueuedMail> {
    let link = config.public_url.join(&format!("/welcome/{token}"))?;
    let opening = match who.joined {
        Joined::Invitation => tr!(lang, WELCOME_MAIL_INVITED, brand = brand),
        _ => tr!(lang, WELCOME_MAIL_APPROVED, brand = brand),
    };
    plain(
        config,
        who.name,
        who.email.as_str(),
        tr!(lang, WELCOME_MAIL_SUBJECT, brand = brand),
        format!(
            "{}\n\n{opening} {}\n{link}\n\n{}\n",
            tr!(lang, MAIL_HELLO_NAME, name = who.name),
            tr!(lang, WELCOME_MAIL_SET_PASSWORD),
            tr!(lang, WELCOME_MAIL_LINK_ONCE),
        ),
        None,
        now,
    )
}

/// Someone to make a host of a brand.
#[derive(Debug, Clone)]
pub struct Newcomer<'a> {
    pub brand_id: i64,
    pub name: &'a str,
    pub email: &'a EmailAddress,
    pub city: &'a str,
    pub joined: Joined,
}

/// Makes the newcomer a host, in one transaction: the account, the
/// set-password link, the welcome mail and the source row (application or
/// booking) marked approved. Returns the new user's id.
pub async fn onboard(
    db: &Db,
    config: &AppConfig,
    who: &Newcomer<'_>,
    now: DateTime<Utc>,
) -> Result<i64, OnboardError> {
    let taken = || OnboardError::HasAccount {
        email: who.email.as_str().to_owned(),
        field: who.joined.field(),
    };
    if has_account(db, who.email).await? {
        return Err(taken());
    }
    let brand = crate::base::brand::ssr::name(db, who.brand_id)
        .await
        .map_err(|e| anyhow::anyhow!("reading the brand's name: {e}"))?;
    let lang = welcome_language(db, who).await?;
    let token = random_token();
    let welcome = welcome_mail(config, lang, &brand, who, &token, now)?;
    // A password nobody knows until the link sets one.
    let secret = NewPassword::parse(&random_token(), "password")
        .map_err(|e| anyhow::anyhow!("a random password was refused: {e}"))?;
    let hash = crate::base::auth::ssr::hash_off_thread(&secret)
        .await
        .map_err(|e| anyhow::anyhow!("hashing a new host's password: {e}"))?;
    let mut tx = db.begin().await?;
    let user = match insert_host(&mut tx, who, &hash, now).await {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Err(taken()),
        other => other?,
    };
    if !mark_approved(&mut tx, who, user, now).await? {
        return Err(OnboardError::AlreadyAnswered);
    }
    on_tx!(&mut tx, |c| {
        sqlx::query(
            "INSERT INTO password_tokens (user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(user)
        .bind(hash_token(&token))
        .bind(now + LINK_VALID)
        .bind(now)
        .execute(&mut *c)
        .await?;
        crate::base::mail::insert_query(&welcome)
            .execute(&mut *c)
            .await?;
    });
    tx.commit().await?;
    Ok(user)
}

async fn insert_host(
    tx: &mut Tx,
    who: &Newcomer<'_>,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at, city, joined_via)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(who.brand_id)
    .bind(who.email.as_str())
    .bind(who.name.trim())
    .bind(Role::Host.as_db())
    .bind(hash)
    .bind(now)
    .bind(who.city.trim())
    .bind(who.joined.as_db())
    .fetch_one(&mut *c)
    .await
    })
}

/// Marks the application or booking approved (and records, for a booking,
/// the party the host was booked from). False when it was already answered.
async fn mark_approved(
    tx: &mut Tx,
    who: &Newcomer<'_>,
    user: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let (sql, id) = match who.joined {
        Joined::Invitation => return Ok(true),
        Joined::Application(id) => (
            "UPDATE host_applications SET status = 'approved', decided_at = $1, user_id = $2
             WHERE id = $3 AND brand_id = $4 AND status = 'pending'",
            id,
        ),
        Joined::Booking(id) => (
            "UPDATE booking_requests SET status = 'approved', decided_at = $1, user_id = $2
             WHERE id = $3 AND brand_id = $4 AND status = 'pending'",
            id,
        ),
    };
    on_tx!(tx, |c| {
        let moved = sqlx::query(sql)
            .bind(now)
            .bind(user)
            .bind(id)
            .bind(who.brand_id)
            .execute(&mut *c)
            .await?
            .rows_affected();
        if let Joined::Booking(id) = who.joined {
            sqlx::query(
                "UPDATE users SET booked_from_event_id =
                   (SELECT from_event_id FROM booking_requests WHERE id = $1) WHERE id = $2",
            )
            .bind(id)
            .bind(user)
            .execute(&mut *c)
            .await?;
        }
        Ok(moved > 0)
    })
}

/// Declines a waiting application or booking and queues the kind mail,
/// together; `AlreadyAnswered` when someone answered it first.
pub async fn decline(
    db: &Db,
    joined: Joined,
    sorry: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<(), OnboardError> {
    let (sql, id) = match joined {
        Joined::Invitation => return Ok(()),
        Joined::Application(id) => (
            "UPDATE host_applications SET status = 'declined', decided_at = $1 WHERE id = $2 AND status = 'pending'",
            id,
        ),
        Joined::Booking(id) => (
            "UPDATE booking_requests SET status = 'declined', decided_at = $1 WHERE id = $2 AND status = 'pending'",
            id,
        ),
    };
    let mut tx = db.begin().await?;
    let moved = on_tx!(&mut tx, |c| sqlx::query(sql)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await?
        .rows_affected());
    if moved == 0 {
        return Err(OnboardError::AlreadyAnswered);
    }
    on_tx!(&mut tx, |c| {
        crate::base::mail::insert_query(sorry)
            .execute(&mut *c)
            .await?;
    });
    tx.commit().await?;
    Ok(())
}
