//! Who is asking: the signed-in user of a request (the session cookie), the
//! role checks every server function starts with, and password hashing.
//! `Gate` renders a page for the right user only.

use leptos::{either::Either, prelude::*};
use serde::{Deserialize, Serialize};

use crate::base::{error::AppError, l10n::Lang};

/// Renders `children` for the signed-in user, a redirect to sign-in for an
/// anonymous visitor, or a plain refusal for a user of another role.
#[component]
pub fn Gate<T, F, V>(
    /// The page's data, loaded through a server function that checks the role.
    data: Resource<Result<T, AppError>>,
    /// Where to come back after signing in.
    here: &'static str,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + for<'de> Deserialize<'de> + 'static,
    F: Fn(T) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let lang = crate::base::l10n::use_lang();
    view! {
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GATE_LOADING)}</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => Either::Left(children(value)),
                        Err(err) => Either::Right(gate_refusal(err, here, lang)),
                    }
                })
            }}
        </Suspense>
    }
}

/// What a visitor reads instead of the page: the way to sign in, or why
/// their account cannot see it, in the page's language.
fn gate_refusal(err: AppError, here: &'static str, lang: Lang) -> impl IntoView {
    use leptos_router::components::Redirect;
    match err {
        AppError::Unauthorized => Either::Left(view! {
            <Redirect path=format!("/login?next={here}") />
            <p><a href=format!("/login?next={here}")>{tr!(lang, ERROR_UNAUTHORIZED)}</a></p>
        }),
        other => Either::Right(view! {
            <div class="notice" role="alert">
                <h1>{tr!(lang, GATE_REFUSED_TITLE)}</h1>
                <p>{other.message(lang)}</p>
                <p><a href="/">{tr!(lang, GO_HOME)}</a></p>
            </div>
        }),
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::sync::OnceLock;

    use anyhow::Context;
    use argon2::{
        password_hash::{
            rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
        },
        Algorithm, Argon2, Params, Version,
    };
    use chrono::{DateTime, Duration, Utc};
    use http::header::{COOKIE, SET_COOKIE};
    use leptos::prelude::use_context;

    use crate::base::{
        account::{CurrentUser, NewPassword, Role},
        db::Db,
        error::AppError,
        state::app_state,
        tokens::hash_token,
    };
    use crate::on_db;

    /// Name of the session cookie.
    pub const SESSION_COOKIE: &str = "soiree_session";
    /// A session unused for this long is over.
    pub const IDLE_TIMEOUT: Duration = Duration::days(7);
    /// A session is over this long after sign-in, used or not.
    pub const ABSOLUTE_TIMEOUT: Duration = Duration::days(30);
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

    pub fn verify_password(password: &str, phc: &str) -> bool {
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
    pub fn dummy_hash() -> &'static str {
        static DUMMY: OnceLock<String> = OnceLock::new();
        DUMMY.get_or_init(|| {
            let pw = NewPassword::parse(&crate::base::tokens::random_hex::<24>(), "password")
                .expect("random password");
            hash_password(&pw).expect("hashing a random password")
        })
    }

    /// Password hashes (and verifications) running at once, at most: each
    /// holds 19 MiB and a core for tens of milliseconds. A flood of
    /// sign-ins queues here instead of exhausting memory; a request that
    /// waited [`HASH_WAIT`] in vain is answered `Busy`.
    pub fn hash_concurrency() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get() * 2)
    }

    /// How long a request waits for a hashing slot.
    pub const HASH_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

    static SLOTS: std::sync::LazyLock<tokio::sync::Semaphore> =
        std::sync::LazyLock::new(|| tokio::sync::Semaphore::new(hash_concurrency()));
    static RUNNING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    static PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    /// The most hashes that ever ran at once in this process (for tests).
    pub fn hash_peak() -> usize {
        PEAK.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Runs `work` (argon2) on a blocking thread once a slot is free.
    async fn with_slot<T: Send + 'static>(
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        use std::sync::atomic::Ordering::SeqCst;
        let _slot = tokio::time::timeout(HASH_WAIT, SLOTS.acquire())
            .await
            .map_err(|_| AppError::Busy)?
            .map_err(|_| AppError::Internal)?;
        let done = tokio::task::spawn_blocking(move || {
            let now = RUNNING.fetch_add(1, SeqCst) + 1;
            PEAK.fetch_max(now, SeqCst);
            let out = work();
            RUNNING.fetch_sub(1, SeqCst);
            out
        })
        .await
        .context("password hashing task")?;
        Ok(done)
    }

    /// Hashes a password off the async runtime (argon2 takes tens of milliseconds).
    pub async fn hash_off_thread(password: &NewPassword) -> Result<String, AppError> {
        let pw = password.clone();
        Ok(with_slot(move || hash_password(&pw)).await??)
    }

    /// Hashes a short secret that is not a password (a recovery code) as
    /// one: argon2id with a random salt, off the async runtime.
    pub async fn hash_secret_off_thread(secret: &str) -> Result<String, AppError> {
        let secret = secret.to_owned();
        let hashed = with_slot(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(secret.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| anyhow::anyhow!("argon2 hashing failed: {e}"))
        })
        .await??;
        Ok(hashed)
    }

    /// Checks a password against its PHC string off the async runtime.
    pub async fn verify_off_thread(password: &str, phc: String) -> Result<bool, AppError> {
        let pw = password.to_owned();
        with_slot(move || verify_password(&pw, &phc)).await
    }

    /// [`hash_off_thread`] for server functions.
    pub async fn hash_password_blocking(password: &NewPassword) -> Result<String, AppError> {
        hash_off_thread(password).await
    }

    #[derive(sqlx::FromRow)]
    pub struct UserRow {
        pub id: i64,
        pub brand_id: i64,
        pub email: String,
        pub display_name: String,
        pub role: String,
        pub password_hash: String,
    }

    impl UserRow {
        pub fn into_user(self) -> anyhow::Result<CurrentUser> {
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
             WHERE s.token_hash = $1 AND u.suspended_at IS NULL",
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

    /// The signed-in user behind a request's session cookie, for handlers
    /// outside Leptos; `None` without a valid session.
    pub async fn user_in(
        db: &Db,
        headers: &http::HeaderMap,
        now: DateTime<Utc>,
    ) -> Option<CurrentUser> {
        let raw = cookie_in(headers, SESSION_COOKIE)?;
        session_user(db, &raw, now).await.ok().flatten()
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

    /// Sends an HttpOnly, same-site (Lax) cookie for the whole site with
    /// this response; an empty `value` with `max_age` 0 makes the browser
    /// forget it.
    pub fn set_private_cookie(name: &str, value: &str, max_age: i64, secure: bool) {
        let secure = if secure { "; Secure" } else { "" };
        append_cookie(format!(
            "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
        ));
    }

    /// Sends the session cookie with this response.
    pub fn set_session_cookie(raw: &str, secure: bool) {
        set_private_cookie(SESSION_COOKIE, raw, ABSOLUTE_TIMEOUT.num_seconds(), secure);
    }

    /// Tells the browser to forget the session cookie.
    pub fn clear_session_cookie(secure: bool) {
        set_private_cookie(SESSION_COOKIE, "", 0, secure);
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
}
