//! The host spends their reward: an order of their own, with half price on
//! the most expensive items chosen and the credit on the rest, recorded in
//! the ledger; the credit never goes below zero.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::{around_figure, domain::price_reward_order, get_host_credit, HostCredit, FIGURE};
#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    error::AppError,
    forms::{Field, FormError},
    items::{ItemCard, ItemThumb},
    l10n::fmt::money,
    money::Money,
};

/// The credit page's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditPageData {
    pub credit: HostCredit,
    /// The brand's items on sale, with their photo.
    pub items: Vec<ItemCard>,
    pub idempotency_key: String,
    /// Where the host's last reward order went, or the address of their
    /// latest party at home: the form starts with it.
    pub address: String,
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
            address: ssr::last_address(&state.db, host.id).await?,
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

    use super::RedeemForm;
    use crate::{
        base::{
            account::CurrentUser,
            db::{Db, Engine, Tx},
            error::AppError,
            l10n::{fmt, page_lang, Lang},
            money::{Currency, Money},
            order::{Delivery, OrderKind, PayMethod},
            order_writer::{self, NewLine, NewOrder, Placed, Shortage, Twin, WriteError},
            state::AppConfig,
        },
        on_db, on_tx,
        rewards::domain::{price_reward_order, reward_key, RewardPricing, RewardRequest},
    };

    /// The brand's items a host can order.
    pub async fn items(
        db: &Db,
        brand_id: i64,
    ) -> Result<Vec<crate::base::items::ItemCard>, AppError> {
        use crate::base::items::ssr::{card_columns_in, ItemCardRow};
        let sql = format!(
            "SELECT {} FROM items i
             WHERE i.brand_id = $1 AND i.active = TRUE AND i.archived_at IS NULL ORDER BY i.name, i.id",
            card_columns_in(crate::base::l10n::page_lang())
        );
        let rows: Vec<ItemCardRow> = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
            .bind(brand_id)
            .fetch_all(pool)
            .await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The address the host's reward order most likely goes to: that of
    /// their last reward order, else of their latest party at home.
    pub async fn last_address(db: &Db, host_id: i64) -> Result<String, AppError> {
        let found: Option<String> = on_db!(db.reader(), |pool| {
            sqlx::query_scalar(
            "SELECT address FROM (
                SELECT address, 1 AS rank, placed_at AS at FROM orders
                 WHERE host_id = $1 AND kind = 'host_reward' AND address IS NOT NULL AND address <> ''
                UNION ALL
                SELECT address, 2 AS rank, starts_at AS at FROM events
                 WHERE host_id = $1 AND address IS NOT NULL AND address <> ''
             ) AS known ORDER BY rank, at DESC LIMIT 1"
        )
        .bind(host_id)
        .fetch_optional(pool)
        .await
        })?;
        Ok(found.unwrap_or_default())
    }

    /// Why a reward order was not placed.
    #[derive(Debug, thiserror::Error)]
    pub enum RedeemError {
        #[error(
            "You have no credit or half-price items to spend yet: they come when a party closes."
        )]
        NothingToSpend,
        #[error("An item you chose is no longer sold: reload the page.")]
        NoLongerSold,
        #[error("You have no party yet.")]
        NoParty,
        #[error("not enough stock")]
        Short(Shortage),
        #[error("an order with this key exists")]
        Duplicate,
        #[error("placing a reward order: {0}")]
        Database(#[from] sqlx::Error),
        #[error("placing a reward order: {0:#}")]
        Unexpected(#[from] anyhow::Error),
    }

    impl From<WriteError> for RedeemError {
        fn from(err: WriteError) -> Self {
            match err {
                WriteError::Short(s) => RedeemError::Short(s),
                WriteError::Duplicate => RedeemError::Duplicate,
                WriteError::Database(e) => RedeemError::Database(e),
            }
        }
    }

    impl Twin for RedeemError {
        fn may_be_twin(&self) -> bool {
            matches!(self, RedeemError::Duplicate)
        }
    }

    impl From<RedeemError> for AppError {
        fn from(err: RedeemError) -> Self {
            match err {
                RedeemError::NothingToSpend => {
                    AppError::invalid("qty", tr!(page_lang(), CREDIT_ERROR_NOTHING))
                }
                RedeemError::NoLongerSold => {
                    AppError::invalid("qty", tr!(page_lang(), CREDIT_ERROR_NO_LONGER_SOLD))
                }
                RedeemError::NoParty => {
                    AppError::invalid("qty", tr!(page_lang(), CREDIT_ERROR_NO_PARTY))
                }
                RedeemError::Short(s) => AppError::invalid(
                    &format!("qty-{}", s.item_id),
                    tr!(page_lang(), CREDIT_ERROR_SHORT, name = s.name),
                ),
                // `once` answers a duplicate with the order it names.
                RedeemError::Duplicate => AppError::Internal,
                RedeemError::Database(e) => e.into(),
                RedeemError::Unexpected(e) => e.into(),
            }
        }
    }

    /// The host's balance (credit, half-price items), read on the order's
    /// transaction after locking the host's row on PostgreSQL (SQLite's
    /// single writer serialises): two orders at once cannot both spend it.
    async fn balance(tx: &mut Tx, host_id: i64) -> Result<(i64, i64), sqlx::Error> {
        if tx.engine() == Engine::Postgres {
            on_tx!(tx, |c| {
                sqlx::query("SELECT id FROM users WHERE id = $1 FOR UPDATE")
                    .bind(host_id)
                    .execute(&mut *c)
                    .await?;
            });
        }
        on_tx!(tx, |c| {
            sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(credit_cents), 0) AS BIGINT), CAST(COALESCE(SUM(half_price_items), 0) AS BIGINT)
             FROM host_credit_ledger WHERE host_id = $1",
        )
        .bind(host_id)
        .fetch_one(&mut *c)
        .await
        })
    }

    /// The chosen items as order lines, half price going to the dearest
    /// units, and what the credit pays.
    async fn priced_lines(
        tx: &mut Tx,
        brand_id: i64,
        wanted: &[(i64, i64)],
        items: i64,
        credit: i64,
    ) -> Result<(Vec<NewLine>, RewardPricing), RedeemError> {
        let mut lines = Vec::new();
        for (id, quantity) in wanted {
            let row: Option<(String, String, i64, i64, String)> = on_tx!(tx, |c| {
                sqlx::query_as(
                    "SELECT i.sku, i.name, i.price_cents, i.vat_rate_bp, b.currency
                 FROM items i JOIN brands b ON b.id = i.brand_id
                 WHERE i.id = $1 AND i.brand_id = $2 AND i.active = TRUE",
                )
                .bind(id)
                .bind(brand_id)
                .fetch_optional(&mut *c)
                .await?
            });
            let (sku, name, price, vat_rate_bp, currency) = row.ok_or(RedeemError::NoLongerSold)?;
            lines.push(NewLine {
                item_id: *id,
                sku,
                name,
                unit_price: Money::new(price, Currency::of_db(&currency)),
                vat_rate_bp,
                quantity: *quantity,
                half_price_units: 0,
            });
        }
        let units: Vec<(i64, i64)> = lines
            .iter()
            .map(|l| (l.unit_price.minor(), l.quantity))
            .collect();
        let pricing = price_reward_order(&units, items, credit);
        for (line, half) in lines.iter_mut().zip(&pricing.half_price_units) {
            line.half_price_units = *half;
        }
        Ok((lines, pricing))
    }

    /// The party a reward order hangs on (orders need one): the host's
    /// latest closed party, else their latest.
    async fn reward_party(tx: &mut Tx, host_id: i64) -> Result<i64, RedeemError> {
        let closed: Option<i64> = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "SELECT id FROM events WHERE host_id = $1 AND closed_at IS NOT NULL ORDER BY closed_at DESC, id DESC LIMIT 1",
        )
        .bind(host_id)
        .fetch_optional(&mut *c)
        .await?
        });
        if let Some(id) = closed {
            return Ok(id);
        }
        let latest: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(
            "SELECT id FROM events WHERE host_id = $1 ORDER BY starts_at DESC LIMIT 1",
        )
        .bind(host_id)
        .fetch_optional(&mut *c)
        .await?);
        latest.ok_or(RedeemError::NoParty)
    }

    /// The host's mail about their reward order, in their language.
    fn reward_mail(
        config: &AppConfig,
        host: &CurrentUser,
        (email, lang): (&str, Lang),
        placed: &Placed,
        pricing: &RewardPricing,
        by_card: bool,
        now: DateTime<Utc>,
    ) -> anyhow::Result<crate::base::mail::QueuedMail> {
        let link = config
            .public_url
            .join(&format!("/o/{}", placed.tracking_code))?;
        let order = placed.id.to_string();
        let mut summary = tr!(
            lang,
            CREDIT_MAIL_PLACED,
            order = order.as_str(),
            items = fmt::money(lang, placed.totals.merchandise),
            count = pricing.items_used,
            credit = fmt::money(
                lang,
                Money::new(pricing.credit_used_cents, placed.totals.total.currency())
            ),
            total = fmt::money(lang, placed.totals.total)
        );
        if by_card {
            summary.push(' ');
            summary.push_str(&tr!(
                lang,
                CREDIT_MAIL_PAY_BY_CARD,
                minutes = crate::base::order::CARD_PAY_MINUTES
            ));
        }
        let text = format!(
            "{}\n\n{summary}\n\n{}\n{link}\n",
            tr!(lang, MAIL_HELLO_NAME, name = &host.display_name),
            tr!(lang, MAIL_STATUS_FOLLOW),
        );
        crate::base::mail::plain(
            config,
            &host.display_name,
            email,
            tr!(lang, CREDIT_MAIL_SUBJECT, order = order.as_str()),
            text,
            None,
            now,
        )
    }

    /// Places the reward order in one transaction (see
    /// [`crate::base::order_writer`]): the host's balance read under a
    /// lock, the order with half price and credit, the ledger's spending
    /// and the host's mail. The same idempotency key twice gives the same
    /// order.
    pub async fn redeem(
        db: &Db,
        config: &AppConfig,
        host: &CurrentUser,
        form: &RedeemForm,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let key = format!("reward:{}:{}", host.id, reward_key(form)?);
        if let Some(code) = order_writer::placed_with(db, &key).await? {
            return Ok(code);
        }
        let request = RewardRequest::parse(form)?;
        let (email, language): (String, String) = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT u.email, COALESCE(u.language, b.language) FROM users u
                 JOIN brands b ON b.id = u.brand_id WHERE u.id = $1",
            )
            .bind(host.id)
            .fetch_one(pool)
            .await
        })?;
        let lang = Lang::parse(&language).unwrap_or_default();
        // What the credit leaves to pay is paid by card when the brand takes cards.
        let takes_cards = crate::base::brand::ssr::pay_methods(db, host.brand_id)
            .await?
            .contains(&PayMethod::Card);
        let code = order_writer::once(db, &key, async |tx: &mut Tx| {
            let (credit, items) = balance(tx, host.id).await?;
            if credit <= 0 && items <= 0 {
                return Err(RedeemError::NothingToSpend);
            }
            let (lines, pricing) = priced_lines(tx, host.brand_id, &request.wanted, items, credit).await?;
            let currency = lines
                .first()
                .map(|l| l.unit_price.currency())
                .ok_or(RedeemError::NothingToSpend)?;
            let mut order = NewOrder {
                brand_id: host.brand_id,
                event_id: reward_party(tx, host.id).await?,
                guest_id: None,
                host_id: host.id,
                kind: OrderKind::HostReward,
                customer_name: host.display_name.clone(),
                customer_email: email.clone(),
                delivery: Delivery::Home,
                address: Some(request.address.clone()),
                idempotency_key: key.clone(),
                lines,
                shipping: Money::new(0, currency),
                credit_used: Money::new(pricing.credit_used_cents, currency),
                actor: format!("host {email}"),
                payment_method: None,
            };
            if takes_cards && order.totals().total.minor() > 0 {
                order.payment_method = Some(PayMethod::Card);
            }
            let placed = order_writer::write(tx, &order, now).await?;
            let by_card = order.payment_method == Some(PayMethod::Card);
            let mail = reward_mail(config, host, (&email, lang), &placed, &pricing, by_card, now)?;
            on_tx!(tx, |c| {
                sqlx::query(
                    "INSERT INTO host_credit_ledger (brand_id, host_id, kind, order_id, credit_cents, half_price_items, note, created_at)
                     VALUES ($1, $2, 'redemption', $3, $4, $5, '', $6)",
                )
                .bind(host.brand_id)
                .bind(host.id)
                .bind(placed.id)
                .bind(-pricing.credit_used_cents)
                .bind(-pricing.items_used)
                .bind(now)
                .execute(&mut *c)
                .await?;
                crate::base::mail::insert_query(&mail).execute(&mut *c).await?;
            });
            Ok(placed.tracking_code)
        })
        .await?;
        Ok(code)
    }
}

