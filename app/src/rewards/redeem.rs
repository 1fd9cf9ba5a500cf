//! The host spends their reward: an order of their own, with half price on
//! the most expensive items chosen and the credit on the rest, recorded in
//! the ledger; the credit never goes below zero.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::{domain::price_reward_order, get_host_credit, HostCredit};
#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    error::AppError,
    forms::{Field, FormError},
    money::Money,
};

/// An item the host may order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardItem {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub price: Money,
    pub stock: i64,
}

/// The credit page's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditPageData {
    pub credit: HostCredit,
    pub items: Vec<RewardItem>,
    pub idempotency_key: String,
}

/// The reward order as typed: quantities by item id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedeemForm {
    #[serde(default)]
    pub qty: BTreeMap<String, String>,
    #[serde(default)]
    pub address: String,
    pub idempotency_key: String,
}

#[server(prefix = "/api", endpoint = "credit_page", input = server_fn::codec::GetUrl)]
pub async fn get_credit_page() -> Result<CreditPageData, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        Ok(CreditPageData {
            credit: super::ssr::credit(&state.db, host.id).await?,
            items: ssr::items(&state.db, host.brand_id).await?,
            idempotency_key: crate::base::tokens::random_key(),
        })
    })
    .await
}

/// Places the host's reward order and opens its tracking page.
#[server(prefix = "/api", endpoint = "redeem_credit")]
pub async fn redeem_credit(form: RedeemForm) -> Result<String, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let code = ssr::redeem(&state.db, &state.config, &host, &form, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect(&format!("/o/{code}"));
        Ok(code)
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{RedeemForm, RewardItem};
    use crate::{
        base::{
            account::CurrentUser,
            db::{Db, Engine},
            error::AppError,
            money::Money,
        },
        on_db,
        rewards::domain::price_reward_order,
    };

    /// The marker of a twin submission that lost the race.
    const SAME_FORM: &str = "__same_form";

    /// The brand's items a host can order.
    pub async fn items(db: &Db, brand_id: i64) -> Result<Vec<RewardItem>, AppError> {
        let rows: Vec<(i64, String, String, i64, i64)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT id, sku, name, price_cents, stock FROM items WHERE brand_id = $1 AND active = TRUE
                 ORDER BY name, id",
            )
            .bind(brand_id)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(id, sku, name, price, stock)| RewardItem {
                id,
                sku,
                name,
                price: Money::eur(price),
                stock,
            })
            .collect())
    }

    #[derive(sqlx::FromRow)]
    struct Line {
        id: i64,
        sku: String,
        name: String,
        price_cents: i64,
        vat_rate_bp: i64,
    }

    /// Places the reward order in one transaction: the host's balance read
    /// under a lock (so two orders at once cannot both spend it), the
    /// stock, the order and its lines, the ledger's spending, the mail and
    /// the webhook. The same idempotency key twice gives the same order.
    pub async fn redeem(
        db: &Db,
        config: &crate::base::state::AppConfig,
        host: &CurrentUser,
        form: &RedeemForm,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let key = form.idempotency_key.trim();
        if key.len() < 16 || key.len() > 64 {
            return Err(AppError::invalid(
                "qty",
                "This form has expired: reload the page.",
            ));
        }
        let key = format!("reward:{}:{key}", host.id);
        let existing: Option<String> = on_db!(db.writer(), |pool| {
            sqlx::query_scalar("SELECT tracking_code FROM orders WHERE idempotency_key = $1")
                .bind(&key)
                .fetch_optional(pool)
                .await
        })?;
        if let Some(code) = existing {
            return Ok(code);
        }
        let mut wanted: Vec<(i64, i64)> = Vec::new();
        for (id, qty) in &form.qty {
            let qty = qty.trim();
            if qty.is_empty() {
                continue;
            }
            let id: i64 = id
                .parse()
                .map_err(|_| AppError::invalid("qty", "Choose items from the list."))?;
            let n: i64 = qty
                .parse()
                .ok()
                .filter(|n| (0..=20).contains(n))
                .ok_or_else(|| {
                    AppError::invalid(&format!("qty-{id}"), "A quantity from 0 to 20.")
                })?;
            if n > 0 {
                wanted.push((id, n));
            }
        }
        if wanted.is_empty() {
            return Err(AppError::invalid(
                "qty",
                "Choose at least one item for your order.",
            ));
        }
        let address = form.address.trim();
        if address.len() < 8 || address.len() > 300 {
            return Err(AppError::invalid(
                "address",
                "Give the address to send your order to: street, postcode and town.",
            ));
        }
        let email: String = on_db!(db.reader(), |pool| {
            sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(host.id)
                .fetch_one(pool)
                .await
        })?;
        let tracking_code = crate::base::tokens::random_key();
        let postgres = db.engine() == Engine::Postgres;
        let placed: Result<String, AppError> = on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            if postgres {
                // One reward order of a host at a time.
                sqlx::query("SELECT id FROM users WHERE id = $1 FOR UPDATE")
                    .bind(host.id)
                    .execute(&mut *tx)
                    .await?;
            }
            let again: Option<String> =
                sqlx::query_scalar("SELECT tracking_code FROM orders WHERE idempotency_key = $1")
                    .bind(&key)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some(code) = again {
                return Ok(code);
            }
            let (credit, items): (i64, i64) = sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(credit_cents), 0) AS BIGINT), CAST(COALESCE(SUM(half_price_items), 0) AS BIGINT)
                 FROM host_credit_ledger WHERE host_id = $1",
            )
            .bind(host.id)
            .fetch_one(&mut *tx)
            .await?;
            if credit <= 0 && items <= 0 {
                return Err(AppError::invalid(
                    "qty",
                    "You have no credit or half-price items to spend yet: they come when a party closes.",
                ));
            }
            let mut lines: Vec<(Line, i64)> = Vec::new();
            for (id, n) in &wanted {
                let line: Option<Line> = sqlx::query_as(
                    "SELECT id, sku, name, price_cents, vat_rate_bp FROM items WHERE id = $1 AND brand_id = $2 AND active = TRUE",
                )
                .bind(id)
                .bind(host.brand_id)
                .fetch_optional(&mut *tx)
                .await?;
                let line = line.ok_or_else(|| {
                    AppError::invalid(
                        "qty",
                        "An item you chose is no longer sold: reload the page.",
                    )
                })?;
                lines.push((line, *n));
            }
            let pricing = price_reward_order(
                &lines
                    .iter()
                    .map(|(l, n)| (l.price_cents, *n))
                    .collect::<Vec<_>>(),
                items,
                credit,
            );
            for (line, n) in &lines {
                let taken = sqlx::query(
                    "UPDATE items SET stock = stock - $1 WHERE id = $2 AND stock >= $1",
                )
                .bind(n)
                .bind(line.id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if taken == 0 {
                    return Err(AppError::invalid(
                        &format!("qty-{}", line.id),
                        format!("Not enough {} in stock: lower the quantity.", line.name),
                    ));
                }
            }
            let event_id: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM events WHERE host_id = $1 AND closed_at IS NOT NULL ORDER BY closed_at DESC, id DESC LIMIT 1",
            )
            .bind(host.id)
            .fetch_optional(&mut *tx)
            .await?;
            let event_id: i64 = match event_id {
                Some(id) => id,
                None => sqlx::query_scalar(
                    "SELECT id FROM events WHERE host_id = $1 ORDER BY starts_at DESC LIMIT 1",
                )
                .bind(host.id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| AppError::invalid("qty", "You have no party yet."))?,
            };
            let line_cents: Vec<i64> = lines
                .iter()
                .zip(&pricing.half_price_units)
                .map(|((l, n), half)| l.price_cents * n - half * (l.price_cents / 2))
                .collect();
            let vat: i64 = lines
                .iter()
                .zip(&line_cents)
                .map(|((l, _), c)| c * l.vat_rate_bp / (10_000 + l.vat_rate_bp))
                .sum();
            let merchandise: i64 = line_cents.iter().sum();
            let inserted: Result<i64, sqlx::Error> = sqlx::query_scalar(
                "INSERT INTO orders (brand_id, event_id, guest_id, host_id, customer_name, customer_email,
                    status, merchandise_cents, vat_cents, shipping_cents, total_cents, discount_cents, delivery, address,
                    idempotency_key, tracking_code, kind, placed_at, updated_at)
                 VALUES ($1, $2, NULL, $3, $4, $5, 'placed', $6, $7, 0, $8, $9, 'home', $10, $11, $12, 'host_reward', $13, $13)
                 RETURNING id",
            )
            .bind(host.brand_id)
            .bind(event_id)
            .bind(host.id)
            .bind(&host.display_name)
            .bind(&email)
            .bind(merchandise)
            .bind(vat)
            .bind(pricing.total_cents)
            .bind(pricing.credit_used_cents)
            .bind(address)
            .bind(&key)
            .bind(&tracking_code)
            .bind(now)
            .fetch_one(&mut *tx)
            .await;
            let order_id = match inserted {
                Ok(id) => id,
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    return Err(AppError::invalid(SAME_FORM, "placed meanwhile"));
                }
                Err(e) => return Err(e.into()),
            };
            let mut hook_lines = Vec::new();
            for (((line, n), half), cents) in
                lines.iter().zip(&pricing.half_price_units).zip(&line_cents)
            {
                sqlx::query(
                    "INSERT INTO order_lines (order_id, item_id, sku, name, unit_price_cents, vat_rate_bp, quantity, line_cents, half_price_units)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(order_id)
                .bind(line.id)
                .bind(&line.sku)
                .bind(&line.name)
                .bind(line.price_cents)
                .bind(line.vat_rate_bp)
                .bind(n)
                .bind(cents)
                .bind(half)
                .execute(&mut *tx)
                .await?;
                hook_lines.push(crate::base::hooks::HookLine {
                    sku: line.sku.clone(),
                    name: line.name.clone(),
                    unit_price_cents: line.price_cents,
                    vat_rate_bp: line.vat_rate_bp,
                    quantity: *n,
                    line_cents: *cents,
                });
            }
            sqlx::query(
                "INSERT INTO order_status_changes (order_id, status, changed_at, actor) VALUES ($1, 'placed', $2, $3)",
            )
            .bind(order_id)
            .bind(now)
            .bind(format!("host {email}"))
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO host_credit_ledger (brand_id, host_id, kind, order_id, credit_cents, half_price_items, note, created_at)
                 VALUES ($1, $2, 'redemption', $3, $4, $5, '', $6)",
            )
            .bind(host.brand_id)
            .bind(host.id)
            .bind(order_id)
            .bind(-pricing.credit_used_cents)
            .bind(-pricing.items_used)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let link = config
                .public_url
                .join(&format!("/o/{tracking_code}"))
                .map_err(|e| anyhow::anyhow!("tracking link: {e}"))?;
            let text = format!(
                "Hello {},\n\nYour reward order {order_id} is placed: items {}, of which {} half-price item{}; host credit used {}; left to pay {}.\n\nFollow it here:\n{link}\n",
                host.display_name,
                Money::eur(merchandise),
                pricing.items_used,
                if pricing.items_used == 1 { "" } else { "s" },
                Money::eur(pricing.credit_used_cents),
                Money::eur(pricing.total_cents),
            );
            let mail = crate::base::mail::build(
                &config.mail,
                &crate::base::mail::OutgoingMail {
                    to_name: host.display_name.clone(),
                    to_email: email.clone(),
                    subject: format!("Your reward order {order_id}"),
                    html: crate::base::mail::text_to_html(&text),
                    text,
                    attachments: vec![],
                    event_id: None,
                },
                now,
            )?;
            crate::base::mail::insert_query(&mail)
                .execute(&mut *tx)
                .await?;
            let hook = crate::base::hooks::order_event(
                host.brand_id,
                "order.placed",
                &crate::base::hooks::HookOrder {
                    id: order_id,
                    tracking_code: tracking_code.clone(),
                    status: "placed".into(),
                    event_id,
                    host_id: Some(host.id),
                    customer_name: host.display_name.clone(),
                    customer_email: email.clone(),
                    delivery: "home".into(),
                    address: Some(address.to_owned()),
                    merchandise_cents: merchandise,
                    vat_cents: vat,
                    shipping_cents: 0,
                    discount_cents: pricing.credit_used_cents,
                    total_cents: pricing.total_cents,
                    carrier: None,
                    tracking_number: None,
                    lines: hook_lines,
                },
                None,
                now,
            );
            crate::base::hooks::insert_query(&hook)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(tracking_code.clone())
        });
        match placed {
            // The same form twice at once: the other one won.
            Err(AppError::Invalid { field, .. }) if field == SAME_FORM => {
                on_db!(db.writer(), |pool| {
                    sqlx::query_scalar(
                        "SELECT tracking_code FROM orders WHERE idempotency_key = $1",
                    )
                    .bind(&key)
                    .fetch_optional(pool)
                    .await
                })?
                .ok_or(AppError::Internal)
            }
            other => other,
        }
    }
}

