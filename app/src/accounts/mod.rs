//! Accounts: who is signed in, sign-in and sign-out.

pub mod domain;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::error::ssr::serve;
use crate::error::AppError;

/// What a user does in Soirée.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    BrandAdmin,
    Host,
}

impl Role {
    /// The value stored in `users.role`.
    pub fn as_db(self) -> &'static str {
        match self {
            Role::BrandAdmin => "brand_admin",
            Role::Host => "host",
        }
    }

    pub fn from_db(value: &str) -> Option<Role> {
        match value {
            "brand_admin" => Some(Role::BrandAdmin),
            "host" => Some(Role::Host),
            _ => None,
        }
    }

    /// The page a user of this role lands on after signing in.
    pub fn home(self) -> &'static str {
        match self {
            Role::BrandAdmin => "/brand",
            Role::Host => "/host",
        }
    }
}

/// The signed-in user, as pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub brand_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

/// Only same-site paths are followed after sign-in.
#[cfg(any(feature = "ssr", test))]
fn safe_next(next: Option<&str>, role: Role) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_owned()
        }
        _ => role.home().to_owned(),
    }
}

/// The signed-in user of this request, or `None`.
#[server(prefix = "/api", endpoint = "me", input = server_fn::codec::GetUrl)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    serve(ssr::current_user()).await
}

/// Signs in with email and password and goes to `next` or the role's home.
#[server(prefix = "/api", endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    serve(async move {
        let state = crate::state::app_state()?;
        let (user, token) = ssr::login(&state.db, &email, &password, chrono::Utc::now()).await?;
        ssr::set_session_cookie(&token, state.config.session_secure);
        leptos_axum::redirect(&safe_next(next.as_deref(), user.role));
        Ok(())
    })
    .await
}

/// Signs out: the session is deleted on the server, the cookie cleared.
#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    serve(async move {
        let state = crate::state::app_state()?;
        if let Some(raw) = ssr::session_cookie() {
            ssr::end_session(&state.db, &raw).await?;
        }
        ssr::clear_session_cookie(state.config.session_secure);
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let error = move || login.value().get().and_then(Result::err);
    // Without JavaScript the page is reloaded after a failed sign-in: bring
    // back the email that was typed.
    let typed_email = move || match error() {
        Some(AppError::WrongCredentials { email } | AppError::LockedOut { email, .. }) => email,
        _ => String::new(),
    };
    let field_error = move |field: &'static str| error().and_then(|e| e.for_field(field));
    let general_error = move || {
        error()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
            .map(|e| e.to_string())
    };

    view! {
        <section class="auth-card" aria-labelledby="login-title">
            <h1 id="login-title">"Sign in"</h1>
            <p class="lead">"For the brand's staff and its hosts. Guests need no account: use the link from your invitation."</p>
            <ActionForm action=login attr:class="form" attr:novalidate="">
                {move || general_error().map(|msg| view! {
                    <p class="form-error" role="alert" id="login-error">{msg}</p>
                })}
                <input type="hidden" name="next" value=next />
                <div class="field">
                    <label for="email">"Email"</label>
                    <input id="email" name="email" type="email" autocomplete="username" required
                        value=typed_email
                        aria-invalid=move || field_error("email").map(|_| "true")
                        aria-describedby=move || field_error("email").map(|_| "email-error") />
                    {move || field_error("email").map(|msg| view! { <p class="field-error" id="email-error">{msg}</p> })}
                </div>
                <div class="field">
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required
                        aria-invalid=move || field_error("password").map(|_| "true")
                        aria-describedby=move || field_error("password").map(|_| "password-error") />
                    {move || field_error("password").map(|msg| view! { <p class="field-error" id="password-error">{msg}</p> })}
                </div>
                <button type="submit" class="button primary" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { "Signing in…" } else { "Sign in" }}
                </button>
            </ActionForm>
        </section>
    }
}

/// A sign-out button that posts to the server (works without JavaScript).
#[component]
pub fn SignOutButton() -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    view! {
        <ActionForm action=logout attr:class="inline-form">
            <button type="submit" class="button link">"Sign out"</button>
        </ActionForm>
    }
}

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
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => Either::Left(children(value)),
                        Err(err) => Either::Right(gate_refusal(err, here)),
                    }
                })
            }}
        </Suspense>
    }
}

fn gate_refusal(err: AppError, here: &'static str) -> impl IntoView {
    use leptos_router::components::Redirect;
    match err {
        AppError::Unauthorized => Either::Left(view! {
            <Redirect path=format!("/login?next={here}") />
            <p>"Please " <a href=format!("/login?next={here}")>"sign in"</a> " to continue."</p>
        }),
        other => Either::Right(view! {
            <div class="notice" role="alert">
                <h1>"Not available"</h1>
                <p>{other.to_string()}</p>
                <p><a href="/">"Back to the home page"</a></p>
            </div>
        }),
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
    }
}
