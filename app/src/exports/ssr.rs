//! CSV exports, streamed: a header row, then rows read a page at a time
//! (keyset by id), so a year of orders never sits in memory. Dates are ISO
//! 8601 in UTC; amounts come twice, in cents and in decimal.

use axum::{
    body::Body,
    extract::{Extension, Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, SecondsFormat, Utc};

use super::ExportKind;
use crate::{
    base::{account::Role, db::Db, error::AppError, l10n::Lang, state::AppState},
    insights::{domain::PeriodQuery, period::Period},
    on_db,
};

/// Rows read per page.
const PAGE: i64 = 2000;

pub use crate::base::csv::{decimal, field};

/// ISO 8601 in UTC, to the second.
pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The header row of each export.
pub fn header_row(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Orders => "order_id,placed_at,status,kind,event_id,event_title,host_id,host_name,customer_name,customer_email,delivery,merchandise_cents,merchandise,shipping_cents,shipping,discount_cents,discount,total_cents,total,currency\r\n",
        ExportKind::OrderLines => "line_id,order_id,placed_at,status,kind,event_id,host_id,item_id,sku,item_name,unit_price_cents,unit_price,quantity,half_price_units,line_cents,line_total,vat_rate_percent,currency\r\n",
        ExportKind::Events => "event_id,title,host_id,host_name,date,invited,answered,rsvp_yes,invited_who_bought,orders,revenue_cents,revenue,buying_guests,reward_credit_cents,reward_credit,bookings,currency\r\n",
        ExportKind::Hosts => "host_id,name,email,city,joined_at,joined_via,suspended,events,invited,buying_guests,orders,revenue_cents,revenue,conversion_percent,average_order_cents,average_order,bookings,currency\r\n",
    }
}

async fn orders_page(
    db: &Db,
    brand_id: i64,
    p: &Period,
    after: i64,
) -> Result<(Vec<String>, Option<i64>), AppError> {
    type Raw = (
        i64,
        DateTime<Utc>,
        String,
        String,
        i64,
        String,
        i64,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        i64,
        String,
    );
    let rows: Vec<Raw> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT o.id, o.placed_at, o.status, o.kind, o.event_id, e.title, e.host_id, u.display_name,
                    o.customer_name, o.customer_email, o.delivery,
                    o.merchandise_cents, o.shipping_cents, o.discount_cents, o.total_cents, o.currency
             FROM orders o JOIN events e ON e.id = o.event_id JOIN users u ON u.id = e.host_id
             WHERE o.brand_id = $1 AND o.placed_at >= $2 AND o.placed_at < $3 AND o.id > $4
             ORDER BY o.id LIMIT $5",
        )
        .bind(brand_id)
        .bind(p.from)
        .bind(p.to)
        .bind(after)
        .bind(PAGE)
        .fetch_all(pool)
        .await
    })?;
    let last = rows.last().map(|r| r.0);
    let lines = rows
        .into_iter()
        .map(
            |(
                id,
                at,
                status,
                kind,
                event,
                title,
                host,
                host_name,
                name,
                email,
                delivery,
                m,
                s,
                d,
                t,
                currency,
            )| {
                crate::base::csv::row(&[
                    id.to_string(),
                    iso(at),
                    status,
                    kind,
                    event.to_string(),
                    field(&title),
                    host.to_string(),
                    field(&host_name),
                    field(&name),
                    field(&email),
                    delivery,
                    m.to_string(),
                    decimal(m),
                    s.to_string(),
                    decimal(s),
                    d.to_string(),
                    decimal(d),
                    t.to_string(),
                    decimal(t),
                    currency,
                ])
            },
        )
        .collect();
    Ok((lines, last))
}

