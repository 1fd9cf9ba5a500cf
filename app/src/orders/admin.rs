//! The brand admin's orders: a filtered list, each order's page, and the
//! status changes (paid, in preparation, shipped with a tracking number,
//! delivered, cancelled, refunded), each recorded and mailed to the buyer.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::OrderTracking;
#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::order::OrderStatus;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{Field, FormError},
    l10n::fmt::money,
    money::Money,
    page::urlencode,
};

/// The list's filters as typed: a customer's name or email, status, event
/// id, host id, dates (in the brand's zone, `YYYY-MM-DD`), page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersQuery {
    #[serde(default)]
    pub search: String,
    pub status: String,
    pub event: String,
    pub host: String,
    pub from: String,
    pub to: String,
    pub page: i64,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    pub id: i64,
    pub placed: String,
    pub customer_name: String,
    pub customer_email: String,
    pub event_title: String,
    pub host_name: String,
    pub status: OrderStatus,
    pub total: Money,
}

/// One page of the brand's orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersPage {
    pub rows: Vec<OrderRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub events: Vec<(i64, String)>,
    pub hosts: Vec<(i64, String)>,
}

/// An order as the brand admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOrder {
    pub id: i64,
    pub order: OrderTracking,
    pub customer_email: String,
    pub host_name: String,
    /// The statuses it can move to: (value, label).
    pub next: Vec<(String, String)>,
}

/// The brand's orders, filtered.
#[server(prefix = "/api", endpoint = "brand_orders", input = server_fn::codec::GetUrl)]
pub async fn get_brand_orders(query: OrdersQuery) -> Result<OrdersPage, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::list(&state.db, admin.brand_id, &query).await
    })
    .await
}

/// One order of the brand.
#[server(prefix = "/api", endpoint = "brand_order", input = server_fn::codec::GetUrl)]
pub async fn get_brand_order(id: i64) -> Result<AdminOrder, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::detail(&state.db, admin.brand_id, id).await
    })
    .await
}

/// Moves an order of the brand to `status`; shipping needs a carrier and a
/// tracking number.
#[server(prefix = "/api", endpoint = "set_order_status")]
pub async fn set_order_status(
    id: i64,
    status: String,
    carrier: Option<String>,
    tracking_number: Option<String>,
) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let to = OrderStatus::parse(&status).ok_or_else(|| {
            AppError::invalid(
                "status",
                tr!(crate::base::l10n::page_lang(), ADMIN_ORDER_ERROR_STATUS),
            )
        })?;
        if to == OrderStatus::Refunded {
            // A card payment goes back to the card first.
            super::card::ssr::refund(&state.db, &state.config, admin.brand_id, id).await?;
        }
        let actor = format!("brand admin {}", admin.email);
        let change = crate::base::order_writer::StatusMove {
            brand_id: admin.brand_id,
            order_id: id,
            to,
            actor: &actor,
            carrier: carrier.as_deref().unwrap_or_default(),
            tracking_number: tracking_number.as_deref().unwrap_or_default(),
            reason: "",
        };
        Ok(crate::base::order_writer::change_status(
            &state.db,
            &state.config,
            &change,
            chrono::Utc::now(),
        )
        .await?)
    })
    .await
}

/// What a bulk change did: how many orders moved, and why the others did not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkReport {
    pub status: String,
    pub moved: i64,
    /// (order id, why it stayed as it was), for the first few.
    pub refused: Vec<(i64, String)>,
    /// How many more stayed as they were.
    #[serde(default)]
    pub more_refused: usize,
}

#[cfg(feature = "ssr")]
impl BulkReport {
    /// Orders the report names; it must fit the cookie that carries it
    /// back to a page posted without JavaScript.
    const NAMED: usize = 15;

    fn refuse(&mut self, id: i64, why: String) {
        if self.refused.len() < Self::NAMED {
            self.refused.push((id, why));
        } else {
            self.more_refused += 1;
        }
    }
}

