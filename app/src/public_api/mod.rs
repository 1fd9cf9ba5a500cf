//! The brand's read-only API for BI tools, and the page where the brand
//! admin creates, names and revokes its keys.

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
use crate::brand::sentence::{pieces, slot, Piece};

#[cfg(feature = "ssr")]
pub mod ssr;

/// A key as the brand admin sees it (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKey {
    pub id: i64,
    pub name: String,
    /// The key's first characters, to tell keys apart.
    pub prefix: String,
    pub created: String,
    pub last_used: Option<String>,
    pub revoked: Option<String>,
}

/// The brand's API keys.
#[server(prefix = "/api", endpoint = "api_keys", input = server_fn::codec::GetUrl)]
pub async fn get_api_keys() -> Result<Vec<ApiKey>, AppError> {
    serve(async {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::keys(&state.db, admin.brand_id).await
    })
    .await
}

/// Creates a key; the answer is the key itself, shown this once.
#[server(prefix = "/api", endpoint = "create_api_key")]
pub async fn create_api_key(name: String) -> Result<String, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let key = ssr::create_key(
            &state.db,
            admin.brand_id,
            admin.id,
            &name,
            chrono::Utc::now(),
        )
        .await?;
        Ok(key)
    })
    .await
}

/// Revokes a key: the tools using it are refused from then on.
#[server(prefix = "/api", endpoint = "revoke_api_key")]
pub async fn revoke_api_key(id: i64) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::revoke_key(&state.db, admin.brand_id, id, chrono::Utc::now()).await
    })
    .await
}

type Keys = Vec<ApiKey>;

/// Copies `text` to the clipboard, then says whether it worked. It needs
/// JavaScript: the button appears once the page runs it.
#[island(lazy)]
fn CopyButton(text: String) -> impl IntoView {
    let lang = use_lang();
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let promise = window().navigator().clipboard().write_text(&text);
            leptos::task::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                copied.set(Some(done));
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &text;
    };
    move || {
        let copy = copy.clone();
        running.get().then(|| view! {
            <p>
                <button type="button" class="button small" on:click=copy>{tr!(lang, APIKEY_COPY)}</button>
                <span role="status" data-testid="copied">{move || copied.get().map(|done| format!(" {}", if done {
                    tr!(lang, APIKEY_COPIED)
                } else {
                    tr!(lang, APIKEY_COPY_REFUSED)
                }))}</span>
            </p>
        })
    }
}

/// The brand admin's API keys.
#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let lang = use_lang();
    let create = crate::base::forms::action::<CreateApiKey>();
    let revoke = ServerAction::<RevokeApiKey>::new();
    let data = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| get_api_keys(),
    );
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let revoke_error = Signal::derive(move || revoke.value().get().and_then(Result::err));
    // Without JavaScript the key comes back with the page, once
    // (`forms::action`).
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <Title text=tr!(lang, APIKEY_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/api-keys" children=move |keys: Keys| view! {
            <header class="page-head">
                <h1>{tr!(lang, APIKEY_TITLE)}</h1>
                <p class="lead">{pieces(&tr!(lang, APIKEY_LEAD, path = slot(0), document = slot(1), header = slot(2))).into_iter().map(|piece| match piece {
                    Piece::Text(text) => text.into_any(),
                    Piece::Slot(0) => view! { <code>"/api/v1"</code> }.into_any(),
                    Piece::Slot(1) => view! { <a href="/api/v1/openapi.json">{tr!(lang, APIKEY_LEAD_DOCUMENT)}</a> }.into_any(),
                    Piece::Slot(_) => view! { <code>"Authorization: Bearer <key>"</code> }.into_any(),
                }).collect_view()}</p>
            </header>
            {move || created().map(|key| view! {
                <div class="report key-once" role="status" data-testid="new-key">
                    <p><strong>{tr!(lang, APIKEY_NEW_KEY)}</strong></p>
                    <p><code class="key" data-testid="key-text">{key.clone()}</code></p>
                    <CopyButton text=key.clone() />
                </div>
            })}
            <section class="form-card" aria-labelledby="new-key-title">
                <h2 id="new-key-title">{tr!(lang, APIKEY_CREATE_TITLE)}</h2>
                <FormError error />
                <ActionForm action=create attr:class="form" attr:novalidate="">
                    <Field id="name" label=tr!(lang, APIKEY_NAME) value="" required=true error
                        hint=tr!(lang, APIKEY_NAME_HINT) />
                    <button type="submit" class="button primary" disabled=move || create.pending().get()>{tr!(lang, APIKEY_CREATE)}</button>
                </ActionForm>
            </section>
            <section aria-labelledby="keys-title">
                <h2 id="keys-title">{tr!(lang, APIKEY_KEYS_TITLE)}</h2>
                <FormError error=revoke_error />
                {if keys.is_empty() {
                    view! { <p class="muted">{tr!(lang, APIKEY_NONE)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll">
                            <table data-testid="api-keys">
                                <thead><tr><th scope="col">{tr!(lang, APIKEY_NAME)}</th><th scope="col">{tr!(lang, APIKEY_KEY)}</th><th scope="col">{tr!(lang, APIKEY_CREATED)}</th>
                                    <th scope="col">{tr!(lang, APIKEY_LAST_USED)}</th><th scope="col">{tr!(lang, APIKEY_STATUS)}</th></tr></thead>
                                <tbody>
                                    {keys.into_iter().map(|k| {
                                        let label = tr!(lang, APIKEY_REVOKE_LABEL, name = &k.name);
                                        view! {
                                            <tr>
                                                <th scope="row">{k.name.clone()}</th>
                                                <td><code>{format!("{}…", k.prefix)}</code></td>
                                                <td>{k.created.clone()}</td>
                                                <td>{k.last_used.clone().unwrap_or_else(|| tr!(lang, APIKEY_NEVER))}</td>
                                                <td>{match k.revoked.clone() {
                                                    Some(when) => view! { <span>{tr!(lang, APIKEY_REVOKED, when = when)}</span> }.into_any(),
                                                    None => view! {
                                                        <ActionForm action=revoke attr:class="inline-form">
                                                            <input type="hidden" name="id" value=k.id />
                                                            <button type="submit" class="button small danger" aria-label=label>{tr!(lang, APIKEY_REVOKE)}</button>
                                                        </ActionForm>
                                                    }.into_any(),
                                                }}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            </section>
        } />
    }
}
