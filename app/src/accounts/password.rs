//! A new password chosen by a signed-in user, who gives the current one
//! first; the user's other sessions end, this one stays.

use leptos::prelude::*;
use leptos_meta::Title;

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    forms::{Field, FormError},
    l10n::use_lang,
};

/// Changes the signed-in user's password once `current` is right.
#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    serve(async move {
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        let session = crate::base::auth::ssr::session_cookie().unwrap_or_default();
        ssr::change(&state.db, user.id, &session, &current, &new).await
    })
    .await
}

/// `/account/password`: the current password, then the new one.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let lang = use_lang();
    let change = crate::base::forms::action::<ChangePassword>();
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    let done = move || matches!(change.value().get(), Some(Ok(())));
    view! {
        <Title text=tr!(lang, PASSWORD_PAGE_TITLE) />
        <section class="form-card" aria-labelledby="password-title">
            <h1 id="password-title">{tr!(lang, PASSWORD_TITLE)}</h1>
            {move || done().then(|| view! { <p class="report" role="status" data-testid="password-changed">{tr!(lang, PASSWORD_CHANGED)}</p> })}
            <ActionForm action=change attr:class="form" attr:novalidate="">
                <FormError error />
                <Field id="current" label=tr!(lang, PASSWORD_CURRENT) kind="password" autocomplete="current-password" value="" required=true error />
                <Field id="new" label=tr!(lang, PASSWORD_NEW) hint=tr!(lang, PASSWORD_NEW_HINT) kind="password" autocomplete="new-password" value="" required=true error />
                <button type="submit" class="button primary" disabled=move || change.pending().get()>{tr!(lang, PASSWORD_SUBMIT)}</button>
            </ActionForm>
        </section>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use crate::{
        base::{
            account::NewPassword,
            auth::ssr::{hash_password_blocking, verify_off_thread},
            db::Db,
            error::{AppError, Mistakes},
            tokens::hash_token,
        },
        on_db,
    };

    /// Checks `current`, then sets `new` and ends every other session of
    /// the user (the one of `session`, this browser's, stays). Every
    /// mistake at once.
    pub async fn change(
        db: &Db,
        user_id: i64,
        session: &str,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        let lang = crate::base::l10n::page_lang();
        let mut m = Mistakes::default();
        if current.is_empty() {
            m.note("current", tr!(lang, PASSWORD_CURRENT_NEEDED));
        }
        let new = m.check(NewPassword::parse(new, "new"));
        m.finish()?;
        let new = new.ok_or(AppError::Internal)?;
        let stored: String = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT password_hash FROM users WHERE id = $1"
        )
        .bind(user_id)
        .fetch_one(pool)
        .await)?;
        if !verify_off_thread(current, stored).await? {
            tracing::info!(user_id, "password change with a wrong current password");
            return Err(AppError::invalid(
                "current",
                tr!(lang, PASSWORD_CURRENT_WRONG),
            ));
        }
        let hash = hash_password_blocking(&new).await?;
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(&hash)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                .bind(user_id)
                .bind(hash_token(session))
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        })?;
        tracing::info!(user_id, "password changed; other sessions ended");
        Ok(())
    }
}
