//! Accounts: signing in and out (here or everywhere), a new host's first
//! password set through the link of their welcome mail, and a forgotten
//! password reset through a link by mail; a new password chosen when signed in (`password`); two-step sign-in (`two_step`).

pub mod password;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod two_step;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[cfg(any(feature = "ssr", test))]
use crate::base::account::Role;
#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    account::CurrentUser,
    error::AppError,
    forms::{Field, FormError},
};

/// Only same-site paths are followed after sign-in: one leading `/` (`//`
/// names another site), no backslash (`/\` does too, to browsers) and no
/// control character (browsers drop tabs and line breaks from an address,
/// so `/\t/evil.example` would be `//evil.example`; nor can a redirect's
/// header carry one).
#[cfg(any(feature = "ssr", test))]
fn safe_next(next: Option<&str>, role: Role) -> String {
    let on_site = |path: &str| {
        path.starts_with('/')
            && !path.starts_with("//")
            && path.len() <= 2000
            && !path.chars().any(|c| c == '\\' || c.is_control())
    };
    match next {
        Some(path) if on_site(path) => path.to_owned(),
        _ => role.home().to_owned(),
    }
}

/// The signed-in user of this request, or `None`.
#[server(prefix = "/api", endpoint = "me", input = server_fn::codec::GetUrl)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    serve(crate::base::auth::ssr::current_user()).await
}

/// Signs in with email and password and goes to `next` or the role's home.
#[server(prefix = "/api", endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let signed = ssr::login(&state.db, &email, &password, next.as_deref(), now)
            .await
            .map_err(|e| e.keeping(&email))?;
        // A session this browser held before (another account's) ends.
        if let Some(old) = crate::base::auth::ssr::session_cookie() {
            ssr::end_session(&state.db, &old).await?;
        }
        signed_in(signed, next.as_deref(), state.config.session_secure);
        Ok(())
    })
    .await
}

/// Sends the cookie of a right password and where it leads: the session and
/// `next` (the role's home without it), or the challenge and the code's page.
#[cfg(feature = "ssr")]
fn signed_in(signed: ssr::Signed, next: Option<&str>, secure: bool) {
    match signed {
        ssr::Signed::In(user, token) => {
            crate::base::auth::ssr::set_session_cookie(&token, secure);
            leptos_axum::redirect(&safe_next(next, user.role));
        }
        ssr::Signed::SecondStep(challenge) => {
            two_step::ssr::set_challenge_cookie(&challenge, secure);
            leptos_axum::redirect("/login/code");
        }
    }
}

/// Signs out: the session is deleted on the server, the cookie cleared.
#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        if let Some(raw) = crate::base::auth::ssr::session_cookie() {
            ssr::end_session(&state.db, &raw).await?;
        }
        crate::base::auth::ssr::clear_session_cookie(state.config.session_secure);
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// Signs out on every device: all the user's sessions end, this one too.
#[server(prefix = "/api", endpoint = "logout_everywhere")]
pub async fn logout_everywhere() -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let user = crate::base::auth::ssr::require_user().await?;
        ssr::end_all_sessions(&state.db, user.id).await?;
        crate::base::auth::ssr::clear_session_cookie(state.config.session_secure);
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// Mails a link to choose a new password (valid one hour, once) when an
/// account uses this address. The answer is the same either way: the form
/// does not tell who has an account.
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::request_reset(&state.db, &state.config, &email, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&email))
    })
    .await
}

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let login = ServerAction::<Login>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let error = move || login.value().get().and_then(Result::err);
    // Without JavaScript the page is reloaded after a failed sign-in: bring
    // back the email that was typed.
    let typed_email = move || match error() {
        Some(AppError::WrongCredentials { email } | AppError::LockedOut { email, .. }) => email,
        Some(other) => other.kept().unwrap_or_default(),
        None => String::new(),
    };
    let field_error = move |field: &'static str| error().and_then(|e| e.for_field(field));
    let general_error = move || {
        error()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
            .map(|e| e.message(lang))
    };

    view! {
        <section class="auth-card" aria-labelledby="login-title">
            <h1 id="login-title">{tr!(lang, NAV_SIGN_IN)}</h1>
            <p class="lead">{tr!(lang, LOGIN_LEAD)}</p>
            <ActionForm action=login attr:class="form" attr:novalidate="">
                {move || general_error().map(|msg| view! {
                    <p class="form-error" role="alert" id="login-error">{msg}</p>
                })}
                <input type="hidden" name="next" value=next />
                <div class="field">
                    <label for="email">{tr!(lang, INVITE_EMAIL)}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required
                        value=typed_email
                        aria-invalid=move || field_error("email").map(|_| "true")
                        aria-describedby=move || field_error("email").map(|_| "email-error") />
                    {move || field_error("email").map(|msg| view! { <p class="field-error" id="email-error">{msg}</p> })}
                </div>
                <div class="field">
                    <label for="password">{tr!(lang, LOGIN_PASSWORD)}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required
                        aria-invalid=move || field_error("password").map(|_| "true")
                        aria-describedby=move || field_error("password").map(|_| "password-error") />
                    {move || field_error("password").map(|msg| view! { <p class="field-error" id="password-error">{msg}</p> })}
                </div>
                <button type="submit" class="button primary" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { tr!(lang, LOGIN_SIGNING_IN) } else { tr!(lang, NAV_SIGN_IN) }}
                </button>
            </ActionForm>
            <p><a href="/forgot">{tr!(lang, LOGIN_FORGOT_LINK)}</a></p>
        </section>
    }
}