async fn lines_page(
    db: &Db,
    brand_id: i64,
    p: &Period,
    after: i64,
) -> Result<(Vec<String>, Option<i64>), AppError> {
    type Raw = (
        i64,
        i64,
        DateTime<Utc>,
        String,
        String,
        i64,
        i64,
        i64,
        String,
        String,
        i64,
        i64,
        i64,
        i64,
        i64,
        String,
    );
    let rows: Vec<Raw> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
                "SELECT l.id, l.order_id, o.placed_at, o.status, o.kind, o.event_id, e.host_id, l.item_id, l.sku, l.name,
                        l.unit_price_cents, l.quantity, l.half_price_units, l.line_cents, l.vat_rate_bp, o.currency
                 FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN events e ON e.id = o.event_id
                 WHERE o.brand_id = $1 AND o.placed_at >= $2 AND o.placed_at < $3 AND l.id > $4
                 ORDER BY l.id LIMIT $5",
            )
            .bind(brand_id)
            .bind(p.from)
            .bind(p.to)
            .bind(after)
            .bind(PAGE)
            .fetch_all(pool)
            .await
    })?;
    let last = rows.last().map(|r| r.0);
    let lines = rows
        .into_iter()
        .map(
            |(
                id,
                order,
                at,
                status,
                kind,
                event,
                host,
                item,
                sku,
                name,
                unit,
                qty,
                half,
                total,
                vat,
                currency,
            )| {
                crate::base::csv::row(&[
                    id.to_string(),
                    order.to_string(),
                    iso(at),
                    status,
                    kind,
                    event.to_string(),
                    host.to_string(),
                    item.to_string(),
                    field(&sku),
                    field(&name),
                    unit.to_string(),
                    decimal(unit),
                    qty.to_string(),
                    half.to_string(),
                    total.to_string(),
                    decimal(total),
                    decimal(vat),
                    currency,
                ])
            },
        )
        .collect();
    Ok((lines, last))
}

/// Events and hosts are one row per party or host: computed with the
/// dashboard's figures, then sent in pages.
async fn figure_rows(
    db: &Db,
    brand_id: i64,
    p: &Period,
    kind: ExportKind,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    use crate::insights::{
        domain::{leaderboard, SortBy},
        ssr::{event_figures, scope},
    };
    let (this, _) = scope(brand_id, p, now, None);
    let events = event_figures(db, this).await?;
    let currency = crate::base::brand::ssr::currency(db, brand_id)
        .await?
        .code();
    if kind == ExportKind::Events {
        return Ok(events
            .into_iter()
            .map(|e| {
                crate::base::csv::row(&[
                    e.event_id.to_string(),
                    field(&e.title),
                    e.host_id.to_string(),
                    field(&e.host_name),
                    e.day,
                    e.invited.to_string(),
                    e.answered.to_string(),
                    e.yes.to_string(),
                    e.bought.to_string(),
                    e.orders.to_string(),
                    e.revenue_cents.to_string(),
                    decimal(e.revenue_cents),
                    e.buyers.to_string(),
                    e.reward_cents.to_string(),
                    decimal(e.reward_cents),
                    e.bookings.to_string(),
                    currency.into(),
                ])
            })
            .collect());
    }
    let board = leaderboard(&events, SortBy::Revenue);
    type HostTuple = (
        i64,
        String,
        String,
        String,
        DateTime<Utc>,
        String,
        Option<DateTime<Utc>>,
    );
    let hosts: Vec<HostTuple> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, display_name, email, city, created_at, joined_via, suspended_at FROM users
             WHERE brand_id = $1 AND role = 'host' ORDER BY id",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(hosts
        .into_iter()
        .map(|(id, name, email, city, joined, via, suspended)| {
            let r = board.iter().find(|r| r.host_id == id);
            let n = |f: fn(&crate::insights::domain::LeaderRow) -> i64| r.map(f).unwrap_or(0);
            crate::base::csv::row(&[
                id.to_string(),
                field(&name),
                field(&email),
                field(&city),
                iso(joined),
                via,
                suspended.is_some().to_string(),
                n(|r| r.events).to_string(),
                n(|r| r.invited).to_string(),
                n(|r| r.buyers).to_string(),
                n(|r| r.orders).to_string(),
                n(|r| r.revenue_cents).to_string(),
                decimal(n(|r| r.revenue_cents)),
                decimal(n(|r| r.conversion_bp)),
                n(|r| r.average_order_cents).to_string(),
                decimal(n(|r| r.average_order_cents)),
                n(|r| r.bookings).to_string(),
                currency.into(),
            ])
        })
        .collect())
}

