//! The host's home: their parties by status, each with its guests' answers.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::{
    base::{auth::Gate, error::AppError, money::Money},
    events::{
        digest::{DigestSwitch, SetDigest},
        EventStatus, EventSummary,
    },
    invitations::RsvpCounts,
};

/// The host dashboard's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostOverview {
    pub display_name: String,
    pub brand_name: String,
    pub events: Vec<HostParty>,
    /// Credit to spend and half-price items left.
    pub balance: Money,
    pub half_price_items: i64,
    /// Whether the host gets the hourly digest.
    pub digest: bool,
}

/// One party of the host's list, with its guests' answers so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostParty {
    #[serde(flatten)]
    pub summary: EventSummary,
    pub counts: RsvpCounts,
}

#[server(prefix = "/api", endpoint = "host_overview", input = server_fn::codec::GetUrl)]
pub async fn get_host_overview() -> Result<HostOverview, AppError> {
    serve(async {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let brand_name = crate::base::brand::ssr::name(&state.db, host.brand_id).await?;
        let mut counts = crate::invitations::ssr::counts_for_host(&state.db, host.id).await?;
        let events = crate::events::ssr::list_for_host(&state.db, &host, chrono::Utc::now())
            .await?
            .into_iter()
            .map(|summary| HostParty {
                counts: counts.remove(&summary.id).unwrap_or_default(),
                summary,
            })
            .collect();
        let (balance, half_price_items) = crate::rewards::ssr::balance(&state.db, host.id).await?;
        Ok(HostOverview {
            digest: crate::events::digest::ssr::enabled(&state.db, host.id).await?,
            display_name: host.display_name,
            brand_name,
            events,
            balance: Money::eur(balance),
            half_price_items,
        })
    })
    .await
}

/// The host dashboard: their parties by status.
#[component]
pub fn HostDashboard() -> impl IntoView {
    let digest = ServerAction::<SetDigest>::new();
    let overview = Resource::new(move || digest.version().get(), |_| get_host_overview());
    view! {
        <Title text="Your parties · Soirée" />
        <Gate data=overview here="/host" children=move |o: HostOverview| {
            let groups = [
                EventStatus::Upcoming,
                EventStatus::OpenForOrders,
                EventStatus::Closed,
                EventStatus::Cancelled,
            ]
            .map(|status| {
                let events: Vec<HostParty> =
                    o.events.iter().filter(|e| e.summary.status == status).cloned().collect();
                (status, events)
            });
            let empty = o.events.is_empty();
            view! {
                <header class="page-head">
                    <p class="eyebrow">{o.brand_name.clone()} " host"</p>
                    <h1>"Your parties"</h1>
                    <p class="lead">"Hello " {o.display_name.clone()} "!"</p>
                    <div class="actions">
                        <a class="button primary" href="/host/events/new">"Schedule a party"</a>
                        <a class="button" href="/host/performance">"Your results"</a>
                    </div>
                </header>
                {empty.then(|| view! {
                    <section class="empty-state" aria-labelledby="events-title">
                        <h2 id="events-title">"No parties yet"</h2>
                        <p>"Schedule your first party: pick a date, then invite your guests by email or a share link and follow their answers."</p>
                    </section>
                })}
                {groups.into_iter().filter(|(_, events)| !events.is_empty()).map(|(status, events)| view! {
                    <section class="event-group" aria-label=status.label()>
                        <h2>{status.label()}</h2>
                        <ul class="event-list">
                            {events.into_iter().map(|e| view! {
                                <li class="event-row">
                                    <a href=format!("/host/events/{}", e.summary.id)>{e.summary.title}</a>
                                    <span class="muted">{e.summary.when} " · " {e.summary.time_zone}</span>
                                    <span class="counts" data-testid="rsvp-counts">
                                        {format!("{} invited · {} yes · {} maybe · {} no · {} pending",
                                            e.counts.invited, e.counts.yes, e.counts.maybe, e.counts.no, e.counts.pending())}
                                    </span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
                {if o.balance.minor() > 0 || o.half_price_items > 0 {
                    view! {
                        <section class="credit-summary" aria-labelledby="rewards-title" data-testid="dashboard-credit">
                            <h2 id="rewards-title">"Your rewards"</h2>
                            <p class="big-figure">{o.balance.to_string()}</p>
                            <p>{format!("of credit to spend{}.", match o.half_price_items {
                                0 => String::new(),
                                1 => " and 1 half-price item".to_owned(),
                                n => format!(" and {n} half-price items"),
                            })}</p>
                            <p><a class="button primary" href="/host/credit">"Spend your credit"</a></p>
                        </section>
                    }.into_any()
                } else {
                    view! {
                        <section class="empty-state" aria-labelledby="rewards-title">
                            <h2 id="rewards-title">"Your rewards"</h2>
                            <p>"The paid orders of your parties count toward your host rewards: each party's page shows how far you are from the next one. Credit you earn appears here."</p>
                        </section>
                    }.into_any()
                }}
                <DigestSwitch on=o.digest act=digest />
            }
        } />
    }
}
