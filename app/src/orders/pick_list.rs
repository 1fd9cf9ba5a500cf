//! The host's pick list: the orders delivered to the host, grouped per
//! guest and in total, with who has paid. One printable page
//! (`/host/events/:id/pick-list`, with a print stylesheet) and the same as
//! CSV (`/host/events/:id/pick-list.csv`), for the host and the brand admin.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{auth::Gate, error::AppError, l10n::use_lang};

/// Units of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickLine {
    pub sku: String,
    pub name: String,
    pub quantity: i64,
}

/// One order to hand over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickOrder {
    pub order_id: i64,
    pub buyer: String,
    pub paid: bool,
    pub lines: Vec<PickLine>,
}

/// A party's pick list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickList {
    pub event_id: i64,
    pub title: String,
    pub when: String,
    /// Per guest, by name.
    pub orders: Vec<PickOrder>,
    /// Per item, by name, all orders together.
    pub totals: Vec<PickLine>,
}

impl PickList {
    /// Units in all.
    pub fn units(&self) -> i64 {
        self.totals.iter().map(|l| l.quantity).sum()
    }

    /// Groups the rows of the orders' lines, read in the order of buyer,
    /// order and line: (order, buyer, paid, sku, name, quantity).
    pub fn group(
        event_id: i64,
        title: String,
        when: String,
        rows: Vec<(i64, String, bool, String, String, i64)>,
    ) -> PickList {
        let mut orders: Vec<PickOrder> = Vec::new();
        let mut totals: Vec<PickLine> = Vec::new();
        for (order_id, buyer, paid, sku, name, quantity) in rows {
            match totals.iter_mut().find(|t| t.sku == sku && t.name == name) {
                Some(total) => total.quantity += quantity,
                None => totals.push(PickLine {
                    sku: sku.clone(),
                    name: name.clone(),
                    quantity,
                }),
            }
            let line = PickLine {
                sku,
                name,
                quantity,
            };
            match orders.last_mut() {
                Some(last) if last.order_id == order_id => last.lines.push(line),
                _ => orders.push(PickOrder {
                    order_id,
                    buyer,
                    paid,
                    lines: vec![line],
                }),
            }
        }
        totals.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.sku.cmp(&b.sku)));
        PickList {
            event_id,
            title,
            when,
            orders,
            totals,
        }
    }

    #[cfg(feature = "ssr")]
    /// The CSV: a header, one row per line of each guest's order, then one
    /// row per item in total (its guest column says so).
    pub fn csv(&self, lang: crate::base::l10n::Lang) -> String {
        use crate::base::csv::{field, row};
        let mut out = row(&[
            tr!(lang, PICK_CSV_GUEST),
            tr!(lang, PICK_CSV_ORDER),
            tr!(lang, PICK_CSV_PAID),
            tr!(lang, PICK_CSV_SKU),
            tr!(lang, PICK_CSV_ITEM),
            tr!(lang, PICK_CSV_QUANTITY),
        ]);
        let (yes, no) = (tr!(lang, PICK_PAID_YES), tr!(lang, PICK_PAID_NO));
        for order in &self.orders {
            for line in &order.lines {
                out.push_str(&row(&[
                    field(&order.buyer),
                    order.order_id.to_string(),
                    if order.paid { yes.clone() } else { no.clone() },
                    field(&line.sku),
                    field(&line.name),
                    line.quantity.to_string(),
                ]));
            }
        }
        let all = tr!(lang, PICK_CSV_ALL_GUESTS);
        for line in &self.totals {
            out.push_str(&row(&[
                field(&all),
                String::new(),
                String::new(),
                field(&line.sku),
                field(&line.name),
                line.quantity.to_string(),
            ]));
        }
        out
    }
}

/// The pick list of a party, for its host or the brand's admin.
#[server(prefix = "/api", endpoint = "pick_list", input = server_fn::codec::GetUrl)]
pub async fn get_pick_list(id: i64) -> Result<PickList, AppError> {
    serve(async move {
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        ssr::pick_list(&state.db, &user, id, crate::base::l10n::page_lang()).await
    })
    .await
}

