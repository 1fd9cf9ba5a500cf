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
    let retry = ServerAction::<RetryWebhook>::new();
    let data = Resource::new(move || retry.version().get(), |_| get_webhook_deliveries());
    let error = Signal::derive(move || retry.value().get().and_then(Result::err));
    view! {
        <Title text="Webhooks · Soirée" />
        <BrandNav />
        <Gate data here="/brand/webhooks" children=move |d: Deliveries| view! {
            <header class="page-head">
                <h1>"Webhook deliveries"</h1>
                <a class="button" href="/brand/settings">"Address and secret"</a>
            </header>
            <p>{if d.url.is_empty() {
                "No webhook address is set: order events are not sent. Set one in Settings.".to_owned()
            } else {
                format!("Order events go to {}{}", d.url, if d.has_secret { "." } else { " (no secret yet: they wait until you create one)." })
            }}</p>
            <FormError error />
            {if d.rows.is_empty() {
                view! { <p class="muted">"Nothing sent yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table data-testid="deliveries">
                            <thead><tr>
                                <th scope="col">"Queued"</th><th scope="col">"Event"</th><th scope="col">"Order"</th>
                                <th scope="col">"Status"</th><th scope="col" class="num">"Attempts"</th><th scope="col">"Response"</th><th scope="col"><span class="sr-only">"Actions"</span></th>
                            </tr></thead>
                            <tbody>
                                {d.rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.created}</td>
                                        <td><code>{r.event_type}</code></td>
                                        <td>{r.order_id.map(|id| view! { <a href=format!("/brand/orders/{id}")>{format!("#{id}")}</a> })}</td>
                                        <td>{match (r.status.as_str(), r.next_attempt) {
                                            ("pending", Some(next)) => format!("Waiting, next try {next}"),
                                            ("delivered", _) => "Delivered".to_owned(),
                                            ("failed", _) => "Failed".to_owned(),
                                            (other, _) => other.to_owned(),
                                        }}</td>
                                        <td class="num">{r.attempts}</td>
                                        <td class="wrap">{r.response}</td>
                                        <td>{(r.status == "failed").then(|| view! {
                                            <ActionForm action=retry attr:class="inline-form">
                                                <input type="hidden" name="id" value=r.id />
                                                <button type="submit" class="button small">"Send again"</button>
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