/// The statuses a bulk change may set.
pub const BULK_STATUSES: [OrderStatus; 2] = [OrderStatus::Paid, OrderStatus::InPreparation];

/// Moves the ticked orders of the brand to `status` (paid or in
/// preparation), each in its own transaction with its buyer's mail; an
/// order that cannot move is left as it is and named in the report.
#[server(prefix = "/api", endpoint = "bulk_order_status")]
pub async fn bulk_order_status(
    #[server(default)] ids: Vec<i64>,
    status: String,
) -> Result<BulkReport, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let lang = crate::base::l10n::page_lang();
        let mut mistakes = crate::base::error::Mistakes::default();
        let to = OrderStatus::parse(&status).filter(|s| BULK_STATUSES.contains(s));
        if to.is_none() {
            mistakes.note(
                "bulk-status",
                tr!(
                    lang,
                    ADMIN_ORDER_ERROR_BULK_STATUS,
                    paid = OrderStatus::Paid.label(lang),
                    preparation = OrderStatus::InPreparation.label(lang)
                ),
            );
        }
        if ids.is_empty() {
            mistakes.note("bulk-ids", tr!(lang, ADMIN_ORDER_ERROR_BULK_IDS));
        }
        mistakes.finish()?;
        let to = to.ok_or(AppError::Internal)?;
        let actor = format!("brand admin {}", admin.email);
        let mut report = BulkReport {
            status: to.label(lang),
            ..Default::default()
        };
        for id in ids {
            let change = crate::base::order_writer::StatusMove {
                brand_id: admin.brand_id,
                order_id: id,
                to,
                actor: &actor,
                carrier: "",
                tracking_number: "",
                reason: "",
            };
            use crate::base::order_writer::StatusError;
            match crate::base::order_writer::change_status(
                &state.db,
                &state.config,
                &change,
                chrono::Utc::now(),
            )
            .await
            {
                Ok(()) => report.moved += 1,
                Err(StatusError::NotFound) => return Err(AppError::NotFound),
                Err(StatusError::NotAllowed { from, to }) => report.refuse(
                    id,
                    tr!(
                        lang,
                        ADMIN_ORDER_CANNOT_BECOME,
                        from = from.label(lang).to_lowercase(),
                        to = to.label(lang).to_lowercase()
                    ),
                ),
                Err(StatusError::ChangedMeanwhile) => {
                    report.refuse(id, tr!(lang, ADMIN_ORDER_CHANGED_MEANWHILE))
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(report)
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};

    use super::{AdminOrder, OrderRow, OrdersPage, OrdersQuery};
    use crate::{
        base::{
            db::Db,
            error::AppError,
            money::{Currency, Money},
            order::OrderStatus,
        },
        on_db,
    };

    const PAGE_SIZE: i64 = 25;

    fn day_start(
        raw: &str,
        zone: chrono_tz::Tz,
        field: &str,
    ) -> Result<Option<DateTime<Utc>>, AppError> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        let day = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
            AppError::invalid(
                field,
                tr!(crate::base::l10n::page_lang(), ADMIN_ORDER_ERROR_DATE),
            )
        })?;
        let local = day.and_hms_opt(0, 0, 0).expect("midnight exists");
        Ok(zone
            .from_local_datetime(&local)
            .earliest()
            .map(|t| t.with_timezone(&Utc)))
    }

    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        placed_at: DateTime<Utc>,
        customer_name: String,
        customer_email: String,
        title: String,
        host_name: String,
        #[sqlx(try_from = "String")]
        status: OrderStatus,
        total_cents: i64,
        currency: String,
    }

    /// One page of the brand's orders, newest first.
    pub async fn list(db: &Db, brand_id: i64, q: &OrdersQuery) -> Result<OrdersPage, AppError> {
        let zone = crate::base::brand::ssr::zone(db, brand_id).await?;
        let lang = crate::base::l10n::page_lang();
        let from = day_start(&q.from, zone, "from")?;
        let to = day_start(&q.to, zone, "to")?.map(|t| t + chrono::Duration::days(1));
        let event: i64 = q.event.parse().unwrap_or(0);
        let host: i64 = q.host.parse().unwrap_or(0);
        let page = q.page.max(1);
        // A name or an email, anywhere in it, whatever the case; or a
        // transfer's payment reference, which names its order.
        let search = match (
            q.search.trim(),
            crate::base::bank::order_of_reference(&q.search),
        ) {
            (_, Some(order)) => order.to_string(),
            ("", None) => String::new(),
            (s, None) => format!(
                "%{}%",
                s.to_lowercase().replace('\\', "").replace(['%', '_'], "")
            ),
        };
        let filter =
            "o.brand_id = $1 AND ($2 = '' OR o.status = $2) AND ($3 = 0 OR o.event_id = $3)
            AND ($4 = 0 OR o.host_id = $4) AND ($5 IS NULL OR o.placed_at >= $5)
            AND ($6 IS NULL OR o.placed_at < $6)
            AND ($7 = '' OR lower(o.customer_name) LIKE $7 OR lower(o.customer_email) LIKE $7
                 OR CAST(o.id AS TEXT) = $7)";
        let count_sql = format!("SELECT COUNT(*) FROM orders o WHERE {filter}");
        let page_sql = format!(
            "SELECT o.id, o.placed_at, o.customer_name, o.customer_email, e.title, u.display_name AS host_name, o.status, o.total_cents, o.currency
             FROM orders o JOIN events e ON e.id = o.event_id JOIN users u ON u.id = e.host_id
             WHERE {filter} ORDER BY o.placed_at DESC, o.id DESC LIMIT $8 OFFSET $9"
        );
        let (total, rows): (i64, Vec<Row>) = on_db!(db.reader(), |pool| {
            let total = sqlx::query_scalar(&count_sql)
                .bind(brand_id)
                .bind(&q.status)
                .bind(event)
                .bind(host)
                .bind(from)
                .bind(to)
                .bind(&search)
                .fetch_one(pool)
                .await?;
            let rows = sqlx::query_as(&page_sql)
                .bind(brand_id)
                .bind(&q.status)
                .bind(event)
                .bind(host)
                .bind(from)
                .bind(to)
                .bind(&search)
                .bind(PAGE_SIZE)
                .bind((page - 1) * PAGE_SIZE)
                .fetch_all(pool)
                .await?;
            (total, rows)
        });
        let (events, hosts) = filter_choices(db, brand_id, zone).await?;
        Ok(OrdersPage {
            rows: rows
                .into_iter()
                .map(|r| OrderRow {
                    id: r.id,
                    placed: crate::base::l10n::fmt::datetime_medium(lang, r.placed_at, zone),
                    customer_name: r.customer_name,
                    customer_email: r.customer_email,
                    event_title: r.title,
                    host_name: r.host_name,
                    status: r.status,
                    total: Money::new(r.total_cents, Currency::of_db(&r.currency)),
                })
                .collect(),
            total,
            page,
            pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
            events,
            hosts,
        })
    }

    type Choices = Vec<(i64, String)>;

    /// The filters' parties (named with their date and host, as parties
    /// often share a title) and hosts.
    async fn filter_choices(
        db: &Db,
        brand_id: i64,
        zone: chrono_tz::Tz,
    ) -> Result<(Choices, Choices), AppError> {
        type Parties = Vec<(i64, String, DateTime<Utc>, String)>;
        let (events, hosts): (Parties, Choices) = on_db!(db.reader(), |pool| {
            let events = sqlx::query_as(
                "SELECT e.id, e.title, e.starts_at, u.display_name FROM events e JOIN users u ON u.id = e.host_id
                 WHERE e.brand_id = $1 ORDER BY e.starts_at DESC",
            )
            .bind(brand_id)
            .fetch_all(pool)
            .await?;
            let hosts = sqlx::query_as(
                "SELECT id, display_name FROM users WHERE brand_id = $1 AND role = 'host' ORDER BY display_name",
            )
            .bind(brand_id)
            .fetch_all(pool)
            .await?;
            (events, hosts)
        });
        let lang = crate::base::l10n::page_lang();
        let events = events
            .into_iter()
            .map(|(id, title, starts, host)| {
                let day = crate::base::l10n::fmt::date_medium(
                    lang,
                    starts.with_timezone(&zone).date_naive(),
                );
                (
                    id,
                    tr!(
                        lang,
                        ADMIN_ORDER_PARTY_CHOICE,
                        title = &title,
                        date = &day,
                        host = &host
                    ),
                )
            })
            .collect();
        Ok((events, hosts))
    }

    /// One order of the brand.
    pub async fn detail(db: &Db, brand_id: i64, id: i64) -> Result<AdminOrder, AppError> {
        let row: Option<(String, String, String)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT o.tracking_code, o.customer_email, u.display_name FROM orders o
                 JOIN events e ON e.id = o.event_id JOIN users u ON u.id = e.host_id
                 WHERE o.id = $1 AND o.brand_id = $2",
            )
            .bind(id)
            .bind(brand_id)
            .fetch_optional(pool)
            .await
        })?;
        let (code, customer_email, host_name) = row.ok_or(AppError::NotFound)?;
        let order = crate::orders::ssr::tracking(db, &code).await?;
        let status = order.status;
        Ok(AdminOrder {
            id,
            customer_email,
            host_name,
            next: status
                .next()
                .iter()
                .map(|s| {
                    (
                        s.as_db().to_owned(),
                        s.label(crate::base::l10n::page_lang()),
                    )
                })
                .collect(),
            order,
        })
    }
}