/// How many rows an export will have (for the browser's progress bar).
pub async fn row_count(
    db: &Db,
    brand_id: i64,
    p: &Period,
    kind: ExportKind,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let sql = match kind {
        ExportKind::Orders => {
            "SELECT COUNT(*) FROM orders o WHERE o.brand_id = $1 AND o.placed_at >= $2 AND o.placed_at < $3"
        }
        ExportKind::OrderLines => {
            "SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
             WHERE o.brand_id = $1 AND o.placed_at >= $2 AND o.placed_at < $3"
        }
        ExportKind::Events => {
            "SELECT COUNT(*) FROM events e WHERE e.brand_id = $1 AND e.cancelled_at IS NULL
             AND e.starts_at >= $2 AND e.starts_at < $3 AND e.starts_at <= $4"
        }
        ExportKind::Hosts => {
            return Ok(on_db!(db.reader(), |pool| {
                sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE brand_id = $1 AND role = 'host'")
                    .bind(brand_id)
                    .fetch_one(pool)
                    .await
            })?)
        }
    };
    // The events count also reads `now` (held parties only).
    Ok(on_db!(db.reader(), |pool| {
        let q = sqlx::query_scalar(sql)
            .bind(brand_id)
            .bind(p.from)
            .bind(p.to);
        let q = if kind == ExportKind::Events {
            q.bind(now)
        } else {
            q
        };
        q.fetch_one(pool).await
    })?)
}

/// Streams the export into `tx`, a page at a time; stops when the reader
/// goes away.
async fn produce(
    db: Db,
    brand_id: i64,
    p: Period,
    kind: ExportKind,
    now: DateTime<Utc>,
    tx: tokio::sync::mpsc::Sender<Result<String, std::io::Error>>,
) {
    let fail = |e: AppError| std::io::Error::other(e.to_string());
    if tx.send(Ok(header_row(kind).to_owned())).await.is_err() {
        return;
    }
    match kind {
        ExportKind::Orders | ExportKind::OrderLines => {
            let mut after = 0;
            loop {
                let page = match kind {
                    ExportKind::Orders => orders_page(&db, brand_id, &p, after).await,
                    _ => lines_page(&db, brand_id, &p, after).await,
                };
                match page {
                    Ok((rows, Some(last))) => {
                        after = last;
                        if tx.send(Ok(rows.concat())).await.is_err() {
                            return;
                        }
                    }
                    Ok((_, None)) => return,
                    Err(e) => {
                        tracing::error!(error = %e, "export failed");
                        let _ = tx.send(Err(fail(e))).await;
                        return;
                    }
                }
            }
        }
        ExportKind::Events | ExportKind::Hosts => {
            match figure_rows(&db, brand_id, &p, kind, now).await {
                Ok(rows) => {
                    for chunk in rows.chunks(PAGE as usize) {
                        if tx.send(Ok(chunk.concat())).await.is_err() {
                            return;
                        }
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "export failed");
                    let _ = tx.send(Err(fail(e))).await;
                }
            }
        }
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message.to_owned(),
    )
        .into_response()
}

/// `GET /brand/exports/{kind}.csv?period=…`: the brand admin's export.
/// Refusals are written in the request's language.
pub async fn export_csv(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(q): Query<PeriodQuery>,
    lang: Option<Extension<Lang>>,
    headers: HeaderMap,
) -> Response {
    let lang = lang.map(|Extension(lang)| lang).unwrap_or_default();
    let now = Utc::now();
    let Some(kind) = file.strip_suffix(".csv").and_then(ExportKind::parse) else {
        return refuse(StatusCode::NOT_FOUND, &tr!(lang, EXPORT_NOT_FOUND));
    };
    let Some(admin) = crate::base::auth::ssr::user_in(&state.db, &headers, now).await else {
        return refuse(StatusCode::UNAUTHORIZED, &tr!(lang, EXPORT_SIGN_IN));
    };
    if admin.role != Role::BrandAdmin {
        return refuse(StatusCode::FORBIDDEN, &tr!(lang, EXPORT_ADMINS_ONLY));
    }
    let tz = match crate::base::brand::ssr::zone(&state.db, admin.brand_id).await {
        Ok(tz) => tz,
        Err(_) => {
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &tr!(lang, EXPORT_COULD_NOT_START),
            )
        }
    };
    let p = match Period::resolve(&q, now.with_timezone(&tz).date_naive(), tz, lang) {
        Ok(p) => p,
        Err(e) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
    };
    let total = row_count(&state.db, admin.brand_id, &p, kind, now)
        .await
        .unwrap_or(0);
    let name = format!(
        "soiree-{}-{}-{}.csv",
        kind.key(),
        p.first_day.format("%Y-%m-%d"),
        p.last_day.format("%Y-%m-%d")
    );
    let (tx, mut rx) = tokio::sync::mpsc::channel(4);
    tokio::spawn(produce(state.db.clone(), admin.brand_id, p, kind, now, tx));
    // A closed channel keeps answering None, however often it is polled.
    let stream = futures::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut res = Response::new(Body::from_stream(stream));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&total.to_string()) {
        h.insert("x-total-rows", v);
    }
    res
}
