//! The brand admin's view of outbound webhook deliveries: what was sent,
//! what the back office answered, what is waiting for a retry.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{auth::Gate, brand::BrandNav, error::AppError, forms::FormError};

#[cfg(feature = "ssr")]
pub mod ssr;

/// One delivery as the admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    pub order_id: Option<i64>,
    pub event_type: String,
    pub status: String,
    pub attempts: i64,
    /// The back office's answer, or why there was none.
    pub response: String,
    pub created: String,
    pub next_attempt: Option<String>,
}

/// The deliveries page's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliveries {
    pub url: String,
    pub has_secret: bool,
    pub rows: Vec<Delivery>,
}

#[server(prefix = "/api", endpoint = "webhook_deliveries", input = server_fn::codec::GetUrl)]
pub async fn get_webhook_deliveries() -> Result<Deliveries, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::list(&state.db, admin.brand_id).await
    })
    .await
}

/// Sends a delivery that failed for good once more.
#[server(prefix = "/api", endpoint = "retry_webhook")]
pub async fn retry_webhook(id: i64) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::retry(&state.db, admin.brand_id, id, chrono::Utc::now()).await
    })
    .await
}

/// The brand's webhook deliveries.
#[component]
pub fn WebhooksPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let retry = ServerAction::<RetryWebhook>::new();
    let data = Resource::new(move || retry.version().get(), |_| get_webhook_deliveries());
    let error = Signal::derive(move || retry.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, WEBHOOK_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/webhooks" children=move |d: Deliveries| view! {
            <header class="page-head">
                <h1>{tr!(lang, WEBHOOK_TITLE)}</h1>
                <a class="button" href="/brand/settings">{tr!(lang, WEBHOOK_SETTINGS_LINK)}</a>
            </header>
            <p>{if d.url.is_empty() {
                tr!(lang, WEBHOOK_NO_ADDRESS)
            } else if d.has_secret {
                tr!(lang, WEBHOOK_TARGET, url = &d.url)
            } else {
                tr!(lang, WEBHOOK_TARGET_NO_SECRET, url = &d.url)
            }}</p>
            <FormError error />
            {if d.rows.is_empty() {
                view! { <p class="muted">{tr!(lang, WEBHOOK_NONE)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table data-testid="deliveries">
                            <thead><tr>
                                <th scope="col">{tr!(lang, WEBHOOK_QUEUED)}</th><th scope="col">{tr!(lang, WEBHOOK_EVENT)}</th><th scope="col">{tr!(lang, WEBHOOK_ORDER)}</th>
                                <th scope="col">{tr!(lang, WEBHOOK_STATUS)}</th><th scope="col" class="num">{tr!(lang, WEBHOOK_ATTEMPTS)}</th><th scope="col">{tr!(lang, WEBHOOK_RESPONSE)}</th><th scope="col"><span class="sr-only">{tr!(lang, WEBHOOK_ACTIONS)}</span></th>
                            </tr></thead>
                            <tbody>
                                {d.rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.created}</td>
                                        <td><code>{r.event_type}</code></td>
                                        <td>{r.order_id.map(|id| view! { <a href=format!("/brand/orders/{id}")>{format!("#{id}")}</a> })}</td>
                                        <td>{match (r.status.as_str(), r.next_attempt) {
                                            ("pending", Some(next)) => tr!(lang, WEBHOOK_WAITING, next = next),
                                            ("delivered", _) => tr!(lang, WEBHOOK_DELIVERED),
                                            ("failed", _) => tr!(lang, WEBHOOK_FAILED),
                                            (other, _) => other.to_owned(),
                                        }}</td>
                                        <td class="num">{r.attempts}</td>
                                        <td class="wrap">{r.response}</td>
                                        <td>{(r.status == "failed").then(|| view! {
                                            <ActionForm action=retry attr:class="inline-form">
                                                <input type="hidden" name="id" value=r.id />
                                                <button type="submit" class="button small">{tr!(lang, WEBHOOK_SEND_AGAIN)}</button>
                                            </ActionForm>
                                        })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        } />
    }
}
