//! Guests' control over what Soirée holds and sends: stopping a brand's
//! reminders, thank-yous and news from the link every such mail carries
//! (`/unsubscribe/:token`, one click for mail clients: RFC 8058); a
//! download of all their data and its erasure, from their invitation's
//! page; a log of both for the brand.

#[cfg(feature = "ssr")]
pub mod asked;
#[cfg(feature = "ssr")]
pub mod ssr;

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

/// The inside of a guest's erasure form (their link's token, the tick
/// that confirms, its mistake, the button), on their page and on the page
/// of a mailed data link.
fn erase_fields(
    lang: crate::base::l10n::Lang,
    token: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let confirm_error = move || error.get().and_then(|e| e.for_field("confirm"));
    view! {
        <input type="hidden" name="token" value=token />
        <label class="choice"><input type="checkbox" name="confirm" value="yes"
            aria-describedby="confirm-error" />
            {format!(" {}", tr!(lang, ERASE_CONFIRM))}</label>
        {move || confirm_error().map(|m| view! { <p class="field-error" id="confirm-error" role="alert">{m}</p> })}
        <button type="submit" class="button">{tr!(lang, ERASE_SUBMIT)}</button>
    }
}

/// The guest's data on their page: a download of all of it, and its
/// erasure.
#[component]
pub fn YourData(token: String) -> impl IntoView {
    let lang = use_lang();
    let erase = ServerAction::<EraseMyData>::new();
    let error = Signal::derive(move || erase.value().get().and_then(Result::err));
    view! {
        <section class="your-data" aria-labelledby="your-data-title">
            <h2 id="your-data-title">{tr!(lang, ERASE_YOUR_DATA)}</h2>
            <p>{tr!(lang, ERASE_YOUR_DATA_TEXT)}</p>
            <p><a href=format!("/i/{token}/my-data.json") download="my-data.json">{tr!(lang, ERASE_DOWNLOAD)}</a></p>
            <ActionForm action=erase attr:class="form" attr:novalidate="">
                {erase_fields(lang, token.clone(), error)}
            </ActionForm>
        </section>
    }
}

/// What the privacy page says of a brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub brand: String,
    pub slug: String,
    pub retention_months: i64,
}

/// The brand's privacy notice: the home page's brand, or the one of `slug`.
#[server(prefix = "/api", endpoint = "privacy_notice", input = server_fn::codec::GetUrl)]
pub async fn get_privacy_notice(slug: Option<String>) -> Result<Notice, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::notice(&state.db, slug.as_deref()).await
    })
    .await
}