/// The host's credit: balance, ledger, and the reward order form with a
/// live price.
#[component]
pub fn CreditPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_credit_page());
    let _ = get_host_credit;
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, CREDIT_PAGE_TITLE) />
        <Gate data here="/host/credit" children=move |d: CreditPageData| {
            let (balance, half_items) = (d.credit.balance.minor(), d.credit.half_price_items);
            let has_credit = balance > 0 || half_items > 0;
            let (items_before, items_after) =
                around_figure(&tr!(lang, CREDIT_BALANCE_ITEMS, count = half_items, figure = FIGURE));
            view! {
                <header class="page-head"><h1>{tr!(lang, CREDIT_TITLE)}</h1></header>
                <section class="credit-summary" aria-labelledby="balance-title">
                    <h2 id="balance-title" class="sr-only">{tr!(lang, CREDIT_BALANCE)}</h2>
                    <p class="big-figure" data-testid="credit-balance">{money(lang, d.credit.balance)}</p>
                    <p>{items_before}<strong data-testid="credit-items">{half_items}</strong>{items_after}</p>
                </section>
                <section aria-labelledby="ledger-title">
                    <h2 id="ledger-title">{tr!(lang, CREDIT_HISTORY)}</h2>
                    {if d.credit.entries.is_empty() {
                        view! { <p class="muted">{tr!(lang, CREDIT_HISTORY_EMPTY)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll"><table data-testid="ledger">
                                <thead><tr><th scope="col">{tr!(lang, CREDIT_COL_DATE)}</th><th scope="col">{tr!(lang, CREDIT_COL_WHAT)}</th><th scope="col" class="num">{tr!(lang, CREDIT_COL_CREDIT)}</th><th scope="col" class="num">{tr!(lang, CREDIT_COL_ITEMS)}</th></tr></thead>
                                <tbody>
                                    {d.credit.entries.iter().cloned().map(|e| view! {
                                        <tr>
                                            <td>{e.when}</td>
                                            <td>{match e.event_id {
                                                Some(id) if e.is_reward => view! { <a href=format!("/host/events/{id}")>{e.what.clone()}</a> }.into_any(),
                                                _ => view! { <span>{e.what.clone()}</span> }.into_any(),
                                            }}</td>
                                            <td class="num">{money(lang, e.credit)}</td>
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
                        <h2 id="redeem-title">{tr!(lang, CREDIT_REDEEM_TITLE)}</h2>
                        <p class="hint">{tr!(lang, CREDIT_REDEEM_HINT)}</p>
                        <RedeemOrder page=d.clone() carried=crate::base::forms::Carried::here() />
                    </section>
                })}
            }
        } />
    }
}

/// The reward order form: with JavaScript, a search, steppers and the
/// live total; without it, the number boxes, and the order's page shows the
/// total.
#[island(lazy)]
fn RedeemOrder(page: CreditPageData, carried: crate::base::forms::Carried) -> impl IntoView {
    carried.provide();
    let d = page;
    let redeem = ServerAction::<RedeemCredit>::new();
    let error = Signal::derive(move || redeem.value().get().and_then(Result::err));
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let lang = crate::base::l10n::use_lang();
    let currency = d.credit.balance.currency();
    let kept: Option<RedeemForm> = error.get_untracked().and_then(|e| e.kept());
    let form = kept.unwrap_or(RedeemForm {
        idempotency_key: d.idempotency_key.clone(),
        address: d.address.clone(),
        ..Default::default()
    });
    let search = RwSignal::new(String::new());
    let names: Vec<String> = d
        .items
        .iter()
        .map(|i| format!("{} {} {}", i.name, i.sku, i.category).to_lowercase())
        .collect();
    let qty = RwSignal::new(
        d.items
            .iter()
            .map(|i| {
                (
                    i.id,
                    form.qty
                        .get(&i.id.to_string())
                        .and_then(|q| q.parse::<i64>().ok())
                        .unwrap_or(0),
                )
            })
            .collect::<BTreeMap<i64, i64>>(),
    );
    let prices: BTreeMap<i64, i64> = d.items.iter().map(|i| (i.id, i.price.minor())).collect();
    let (balance, half_items) = (d.credit.balance.minor(), d.credit.half_price_items);
    let pricing = Memo::new(move |_| {
        let lines: Vec<(i64, i64)> = qty
            .get()
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(id, n)| (prices[id], *n))
            .collect();
        price_reward_order(&lines, half_items, balance)
    });
    view! {
                        <ActionForm action=redeem attr:class="form" attr:novalidate="">
                            <FormError error />
                            {move || error.get().and_then(|e| e.for_field("qty")).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                            <input type="hidden" name="form[idempotency_key]" value=form.idempotency_key.clone() />
                            {move || running.get().then(|| view! {
                                <div class="field">
                                    <label for="reward-search">{tr!(lang, CREDIT_FIND)}</label>
                                    <input id="reward-search" type="search" autocomplete="off" placeholder=tr!(lang, CREDIT_FIND_PLACEHOLDER)
                                        on:input=move |ev| search.set(event_target_value(&ev).trim().to_lowercase()) />
                                </div>
                            })}
                            <ul class="reward-items">
                                {d.items.iter().zip(names.clone()).map(|(item, haystack)| {
                                    let id = item.id;
                                    let field = format!("qty-{id}");
                                    let line_error = move || error.get().and_then(|e| e.for_field(&field));
                                    let start = form.qty.get(&id.to_string()).cloned().unwrap_or_default();
                                    let max = item.stock.min(20);
                                    let hidden = move || {
                                        let q = search.get();
                                        !q.is_empty() && !haystack.contains(&q) && qty.with(|m| m.get(&id).copied().unwrap_or(0)) == 0
                                    };
                                    let input = NodeRef::<leptos::html::Input>::new();
                                    let step = move |by: i64| {
                                        let n = (qty.with(|m| m.get(&id).copied().unwrap_or(0)) + by).clamp(0, max);
                                        qty.update(|m| { m.insert(id, n); });
                                        if let Some(el) = input.get() {
                                            el.set_value(&n.to_string());
                                        }
                                    };
                                    let (less, more) = (tr!(lang, CREDIT_ONE_LESS, name = &item.name), tr!(lang, CREDIT_ONE_MORE, name = &item.name));
                                    view! {
                                        <li class:hidden=hidden data-testid="reward-item">
                                            <ItemThumb item=item.clone() />
                                            <label for=format!("qty-{id}")>{item.name.clone()}
                                                <span class="muted">{format!(" {} · {}", money(lang, item.price), item.sku)}</span></label>
                                            <span class="stepper">
                                                {move || running.get().then(|| view! {
                                                    <button type="button" class="button small" aria-label=less.clone() on:click=move |_| step(-1)>"−"</button>
                                                })}
                                                <input id=format!("qty-{id}") node_ref=input name=format!("form[qty][{id}]") type="number" min="0" max=max inputmode="numeric" value=start
                                                    on:input=move |ev| {
                                                        let n = event_target_value(&ev).parse::<i64>().unwrap_or(0).max(0);
                                                        qty.update(|q| { q.insert(id, n); });
                                                    } />
                                                {move || running.get().then(|| view! {
                                                    <button type="button" class="button small" aria-label=more.clone() on:click=move |_| step(1)>"+"</button>
                                                })}
                                            </span>
                                            {move || line_error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <p class="muted" data-testid="no-match">{move || {
                                let q = search.get();
                                (!q.is_empty() && !names.iter().any(|n| n.contains(&q))).then(|| tr!(lang, CREDIT_NO_MATCH, search = &q))
                            }}</p>
                            <Field id="address" name="form[address]" label=tr!(lang, CREDIT_SEND_TO) value=form.address.clone() rows=3 hint=tr!(lang, CREDIT_ADDRESS_HINT) error />
                            <div class="sticky-total">
                                <p class="hint" data-testid="total-later" class:hidden=running>{tr!(lang, CREDIT_TOTAL_LATER)}</p>
                                <dl class="totals" data-testid="reward-totals" aria-live="polite" class:hidden=move || !running.get()>
                                    <dt>{tr!(lang, CREDIT_TOTAL_ITEMS)}</dt><dd>{move || money(lang, Money::new(pricing.get().merchandise_cents, currency))}</dd>
                                    <dt>{tr!(lang, CREDIT_HALF_PRICE)}</dt><dd>{move || tr!(lang, CREDIT_HALF_PRICE_AMOUNT,
                                        amount = money(lang, Money::new(pricing.get().half_price_cents, currency)), count = pricing.get().items_used)}</dd>
                                    <dt>{tr!(lang, CREDIT_COL_CREDIT)}</dt><dd>{move || format!("−{}", money(lang, Money::new(pricing.get().credit_used_cents, currency)))}</dd>
                                    <dt>{tr!(lang, CREDIT_LEFT_TO_PAY)}</dt><dd data-testid="reward-total">{move || money(lang, Money::new(pricing.get().total_cents, currency))}</dd>
                                </dl>
                                <button type="submit" class="button primary" disabled=move || redeem.pending().get()>
                                    {move || if redeem.pending().get() { tr!(lang, CREDIT_PLACING) } else { tr!(lang, CREDIT_PLACE) }}
                                </button>
                            </div>
                        </ActionForm>
    }
}
