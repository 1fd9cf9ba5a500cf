//! Server-side accounts: creating users, setting passwords, signing in
//! (with its throttle) and out. Sessions, role checks and hashing live in
//! `base::auth`.

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};

use crate::{
    base::{
        account::{CurrentUser, EmailAddress, NewPassword, Role},
        auth::ssr::{dummy_hash, hash_password_blocking, UserRow},
        db::Db,
        error::AppError,
        tokens::{hash_token, random_token},
    },
    on_db,
};

/// Failed sign-ins of one email from one client address counted within
/// this window…
pub const LOCKOUT_WINDOW: Duration = Duration::minutes(15);
/// …lock that email for that client once they reach this number. Another
/// address (the real owner's) is not locked out by an attacker's failures;
/// the rate limit on sign-ins (`server/src/limits.rs`) slows an attacker who
/// spreads over many accounts.
pub const MAX_FAILURES: i64 = 5;
/// Inserts a user; binds brand_id, email, display_name, role, password_hash, created_at.
pub const INSERT_USER_SQL: &str =
    "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

/// Creates a user of `brand_id`. A taken email is an `Invalid` error on `email`.
#[tracing::instrument(skip_all)]
pub async fn create_user(
    db: &Db,
    brand_id: i64,
    email: &EmailAddress,
    display_name: &str,
    role: Role,
    password: &NewPassword,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let display_name = display_name.trim();
    if display_name.is_empty() {
        return Err(AppError::invalid(
            "display_name",
            tr!(crate::base::l10n::page_lang(), ACCOUNT_ENTER_NAME),
        ));
    }
    let hash = hash_password_blocking(password).await?;
    let sql = INSERT_USER_SQL;
    let result: Result<i64, sqlx::Error> = on_db!(db.writer(), |pool| {
        sqlx::query_scalar(sql)
            .bind(brand_id)
            .bind(email.as_str())
            .bind(display_name)
            .bind(role.as_db())
            .bind(&hash)
            .bind(now)
            .fetch_one(pool)
            .await
    });
    match result {
        Ok(id) => Ok(id),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(AppError::invalid(
            "email",
            tr!(crate::base::l10n::page_lang(), ACCOUNT_EMAIL_TAKEN),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Sets a new password for the user with this email (used by `create-admin`
/// on an existing account). Ends every session of that user.
pub async fn set_password(
    db: &Db,
    email: &EmailAddress,
    password: &NewPassword,
) -> Result<bool, AppError> {
    let hash = hash_password_blocking(password).await?;
    let updated = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let id: Option<i64> =
            sqlx::query_scalar("UPDATE users SET password_hash = $1 WHERE email = $2 RETURNING id")
                .bind(&hash)
                .bind(email.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(id) = id {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(id.is_some())
    })?;
    Ok(updated)
}

/// What a right password leads to.
#[derive(Debug)]
pub enum Signed {
    /// A new session: the user, and the raw token for the cookie.
    In(CurrentUser, String),
    /// The account asks for a code too: the raw token of the challenge
    /// that [`super::two_step::ssr::answer`] takes with the code.
    SecondStep(String),
}

/// Signs in: checks the throttle, then the password; on success opens a new
/// session (or, when the account has two-step sign-in, a challenge for its
/// code) and returns its raw token for the cookie.
#[tracing::instrument(skip_all)]
pub async fn login(
    db: &Db,
    email_raw: &str,
    password: &str,
    next: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Signed, AppError> {
    let mut mistakes = crate::base::error::Mistakes::default();
    let email = mistakes.check(EmailAddress::parse(email_raw, "email"));
    if password.is_empty() {
        mistakes.note(
            "password",
            tr!(crate::base::l10n::page_lang(), LOGIN_ENTER_PASSWORD),
        );
    }
    mistakes.finish()?;
    let email = email.ok_or(AppError::Internal)?;

    let client = crate::base::client::ClientAddr::current().to_string();
    claim_attempt(db, &email, &client, now).await?;

    let row: Option<UserRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, brand_id, email, display_name, role, password_hash FROM users WHERE email = $1",
        )
        .bind(email.as_str())
        .fetch_optional(pool)
        .await
    })?;
    // Unknown email or not, one argon2 verification runs: the answer and its
    // timing do not tell whether an account exists.
    let phc = row
        .as_ref()
        .map(|r| r.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    let matches = crate::base::auth::ssr::verify_off_thread(password, phc).await?;

    let user = match row {
        Some(row) if matches => row.into_user()?,
        _ => {
            // The attempt recorded above stays, as this failure.
            tracing::info!(%client, "failed sign-in");
            return Err(AppError::WrongCredentials {
                email: email.to_string(),
            });
        }
    };

    // The right password of a suspended host: said plainly (only the owner
    // of the password reads it), and no session.
    let suspended: Option<DateTime<Utc>> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT suspended_at FROM users WHERE id = $1")
            .bind(user.id)
            .fetch_one(pool)
            .await
    })?;
    if suspended.is_some() {
        return Err(AppError::invalid(
            "email",
            tr!(crate::base::l10n::page_lang(), LOGIN_SUSPENDED),
        ));
    }

    if super::two_step::ssr::is_on(db, user.id).await? {
        let challenge = super::two_step::ssr::challenge(db, user.id, next, now).await?;
        tracing::info!(user_id = user.id, "password right: asking for the code");
        return Ok(Signed::SecondStep(challenge));
    }
    let raw = open_session(db, &email, &client, user.id, now).await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(Signed::In(user, raw))
}

/// Records a sign-in attempt of `email` from `client` as a failure (a
/// success removes it), then refuses it when that makes more than
/// [`MAX_FAILURES`] within the window.
async fn claim_attempt(
    db: &Db,
    email: &EmailAddress,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // The attempt is recorded first, as a failure, then counted, one
    // attempt at a time: no burst gets past the limit. A success removes it
    // (and the earlier failures) below.
    let since = now - LOCKOUT_WINDOW;
    // SQLite has one writer at a time; PostgreSQL's transactions would not
    // see each other's attempts, so they take turns on a lock of their own.
    let turn = match db.engine() {
        crate::base::db::Engine::Postgres => Some("SELECT pg_advisory_xact_lock(hashtext($1))"),
        crate::base::db::Engine::Sqlite => None,
    };
    let recent: Vec<DateTime<Utc>> = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        if let Some(lock) = turn {
            sqlx::query(lock)
                .bind(format!("sign-in\n{}\n{client}", email.as_str()))
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("INSERT INTO login_failures (email, client, failed_at) VALUES ($1, $2, $3)")
            .bind(email.as_str())
            .bind(client)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let recent = sqlx::query_scalar(
            "SELECT failed_at FROM login_failures WHERE email = $1 AND client = $2 AND failed_at > $3
             ORDER BY failed_at DESC LIMIT $4",
        )
        .bind(email.as_str())
        .bind(client)
        .bind(since)
        .bind(MAX_FAILURES + 1)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(recent)
    })?;
    if recent.len() as i64 > MAX_FAILURES {
        let oldest = recent.last().copied().unwrap_or(now);
        let wait = (oldest + LOCKOUT_WINDOW - now).num_seconds().max(1);
        tracing::info!(%client, "sign-in locked for this email and client");
        return Err(AppError::LockedOut {
            email: email.to_string(),
            minutes: (wait + 59) / 60,
        });
    }

    Ok(())
}

/// Opens a session for `user_id`, forgetting the failures of `email` from
/// `client`; returns the raw token for the cookie.
pub(super) async fn open_session(
    db: &Db,
    email: &EmailAddress,
    client: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let raw = random_token();
    let hash = hash_token(&raw);
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM login_failures WHERE email = $1 AND client = $2")
            .bind(email.as_str())
            .bind(client)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
        )
        .bind(&hash)
        .bind(user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    })?;
    Ok(raw)
}