/// `/privacy` and `/privacy/:slug`: what the brand keeps, why, for how
/// long, and what a guest can do about it.
#[component]
pub fn PrivacyNoticePage() -> impl IntoView {
    let lang = use_lang();
    let params = leptos_router::hooks::use_params_map();
    let notice = Resource::new(move || params.read().get("slug"), get_privacy_notice);
    view! {
        <Title text=tr!(lang, NOTICE_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match notice.await {
                    Ok(n) => view! {
                        <article class="notice" data-testid="privacy-notice">
                            <h1>{tr!(lang, NOTICE_TITLE, brand = n.brand.as_str())}</h1>
                            <h2>{tr!(lang, NOTICE_KEPT_TITLE)}</h2>
                            <p>{tr!(lang, NOTICE_KEPT, brand = n.brand.as_str())}</p>
                            <h2>{tr!(lang, NOTICE_WHY_TITLE)}</h2>
                            <p>{tr!(lang, NOTICE_WHY)}</p>
                            <h2>{tr!(lang, NOTICE_HOW_LONG_TITLE)}</h2>
                            <p>{tr!(lang, NOTICE_HOW_LONG, months = n.retention_months)}</p>
                            <h2>{tr!(lang, NOTICE_RIGHTS_TITLE)}</h2>
                            <p>{tr!(lang, NOTICE_RIGHTS, brand = n.brand.as_str())}</p>
                            <AskForm slug=n.slug brand=n.brand />
                        </article>
                    }.into_any(),
                    Err(_) => view! { <h1>{tr!(lang, NOTICE_UNKNOWN)}</h1> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Mails `email` a link to download or erase what the brand of `slug`
/// holds about it. The answer is the same whatever the brand holds.
#[server(prefix = "/api", endpoint = "ask_for_my_data")]
pub async fn ask_for_my_data(slug: String, email: String) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        asked::ask(&state.db, &state.config, &slug, &email, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&email))
    })
    .await
}

/// The notice's form for someone without a link: their address, and a
/// mailed link does the rest.
#[component]
fn AskForm(slug: String, brand: String) -> impl IntoView {
    let lang = use_lang();
    let ask = crate::base::forms::action::<AskForMyData>();
    let error = Signal::derive(move || ask.value().get().and_then(Result::err));
    let sent = move || matches!(ask.value().get(), Some(Ok(())));
    let text = tr!(lang, ASK_TEXT, brand = brand.as_str());
    view! {
        <section class="form-card" aria-labelledby="ask-title">
            <h2 id="ask-title">{tr!(lang, ASK_TITLE)}</h2>
            <Show when=sent fallback=move || { let slug = slug.clone(); view! {
                <p>{text.clone()}</p>
                <ActionForm action=ask attr:class="form" attr:novalidate="">
                    <FormError error />
                    <input type="hidden" name="slug" value=slug />
                    <Field id="ask-email" name="email" field="email" label=tr!(lang, INVITE_EMAIL) kind="email" autocomplete="email" value="" error />
                    <button type="submit" class="button" disabled=move || ask.pending().get()>{tr!(lang, ASK_SUBMIT)}</button>
                </ActionForm>
            } }>
                <p class="report" role="status" data-testid="ask-sent">{tr!(lang, ASK_SENT)}</p>
            </Show>
        </section>
    }
}

/// What a mailed data link is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub brand: String,
    pub email: String,
}

/// The brand and address of a mailed data link.
#[server(prefix = "/api", endpoint = "asked", input = server_fn::codec::GetUrl)]
pub async fn get_asked(token: String) -> Result<Asked, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        asked::shown(&state.db, &token, chrono::Utc::now()).await
    })
    .await
}

/// Erases what the brand holds about a mailed link's address, once ticked.
#[server(prefix = "/api", endpoint = "erase_asked")]
pub async fn erase_asked(token: String, confirm: Option<String>) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        asked::erase(&state.db, &token, confirm.is_some(), chrono::Utc::now()).await?;
        leptos_axum::redirect("/erased");
        Ok(())
    })
    .await
}

/// `/privacy/request/:token`: the page of a mailed data link, with the
/// download and the erasure.
#[component]
pub fn AskedPage() -> impl IntoView {
    let lang = use_lang();
    let params = leptos_router::hooks::use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let asked = Resource::new(token, get_asked);
    let erase = ServerAction::<EraseAsked>::new();
    let error = Signal::derive(move || erase.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, ERASE_YOUR_DATA) />
        <section class="form-card" aria-labelledby="asked-title">
            <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
                {move || Suspend::new(async move {
                    match asked.await {
                        Ok(a) => view! {
                            <h1 id="asked-title">{tr!(lang, ASKED_TITLE, brand = a.brand.as_str())}</h1>
                            <p>{tr!(lang, ASKED_TEXT, email = a.email.as_str())}</p>
                            <p><a href=format!("/privacy/request/{}/data.json", token()) download="my-data.json">{tr!(lang, ERASE_DOWNLOAD)}</a></p>
                            <ActionForm action=erase attr:class="form" attr:novalidate="">
                                {erase_fields(lang, token(), error)}
                            </ActionForm>
                        }.into_any(),
                        Err(_) => view! {
                            <h1 id="asked-title">{tr!(lang, ASKED_UNKNOWN)}</h1>
                            <p>{tr!(lang, ASKED_UNKNOWN_TEXT)}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
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

/// One line of the brand's privacy log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub at: String,
    pub action: String,
    pub actor: String,
    /// The start of the hash that names the person.
    pub subject: String,
}

/// The brand's privacy log, newest first.
#[server(prefix = "/api", endpoint = "privacy_log", input = server_fn::codec::GetUrl)]
pub async fn get_privacy_log() -> Result<Vec<LogLine>, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::log_lines(&state.db, admin.brand_id).await
    })
    .await
}

/// The brand admin erases a person's data by their address, once
/// confirmed; answers what was erased.
#[server(prefix = "/api", endpoint = "erase_person")]
pub async fn erase_person(email: String, confirm: Option<String>) -> Result<String, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::erase_for_admin(
            &state.db,
            &admin,
            &email,
            confirm.is_some(),
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&email))
    })
    .await
}