/// The host's credit: balance, ledger, and the reward order form with a
/// live price.
#[component]
pub fn CreditPage() -> impl IntoView {
    let redeem = ServerAction::<RedeemCredit>::new();
    let data = Resource::new(|| (), |_| get_credit_page());
    let _ = get_host_credit;
    let error = Signal::derive(move || redeem.value().get().and_then(Result::err));
    view! {
        <Title text="Your credit · Soirée" />
        <Gate data here="/host/credit" children=move |d: CreditPageData| {
            let kept: Option<RedeemForm> = error.get_untracked().and_then(|e| e.kept());
            let form = kept.unwrap_or(RedeemForm { idempotency_key: d.idempotency_key.clone(), ..Default::default() });
            let qty = RwSignal::new(
                d.items.iter().map(|i| (i.id, form.qty.get(&i.id.to_string()).and_then(|q| q.parse::<i64>().ok()).unwrap_or(0))).collect::<BTreeMap<i64, i64>>(),
            );
            let prices: BTreeMap<i64, i64> = d.items.iter().map(|i| (i.id, i.price.minor())).collect();
            let (balance, half_items) = (d.credit.balance.minor(), d.credit.half_price_items);
            let pricing = Memo::new(move |_| {
                let lines: Vec<(i64, i64)> = qty.get().iter().filter(|(_, n)| **n > 0).map(|(id, n)| (prices[id], *n)).collect();
                price_reward_order(&lines, half_items, balance)
            });
            let has_credit = balance > 0 || half_items > 0;
            view! {
                <header class="page-head"><h1>"Your credit"</h1></header>
                <section class="credit-summary" aria-labelledby="balance-title">
                    <h2 id="balance-title" class="sr-only">"Balance"</h2>
                    <p class="big-figure" data-testid="credit-balance">{d.credit.balance.to_string()}</p>
                    <p>"of credit, and " <strong data-testid="credit-items">{half_items}</strong>
                        {if half_items == 1 { " half-price item" } else { " half-price items" }} " to spend."</p>
                </section>
                <section aria-labelledby="ledger-title">
                    <h2 id="ledger-title">"History"</h2>
                    {if d.credit.entries.is_empty() {
                        view! { <p class="muted">"Nothing yet: your rewards arrive here when a party closes."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll"><table data-testid="ledger">
                                <thead><tr><th scope="col">"Date"</th><th scope="col">"What"</th><th scope="col" class="num">"Credit"</th><th scope="col" class="num">"Half-price items"</th></tr></thead>
                                <tbody>
                                    {d.credit.entries.iter().cloned().map(|e| view! {
                                        <tr>
                                            <td>{e.when}</td>
                                            <td>{match e.event_id {
                                                Some(id) if e.what.starts_with("Reward") => view! { <a href=format!("/host/events/{id}")>{e.what.clone()}</a> }.into_any(),
                                                _ => view! { <span>{e.what.clone()}</span> }.into_any(),
                                            }}</td>
                                            <td class="num">{e.credit.to_string()}</td>
                                            <td class="num">{format!("{:+}", e.half_price_items)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table></div>
                        }.into_any()
                    }}
                </section>
                {has_credit.then(|| view! {
                    <section class="form-card wide" aria-labelledby="redeem-title">
                        <h2 id="redeem-title">"Order with your reward"</h2>
                        <p class="hint">"Half price goes to your most expensive items; your credit pays the rest, as far as it goes."</p>
                        <ActionForm action=redeem attr:class="form" attr:novalidate="">
                            <FormError error />
                            {move || error.get().and_then(|e| e.for_field("qty")).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                            <input type="hidden" name="form[idempotency_key]" value=form.idempotency_key.clone() />
                            <ul class="reward-items">
                                {d.items.iter().map(|item| {
                                    let id = item.id;
                                    let field = format!("qty-{id}");
                                    let line_error = move || error.get().and_then(|e| e.for_field(&field));
                                    let start = form.qty.get(&id.to_string()).cloned().unwrap_or_default();
                                    view! {
                                        <li>
                                            <label for=format!("qty-{id}")>{item.name.clone()} <span class="muted">{format!(" {} · {}", item.price, item.sku)}</span></label>
                                            <input id=format!("qty-{id}") name=format!("form[qty][{id}]") type="number" min="0" max=item.stock.min(20) inputmode="numeric" value=start
                                                on:input=move |ev| {
                                                    let n = event_target_value(&ev).parse::<i64>().unwrap_or(0).max(0);
                                                    qty.update(|q| { q.insert(id, n); });
                                                } />
                                            {move || line_error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <Field id="address" name="form[address]" label="Send it to" value=form.address.clone() rows=3 hint="Street, postcode and town." error />
                            <dl class="totals" data-testid="reward-totals" aria-live="polite">
                                <dt>"Items"</dt><dd>{move || Money::eur(pricing.get().merchandise_cents).to_string()}</dd>
                                <dt>"Half price"</dt><dd>{move || format!("−{} ({} item{})", Money::eur(pricing.get().half_price_cents), pricing.get().items_used, if pricing.get().items_used == 1 { "" } else { "s" })}</dd>
                                <dt>"Credit"</dt><dd>{move || format!("−{}", Money::eur(pricing.get().credit_used_cents))}</dd>
                                <dt>"Left to pay"</dt><dd data-testid="reward-total">{move || Money::eur(pricing.get().total_cents).to_string()}</dd>
                            </dl>
                            <button type="submit" class="button primary" disabled=move || redeem.pending().get()>
                                {move || if redeem.pending().get() { "Placing your order…" } else { "Place my reward order" }}
                            </button>
                        </ActionForm>
                    </section>
                })}
            }
        } />
    }
}