fn orders_href(q: &OrdersQuery, page: i64) -> String {
    let mut parts: Vec<String> = [
        ("status", &q.status),
        ("event", &q.event),
        ("host", &q.host),
        ("from", &q.from),
        ("to", &q.to),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}", urlencode(v)))
    .collect();
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() {
        "/brand/orders".to_owned()
    } else {
        format!("/brand/orders?{}", parts.join("&"))
    }
}

/// The brand's orders with filters.
#[component]
pub fn BrandOrdersPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        let q = query_map.read();
        OrdersQuery {
            search: q.get("search").unwrap_or_default(),
            status: q.get("status").unwrap_or_default(),
            event: q.get("event").unwrap_or_default(),
            host: q.get("host").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    });
    let bulk = crate::base::forms::action::<BulkOrderStatus>();
    let data = Resource::new(
        move || (query.get(), bulk.version().get()),
        |(q, _)| get_brand_orders(q),
    );
    let bulk_error = Signal::derive(move || bulk.value().get().and_then(Result::err));
    let bulk_report = move || bulk.value().get().and_then(Result::ok);
    let bulk_field = move |field: &'static str| {
        move || {
            bulk_error.get().and_then(|e| e.for_field(field)).map(|m| {
                view! { <p class="field-error" id=format!("{field}-error")>{m}</p> }
            })
        }
    };
    view! {
        <Title text=tr!(lang, ADMIN_ORDER_LIST_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/orders" children=move |p: OrdersPage| {
            let q = query.get_untracked();
            let prev = (p.page > 1).then(|| orders_href(&q, p.page - 1));
            let next = (p.page < p.pages).then(|| orders_href(&q, p.page + 1));
            let select = |id: &'static str, label: String, current: String, options: Vec<(String, String)>, all: String| view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <select id=id name=id>
                        <option value="">{all}</option>
                        {options.into_iter().map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        }).collect_view()}
                    </select>
                </div>
            };
            view! {
                <header class="page-head"><h1>{tr!(lang, ADMIN_ORDER_LIST_TITLE)}</h1></header>
                <form method="get" action="/brand/orders" class="filters" role="search">
                    <div class="field"><label for="search">{tr!(lang, ADMIN_ORDER_SEARCH)}</label>
                        <input id="search" name="search" type="search" value=q.search.clone() /></div>
                    {select("status", tr!(lang, ADMIN_ORDER_STATUS), q.status.clone(), OrderStatus::ALL.iter().map(|s| (s.as_db().to_owned(), s.label(lang))).collect(), tr!(lang, ADMIN_ORDER_ALL_STATUSES))}
                    {select("event", tr!(lang, ADMIN_ORDER_PARTY), q.event.clone(), p.events.iter().map(|(id, t)| (id.to_string(), t.clone())).collect(), tr!(lang, ADMIN_ORDER_ALL_PARTIES))}
                    {select("host", tr!(lang, ADMIN_ORDER_HOST), q.host.clone(), p.hosts.iter().map(|(id, n)| (id.to_string(), n.clone())).collect(), tr!(lang, ADMIN_ORDER_ALL_HOSTS))}
                    <div class="field"><label for="from">{tr!(lang, INSIGHTS_PERIOD_FROM)}</label><input id="from" name="from" type="date" value=q.from.clone() /></div>
                    <div class="field"><label for="to">{tr!(lang, INSIGHTS_PERIOD_TO)}</label><input id="to" name="to" type="date" value=q.to.clone() /></div>
                    <button type="submit" class="button">{tr!(lang, INSIGHTS_SHOW)}</button>
                </form>
                <p class="muted" role="status" data-testid="orders-count">{tr!(lang, ADMIN_ORDER_COUNT, count = p.total)}</p>
                {move || bulk_report().map(|r| view! {
                    <div class="report" role="status" data-testid="bulk-report">
                        <p>{tr!(lang, ADMIN_ORDER_BULK_MOVED, count = r.moved, status = r.status.to_lowercase())}</p>
                        {(!r.refused.is_empty()).then(|| view! {
                            <ul>{r.refused.into_iter().map(|(id, why)| view! { <li>{tr!(lang, ADMIN_ORDER_BULK_REFUSED, id = id, reason = why)}</li> }).collect_view()}
                                {(r.more_refused > 0).then(|| view! { <li>{tr!(lang, ADMIN_ORDER_BULK_MORE_REFUSED, count = r.more_refused)}</li> })}</ul>
                        })}
                    </div>
                })}
                <ActionForm action=bulk attr:class="bulk-form" attr:novalidate="">
                    <FormError error=bulk_error />
                    <div class="bulk-bar">
                        <div class="field">
                            <label for="bulk-status">{tr!(lang, ADMIN_ORDER_BULK_LABEL)}</label>
                            <select id="bulk-status" name="status"
                                aria-describedby=move || bulk_error.get().and_then(|e| e.for_field("bulk-status")).map(|_| "bulk-status-error")>
                                {BULK_STATUSES.iter().map(|s| view! { <option value=s.as_db()>{s.label(lang)}</option> }).collect_view()}
                            </select>
                            {bulk_field("bulk-status")}
                        </div>
                        <button type="submit" class="button primary" disabled=move || bulk.pending().get()>{tr!(lang, ADMIN_ORDER_APPLY)}</button>
                    </div>
                    {bulk_field("bulk-ids")}
                    <div class="table-scroll">
                        <table>
                            <thead><tr>
                                <th scope="col"><span class="sr-only">{tr!(lang, ADMIN_ORDER_TICK)}</span></th>
                                <th scope="col">{tr!(lang, ADMIN_ORDER_ORDER)}</th><th scope="col">{tr!(lang, ADMIN_ORDER_PLACED)}</th><th scope="col">{tr!(lang, ADMIN_ORDER_CUSTOMER)}</th>
                                <th scope="col">{tr!(lang, ADMIN_ORDER_PARTY)}</th><th scope="col">{tr!(lang, ADMIN_ORDER_HOST)}</th><th scope="col">{tr!(lang, ADMIN_ORDER_STATUS)}</th><th scope="col" class="num">{tr!(lang, ADMIN_ORDER_TOTAL_COLUMN)}</th>
                            </tr></thead>
                            <tbody>
                                {p.rows.into_iter().enumerate().map(|(n, r)| {
                                    let tick = tr!(lang, ADMIN_ORDER_TICK_LABEL, id = r.id, name = &r.customer_name);
                                    view! {
                                        <tr>
                                            <td class="tick"><input type="checkbox" name=format!("ids[{n}]") value=r.id aria-label=tick /></td>
                                            <td><a href=format!("/brand/orders/{}", r.id)>{format!("#{}", r.id)}</a></td>
                                            <td>{r.placed}</td><td>{r.customer_name}<br /><span class="muted">{r.customer_email}</span></td>
                                            <td>{r.event_title}</td><td>{r.host_name}</td>
                                            <td>{r.status.label(lang)}</td><td class="num">{money(lang, r.total)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </ActionForm>
                <nav class="pager" aria-label=tr!(lang, CATALOG_PAGES)>
                    {prev.map(|href| view! { <a href=href rel="prev">{tr!(lang, CATALOG_PREVIOUS)}</a> })}
                    {next.map(|href| view! { <a href=href rel="next">{tr!(lang, CATALOG_NEXT)}</a> })}
                </nav>
            }
        } />
    }
}

/// One order for the brand admin, with the status form.
#[component]
pub fn BrandOrderPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let id = crate::base::page::id_param("id");
    let change = ServerAction::<SetOrderStatus>::new();
    let data = Resource::new(
        move || (id.get(), change.version().get()),
        |(id, _)| get_brand_order(id),
    );
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, ADMIN_ORDER_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/orders" children=move |o: AdminOrder| view! {
            <p><a href="/brand/orders">{tr!(lang, ADMIN_ORDER_BACK)}</a></p>
            <header class="page-head">
                <p class="eyebrow">{tr!(lang, ADMIN_ORDER_EYEBROW, party = &o.order.event_title, host = &o.host_name)}</p>
                <h1>{tr!(lang, ADMIN_ORDER_TITLE, id = o.id, name = &o.order.customer_name)}</h1>
                <p class="lead" data-testid="admin-order-status">{o.order.status.label(lang)}</p>
            </header>
            <p>{o.customer_email.clone()} " · " {if o.order.to_host { tr!(lang, ADMIN_ORDER_TO_HOST) } else { o.order.address.clone().unwrap_or_default() }}</p>
            <ul class="order-lines">
                {o.order.lines.iter().map(|(t, a)| view! { <li><span>{t.clone()}</span><span class="price">{money(lang, *a)}</span></li> }).collect_view()}
            </ul>
            <p><strong>{tr!(lang, ADMIN_ORDER_TOTAL, amount = money(lang, o.order.totals.total))}</strong></p>
            <ol class="timeline">
                {o.order.steps.iter().map(|s| view! {
                    <li><strong>{s.status.label(lang)}</strong><span class="muted">{format!(" · {}", s.at)}</span>
                    {(!s.note.is_empty()).then(|| view! { <p>{s.note.clone()}</p> })}</li>
                }).collect_view()}
            </ol>
            {(!o.next.is_empty()).then(|| view! {
                <section class="form-card" aria-labelledby="status-title">
                    <h2 id="status-title">{tr!(lang, ADMIN_ORDER_CHANGE_STATUS)}</h2>
                    <ActionForm action=change attr:class="form" attr:novalidate="">
                        <FormError error />
                        <input type="hidden" name="id" value=o.id />
                        <div class="field">
                            <label for="status">{tr!(lang, ADMIN_ORDER_NEW_STATUS)}</label>
                            <select id="status" name="status">
                                {o.next.iter().map(|(v, l)| view! { <option value=v.clone()>{l.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <Field id="carrier" label=tr!(lang, ADMIN_ORDER_CARRIER) value="" error />
                        <Field id="tracking_number" label=tr!(lang, ADMIN_ORDER_TRACKING_NUMBER) value="" error />
                        <button type="submit" class="button primary">{tr!(lang, ADMIN_ORDER_SAVE_STATUS)}</button>
                    </ActionForm>
                </section>
            })}
        } />
    }
}