/// Deletes the session of this raw token, if there is one.
pub async fn end_session(db: &Db, raw: &str) -> Result<(), AppError> {
    on_db!(db.writer(), |pool| {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(hash_token(raw))
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Spends a set-password link: checks it (unused, not expired), sets the
/// password and returns the account's email.
pub async fn use_password_token(
    db: &Db,
    token: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let password = NewPassword::parse(password, "password")?;
    let lang = crate::base::l10n::page_lang();
    let expired = move || AppError::invalid("password", tr!(lang, WELCOME_LINK_EXPIRED));
    type Link = (i64, i64, DateTime<Utc>, Option<DateTime<Utc>>);
    let found: Option<Link> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, user_id, expires_at, used_at FROM password_tokens WHERE token_hash = $1",
        )
        .bind(hash_token(token))
        .fetch_optional(pool)
        .await
    })?;
    let (token_id, user_id, expires, used) = found.ok_or_else(expired)?;
    if used.is_some() || now >= expires {
        return Err(expired());
    }
    let hash = hash_password_blocking(&password).await?;
    let email: Option<String> = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let claimed = sqlx::query(
            "UPDATE password_tokens SET used_at = $1 WHERE id = $2 AND used_at IS NULL",
        )
        .bind(now)
        .bind(token_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            return Err(expired());
        }
        let email: Option<String> =
            sqlx::query_scalar("UPDATE users SET password_hash = $1 WHERE id = $2 RETURNING email")
                .bind(&hash)
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        // A new password ends every session opened with the old one.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        email
    });
    email.ok_or_else(expired)
}

