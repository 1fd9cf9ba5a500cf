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
        let currency = crate::base::brand::ssr::currency(&state.db, host.brand_id).await?;
        Ok(HostOverview {
            digest: crate::events::digest::ssr::enabled(&state.db, host.id).await?,
            display_name: host.display_name,
            brand_name,
            events,
            balance: Money::new(balance, currency),
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
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, HOST_PAGE_TITLE) />
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
                    <p class="eyebrow">{tr!(lang, HOST_EYEBROW, brand = &o.brand_name)}</p>
                    <h1>{tr!(lang, NAV_YOUR_PARTIES)}</h1>
                    <p class="lead">{tr!(lang, HOST_HELLO, name = &o.display_name)}</p>
                    <div class="actions">
                        <a class="button primary" href="/host/events/new">{tr!(lang, HOST_SCHEDULE)}</a>
                        <a class="button" href="/host/performance">{tr!(lang, HOST_YOUR_RESULTS)}</a>
                        <a class="button" href="/host/tips">{tr!(lang, HOST_YOUR_TIPS)}</a>
                    </div>
                </header>
                {empty.then(|| view! {
                    <section class="empty-state" aria-labelledby="events-title">
                        <h2 id="events-title">{tr!(lang, HOST_NO_PARTIES)}</h2>
                        <p>{tr!(lang, HOST_NO_PARTIES_TEXT)}</p>
                    </section>
                })}
                {groups.into_iter().filter(|(_, events)| !events.is_empty()).map(|(status, events)| view! {
                    <section class="event-group" aria-label=status.label(lang)>
                        <h2>{status.label(lang)}</h2>
                        <ul class="event-list">
                            {events.into_iter().map(|e| view! {
                                <li class="event-row">
                                    <a href=format!("/host/events/{}", e.summary.id)>{e.summary.title}</a>
                                    <span class="muted">{e.summary.when} " · " {e.summary.time_zone}</span>
                                    <span class="counts" data-testid="rsvp-counts">
                                        {tr!(lang, HOST_RSVP_COUNTS, invited = e.counts.invited, yes = e.counts.yes,
                                            maybe = e.counts.maybe, no = e.counts.no, pending = e.counts.pending())}
                                    </span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
                {if o.balance.minor() > 0 || o.half_price_items > 0 {
                    view! {
                        <section class="credit-summary" aria-labelledby="rewards-title" data-testid="dashboard-credit">
                            <h2 id="rewards-title">{tr!(lang, REWARD_YOUR_REWARDS)}</h2>
                            <p class="big-figure">{crate::base::l10n::fmt::money(lang, o.balance)}</p>
                            <p>{tr!(lang, HOST_CREDIT_TO_SPEND, items = o.half_price_items)}</p>
                            <p><a class="button primary" href="/host/credit">{tr!(lang, HOST_SPEND_CREDIT)}</a></p>
                        </section>
                    }.into_any()
                } else {
                    view! {
                        <section class="empty-state" aria-labelledby="rewards-title">
                            <h2 id="rewards-title">{tr!(lang, REWARD_YOUR_REWARDS)}</h2>
                            <p>{tr!(lang, HOST_REWARDS_EMPTY)}</p>
                        </section>
                    }.into_any()
                }}
                <DigestSwitch on=o.digest act=digest />
            }
        } />
    }
}