/// `/host/events/:id/pick-list`: what to hand to whom, to print.
#[component]
pub fn PickListPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::base::page::id_param("id");
    let data = Resource::new(move || id.get(), get_pick_list);
    view! {
        <Title text=tr!(lang, PICK_PAGE_TITLE) />
        <Gate data here="/" children=move |p: PickList| {
            let csv = format!("/host/events/{}/pick-list.csv", p.event_id);
            let back = format!("/host/events/{}", p.event_id);
            let (yes, no) = (tr!(lang, PICK_PAID_YES), tr!(lang, PICK_PAID_NO));
            view! {
                <header class="page-head">
                    <p class="eyebrow no-print"><a href=back>{p.title.clone()}</a></p>
                    <h1>{tr!(lang, PICK_TITLE, title = &p.title)}</h1>
                    <p class="lead">{tr!(lang, PICK_LEAD, when = &p.when, orders = p.orders.len(), units = p.units())}</p>
                    <p class="actions no-print">
                        <button type="button" class="button" data-print hidden>{tr!(lang, PICK_PRINT)}</button>
                        <a class="button secondary" href=csv download>{tr!(lang, PICK_CSV)}</a>
                    </p>
                </header>
                {if p.orders.is_empty() {
                    view! { <p class="muted" data-testid="pick-empty">{tr!(lang, PICK_EMPTY)}</p> }.into_any()
                } else {
                    view! {
                        <section aria-labelledby="pick-totals-title" class="pick-section">
                            <h2 id="pick-totals-title">{tr!(lang, PICK_TOTALS)}</h2>
                            <table data-testid="pick-totals">
                                <thead><tr><th scope="col">{tr!(lang, PICK_CSV_ITEM)}</th><th scope="col">{tr!(lang, PICK_CSV_SKU)}</th><th scope="col" class="num">{tr!(lang, PICK_CSV_QUANTITY)}</th></tr></thead>
                                <tbody>{p.totals.clone().into_iter().map(|l| view! {
                                    <tr><th scope="row">{l.name}</th><td>{l.sku}</td><td class="num">{l.quantity}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                        </section>
                        <section aria-labelledby="pick-guests-title" class="pick-section">
                            <h2 id="pick-guests-title">{tr!(lang, PICK_PER_GUEST)}</h2>
                            {p.orders.clone().into_iter().map(|o| {
                                let paid = if o.paid { yes.clone() } else { no.clone() };
                                view! {
                                    <article class="pick-order" data-testid="pick-order">
                                        <h3>{o.buyer.clone()} " · " {tr!(lang, PICK_ORDER_NUMBER, id = o.order_id)}
                                            " · " <span class="tag">{paid}</span></h3>
                                        <table>
                                            <thead><tr><th scope="col">{tr!(lang, PICK_CSV_ITEM)}</th><th scope="col">{tr!(lang, PICK_CSV_SKU)}</th><th scope="col" class="num">{tr!(lang, PICK_CSV_QUANTITY)}</th></tr></thead>
                                            <tbody>{o.lines.into_iter().map(|l| view! {
                                                <tr><th scope="row">{l.name}</th><td>{l.sku}</td><td class="num">{l.quantity}</td></tr>
                                            }).collect_view()}</tbody>
                                        </table>
                                    </article>
                                }
                            }).collect_view()}
                        </section>
                    }.into_any()
                }}
            }
        } />
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use axum::{
        extract::{Path, State},
        http::{header, HeaderMap, HeaderValue, StatusCode},
        response::{IntoResponse, Response},
        routing::get,
        Router,
    };

    use super::PickList;
    use crate::{
        base::{
            account::CurrentUser,
            db::Db,
            error::AppError,
            l10n::{fmt::datetime_long, Lang},
            state::AppState,
        },
        on_db,
    };

    /// The pick list of party `id`, if `viewer` may see it (its host or the
    /// brand's admin; anyone else: `NotFound`): the orders delivered to the
    /// host, neither cancelled nor refunded.
    pub async fn pick_list(
        db: &Db,
        viewer: &CurrentUser,
        id: i64,
        lang: Lang,
    ) -> Result<PickList, AppError> {
        crate::base::access::ssr::ensure_visible(db, viewer, id).await?;
        let (title, starts_at, zone): (String, chrono::DateTime<chrono::Utc>, String) = on_db!(
            db.reader(),
            |pool| sqlx::query_as("SELECT title, starts_at, time_zone FROM events WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
        )?;
        let sale = crate::base::order::OrderStatus::sql_list(
            crate::base::order::OrderStatus::counts_as_sale,
        );
        let sql = format!(
            "SELECT o.id, o.customer_name, o.status IN {sale} AS paid, l.sku, l.name, l.quantity
             FROM orders o JOIN order_lines l ON l.order_id = o.id
             WHERE o.event_id = $1 AND o.delivery = 'host' AND o.status NOT IN ('cancelled', 'refunded')
             ORDER BY o.customer_name, o.id, l.id"
        );
        let rows = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_all(pool)
            .await)?;
        let when = datetime_long(lang, starts_at, crate::base::time::zone(&zone));
        Ok(PickList::group(id, title, when, rows))
    }

    /// `GET /host/events/{id}/pick-list.csv`, for the host or the brand's
    /// admin signed in; 404 for anyone else.
    async fn pick_list_csv(
        State(state): State<AppState>,
        Path(id): Path<String>,
        lang: Option<axum::extract::Extension<Lang>>,
        headers: HeaderMap,
    ) -> Response {
        let lang = lang
            .map(|axum::extract::Extension(l)| l)
            .unwrap_or_default();
        let not_found = || StatusCode::NOT_FOUND.into_response();
        // Not `Path<i64>`: a malformed id is a plain 404, not axum's words.
        let Some(id) = id.parse::<i64>().ok() else {
            return not_found();
        };
        let user = crate::base::auth::ssr::user_in(&state.db, &headers, chrono::Utc::now()).await;
        let Some(user) = user else {
            return StatusCode::UNAUTHORIZED.into_response();
        };
        match pick_list(&state.db, &user, id, lang).await {
            Ok(list) => (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/csv; charset=utf-8"),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_str(&format!(
                            "attachment; filename=\"soiree-pick-list-{id}.csv\""
                        ))
                        .expect("an ASCII file name"),
                    ),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                ],
                list.csv(lang),
            )
                .into_response(),
            Err(AppError::NotFound) => not_found(),
            Err(err) => {
                tracing::error!(%err, "pick list");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }

    /// The CSV's route.
    pub fn router<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
        Router::new()
            .route("/host/events/{id}/pick-list.csv", get(pick_list_csv))
            .with_state(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "ssr")]
    fn lines_are_grouped_per_order_and_summed_per_item() {
        let row = |o: i64, buyer: &str, paid: bool, sku: &str, q: i64| {
            (
                o,
                buyer.to_owned(),
                paid,
                sku.to_owned(),
                format!("Item {sku}"),
                q,
            )
        };
        let list = PickList::group(
            1,
            "Candles".into(),
            "Sat".into(),
            vec![
                row(4, "Ana", true, "B", 2),
                row(4, "Ana", true, "A", 1),
                row(9, "Ana", false, "A", 3),
                row(2, "Ben", true, "B", 1),
            ],
        );
        assert_eq!(list.orders.len(), 3, "Ana's two orders stay two");
        assert_eq!(list.orders[0].lines.len(), 2);
        assert!(!list.orders[1].paid);
        let totals: Vec<(&str, i64)> = list
            .totals
            .iter()
            .map(|t| (t.sku.as_str(), t.quantity))
            .collect();
        assert_eq!(totals, vec![("A", 4), ("B", 3)]);
        assert_eq!(list.units(), 7);
        let csv = list.csv(crate::base::l10n::Lang::En);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "Guest,Order,Paid,SKU,Item,Quantity");
        assert_eq!(lines[1], "Ana,4,paid,B,Item B,2");
        assert_eq!(lines[3], "Ana,9,not paid,A,Item A,3");
        assert_eq!(lines[5], "All guests,,,A,Item A,4");
        assert_eq!(lines.len(), 7);
    }
}