/// A reset link is valid this long.
pub const RESET_VALID: Duration = Duration::hours(1);
/// One account gets at most one reset link this often: the form cannot
/// flood a mailbox.
pub const RESET_EVERY: Duration = Duration::minutes(5);

/// Mails a single-use link to choose a new password, when an active
/// account uses `email_raw`; answers the same whether one does or not.
#[tracing::instrument(skip_all)]
pub async fn request_reset(
    db: &Db,
    config: &crate::base::state::AppConfig,
    email_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let email = EmailAddress::parse(email_raw, "email")?;
    type Account = (i64, String, Option<DateTime<Utc>>, Option<DateTime<Utc>>);
    let account: Option<Account> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT u.id, u.display_name, u.suspended_at,
                    (SELECT MAX(t.created_at) FROM password_tokens t WHERE t.user_id = u.id)
             FROM users u WHERE u.email = $1",
        )
        .bind(email.as_str())
        .fetch_optional(pool)
        .await
    })?;
    let Some((user_id, name, None, last_link)) = account else {
        return Ok(());
    };
    if last_link.is_some_and(|at| now - at < RESET_EVERY) {
        tracing::info!(
            user_id,
            "password reset asked again within minutes: no new link"
        );
        return Ok(());
    }
    let lang = crate::base::l10n::page_lang();
    let token = random_token();
    let link = config
        .public_url
        .join(&format!("/reset/{token}"))
        .context("the reset link")?;
    let mail = crate::base::mail::plain(
        config,
        &name,
        email.as_str(),
        tr!(lang, RESET_MAIL_SUBJECT),
        format!(
            "{}\n\n{}\n{link}\n\n{}\n",
            tr!(lang, MAIL_HELLO_NAME, name = name.as_str()),
            tr!(lang, RESET_MAIL_BODY),
            tr!(lang, RESET_MAIL_NOT_YOU),
        ),
        None,
        now,
    )?;
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO password_tokens (user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(user_id)
        .bind(hash_token(&token))
        .bind(now + RESET_VALID)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        crate::base::mail::insert_query(&mail)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    })?;
    tracing::info!(user_id, "password reset link mailed");
    Ok(())
}

/// Ends every session of the user (sign out everywhere).
pub async fn end_all_sessions(db: &Db, user_id: i64) -> Result<(), AppError> {
    on_db!(db.writer(), |pool| {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}
