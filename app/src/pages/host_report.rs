//! The pages that put a host's figures beside their profile and rewards:
//! a host's page for the brand admin (with suspension), and the host's own
//! results with their rank band.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
#[cfg(feature = "ssr")]
use crate::insights::domain::{PeriodQuery, SortBy};
use crate::{
    base::{auth::Gate, brand::BrandNav, error::AppError, l10n::fmt::money, money::Money},
    hosts::{HostRow, SetHostSuspended, SuspendControl},
    insights::{
        charts::FunnelChart,
        domain::{EventFigures, Totals},
        funnel_steps, query_signal, EventTable, PeriodPicker, PeriodView, TotalsList,
    },
    rewards::HostCredit,
};

/// A host's page for the brand admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostReport {
    pub host: HostRow,
    pub period: PeriodView,
    pub totals: Totals,
    pub events: Vec<EventFigures>,
    pub credit: HostCredit,
    pub earned: Money,
    pub spent: Money,
}

/// The host's own performance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPerformance {
    pub period: PeriodView,
    pub totals: Totals,
    pub events: Vec<EventFigures>,
    pub earned: Money,
    pub spent: Money,
    pub balance: Money,
    pub half_price_items: i64,
    /// "Top 10 %"…, or none without parties in the period.
    pub rank_band: Option<String>,
    pub ranked_hosts: i64,
}

/// One host of the brand: profile, parties of the period, funnel, ledger.
#[server(prefix = "/api", endpoint = "host_report", input = server_fn::codec::GetUrl)]
pub async fn get_host_report(
    id: i64,
    #[server(default)] period: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
) -> Result<HostReport, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let db = &state.db;
        let now = chrono::Utc::now();
        let host = crate::hosts::ssr::host(db, admin.brand_id, id).await?;
        let (p, view) = crate::insights::load::period(
            db,
            admin.brand_id,
            PeriodQuery { period, from, to },
            now,
        )
        .await?;
        let (this, _) = crate::insights::ssr::scope(admin.brand_id, &p, now, Some(id));
        let events = crate::insights::ssr::event_figures(db, this).await?;
        let credit = crate::rewards::ssr::credit(db, id).await?;
        let (earned, spent) = earned_spent(&credit);
        Ok(HostReport {
            host,
            period: view,
            totals: Totals::of(&events),
            events,
            credit,
            earned,
            spent,
        })
    })
    .await
}

#[cfg(feature = "ssr")]
fn earned_spent(credit: &HostCredit) -> (Money, Money) {
    let earned = credit
        .entries
        .iter()
        .map(|e| e.credit.minor())
        .filter(|c| *c > 0)
        .sum();
    let spent: i64 = credit
        .entries
        .iter()
        .map(|e| e.credit.minor())
        .filter(|c| *c < 0)
        .sum();
    let currency = credit.balance.currency();
    (Money::new(earned, currency), Money::new(-spent, currency))
}

/// The signed-in host's performance for a period, with their rank band.
#[server(prefix = "/api", endpoint = "my_performance", input = server_fn::codec::GetUrl)]
pub async fn get_my_performance(
    #[server(default)] period: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
) -> Result<MyPerformance, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let db = &state.db;
        let now = chrono::Utc::now();
        let (p, view) =
            crate::insights::load::period(db, host.brand_id, PeriodQuery { period, from, to }, now)
                .await?;
        let (all, _) = crate::insights::ssr::scope(host.brand_id, &p, now, None);
        let everyone = crate::insights::ssr::event_figures(db, all).await?;
        let board = crate::insights::domain::leaderboard(&everyone, SortBy::Revenue);
        let events: Vec<EventFigures> = everyone
            .into_iter()
            .filter(|e| e.host_id == host.id)
            .collect();
        let credit = crate::rewards::ssr::credit(db, host.id).await?;
        let (earned, spent) = earned_spent(&credit);
        Ok(MyPerformance {
            period: view,
            totals: Totals::of(&events),
            events,
            earned,
            spent,
            balance: credit.balance,
            half_price_items: credit.half_price_items,
            rank_band: crate::insights::domain::rank_band(&board, host.id),
            ranked_hosts: board.len() as i64,
        })
    })
    .await
}

