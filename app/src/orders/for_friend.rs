//! The host orders for a friend who cannot come: the friend's name and
//! email, the items, delivery to the friend or to the host. The order is
//! placed like a guest's (one transaction, the stock taken, credited to
//! the host) and the friend gets a mail with the link to pay it.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    forms::{action, Field, FormError, LastForm},
    items::ItemCard,
    l10n::{fmt, use_lang},
};

/// The form as typed. `items` maps an item's id to its quantity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendOrderForm {
    pub key: String,
    pub name: String,
    pub email: String,
    /// `home` (to the friend) or `host`.
    pub delivery: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub items: BTreeMap<String, String>,
}

/// What the section shows: the party's items and a fresh form key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendOrderData {
    pub key: String,
    pub items: Vec<ItemCard>,
}

/// The friend's order form of a party, for its host.
#[server(prefix = "/api", endpoint = "friend_order_form", input = server_fn::codec::GetUrl)]
pub async fn get_friend_order_form(event_id: i64) -> Result<FriendOrderData, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        crate::base::access::ssr::ensure_owned_open(&state.db, &host, event_id).await?;
        ssr::form_data(&state.db, event_id).await
    })
    .await
}

/// Places the host's order for a friend; answers the order's tracking code.
#[server(prefix = "/api", endpoint = "order_for_friend")]
pub async fn order_for_friend(event_id: i64, form: FriendOrderForm) -> Result<String, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        ssr::place(&state.db, &state.config, &host, event_id, &form, now)
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// The section's state, made once by the page.
#[derive(Clone, Copy)]
pub struct FriendOrderState {
    place: ServerAction<OrderForFriend>,
    data: Resource<Result<FriendOrderData, AppError>>,
}

impl FriendOrderState {
    pub fn new(event_id: Memo<i64>) -> Self {
        let place = action::<OrderForFriend>();
        let data = Resource::new(
            move || (event_id.get(), place.version().get()),
            |(id, _)| get_friend_order_form(id),
        );
        FriendOrderState { place, data }
    }
}

