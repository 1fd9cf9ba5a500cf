//! Guests' control over what Soirée holds and sends: stopping a brand's
//! reminders, thank-yous and news from the link every such mail carries
//! (`/unsubscribe/:token`, one click for mail clients: RFC 8058); a
//! download of all their data and its erasure, from their invitation's
//! page; a log of both for the brand.

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::error::AppError;
use crate::base::l10n::use_lang;

/// What a stop link is for, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailChoice {
    pub brand: String,
    pub email: String,
    pub stopped: bool,
}

/// The brand and address of a stop link, and whether the mail is stopped.
#[server(prefix = "/api", endpoint = "mail_choice", input = server_fn::codec::GetUrl)]
pub async fn get_mail_choice(token: String) -> Result<MailChoice, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::choice(&state.db, &state.config, &token).await
    })
    .await
}

/// Stops the brand's non-transactional mail to the link's address.
#[server(prefix = "/api", endpoint = "stop_mail")]
pub async fn stop_mail(token: String) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::stop(&state.db, &state.config, &token, chrono::Utc::now())
            .await
            .map(|_| ())
    })
    .await
}

/// Erases everything of the guest holding `token` for this brand (their
/// answers stay, anonymous, as do their orders); asks for a tick first.
#[server(prefix = "/api", endpoint = "erase_my_data")]
pub async fn erase_my_data(token: String, confirm: Option<String>) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::erase_mine(&state.db, &token, confirm.is_some(), chrono::Utc::now()).await?;
        leptos_axum::redirect("/erased");
        Ok(())
    })
    .await
}

/// The guest's data on their page: a download of all of it, and its
/// erasure.
#[component]
pub fn YourData(token: String) -> impl IntoView {
    let lang = use_lang();
    let erase = ServerAction::<EraseMyData>::new();
    let error = Signal::derive(move || erase.value().get().and_then(Result::err));
    let confirm_error = move || error.get().and_then(|e| e.for_field("confirm"));
    view! {
        <section class="your-data" aria-labelledby="your-data-title">
            <h2 id="your-data-title">{tr!(lang, ERASE_YOUR_DATA)}</h2>
            <p>{tr!(lang, ERASE_YOUR_DATA_TEXT)}</p>
            <p><a href=format!("/i/{token}/my-data.json") download="my-data.json">{tr!(lang, ERASE_DOWNLOAD)}</a></p>
            <ActionForm action=erase attr:class="form" attr:novalidate="">
                <input type="hidden" name="token" value=token.clone() />
                <label class="choice"><input type="checkbox" name="confirm" value="yes"
                    aria-describedby="confirm-error" />
                    {format!(" {}", tr!(lang, ERASE_CONFIRM))}</label>
                {move || confirm_error().map(|m| view! { <p class="field-error" id="confirm-error" role="alert">{m}</p> })}
                <button type="submit" class="button">{tr!(lang, ERASE_SUBMIT)}</button>
            </ActionForm>
        </section>
    }
}

/// `/erased`: what an erasure did.
#[component]
pub fn ErasedPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=tr!(lang, ERASED_PAGE_TITLE) />
        <section class="form-card" aria-labelledby="erased-title">
            <h1 id="erased-title">{tr!(lang, ERASED_TITLE)}</h1>
            <p role="status">{tr!(lang, ERASED_TEXT)}</p>
        </section>
    }
}

/// `/unsubscribe/:token`: what stops, and a button to stop it.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let lang = use_lang();
    let params = leptos_router::hooks::use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let stop = ServerAction::<StopMail>::new();
    let choice = Resource::new(
        move || (token(), stop.version().get()),
        |(token, _)| get_mail_choice(token),
    );
    view! {
        <Title text=tr!(lang, STOP_PAGE_TITLE) />
        <section class="form-card" aria-labelledby="stop-title">
            <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
                {move || Suspend::new(async move {
                    match choice.await {
                        Ok(c) if c.stopped => view! {
                            <h1 id="stop-title">{tr!(lang, STOP_TITLE, brand = c.brand.as_str())}</h1>
                            <p class="report" role="status" data-testid="mail-stopped">
                                {tr!(lang, STOP_DONE, brand = c.brand.as_str(), email = c.email.as_str())}
                            </p>
                        }.into_any(),
                        Ok(c) => view! {
                            <h1 id="stop-title">{tr!(lang, STOP_TITLE, brand = c.brand.as_str())}</h1>
                            <p>{tr!(lang, STOP_TEXT, brand = c.brand.as_str(), email = c.email.as_str())}</p>
                            <ActionForm action=stop attr:class="form">
                                <input type="hidden" name="token" value=token() />
                                <button type="submit" class="button primary">{tr!(lang, STOP_SUBMIT)}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(_) => view! {
                            <h1 id="stop-title">{tr!(lang, STOP_UNKNOWN)}</h1>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
