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
};

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

/// Copies `text` to the clipboard, then says whether it worked.
#[component]
fn CopyButton(text: String) -> impl IntoView {
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
    view! {
        <p>
            <button type="button" class="button small" on:click=copy>"Copy the key"</button>
            <span role="status" data-testid="copied">{move || copied.get().map(|done| if done {
                " Copied."
            } else {
                " Your browser did not let us copy: select the key and copy it."
            })}</span>
        </p>
    }
}

/// The brand admin's API keys.
#[component]
pub fn ApiKeysPage() -> impl IntoView {
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
    // The copy button needs JavaScript: it appears once the page runs it.
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    view! {
        <Title text="API keys · Soirée" />
        <BrandNav />
        <Gate data here="/brand/api-keys" children=move |keys: Keys| view! {
            <header class="page-head">
                <h1>"API keys"</h1>
                <p class="lead">"Read-only access to your hosts, parties, orders and host performance for BI tools, at "
                    <code>"/api/v1"</code> ". The " <a href="/api/v1/openapi.json">"OpenAPI document"</a>
                    " describes every endpoint. Send a key as " <code>"Authorization: Bearer <key>"</code> "."</p>
            </header>
            {move || created().map(|key| view! {
                <div class="report key-once" role="status" data-testid="new-key">
                    <p><strong>"Your new key. Copy it now: it is shown only this once."</strong></p>
                    <p><code class="key" data-testid="key-text">{key.clone()}</code></p>
                    {move || running.get().then(|| view! { <CopyButton text=key.clone() /> })}
                </div>
            })}
            <section class="form-card" aria-labelledby="new-key-title">
                <h2 id="new-key-title">"Create a key"</h2>
                <FormError error />
                <ActionForm action=create attr:class="form" attr:novalidate="">
                    <Field id="name" label="Name" value="" required=true error
                        hint="Name it after the tool that will use it, e.g. \"Metabase\"." />
                    <button type="submit" class="button primary" disabled=move || create.pending().get()>"Create the key"</button>
                </ActionForm>
            </section>
            <section aria-labelledby="keys-title">
                <h2 id="keys-title">"Keys"</h2>
                <FormError error=revoke_error />
                {if keys.is_empty() {
                    view! { <p class="muted">"No key yet."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll">
                            <table data-testid="api-keys">
                                <thead><tr><th scope="col">"Name"</th><th scope="col">"Key"</th><th scope="col">"Created"</th>
                                    <th scope="col">"Last used"</th><th scope="col">"Status"</th></tr></thead>
                                <tbody>
                                    {keys.into_iter().map(|k| {
                                        let label = format!("Revoke the key {}", k.name);
                                        view! {
                                            <tr>
                                                <th scope="row">{k.name.clone()}</th>
                                                <td><code>{format!("{}…", k.prefix)}</code></td>
                                                <td>{k.created.clone()}</td>
                                                <td>{k.last_used.clone().unwrap_or_else(|| "never".into())}</td>
                                                <td>{match k.revoked.clone() {
                                                    Some(when) => view! { <span>{format!("Revoked {when}")}</span> }.into_any(),
                                                    None => view! {
                                                        <ActionForm action=revoke attr:class="inline-form">
                                                            <input type="hidden" name="id" value=k.id />
                                                            <button type="submit" class="button small danger" aria-label=label>"Revoke"</button>
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