/// The privacy log as the page shows it.
type Log = Vec<LogLine>;

fn log_table(lang: crate::base::l10n::Lang, lines: Log) -> AnyView {
    if lines.is_empty() {
        return view! { <p class="muted">{tr!(lang, PRIVACY_LOG_EMPTY)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table data-testid="privacy-log">
                <thead><tr>
                    <th scope="col">{tr!(lang, PRIVACY_LOG_WHEN)}</th>
                    <th scope="col">{tr!(lang, PRIVACY_LOG_ACTION)}</th>
                    <th scope="col">{tr!(lang, PRIVACY_LOG_BY)}</th>
                    <th scope="col">{tr!(lang, PRIVACY_LOG_PERSON)}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr><td>{l.at}</td><td>{l.action}</td><td>{l.actor}</td><td><code>{l.subject}</code></td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `/brand/privacy`: a person's data downloaded or erased by their address,
/// and the log of both.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let lang = use_lang();
    let erase = crate::base::forms::action::<ErasePerson>();
    let log = Resource::new(move || erase.version().get(), |_| get_privacy_log());
    let error = Signal::derive(move || erase.value().get().and_then(Result::err));
    let done = move || erase.value().get().and_then(Result::ok);
    view! {
        <Title text=tr!(lang, PRIVACY_PAGE_TITLE) />
        <BrandNav />
        <h1>{tr!(lang, PRIVACY_TITLE)}</h1>
        <p>{tr!(lang, PRIVACY_INTRO)}</p>
        <section aria-labelledby="privacy-export">
            <h2 id="privacy-export">{tr!(lang, PRIVACY_EXPORT_TITLE)}</h2>
            <form method="get" action="/brand/privacy/export" class="form">
                <div class="field">
                    <label for="export-email">{tr!(lang, INVITE_EMAIL)}</label>
                    <input id="export-email" name="email" type="email" required />
                </div>
                <button type="submit" class="button">{tr!(lang, PRIVACY_EXPORT_SUBMIT)}</button>
            </form>
        </section>
        <section aria-labelledby="privacy-erase">
            <h2 id="privacy-erase">{tr!(lang, PRIVACY_ERASE_TITLE)}</h2>
            {move || done().map(|text| view! { <p class="report" role="status" data-testid="erased">{text}</p> })}
            <ActionForm action=erase attr:class="form" attr:novalidate="">
                <FormError error />
                <crate::base::forms::Field id="erase-email" name="email" field="email" label=tr!(lang, INVITE_EMAIL) kind="email" value="" error />
                <label class="choice"><input type="checkbox" name="confirm" value="yes" />
                    {format!(" {}", tr!(lang, PRIVACY_ERASE_CONFIRM))}</label>
                <button type="submit" class="button">{tr!(lang, PRIVACY_ERASE_SUBMIT)}</button>
            </ActionForm>
        </section>
        <h2>{tr!(lang, PRIVACY_LOG_TITLE)}</h2>
        <Gate data=log here="/brand/privacy" children=move |lines: Log| log_table(lang, lines) />
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
