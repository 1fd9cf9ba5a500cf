//! How hosts perform: the brand's dashboard for a period (tiles compared
//! with the period before, revenue by week, the funnel from invitation to
//! purchase, the host leaderboard), each host's page, each party's report,
//! and the host's own view with their rank band.
//!
//! Figures count the parties held in the period (started, not cancelled,
//! dated in the brand's time zone) and everything they generated: paid
//! orders that were not cancelled or refunded, guests' orders only.

pub mod charts;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod period;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::l10n::{fmt::money, keys, use_lang, Key, Lang};
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    money::{Currency, Money},
};
use charts::{FunnelChart, RevenueChart};
use domain::{percent, EventFigures, Kpi, LeaderRow, PeriodQuery, SortBy, Totals, Trend, WeekBar};

/// The brand dashboard's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub brand_name: String,
    pub period: PeriodView,
    pub kpis: Vec<Kpi>,
    pub totals: Totals,
    pub previous: Totals,
    pub new_hosts: (i64, i64),
    pub weeks: Vec<WeekBar>,
    pub sort: String,
    pub leaderboard: Vec<LeaderRow>,
    /// The brand's currency, every amount's.
    pub currency: Currency,
}

/// The period a page shows, and what was asked for (kept in the picker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodView {
    pub query: PeriodQuery,
    pub label: String,
    pub prev_label: String,
    /// A custom range that could not be read (the page falls back to this month).
    pub error: Option<AppError>,
}

/// One guest of a party's report (no amounts per guest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestLine {
    pub name: String,
    pub rsvp: String,
    pub companions: i64,
    pub bought: bool,
    /// The guest's note to the host (empty for the brand's admin).
    pub note: String,
}

/// One item of a party's report: what guests bought and wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemLine {
    pub item_id: i64,
    pub name: String,
    pub units: i64,
    pub revenue: Money,
    pub favourites: i64,
    pub votes: i64,
}

/// A party's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventReport {
    pub event_id: i64,
    pub title: String,
    pub host_id: i64,
    pub host_name: String,
    pub when: String,
    pub cancelled: bool,
    pub held: bool,
    pub figures: EventFigures,
    pub guests: Vec<GuestLine>,
    pub items: Vec<ItemLine>,
    /// Guests' orders refunded (not in the sales above), and their total.
    pub refunded_orders: i64,
    pub refunded: Money,
    /// The brand's currency, every amount's.
    pub currency: Currency,
    /// The party's prize drawing, once drawn: the prize and the winner.
    pub draw: Option<(String, String)>,
}

#[cfg(feature = "ssr")]
pub mod load {
    use chrono::{DateTime, Utc};

    use super::{domain::PeriodQuery, period::Period, PeriodView};
    use crate::base::{db::Db, error::AppError, l10n::page_lang};

    /// The asked period in the brand's time zone; a bad custom range falls
    /// back to this month and says why (in the page's language).
    pub async fn period(
        db: &Db,
        brand_id: i64,
        q: PeriodQuery,
        now: DateTime<Utc>,
    ) -> Result<(Period, PeriodView), AppError> {
        let tz = crate::base::brand::ssr::zone(db, brand_id).await?;
        let today = now.with_timezone(&tz).date_naive();
        let lang = page_lang();
        let (p, error) = match Period::resolve(&q, today, tz, lang) {
            Ok(p) => (p, None),
            Err(e) => (
                Period::resolve(&PeriodQuery::default(), today, tz, lang)?,
                Some(e),
            ),
        };
        let view = PeriodView {
            label: p.label(lang),
            prev_label: p.prev_label(lang),
            query: q,
            error,
        };
        Ok((p, view))
    }
}

/// The brand dashboard for a period, with the leaderboard sorted by `sort`.
#[server(prefix = "/api", endpoint = "brand_dashboard", input = server_fn::codec::GetUrl)]
pub async fn get_brand_dashboard(
    #[server(default)] period: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] sort: String,
) -> Result<Dashboard, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let db = &state.db;
        let now = chrono::Utc::now();
        let (p, view) =
            load::period(db, admin.brand_id, PeriodQuery { period, from, to }, now).await?;
        let (this, before) = ssr::scope(admin.brand_id, &p, now, None);
        let (events, previous, new_now, new_before) = tokio::try_join!(
            ssr::event_figures(db, this),
            ssr::event_figures(db, before),
            ssr::new_hosts(db, admin.brand_id, p.from, p.to),
            ssr::new_hosts(db, admin.brand_id, p.prev_from, p.prev_to),
        )?;
        let totals = Totals::of(&events);
        let previous = Totals::of(&previous);
        let by = SortBy::parse(&sort);
        let lang = crate::base::l10n::page_lang();
        let currency = crate::base::brand::ssr::currency(db, admin.brand_id).await?;
        Ok(Dashboard {
            brand_name: crate::base::brand::ssr::name(db, admin.brand_id).await?,
            kpis: domain::kpis(lang, currency, &totals, &previous, (new_now, new_before)),
            currency,
            weeks: domain::revenue_by_week(lang, &events, p.first_day, p.last_day),
            leaderboard: domain::leaderboard(&events, by),
            sort: by.key().to_owned(),
            new_hosts: (new_now, new_before),
            period: view,
            totals,
            previous,
        })
    })
    .await
}

