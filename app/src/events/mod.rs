//! Events hosted by fans. For now: the host's dashboard.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::error::ssr::serve;
use crate::{accounts::Gate, error::AppError};

/// The host dashboard's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostOverview {
    pub display_name: String,
    pub brand_name: String,
}

/// The signed-in host's overview.
#[server(prefix = "/api", endpoint = "host_overview", input = server_fn::codec::GetUrl)]
pub async fn get_host_overview() -> Result<HostOverview, AppError> {
    serve(async {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let brand_name: String = crate::on_db!(state.db.reader(), |pool| {
            sqlx::query_scalar("SELECT name FROM brands WHERE id = $1")
                .bind(host.brand_id)
                .fetch_one(pool)
                .await
        })?;
        Ok(HostOverview {
            display_name: host.display_name,
            brand_name,
        })
    })
    .await
}

/// The host dashboard (a shell until events arrive).
#[component]
pub fn HostDashboard() -> impl IntoView {
    let overview = Resource::new(|| (), |_| get_host_overview());
    view! {
        <Title text="Your parties · Soirée" />
        <Gate data=overview here="/host" children=|o: HostOverview| view! {
            <header class="page-head">
                <p class="eyebrow">{o.brand_name.clone()} " host"</p>
                <h1>"Your parties"</h1>
                <p class="lead">"Hello " {o.display_name.clone()} "!"</p>
            </header>
            <section class="empty-state" aria-labelledby="events-title">
                <h2 id="events-title">"No parties yet"</h2>
                <p>"Soon you will schedule a party here: pick a date, invite your guests by email or a share link, and follow their answers."</p>
            </section>
            <section class="empty-state" aria-labelledby="rewards-title">
                <h2 id="rewards-title">"Your rewards"</h2>
                <p>"The orders of your parties will count toward your host rewards, and you will see how far you are from the next one."</p>
            </section>
        } />
    }
}
