//! Two-step sign-in for brand admins: after the password, a 6-digit code
//! from an authenticator app (TOTP, RFC 6238) or one of ten single-use
//! recovery codes. Turned on at `/account/two-step` by scanning a QR code
//! and typing a first code; asked at `/login/code` on every sign-in after.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{Field, FormError},
    l10n::use_lang,
};

/// Whether two-step sign-in is on, how many recovery codes are left, and
/// the set-up under way (a secret not in force yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoStep {
    pub on: bool,
    pub recovery_left: i64,
    pub pending: Option<Setup>,
}

/// What the app scans to start: the secret as a QR code and as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    pub secret: String,
    pub qr_svg: String,
}

#[server(prefix = "/api", endpoint = "two_step", input = server_fn::codec::GetUrl)]
pub async fn get_two_step() -> Result<TwoStep, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::status(&state.db, &admin).await
    })
    .await
}

/// A new secret to scan (not in force until a first code proves the scan);
/// the page shows it.
#[server(prefix = "/api", endpoint = "start_two_step")]
pub async fn start_two_step() -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::start(&state.db, &admin).await
    })
    .await
}

/// Turns two-step sign-in on with a first code; answers the recovery codes,
/// shown this once.
#[server(prefix = "/api", endpoint = "confirm_two_step")]
pub async fn confirm_two_step(code: String) -> Result<Vec<String>, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::confirm(&state.db, admin.id, &code, chrono::Utc::now()).await
    })
    .await
}

/// Turns two-step sign-in off, with a code (or a recovery code).
#[server(prefix = "/api", endpoint = "stop_two_step")]
pub async fn stop_two_step(code: String) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::turn_off(&state.db, admin.id, &code, chrono::Utc::now()).await
    })
    .await
}

/// The second step of a sign-in: the code of the challenge in the cookie.
#[server(prefix = "/api", endpoint = "sign_in_code")]
pub async fn sign_in_code(code: String) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let raw = crate::base::auth::ssr::read_cookie(ssr::CHALLENGE_COOKIE)
            .ok_or_else(|| ssr::expired(crate::base::l10n::page_lang()))?;
        let (user, session, next) = ssr::answer(&state.db, &raw, &code, chrono::Utc::now()).await?;
        ssr::clear_challenge_cookie(state.config.session_secure);
        crate::base::auth::ssr::set_session_cookie(&session, state.config.session_secure);
        leptos_axum::redirect(&super::safe_next(next.as_deref(), user.role));
        Ok(())
    })
    .await
}

/// `/login/code`: the code after the password.
#[component]
pub fn SecondStepPage() -> impl IntoView {
    let lang = use_lang();
    let send = ServerAction::<SignInCode>::new();
    let error = Signal::derive(move || send.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, TWO_STEP_CODE_PAGE_TITLE) />
        <section class="form-card" aria-labelledby="code-title">
            <h1 id="code-title">{tr!(lang, TWO_STEP_CODE_TITLE)}</h1>
            <p>{tr!(lang, TWO_STEP_CODE_TEXT)}</p>
            <ActionForm action=send attr:class="form" attr:novalidate="">
                <FormError error />
                <Field id="code" label=tr!(lang, TWO_STEP_CODE) hint=tr!(lang, TWO_STEP_CODE_HINT) value=""
                    inputmode="numeric" autocomplete="one-time-code" required=true error />
                <button type="submit" class="button primary" disabled=move || send.pending().get()>{tr!(lang, TWO_STEP_CODE_SUBMIT)}</button>
            </ActionForm>
            <p><a href="/login">{tr!(lang, TWO_STEP_START_AGAIN)}</a></p>
        </section>
    }
}

/// The recovery codes, shown once.
fn recovery_list(lang: crate::base::l10n::Lang, codes: Vec<String>) -> impl IntoView {
    view! {
        <div class="report" role="status" data-testid="recovery-codes">
            <p>{tr!(lang, TWO_STEP_RECOVERY_TEXT)}</p>
            <ul class="recovery-codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
        </div>
    }
}