/// A party's report, for the brand admin or the host who held it.
#[server(prefix = "/api", endpoint = "event_report", input = server_fn::codec::GetUrl)]
pub async fn get_event_report(id: i64) -> Result<EventReport, AppError> {
    serve(async move {
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        let host = match user.role {
            crate::base::account::Role::BrandAdmin => None,
            crate::base::account::Role::Host => Some(user.id),
        };
        ssr::event_report(&state.db, user.brand_id, host, id, chrono::Utc::now()).await
    })
    .await
}

/// The page's period and sort, from its address.
pub fn query_signal() -> Memo<(PeriodQuery, String)> {
    let q = use_query_map();
    Memo::new(move |_| {
        let q = q.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        (
            PeriodQuery {
                period: get("period"),
                from: get("from"),
                to: get("to"),
            },
            get("sort"),
        )
    })
}

/// The period's address parameters, to keep them in links.
pub fn period_params(q: &PeriodQuery) -> String {
    let mut s = format!(
        "period={}",
        if q.period.is_empty() {
            "month"
        } else {
            &q.period
        }
    );
    if q.period == "custom" {
        s.push_str(&format!("&from={}&to={}", q.from, q.to));
    }
    s
}

/// Choosing the period: a plain GET form, so the address holds the choice.
#[component]
pub fn PeriodPicker(period: PeriodView, #[prop(optional)] sort: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let q = period.query.clone();
    let error = period.error.clone();
    let message = move |field: &str| error.as_ref().and_then(|e| e.for_field(field));
    let (from_error, to_error, kind_error) = (message("from"), message("to"), message("period"));
    let kind = if q.period.is_empty() {
        "month".to_owned()
    } else {
        q.period.clone()
    };
    view! {
        <form class="period-picker" method="get" aria-label=tr!(lang, INSIGHTS_PERIOD)>
            <div class="field">
                <label for="period">{tr!(lang, INSIGHTS_PERIOD)}</label>
                <select id="period" name="period">
                    <option value="month" selected=kind == "month">{tr!(lang, INSIGHTS_PERIOD_MONTH)}</option>
                    <option value="quarter" selected=kind == "quarter">{tr!(lang, INSIGHTS_PERIOD_QUARTER)}</option>
                    <option value="custom" selected=kind == "custom">{tr!(lang, INSIGHTS_PERIOD_CUSTOM)}</option>
                </select>
                {kind_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="from">{tr!(lang, INSIGHTS_PERIOD_FROM)}</label>
                <input id="from" name="from" type="date" value=q.from.clone()
                    aria-invalid=from_error.as_ref().map(|_| "true") aria-describedby=from_error.as_ref().map(|_| "from-error") />
                {from_error.clone().map(|m| view! { <p class="field-error" id="from-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="to">{tr!(lang, INSIGHTS_PERIOD_TO)}</label>
                <input id="to" name="to" type="date" value=q.to.clone()
                    aria-invalid=to_error.as_ref().map(|_| "true") aria-describedby=to_error.as_ref().map(|_| "to-error") />
                {to_error.clone().map(|m| view! { <p class="field-error" id="to-error">{m}</p> })}
            </div>
            {sort.map(|s| view! { <input type="hidden" name="sort" value=s /> })}
            <button type="submit" class="button">{tr!(lang, INSIGHTS_SHOW)}</button>
        </form>
        {(!period.label.is_empty()).then(|| view! {
            <p class="muted period-label" data-testid="period-label">
                {if period.error.is_some() {
                    tr!(lang, INSIGHTS_PERIOD_COMPARED_FALLBACK, period = &period.label, previous = &period.prev_label)
                } else {
                    tr!(lang, INSIGHTS_PERIOD_COMPARED, period = &period.label, previous = &period.prev_label)
                }}
            </p>
        })}
    }
}

#[component]
pub fn KpiTiles(kpis: Vec<Kpi>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="tiles kpis" aria-label=tr!(lang, INSIGHTS_KEY_FIGURES) data-testid="kpis">
            {kpis.into_iter().map(|k| {
                let good = match k.trend {
                    Trend::Flat => "flat",
                    Trend::Up if k.up_is_good => "good",
                    Trend::Down if !k.up_is_good => "good",
                    _ => "bad",
                };
                let arrow = match k.trend { Trend::Up => "▲ ", Trend::Down => "▼ ", Trend::Flat => "" };
                view! {
                    <li class="tile" data-kpi=k.key.clone()>
                        <span class="tile-label">{k.label.clone()}</span>
                        <span class="tile-value">{k.value.clone()}</span>
                        <span class=format!("tile-change {good}")>
                            <span aria-hidden="true">{arrow}</span>{k.change.clone()}
                            <span class="muted">{format!(" {}", tr!(lang, INSIGHTS_KPI_WAS, value = &k.previous))}</span>
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The funnel's steps: each one's name (a message) and its people.
pub fn funnel_steps(t: &Totals) -> Vec<(Key, i64)> {
    vec![
        (keys::INSIGHTS_INVITED, t.invited),
        (keys::INSIGHTS_ANSWERED, t.answered),
        (keys::INSIGHTS_SAID_YES, t.yes),
        (keys::INSIGHTS_INVITED_AND_BOUGHT, t.bought),
    ]
}

/// Why the funnel's last step and the "Buying guests" tile may differ.
#[component]
pub fn FunnelNote(totals: Totals) -> impl IntoView {
    let lang = use_lang();
    let through_links = (totals.buyers - totals.bought).max(0);
    view! {
        <p class="hint" data-testid="funnel-note">{match through_links {
            0 => tr!(lang, INSIGHTS_FUNNEL_NOTE_ALL_INVITED),
            n => tr!(lang, INSIGHTS_FUNNEL_NOTE_SHARE_LINKS, count = n),
        }}</p>
    }
}

/// The brand admin's dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let query = query_signal();
    let data = Resource::new(
        move || query.get(),
        |(q, sort)| get_brand_dashboard(q.period, q.from, q.to, sort),
    );
    view! {
        <Title text=tr!(lang, INSIGHTS_DASHBOARD_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand" children=move |d: Dashboard| {
            let params = period_params(&d.period.query);
            let empty = d.totals.events == 0;
            view! {
                <header class="page-head">
                    <p class="eyebrow">{d.brand_name.clone()}</p>
                    <h1>{tr!(lang, NAV_BRAND_DASHBOARD)}</h1>
                    <p class="lead">{tr!(lang, INSIGHTS_DASHBOARD_LEAD)}</p>
                </header>
                <PeriodPicker period=d.period.clone() sort=d.sort.clone() />
                <KpiTiles kpis=d.kpis.clone() />
                {empty.then(|| view! {
                    <p class="empty-state">{tr!(lang, INSIGHTS_DASHBOARD_EMPTY)}</p>
                })}
                <div class="chart-grid">
                    <section aria-labelledby="revenue-title">
                        <h2 id="revenue-title">{tr!(lang, INSIGHTS_REVENUE_BY_WEEK)}</h2>
                        <RevenueChart weeks=d.weeks.clone() currency=d.currency />
                    </section>
                    <section aria-labelledby="funnel-title">
                        <h2 id="funnel-title">{tr!(lang, INSIGHTS_FUNNEL_TITLE)}</h2>
                        <FunnelChart steps=funnel_steps(&d.totals) />
                        <FunnelNote totals=d.totals.clone() />
                    </section>
                </div>
                <Leaderboard rows=d.leaderboard.clone() sort=d.sort.clone() params=params currency=d.currency />
            }
        } />
    }
}

#[component]
fn Leaderboard(
    rows: Vec<LeaderRow>,
    sort: String,
    params: String,
    currency: Currency,
) -> impl IntoView {
    let lang = use_lang();
    let header = move |by: SortBy| {
        let on = sort == by.key();
        let href = format!("/brand?{params}&sort={}#leaderboard-title", by.key());
        view! {
            <th scope="col" class="num" aria-sort=if on { "descending" } else { "none" }>
                <a href=href data-sort=by.key()>{by.label(lang)}{on.then_some(" ▼")}</a>
            </th>
        }
    };
    let headers = SortBy::ALL.map(header);
    view! {
        <section aria-labelledby="leaderboard-title">
            <h2 id="leaderboard-title">{tr!(lang, INSIGHTS_LEADERBOARD_TITLE)}</h2>
            {if rows.is_empty() {
                view! { <p class="muted">{tr!(lang, INSIGHTS_LEADERBOARD_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table data-testid="leaderboard" class="leaderboard">
                            <thead><tr><th scope="col">"#"</th><th scope="col">{tr!(lang, INSIGHTS_HOST)}</th>{headers}</tr></thead>
                            <tbody>
                                {rows.into_iter().enumerate().map(|(i, r)| view! {
                                    <tr>
                                        <td>{i + 1}</td>
                                        <th scope="row"><a href=format!("/brand/hosts/{}", r.host_id)>{r.name.clone()}</a></th>
                                        <td class="num">{money(lang, Money::new(r.revenue_cents, currency))}</td>
                                        <td class="num">{r.events}</td>
                                        <td class="num">{r.buyers}</td>
                                        <td class="num">{percent(lang, r.conversion_bp)}</td>
                                        <td class="num">{money(lang, Money::new(r.average_order_cents, currency))}</td>
                                        <td class="num">{r.bookings}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// The parties of a period with their figures.
#[component]
pub fn EventTable(
    events: Vec<EventFigures>,
    report_base: &'static str,
    currency: Currency,
) -> impl IntoView {
    let lang = use_lang();
    if events.is_empty() {
        return view! { <p class="muted">{tr!(lang, INSIGHTS_EVENTS_EMPTY)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table data-testid="event-figures">
                <thead><tr>
                    <th scope="col">{tr!(lang, INSIGHTS_PARTY)}</th><th scope="col">{tr!(lang, INSIGHTS_DATE)}</th>
                    <th scope="col" class="num">{tr!(lang, INSIGHTS_INVITED)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_YES)}</th>
                    <th scope="col" class="num">{tr!(lang, INSIGHTS_BUYERS)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_ORDERS)}</th>
                    <th scope="col" class="num">{tr!(lang, INSIGHTS_REVENUE)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_REWARD)}</th>
                    <th scope="col" class="num">{tr!(lang, INSIGHTS_BOOKINGS)}</th>
                </tr></thead>
                <tbody>
                    {events.into_iter().map(|e| view! {
                        <tr>
                            <th scope="row"><a href=format!("{report_base}/{}/report", e.event_id)>{e.title.clone()}</a></th>
                            <td>{e.day.clone()}</td>
                            <td class="num">{e.invited}</td><td class="num">{e.yes}</td>
                            <td class="num">{e.buyers}</td><td class="num">{e.orders}</td>
                            <td class="num">{money(lang, Money::new(e.revenue_cents, currency))}</td>
                            <td class="num">{money(lang, Money::new(e.reward_cents, currency))}</td>
                            <td class="num">{e.bookings}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn TotalsList(t: Totals, currency: Currency) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="tiles" aria-label=tr!(lang, INSIGHTS_TOTALS_LABEL) data-testid="totals">
            <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_PARTIES_HELD)}</span><span class="tile-value">{t.events}</span></li>
            <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_REVENUE_PAID)}</span><span class="tile-value">{money(lang, Money::new(t.revenue_cents, currency))}</span></li>
            <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_BUYING_GUESTS)}</span><span class="tile-value">{t.buyers}</span></li>
            <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_CONVERSION)}</span><span class="tile-value">{percent(lang, t.conversion_bp())}</span></li>
            <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_AVERAGE_ORDER)}</span><span class="tile-value">{money(lang, Money::new(t.average_order_cents(), currency))}</span></li>
            <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_BOOKINGS)}</span><span class="tile-value">{t.bookings}</span></li>
        </ul>
    }
}

fn rsvp_label(lang: Lang, rsvp: &str) -> String {
    match rsvp {
        "yes" => tr!(lang, INVITE_RSVP_YES),
        "maybe" => tr!(lang, INVITE_RSVP_MAYBE),
        "no" => tr!(lang, INVITE_RSVP_NO),
        "waiting" => tr!(lang, INVITE_RSVP_WAITING),
        _ => tr!(lang, INSIGHTS_RSVP_NONE),
    }
}

/// A party's report: guests, items, what guests wanted.
#[component]
pub fn EventReportPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::base::page::id_param("id");
    let data = Resource::new(move || id.get(), get_event_report);
    let brand = leptos_router::hooks::use_location()
        .pathname
        .get_untracked()
        .starts_with("/brand");
    view! {
        <Title text=tr!(lang, INSIGHTS_REPORT_PAGE_TITLE) />
        {brand.then(|| view! { <BrandNav /> })}
        <Gate data here="/" children=move |r: EventReport| {
            let f = r.figures.clone();
            let back = if brand { format!("/brand/hosts/{}", r.host_id) } else { "/host/performance".to_owned() };
            view! {
                <header class="page-head">
                    <p class="eyebrow"><a href=back>{tr!(lang, INSIGHTS_REPORT_HOSTED_BY, host = &r.host_name)}</a></p>
                    <h1>{r.title.clone()}</h1>
                    <p class="lead">{if r.cancelled {
                        tr!(lang, INSIGHTS_REPORT_WHEN_CANCELLED, when = &r.when)
                    } else if !r.held {
                        tr!(lang, INSIGHTS_REPORT_WHEN_NOT_HELD, when = &r.when)
                    } else {
                        r.when.clone()
                    }}</p>
                </header>
                <ul class="tiles" aria-label=tr!(lang, INSIGHTS_REPORT_FIGURES) data-testid="report-figures">
                    <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_INVITED)}</span><span class="tile-value">{f.invited}</span></li>
                    <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_SAID_YES)}</span><span class="tile-value">{f.yes}</span></li>
                    <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_BUYING_GUESTS)}</span><span class="tile-value">{f.buyers}</span></li>
                    <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_PAID_ORDERS)}</span><span class="tile-value">{f.orders}</span></li>
                    <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_REVENUE_PAID)}</span><span class="tile-value">{money(lang, Money::new(f.revenue_cents, r.currency))}</span></li>
                    <li class="tile"><span class="tile-label">{tr!(lang, INSIGHTS_BOOKINGS)}</span><span class="tile-value">{f.bookings}</span></li>
                </ul>
                {(r.refunded_orders > 0).then(|| {
                    let amount = money(lang, r.refunded);
                    view! {
                        <p data-testid="report-refunds">{if r.held {
                            tr!(lang, INSIGHTS_REPORT_REFUNDED_HELD, count = r.refunded_orders, amount = &amount)
                        } else {
                            tr!(lang, INSIGHTS_REPORT_REFUNDED, count = r.refunded_orders, amount = &amount)
                        }}</p>
                    }
                })}
                {r.draw.clone().map(|(prize, winner)| view! {
                    <p data-testid="report-draw">{tr!(lang, INSIGHTS_REPORT_DRAW, prize = prize, winner = winner)}</p>
                })}
                <section aria-labelledby="report-guests-title">
                    <h2 id="report-guests-title">{tr!(lang, INSIGHTS_REPORT_GUESTS)}</h2>
                    {if r.guests.is_empty() {
                        view! { <p class="muted">{tr!(lang, INSIGHTS_REPORT_NO_GUESTS)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll">
                                <table data-testid="report-guests">
                                    <thead><tr><th scope="col">{tr!(lang, INSIGHTS_REPORT_GUEST)}</th><th scope="col">{tr!(lang, INSIGHTS_REPORT_ANSWER)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_REPORT_PLUS_ONES)}</th><th scope="col">{tr!(lang, INSIGHTS_REPORT_BOUGHT)}</th>
                                        {(!brand).then(|| view! { <th scope="col">{tr!(lang, INSIGHTS_REPORT_NOTE_TO_YOU)}</th> })}</tr></thead>
                                    <tbody>
                                        {r.guests.clone().into_iter().map(|g| view! {
                                            <tr><th scope="row">{g.name}</th><td>{rsvp_label(lang, &g.rsvp)}</td><td class="num">{g.companions}</td><td>{if g.bought { tr!(lang, INSIGHTS_BOUGHT_YES) } else { tr!(lang, INSIGHTS_BOUGHT_NO) }}</td>
                                                {(!brand).then(|| view! { <td class="guest-note">{g.note}</td> })}</tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                </section>
                <section aria-labelledby="report-items-title">
                    <h2 id="report-items-title">{tr!(lang, INSIGHTS_REPORT_ITEMS_TITLE)}</h2>
                    <p class="muted">{tr!(lang, INSIGHTS_REPORT_ITEMS_HINT)}</p>
                    <div class="table-scroll">
                        <table data-testid="report-items">
                            <thead><tr><th scope="col">{tr!(lang, INSIGHTS_REPORT_ITEM)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_REPORT_UNITS_SOLD)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_REVENUE)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_REPORT_FAVOURITES)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_REPORT_VOTES)}</th></tr></thead>
                            <tbody>
                                {r.items.clone().into_iter().map(|i| view! {
                                    <tr><th scope="row">{i.name}</th><td class="num">{i.units}</td><td class="num">{money(lang, i.revenue)}</td><td class="num">{i.favourites}</td><td class="num">{i.votes}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        } />
    }
}