/// A host's page for the brand admin.
#[component]
pub fn HostReportPage() -> impl IntoView {
    let id = crate::base::page::id_param("id");
    let query = query_signal();
    let suspend = ServerAction::<SetHostSuspended>::new();
    let data = Resource::new(
        move || (id.get(), query.get(), suspend.version().get()),
        |(id, (q, _), _)| get_host_report(id, q.period, q.from, q.to),
    );
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, REPORT_HOST_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/hosts" children=move |r: HostReport| view! {
            <header class="page-head">
                <p class="eyebrow"><a href="/brand/hosts">{tr!(lang, REPORT_HOSTS)}</a></p>
                <h1>{r.host.name.clone()}</h1>
                <p class="lead">{tr!(lang, REPORT_HOST_LEAD,
                    email = &r.host.email,
                    city = if r.host.city.is_empty() { tr!(lang, REPORT_NO_CITY) } else { r.host.city.clone() },
                    joined = &r.host.joined,
                    how = r.host.joined_how_in(lang))}</p>
            </header>
            <SuspendControl host=r.host.clone() act=suspend />
            <PeriodPicker period=r.period.clone() />
            <TotalsList t=r.totals.clone() currency=r.credit.balance.currency() />
            <section aria-labelledby="host-funnel-title">
                <h2 id="host-funnel-title">{tr!(lang, REPORT_FUNNEL_TITLE)}</h2>
                <FunnelChart steps=funnel_steps(&r.totals) id="host-funnel" />
                <crate::insights::FunnelNote totals=r.totals.clone() />
            </section>
            <section aria-labelledby="host-events-title">
                <h2 id="host-events-title">{tr!(lang, REPORT_PARTIES)}</h2>
                <EventTable events=r.events.clone() report_base="/brand/events" currency=r.credit.balance.currency() />
            </section>
            <section aria-labelledby="host-ledger-title">
                <h2 id="host-ledger-title">{tr!(lang, REWARD_REWARDS)}</h2>
                <p>{tr!(lang, REPORT_EARNED_SPENT,
                    earned = money(lang, r.earned), spent = money(lang, r.spent),
                    balance = money(lang, r.credit.balance), items = r.credit.half_price_items)}</p>
                <Ledger credit=r.credit.clone() />
            </section>
        } />
    }
}

#[component]
fn Ledger(credit: HostCredit) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    if credit.entries.is_empty() {
        return view! { <p class="muted">{tr!(lang, REPORT_NO_REWARD)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table data-testid="host-ledger">
                <thead><tr><th scope="col">{tr!(lang, CREDIT_COL_DATE)}</th><th scope="col">{tr!(lang, CREDIT_COL_WHAT)}</th><th scope="col" class="num">{tr!(lang, CREDIT_COL_CREDIT)}</th><th scope="col" class="num">{tr!(lang, CREDIT_COL_ITEMS)}</th></tr></thead>
                <tbody>
                    {credit.entries.into_iter().map(|e| view! {
                        <tr><td>{e.when}</td><td>{e.what}</td><td class="num">{money(lang, e.credit)}</td><td class="num">{e.half_price_items}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The host's own performance.
#[component]
pub fn MyPerformancePage() -> impl IntoView {
    let query = query_signal();
    let data = Resource::new(
        move || query.get(),
        |(q, _)| get_my_performance(q.period, q.from, q.to),
    );
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, REPORT_MY_PAGE_TITLE) />
        <Gate data here="/host/performance" children=move |m: MyPerformance| view! {
            <header class="page-head">
                <p class="eyebrow"><a href="/host">{tr!(lang, NAV_YOUR_PARTIES)}</a></p>
                <h1>{tr!(lang, HOST_YOUR_RESULTS)}</h1>
            </header>
            <PeriodPicker period=m.period.clone() />
            <p class="rank-band" data-testid="rank-band">{rank_sentence(lang, m.rank_band.as_deref(), m.ranked_hosts)}</p>
            <TotalsList t=m.totals.clone() currency=m.balance.currency() />
            <section aria-labelledby="my-rewards-title">
                <h2 id="my-rewards-title">{tr!(lang, REWARD_REWARDS)}</h2>
                <p>{tr!(lang, REPORT_MY_REWARDS, earned = money(lang, m.earned), spent = money(lang, m.spent),
                        balance = money(lang, m.balance), items = m.half_price_items)}
                    " " <a href="/host/credit">{tr!(lang, REPORT_USE_CREDIT)}</a></p>
            </section>
            <section aria-labelledby="my-events-title">
                <h2 id="my-events-title">{tr!(lang, REPORT_MY_PARTIES)}</h2>
                <EventTable events=m.events.clone() report_base="/host/events" currency=m.balance.currency() />
            </section>
        } />
    }
}

/// Where the host stands among the brand's hosts, from their band
/// (`insights::domain::rank_band`: "Top 10 %", "Top 25 %", "Top half",
/// "Growing").
fn rank_sentence(lang: crate::base::l10n::Lang, band: Option<&str>, hosts: i64) -> String {
    match band {
        Some("Top 10 %") => tr!(lang, REPORT_RANK_TOP_10, hosts = hosts),
        Some("Top 25 %") => tr!(lang, REPORT_RANK_TOP_25, hosts = hosts),
        Some("Top half") => tr!(lang, REPORT_RANK_TOP_HALF, hosts = hosts),
        Some(_) => tr!(lang, REPORT_RANK_GROWING, hosts = hosts),
        None => tr!(lang, REPORT_RANK_NONE),
    }
}