/// The set-up: a QR code, the secret as text, and the first code. The
/// page works without JavaScript: each form reloads it.
fn set_up(
    lang: crate::base::l10n::Lang,
    pending: Option<Setup>,
    start: ServerAction<StartTwoStep>,
    confirm: ServerAction<ConfirmTwoStep>,
) -> AnyView {
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    match pending {
        Some(setup) => view! {
            <p>{tr!(lang, TWO_STEP_SCAN)}</p>
            <div class="qr" role="img" aria-label=tr!(lang, TWO_STEP_QR) inner_html=setup.qr_svg></div>
            <p>{tr!(lang, TWO_STEP_SECRET)}" "<code data-testid="two-step-secret">{setup.secret}</code></p>
            <ActionForm action=confirm attr:class="form" attr:novalidate="">
                <FormError error />
                <Field id="first-code" name="code" field="code" label=tr!(lang, TWO_STEP_CODE) value=""
                    inputmode="numeric" autocomplete="one-time-code" required=true error />
                <button type="submit" class="button primary">{tr!(lang, TWO_STEP_TURN_ON)}</button>
            </ActionForm>
        }
        .into_any(),
        None => view! {
            <p>{tr!(lang, TWO_STEP_OFF_TEXT)}</p>
            <ActionForm action=start attr:class="form">
                <button type="submit" class="button primary">{tr!(lang, TWO_STEP_START)}</button>
            </ActionForm>
        }
        .into_any(),
    }
}