/// "Order for a friend", on the host's page of a party.
#[component]
pub fn FriendOrder(event_id: i64, state: FriendOrderState) -> impl IntoView {
    let lang = use_lang();
    let FriendOrderState { place, data } = state;
    let answer = LastForm::of_page().answer(place);
    let error = Signal::derive(move || answer.get().and_then(Result::err));
    let done = move || answer.get().and_then(Result::ok);
    view! {
        <section class="friend-order" aria-labelledby="friend-order-title">
            <h2 id="friend-order-title">{tr!(lang, FRIEND_ORDER_TITLE)}</h2>
            <p class="hint">{tr!(lang, FRIEND_ORDER_INTRO)}</p>
            {move || done().map(|code| view! {
                <p class="report" role="status" data-testid="friend-order-placed">
                    {format!("{} ", tr!(lang, FRIEND_ORDER_PLACED))}
                    <a href=format!("/o/{code}")>{tr!(lang, FRIEND_ORDER_SEE)}</a>
                </p>
            })}
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| r.map(|d| {
                    let kept: FriendOrderForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
                    let to_home = kept.delivery == "home";
                    view! {
                        <ActionForm action=place attr:class="form" attr:novalidate="">
                            <FormError error />
                            <input type="hidden" name="event_id" value=event_id />
                            <input type="hidden" name="form[key]" value=d.key.clone() />
                            <Field id="friend-name" field="name" name="form[name]" label=tr!(lang, FRIEND_ORDER_NAME) value=kept.name.clone() required=true error />
                            <Field id="friend-email" field="email" name="form[email]" label=tr!(lang, FRIEND_ORDER_EMAIL) kind="email" value=kept.email.clone() required=true error />
                            <fieldset class="field friend-items" aria-describedby="cart-error">
                                <legend>{tr!(lang, FRIEND_ORDER_ITEMS)}</legend>
                                {move || error.get().and_then(|e| e.for_field("cart")).map(|m| view! { <p class="field-error" id="cart-error" role="alert">{m}</p> })}
                                {d.items.iter().map(|item| {
                                    let id = item.id;
                                    let chosen = kept.items.get(&id.to_string()).cloned().unwrap_or_default();
                                    let field = format!("line-{id}");
                                    view! {
                                        <div class="friend-item">
                                            <label for=format!("friend-item-{id}")>{format!("{} · {}", item.name, fmt::money(lang, item.price))}</label>
                                            <select id=format!("friend-item-{id}") name=format!("form[items][{id}]")>
                                                {(0..=item.stock.clamp(0, 10)).map(|n| view! {
                                                    <option value=n selected=n.to_string() == chosen>{n}</option>
                                                }).collect_view()}
                                            </select>
                                            {move || error.get().and_then(|e| e.for_field(&field)).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                            <fieldset class="field">
                                <legend>{tr!(lang, FRIEND_ORDER_DELIVERY)}</legend>
                                <label class="choice"><input type="radio" name="form[delivery]" value="host" checked=!to_home />
                                    {format!(" {}", tr!(lang, FRIEND_ORDER_TO_ME))}</label>
                                <label class="choice"><input type="radio" name="form[delivery]" value="home" checked=to_home />
                                    {format!(" {}", tr!(lang, FRIEND_ORDER_TO_FRIEND))}</label>
                                {move || error.get().and_then(|e| e.for_field("delivery")).map(|m| view! { <p class="field-error">{m}</p> })}
                            </fieldset>
                            <Field id="friend-address" field="address" name="form[address]" label=tr!(lang, FRIEND_ORDER_ADDRESS) value=kept.address.clone() rows=3 error />
                            <button type="submit" class="button" disabled=move || place.pending().get()>{tr!(lang, FRIEND_ORDER_SUBMIT)}</button>
                        </ActionForm>
                    }
                }))}
            </Suspense>
        </section>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{FriendOrderData, FriendOrderForm};
    use crate::{
        base::{
            account::CurrentUser,
            db::Db,
            error::{AppError, Mistakes},
            items::{ssr::ItemCardRow, ItemCard},
            l10n::{page_lang, Lang},
            order::{PayMethod, MAX_QUANTITY},
            state::AppConfig,
        },
        on_db,
        orders::{domain::Checkout, ssr::Buyer, CheckoutForm},
    };

    /// The items the party features and still sells, and a form key.
    pub async fn form_data(db: &Db, event_id: i64) -> Result<FriendOrderData, AppError> {
        let sql = format!(
            "SELECT {} FROM event_items ei JOIN items i ON i.id = ei.item_id
             WHERE ei.event_id = $1 AND i.active = TRUE ORDER BY ei.position, i.id",
            crate::base::items::ssr::card_columns_in(page_lang())
        );
        let rows: Vec<ItemCardRow> = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
            .bind(event_id)
            .fetch_all(pool)
            .await)?;
        Ok(FriendOrderData {
            key: crate::base::tokens::random_key(),
            items: rows.into_iter().map(ItemCard::from).collect(),
        })
    }

    /// The form checked: the checkout's rules for the friend, and the
    /// quantities; every mistake at once.
    fn parse(form: &FriendOrderForm) -> Result<(Checkout, Vec<(i64, i64)>), AppError> {
        let lang = page_lang();
        let mut mistakes = Mistakes::default();
        let checkout = mistakes.check(Checkout::parse(&CheckoutForm {
            name: form.name.clone(),
            email: form.email.clone(),
            delivery: form.delivery.clone(),
            address: form.address.clone(),
            idempotency_key: form.key.clone(),
            wants_to_host: None,
            payment: String::new(),
            news: None,
        }));
        let mut chosen = Vec::new();
        for (id, quantity) in &form.items {
            let id: Option<i64> = id.parse().ok();
            match (id, quantity.trim().parse::<i64>()) {
                (Some(id), Ok(q)) if (0..=MAX_QUANTITY).contains(&q) => chosen.push((id, q)),
                (Some(id), _) => mistakes.note(
                    &format!("line-{id}"),
                    tr!(lang, ORDER_CHANGE_QUANTITY, most = MAX_QUANTITY),
                ),
                (None, _) => return Err(AppError::NotFound),
            }
        }
        if !chosen.iter().any(|(_, q)| *q > 0) {
            mistakes.note("cart", tr!(lang, FRIEND_ORDER_ERROR_NO_ITEM));
        }
        mistakes.finish()?;
        Ok((checkout.ok_or(AppError::Internal)?, chosen))
    }

    /// The host as the buyer of a friend's order at their party (which
    /// must be theirs and still take orders).
    async fn host_buyer(
        db: &Db,
        host: &CurrentUser,
        event_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Buyer, AppError> {
        crate::base::access::ssr::ensure_owned_open(db, host, event_id).await?;
        type Row = (i64, i64, String, String, bool);
        let (brand_id, host_id, title, language, open): Row = on_db!(db.reader(), |pool| {
            sqlx::query_as(concat!(
                "SELECT e.brand_id, e.host_id, e.title, ",
                crate::party_language_sql!(),
                ", (e.orders_close_at > $2) FROM events e JOIN brands b ON b.id = e.brand_id
                 WHERE e.id = $1"
            ))
            .bind(event_id)
            .bind(now)
            .fetch_one(pool)
            .await
        })?;
        let first_name = host
            .display_name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_owned();
        Ok(Buyer {
            event_id,
            brand_id,
            host_id,
            guest_id: None,
            owner: format!("host:{}", host.id),
            name: String::new(),
            email: String::new(),
            open,
            event_title: title,
            lang: Lang::parse(&language).unwrap_or_default(),
            ordered_by: Some(first_name),
        })
    }

    /// Places the host's order for a friend, paid by the friend: by card
    /// where the brand takes cards (until the order deadline), else by
    /// transfer, else at delivery. Once per form. The tracking code.
    pub async fn place(
        db: &Db,
        config: &AppConfig,
        host: &CurrentUser,
        event_id: i64,
        form: &FriendOrderForm,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let buyer = host_buyer(db, host, event_id, now).await?;
        let (mut checkout, chosen) = parse(form)?;
        let offered = crate::base::brand::ssr::pay_methods(db, buyer.brand_id).await?;
        checkout.payment = [PayMethod::Card, PayMethod::Transfer, PayMethod::Delivery]
            .into_iter()
            .find(|m| offered.contains(m));
        let placed = crate::orders::ssr::place(db, config, (&buyer, Some(&chosen)), &checkout, now);
        Ok(placed.await?)
    }
}
