//! Server-side accounts: password hashing, sessions, sign-in throttling and
//! the authorization helpers every server function calls.

use std::sync::OnceLock;

use anyhow::Context;
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use chrono::{DateTime, Duration, Utc};
use http::header::{COOKIE, SET_COOKIE};
use leptos::prelude::use_context;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::{
    domain::{EmailAddress, NewPassword},
    CurrentUser, Role,
};
use crate::{db::Db, error::AppError, on_db, state::app_state};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "soiree_session";
/// A session unused for this long is over.
pub const IDLE_TIMEOUT: Duration = Duration::days(7);
/// A session is over this long after sign-in, used or not.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::days(30);
/// Failed sign-ins counted within this window…
pub const LOCKOUT_WINDOW: Duration = Duration::minutes(15);
/// …lock the email once they reach this number.
pub const MAX_FAILURES: i64 = 5;
/// `last_seen_at` is refreshed at most this often, to keep reads cheap.
const TOUCH_EVERY: Duration = Duration::minutes(5);

fn argon2() -> Argon2<'static> {
    // OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
    let params = Params::new(19_456, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (argon2id, random salt).
pub fn hash_password(password: &NewPassword) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2 hashing failed: {e}"))
}

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the email is unknown, so that both failures
/// cost the same time.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut bytes = [0u8; 24];
        rand::thread_rng().fill_bytes(&mut bytes);
        let pw = NewPassword::parse(&hex::encode(bytes), "password").expect("random password");
        hash_password(&pw).expect("hashing a random password")
    })
}

/// A fresh random session token (256 bits, URL-safe) and its stored hash.
fn new_token() -> (String, String) {
    use base64::Engine as _;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_token(&raw);
    (raw, hash)
}

/// The SHA-256 of a token, as stored: the database never holds a usable token.
pub fn hash_token(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    brand_id: i64,
    email: String,
    display_name: String,
    role: String,
    password_hash: String,
}

impl UserRow {
    fn into_user(self) -> anyhow::Result<CurrentUser> {
        let role = Role::from_db(&self.role)
            .with_context(|| format!("user {} has an unknown role {:?}", self.id, self.role))?;
        Ok(CurrentUser {
            id: self.id,
            brand_id: self.brand_id,
            email: self.email,
            display_name: self.display_name,
            role,
        })
    }
}

/// Inserts a user; binds brand_id, email, display_name, role, password_hash, created_at.
pub const INSERT_USER_SQL: &str =
    "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

/// Hashes a password off the async runtime (argon2 takes tens of milliseconds).
pub async fn hash_password_blocking(password: &NewPassword) -> Result<String, AppError> {
    let pw = password.clone();
    Ok(tokio::task::spawn_blocking(move || hash_password(&pw))
        .await
        .context("password hashing task")??)
}

/// Creates a user of `brand_id`. A taken email is an `Invalid` error on `email`.
#[tracing::instrument(skip(db, password))]
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
            "Enter the person's name.",
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
            "An account with this email already exists.",
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

/// Signs in: checks the throttle, then the password; on success opens a new
/// session and returns the user with the raw session token for the cookie.
#[tracing::instrument(skip(db, password))]
pub async fn login(
    db: &Db,
    email_raw: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<(CurrentUser, String), AppError> {
    let email = EmailAddress::parse(email_raw, "email")?;
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }

    let since = now - LOCKOUT_WINDOW;
    let recent: Vec<DateTime<Utc>> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT failed_at FROM login_failures WHERE email = $1 AND failed_at > $2
             ORDER BY failed_at DESC LIMIT $3",
        )
        .bind(email.as_str())
        .bind(since)
        .bind(MAX_FAILURES)
        .fetch_all(pool)
        .await
    })?;
    if recent.len() as i64 >= MAX_FAILURES {
        let oldest = recent.last().copied().unwrap_or(now);
        let wait = (oldest + LOCKOUT_WINDOW - now).num_seconds().max(1);
        return Err(AppError::LockedOut {
            email: email.to_string(),
            minutes: (wait + 59) / 60,
        });
    }

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
    let pw = password.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&pw, &phc))
        .await
        .context("password verification task")?;

    let user = match row {
        Some(row) if matches => row.into_user()?,
        _ => {
            on_db!(db.writer(), |pool| {
                sqlx::query("INSERT INTO login_failures (email, failed_at) VALUES ($1, $2)")
                    .bind(email.as_str())
                    .bind(now)
                    .execute(pool)
                    .await
                    .map(|r| r.rows_affected())
            })?;
            tracing::info!("failed sign-in");
            return Err(AppError::WrongCredentials {
                email: email.to_string(),
            });
        }
    };

    let (raw, hash) = new_token();
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM login_failures WHERE email = $1")
            .bind(email.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
        )
        .bind(&hash)
        .bind(user.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    })?;
    tracing::info!(user_id = user.id, "signed in");
    Ok((user, raw))
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    session_id: i64,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    #[sqlx(flatten)]
    user: UserRow,
}