/// `/account/two-step`: two-step sign-in, on or off.
#[component]
pub fn TwoStepPage() -> impl IntoView {
    let lang = use_lang();
    let start = ServerAction::<StartTwoStep>::new();
    let confirm = crate::base::forms::action::<ConfirmTwoStep>();
    let stop = ServerAction::<StopTwoStep>::new();
    let state = Resource::new(
        move || {
            (
                start.version().get(),
                confirm.version().get(),
                stop.version().get(),
            )
        },
        |_| get_two_step(),
    );
    let error = Signal::derive(move || stop.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, TWO_STEP_PAGE_TITLE) />
        <BrandNav />
        <h1>{tr!(lang, TWO_STEP_TITLE)}</h1>
        {move || match confirm.value().get() {
            Some(Ok(codes)) => Some(recovery_list(lang, codes)),
            _ => None,
        }}
        <Gate data=state here="/account/two-step" children=move |s: TwoStep| {
            if s.on {
                view! {
                    <p class="report" data-testid="two-step-on">{tr!(lang, TWO_STEP_ON_TEXT, left = s.recovery_left)}</p>
                    <ActionForm action=stop attr:class="form" attr:novalidate="">
                        <FormError error />
                        <Field id="off-code" name="code" field="code" label=tr!(lang, TWO_STEP_CODE) hint=tr!(lang, TWO_STEP_CODE_HINT) value=""
                            autocomplete="one-time-code" required=true error />
                        <button type="submit" class="button">{tr!(lang, TWO_STEP_TURN_OFF)}</button>
                    </ActionForm>
                }.into_any()
            } else {
                set_up(lang, s.pending, start, confirm)
            }
        } />
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Duration, Utc};

    use super::{Setup, TwoStep};
    use crate::{
        base::{
            account::{CurrentUser, EmailAddress},
            auth::ssr::UserRow,
            db::Db,
            error::AppError,
            l10n::Lang,
            tokens::{hash_token, random_token},
            totp,
        },
        on_db,
    };

    /// The cookie that carries a sign-in between password and code.
    pub const CHALLENGE_COOKIE: &str = "soiree_challenge";
    /// How long the code may take after the password.
    const CHALLENGE_LIFE: Duration = Duration::minutes(10);
    /// Wrong codes after which the challenge ends (the password again).
    const MAX_WRONG: i64 = 5;

    pub fn set_challenge_cookie(raw: &str, secure: bool) {
        let age = CHALLENGE_LIFE.num_seconds();
        crate::base::auth::ssr::set_private_cookie(CHALLENGE_COOKIE, raw, age, secure);
    }

    pub fn clear_challenge_cookie(secure: bool) {
        crate::base::auth::ssr::set_private_cookie(CHALLENGE_COOKIE, "", 0, secure);
    }

    /// The error of a sign-in whose challenge is over.
    pub fn expired(lang: Lang) -> AppError {
        AppError::invalid("code", tr!(lang, TWO_STEP_EXPIRED))
    }

    fn wrong(lang: Lang) -> AppError {
        AppError::invalid("code", tr!(lang, TWO_STEP_WRONG_CODE))
    }

    pub async fn is_on(db: &Db, user_id: i64) -> Result<bool, AppError> {
        let on: bool = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT totp_secret IS NOT NULL FROM users WHERE id = $1"
        )
        .bind(user_id)
        .fetch_one(pool)
        .await)?;
        Ok(on)
    }

    /// The page's state; a set-up under way comes with its QR code.
    pub async fn status(db: &Db, user: &CurrentUser) -> Result<TwoStep, AppError> {
        let (on, recovery_left, pending): (bool, i64, Option<String>) = on_db!(
            db.reader(),
            |pool| {
                sqlx::query_as(
                "SELECT u.totp_secret IS NOT NULL,
                        (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL),
                        u.totp_pending
                 FROM users u WHERE u.id = $1"
            )
            .bind(user.id)
            .fetch_one(pool)
            .await
            }
        )?;
        let pending = match pending.filter(|_| !on) {
            Some(secret) => {
                let brand = crate::base::brand::ssr::name(db, user.brand_id).await?;
                let uri = totp::uri(&format!("Soirée {brand}"), user.email.as_str(), &secret);
                Some(Setup {
                    qr_svg: crate::base::media::qr_svg(&uri).unwrap_or_default(),
                    secret,
                })
            }
            None => None,
        };
        Ok(TwoStep {
            on,
            recovery_left,
            pending,
        })
    }

    /// Keeps a new secret aside until a first code proves the app has it.
    pub async fn start(db: &Db, user: &CurrentUser) -> Result<(), AppError> {
        let secret = totp::new_secret();
        let updated = on_db!(db.writer(), |pool| sqlx::query(
            "UPDATE users SET totp_pending = $1 WHERE id = $2 AND totp_secret IS NULL"
        )
        .bind(&secret)
        .bind(user.id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        if updated == 0 {
            return Err(AppError::invalid(
                "code",
                tr!(crate::base::l10n::page_lang(), TWO_STEP_ALREADY_ON),
            ));
        }
        Ok(())
    }

    /// Puts the kept secret in force when `code` is its code; answers ten
    /// new recovery codes.
    pub async fn confirm(
        db: &Db,
        user_id: i64,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let lang = crate::base::l10n::page_lang();
        let pending: Option<String> = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT totp_pending FROM users WHERE id = $1 AND totp_secret IS NULL"
        )
        .bind(user_id)
        .fetch_one(pool)
        .await)?;
        let pending = pending.ok_or_else(|| expired(lang))?;
        let step =
            totp::matching_step(&pending, code, now.timestamp()).ok_or_else(|| wrong(lang))?;
        let codes = totp::recovery_codes();
        // Salted argon2id each (40 bits are few: ASVS V6.5.2).
        let mut hashes = Vec::with_capacity(codes.len());
        for code in &codes {
            hashes.push(
                crate::base::auth::ssr::hash_secret_off_thread(&totp::normal_recovery(code))
                    .await?,
            );
        }
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $1
                 WHERE id = $2 AND totp_pending = $3",
            )
            .bind(step)
            .bind(user_id)
            .bind(&pending)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            for hash in &hashes {
                sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                    .bind(user_id)
                    .bind(hash)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        })?;
        tracing::info!(user_id, "two-step sign-in turned on");
        Ok(codes)
    }

    /// Whether `code` is the account's current code (never one used
    /// before) or one of its unused recovery codes, which it uses up.
    async fn check(
        db: &Db,
        user_id: i64,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let secret: Option<String> = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT totp_secret FROM users WHERE id = $1"
        )
        .bind(user_id)
        .fetch_one(pool)
        .await)?;
        let Some(secret) = secret else {
            return Ok(false);
        };
        if let Some(step) = totp::matching_step(&secret, code, now.timestamp()) {
            // Atomic: of two uses of one code, one wins.
            let used = on_db!(db.writer(), |pool| sqlx::query(
                "UPDATE users SET totp_last_step = $1
                 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)"
            )
            .bind(step)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
            return Ok(used == 1);
        }
        use_recovery(db, user_id, code, now).await
    }

    /// Uses up the unused recovery code `typed` is, if it is one.
    async fn use_recovery(
        db: &Db,
        user_id: i64,
        typed: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let typed = totp::normal_recovery(typed);
        if typed.len() != 8 {
            return Ok(false);
        }
        let unused: Vec<(i64, String)> = on_db!(db.reader(), |pool| sqlx::query_as(
            "SELECT id, code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL"
        )
        .bind(user_id)
        .fetch_all(pool)
        .await)?;
        for (id, hash) in unused {
            if !crate::base::auth::ssr::verify_off_thread(&typed, hash).await? {
                continue;
            }
            // Atomic: of two uses of one code, one wins.
            let used = on_db!(db.writer(), |pool| sqlx::query(
                "UPDATE recovery_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL"
            )
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
            tracing::info!(user_id, "a recovery code was used");
            return Ok(used == 1);
        }
        Ok(false)
    }

    pub async fn turn_off(
        db: &Db,
        user_id: i64,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        if !check(db, user_id, code, now).await? {
            return Err(wrong(crate::base::l10n::page_lang()));
        }
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = $1",
            )
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        })?;
        tracing::info!(user_id, "two-step sign-in turned off");
        Ok(())
    }

    /// Opens the challenge of a right password; returns its raw token.
    pub async fn challenge(
        db: &Db,
        user_id: i64,
        next: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let raw = random_token();
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at < $1")
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO sign_in_challenges (token_hash, user_id, next, expires_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(hash_token(&raw))
            .bind(user_id)
            .bind(next.map(|n| n.chars().take(2000).collect::<String>()))
            .bind(now + CHALLENGE_LIFE)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        })?;
        Ok(raw)
    }

    /// Answers a challenge with `code`: a right code opens the session
    /// (returns the user, the raw session token and where to go); a wrong
    /// one counts, and the fifth ends the challenge.
    pub async fn answer(
        db: &Db,
        raw: &str,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<(CurrentUser, String, Option<String>), AppError> {
        let lang = crate::base::l10n::page_lang();
        let hash = hash_token(raw);
        let found: Option<(i64, Option<String>)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
            "SELECT user_id, next FROM sign_in_challenges WHERE token_hash = $1 AND expires_at > $2"
        )
        .bind(&hash)
        .bind(now)
        .fetch_optional(pool)
        .await
        })?;
        let (user_id, next) = found.ok_or_else(|| expired(lang))?;
        if !check(db, user_id, code, now).await? {
            on_db!(db.writer(), |pool| {
                let mut tx = pool.begin().await?;
                sqlx::query(
                    "UPDATE sign_in_challenges SET failures = failures + 1 WHERE token_hash = $1",
                )
                .bind(&hash)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "DELETE FROM sign_in_challenges WHERE token_hash = $1 AND failures >= $2",
                )
                .bind(&hash)
                .bind(MAX_WRONG)
                .execute(&mut *tx)
                .await?;
                tx.commit().await
            })?;
            tracing::info!(user_id, "wrong sign-in code");
            return Err(wrong(lang));
        }
        let taken = on_db!(db.writer(), |pool| sqlx::query(
            "DELETE FROM sign_in_challenges WHERE token_hash = $1"
        )
        .bind(&hash)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        if taken == 0 {
            return Err(expired(lang));
        }
        let row: UserRow = on_db!(db.reader(), |pool| sqlx::query_as(
            "SELECT id, brand_id, email, display_name, role, password_hash FROM users
             WHERE id = $1 AND suspended_at IS NULL"
        )
        .bind(user_id)
        .fetch_one(pool)
        .await)?;
        let user = row.into_user()?;
        let email = EmailAddress::parse(user.email.as_str(), "email")?;
        let client = crate::base::client::ClientAddr::current().to_string();
        let session = super::super::ssr::open_session(db, &email, &client, user.id, now).await?;
        tracing::info!(user_id, "signed in with a code");
        Ok((user, session, next))
    }
}