/// `/forgot`: asks for a link to choose a new password.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let ask = crate::base::forms::action::<RequestPasswordReset>();
    let error = Signal::derive(move || ask.value().get().and_then(Result::err));
    let sent = move || matches!(ask.value().get(), Some(Ok(())));
    view! {
        <Title text=tr!(lang, FORGOT_PAGE_TITLE) />
        <section class="form-card" aria-labelledby="forgot-title">
            <h1 id="forgot-title">{tr!(lang, FORGOT_TITLE)}</h1>
            <Show when=sent fallback=move || view! {
                <p>{tr!(lang, FORGOT_TEXT)}</p>
                <ActionForm action=ask attr:class="form" attr:novalidate="">
                    <FormError error />
                    <Field id="email" label=tr!(lang, INVITE_EMAIL) kind="email" value="" error />
                    <button type="submit" class="button primary" disabled=move || ask.pending().get()>{tr!(lang, FORGOT_SUBMIT)}</button>
                </ActionForm>
            }>
                <p class="report" role="status" data-testid="reset-sent">{tr!(lang, FORGOT_SENT)}</p>
            </Show>
            <p><a href="/login">{tr!(lang, FORGOT_BACK)}</a></p>
        </section>
    }
}

/// The sign-out buttons, here or on every device; they post to the
/// server (and work without JavaScript).
#[component]
pub fn SignOutButton() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let logout = ServerAction::<Logout>::new();
    let everywhere = ServerAction::<LogoutEverywhere>::new();
    view! {
        <ActionForm action=logout attr:class="inline-form">
            <button type="submit" class="button link">{tr!(lang, NAV_SIGN_OUT)}</button>
        </ActionForm>
        <ActionForm action=everywhere attr:class="inline-form">
            <button type="submit" class="button link">{tr!(lang, NAV_SIGN_OUT_EVERYWHERE)}</button>
        </ActionForm>
    }
}

/// A new host sets their password with the link from their welcome email,
/// and is signed in.
#[server(prefix = "/api", endpoint = "set_first_password")]
pub async fn set_first_password(token: String, password: String) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let email = ssr::use_password_token(&state.db, &token, &password, now).await?;
        let signed = ssr::login(&state.db, &email, &password, None, now).await?;
        signed_in(signed, None, state.config.session_secure);
        Ok(())
    })
    .await
}

/// `/welcome/:token`: a new host sets their password.
#[component]
pub fn WelcomePage() -> impl IntoView {
    view! { <PasswordLinkPage reset=false /> }
}

/// `/reset/:token`: a new password, from the link of a reset mail.
#[component]
pub fn ResetPage() -> impl IntoView {
    view! { <PasswordLinkPage reset=true /> }
}

/// A password chosen through a single-use link (welcome or reset); the
/// person is signed in, their other sessions ended.
#[component]
fn PasswordLinkPage(reset: bool) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let params = leptos_router::hooks::use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let set = ServerAction::<SetFirstPassword>::new();
    let error = Signal::derive(move || set.value().get().and_then(Result::err));
    let (page_title, title, text, submit) = if reset {
        (
            tr!(lang, RESET_PAGE_TITLE),
            tr!(lang, RESET_TITLE),
            tr!(lang, RESET_TEXT),
            tr!(lang, RESET_SUBMIT),
        )
    } else {
        (
            tr!(lang, WELCOME_PAGE_TITLE),
            tr!(lang, WELCOME_TITLE),
            tr!(lang, WELCOME_TEXT),
            tr!(lang, WELCOME_SUBMIT),
        )
    };
    view! {
        <Title text=page_title />
        <section class="form-card" aria-labelledby="welcome-title">
            <h1 id="welcome-title">{title}</h1>
            <p>{text}</p>
            <ActionForm action=set attr:class="form" attr:novalidate="">
                <FormError error />
                <input type="hidden" name="token" value=token />
                <Field id="password" label=tr!(lang, WELCOME_PASSWORD) kind="password" value="" hint=tr!(lang, WELCOME_PASSWORD_HINT) error />
                <button type="submit" class="button primary" disabled=move || set.pending().get()>{submit}</button>
            </ActionForm>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_must_stay_on_site() {
        assert_eq!(safe_next(Some("/host"), Role::BrandAdmin), "/host");
        assert_eq!(safe_next(Some("//evil.example"), Role::Host), "/host");
        assert_eq!(safe_next(Some("https://evil.example"), Role::Host), "/host");
        assert_eq!(
            safe_next(Some("/\\evil.example"), Role::BrandAdmin),
            "/brand"
        );
        assert_eq!(safe_next(None, Role::BrandAdmin), "/brand");
        for bad in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/x",
            "/host\u{7f}",
            "/\0",
        ] {
            assert_eq!(safe_next(Some(bad), Role::Host), "/host", "{bad:?}");
        }
        let long = format!("/{}", "a".repeat(3000));
        assert_eq!(safe_next(Some(&long), Role::Host), "/host");
        assert_eq!(
            safe_next(Some("/i/abc/items/3?x=1#top"), Role::Host),
            "/i/abc/items/3?x=1#top"
        );
    }
}