/// The user behind a raw session token, if the session is still valid.
/// Expired sessions are deleted on sight.
pub async fn session_user(
    db: &Db,
    raw: &str,
    now: DateTime<Utc>,
) -> Result<Option<CurrentUser>, AppError> {
    let hash = hash_token(raw);
    let row: Option<SessionRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT s.id AS session_id, s.created_at, s.last_seen_at,
                    u.id, u.brand_id, u.email, u.display_name, u.role, u.password_hash
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1",
        )
        .bind(&hash)
        .fetch_optional(pool)
        .await
    })?;
    let Some(row) = row else { return Ok(None) };
    if now - row.last_seen_at > IDLE_TIMEOUT || now - row.created_at > ABSOLUTE_TIMEOUT {
        on_db!(db.writer(), |pool| {
            sqlx::query("DELETE FROM sessions WHERE id = $1")
                .bind(row.session_id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        return Ok(None);
    }
    if now - row.last_seen_at > TOUCH_EVERY {
        on_db!(db.writer(), |pool| {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
                .bind(now)
                .bind(row.session_id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
    }
    Ok(Some(row.user.into_user()?))
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

// ---- request context -------------------------------------------------------

/// The raw session token of the current request's cookie.
pub fn session_cookie() -> Option<String> {
    read_cookie(SESSION_COOKIE)
}

/// The value of the cookie `wanted` on the current request.
pub fn read_cookie(wanted: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    cookie_in(&parts.headers, wanted)
}

/// The cookie `wanted` among request headers (for handlers outside Leptos).
pub fn cookie_in(headers: &http::HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty())
}

/// Sends the session cookie with this response.
pub fn set_session_cookie(raw: &str, secure: bool) {
    let max_age = ABSOLUTE_TIMEOUT.num_seconds();
    let secure = if secure { "; Secure" } else { "" };
    append_cookie(format!(
        "{SESSION_COOKIE}={raw}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ));
}

/// Tells the browser to forget the session cookie.
pub fn clear_session_cookie(secure: bool) {
    let secure = if secure { "; Secure" } else { "" };
    append_cookie(format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ));
}

/// Adds a `Set-Cookie` header to the response.
pub fn append_cookie(value: String) {
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&value),
    ) {
        res.append_header(SET_COOKIE, value);
    }
}

/// The signed-in user of this request, if any.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(raw) = session_cookie() else {
        return Ok(None);
    };
    let state = app_state()?;
    session_user(&state.db, &raw, Utc::now()).await
}

/// Any signed-in user, or `Unauthorized`.
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}

/// A signed-in host, or `Unauthorized` / `Forbidden`.
pub async fn require_host() -> Result<CurrentUser, AppError> {
    require_role(Role::Host).await
}

/// A signed-in brand admin, or `Unauthorized` / `Forbidden`.
pub async fn require_brand_admin() -> Result<CurrentUser, AppError> {
    require_role(Role::BrandAdmin).await
}

async fn require_role(role: Role) -> Result<CurrentUser, AppError> {
    let user = require_user().await?;
    if user.role == role {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}
