//! Orders from an event: the guest's cart, checkout, and the tracking page
//! of each order. Every order is a purchase credited to the event's host.

pub mod admin;
pub mod card;
pub mod change;
#[cfg(feature = "ssr")]
pub mod domain;
pub mod for_friend;
pub mod making;
pub mod payment;
pub mod pick_list;
pub mod preorder;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod transfer;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::l10n::{fmt, use_lang};
use crate::base::order::{OrderStatus, PayMethod, ShippingRule, Totals};
use crate::base::{
    error::AppError,
    forms::{Field, FormError},
    items::{ItemCard, ItemThumb},
    money::Money,
};

/// One line of a cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub item: ItemCard,
    pub quantity: i64,
    pub line: Money,
}

/// A buyer's cart with both deliveries priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    pub event_title: String,
    pub open: bool,
    pub lines: Vec<CartLine>,
    pub to_host: Totals,
    pub to_home: Totals,
    /// The guest's prize credit, taken off both totals above.
    pub credit: Money,
    pub shipping: ShippingRule,
    /// What the checkout form starts with (a guest's name and email).
    pub name: String,
    pub email: String,
    /// The ways to pay the brand offers.
    pub methods: Vec<PayMethod>,
}

/// The checkout form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutForm {
    pub name: String,
    pub email: String,
    pub delivery: String,
    #[serde(default)]
    pub address: String,
    /// Made when the form is shown: one order per form, however often it
    /// is submitted.
    pub idempotency_key: String,
    /// "I'd like to host a party of my own" (a checkbox).
    #[serde(default)]
    pub wants_to_host: Option<String>,
    /// How the guest pays (`card`, `transfer`, `delivery`).
    #[serde(default)]
    pub payment: String,
    /// "Send me the brand's news" (a checkbox, unticked by default).
    #[serde(default)]
    pub news: Option<String>,
}

/// One step of an order's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusStep {
    pub status: OrderStatus,
    pub at: String,
    pub note: String,
}

/// An order as its tracking page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderTracking {
    pub number: i64,
    pub status: OrderStatus,
    pub customer_name: String,
    pub event_title: String,
    pub to_host: bool,
    pub address: Option<String>,
    pub placed: String,
    /// ("2 × Fig Leaf Candle (CAN-FIG-220)", amount)
    pub lines: Vec<(String, Money)>,
    pub totals: Totals,
    /// Host credit spent on a host's reward order, or a guest's prize
    /// credit spent on their order.
    pub credit_used: Money,
    /// Whether `credit_used` is a guest's prize credit.
    #[serde(default)]
    pub credit_is_prize: bool,
    pub steps: Vec<StatusStep>,
    /// How to pay it by bank transfer, while it waits for payment.
    pub transfer: Option<Transfer>,
    /// How to pay it by card, while it waits for payment.
    pub card: Option<CardPay>,
    /// What its guest may still change.
    pub change: Option<change::OrderChange>,
    /// The brand's updates on the making of its items, in order.
    #[serde(default)]
    pub making: Vec<making::Update>,
}

/// What the order's page needs to take a card payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardPay {
    pub amount: Money,
    /// The brand's Stripe publishable key and where Stripe.js is served.
    pub publishable_key: String,
    pub js_url: String,
    /// Until when it can be paid, in the party's time zone.
    pub pay_by: String,
    /// Whether the payment was opened at Stripe (not when Stripe did not
    /// answer at checkout).
    pub opened: bool,
    /// The brand's other ways to pay, to switch to.
    pub others: Vec<PayMethod>,
}

/// How to pay an order by bank transfer: the brand's account, the amount
/// and the order's payment reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    pub iban: String,
    pub bic: String,
    pub account_name: String,
    pub amount: Money,
    pub reference: String,
}

impl Transfer {
    /// The account of a brand, when it gave one, for order `order_id`.
    pub fn of(
        account: (Option<String>, Option<String>, Option<String>),
        order_id: i64,
        total: Money,
    ) -> Option<Self> {
        let (Some(iban), Some(bic), Some(account_name)) = account else {
            return None;
        };
        if total.minor() <= 0 {
            // Paid in full by the guest's prize credit: nothing to transfer.
            return None;
        }
        Some(Transfer {
            iban,
            bic,
            account_name,
            amount: total,
            reference: crate::base::bank::payment_reference(order_id),
        })
    }

    /// The instructions, as the order's email gives them.
    pub fn text(&self, lang: crate::base::l10n::Lang) -> String {
        tr!(
            lang,
            MAIL_TRANSFER_HOW,
            amount = crate::base::l10n::fmt::money(lang, self.amount),
            holder = self.account_name.as_str(),
            iban = self.iban.as_str(),
            bic = self.bic.as_str(),
            reference = self.reference.as_str()
        )
    }
}

/// The buyer of this request: the guest of `token`, or the visitor of the
/// share link `slug` (known by a cookie, made when `create`).
#[cfg(feature = "ssr")]
async fn buyer(
    state: &crate::base::state::AppState,
    token: &str,
    slug: &str,
    create: bool,
) -> Result<ssr::Buyer, AppError> {
    let now = chrono::Utc::now();
    if !token.is_empty() {
        return ssr::guest_buyer(&state.db, token, now).await;
    }
    let key = crate::base::access::ssr::visitor_key(create, state.config.session_secure);
    ssr::visitor_buyer(&state.db, slug, &key, now).await
}

/// The cart of the guest (`token`) or share-link visitor (`slug`).
#[server(prefix = "/api", endpoint = "cart", input = server_fn::codec::GetUrl)]
pub async fn get_cart(token: String, slug: String) -> Result<CartView, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let buyer = buyer(&state, &token, &slug, false).await?;
        ssr::cart(&state.db, &buyer).await
    })
    .await
}

/// Adds `quantity` of a featured item to the cart.
#[server(prefix = "/api", endpoint = "add_to_cart")]
pub async fn add_to_cart(
    token: String,
    slug: String,
    item_id: i64,
    quantity: Option<i64>,
) -> Result<i64, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let buyer = buyer(&state, &token, &slug, true).await?;
        ssr::set_quantity(
            &state.db,
            &buyer,
            item_id,
            quantity.unwrap_or(1),
            true,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Sets the quantity of a cart line (0 removes it).
#[server(prefix = "/api", endpoint = "set_cart_quantity")]
pub async fn set_cart_quantity(
    token: String,
    slug: String,
    item_id: i64,
    quantity: i64,
) -> Result<i64, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let buyer = buyer(&state, &token, &slug, true).await?;
        ssr::set_quantity(
            &state.db,
            &buyer,
            item_id,
            quantity,
            false,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// A fresh idempotency key for a checkout form.
#[server(prefix = "/api", endpoint = "checkout_key", input = server_fn::codec::GetUrl)]
pub async fn get_checkout_key() -> Result<String, AppError> {
    Ok(crate::base::tokens::random_key())
}

/// Places the cart as an order and opens its tracking page.
#[server(prefix = "/api", endpoint = "place_order")]
pub async fn place_order(
    token: String,
    slug: String,
    form: CheckoutForm,
) -> Result<String, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let buyer = buyer(&state, &token, &slug, false).await?;
        let checkout = domain::Checkout::parse(&form).map_err(|e| e.keeping(&form))?;
        let now = chrono::Utc::now();
        let code = ssr::place(&state.db, &state.config, (&buyer, None), &checkout, now)
            .await
            .map_err(|e| AppError::from(e).keeping(&form))?;
        // A card order opens its payment now: one request to Stripe. When
        // Stripe does not answer, the order stays placed and its page pays.
        if checkout.payment == Some(PayMethod::Card) {
            match card::ssr::start(&state.db, &state.config, &code).await {
                // Paid in full by prize credit: no card payment to open.
                Ok(()) | Err(AppError::NotFound) => {}
                Err(err) => tracing::warn!(%err, "could not open a card payment at checkout"),
            }
        }
        leptos_axum::redirect(&format!("/o/{code}"));
        Ok(code)
    })
    .await
}

/// An order's tracking page data; the code in its link is the key.
#[server(prefix = "/api", endpoint = "order_tracking", input = server_fn::codec::GetUrl)]
pub async fn get_order_tracking(code: String) -> Result<OrderTracking, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let mut order = ssr::tracking(&state.db, &code).await?;
        // An unpaid card order asks Stripe first, so that a payment that
        // went through shows as paid even before its webhook arrives (the
        // order is read again when that changed it); other orders are shown
        // as read.
        if order.card.is_some()
            && card::ssr::refresh(&state.db, &state.config, &code, chrono::Utc::now()).await?
        {
            order = ssr::tracking(&state.db, &code).await?;
        }
        if let Some(card) = order.card.as_mut() {
            card.js_url = state.config.stripe_js_url.clone();
        }
        order.change = change::ssr::offer(&state.db, &code, chrono::Utc::now()).await?;
        order.making = making::ssr::for_order(&state.db, order.number).await?;
        Ok(order)
    })
    .await
}

/// The personal (`/i/<token>`) or share (`/s/<slug>`) base of the page.
fn pass() -> (Memo<String>, Memo<String>) {
    let params = use_params_map();
    (
        Memo::new(move |_| params.read().get("token").unwrap_or_default()),
        Memo::new(move |_| params.read().get("slug").unwrap_or_default()),
    )
}

fn base_of(token: &str, slug: &str) -> String {
    if token.is_empty() {
        format!("/s/{slug}")
    } else {
        format!("/i/{token}")
    }
}

/// "Add to cart" on an item's page.
#[component]
pub fn AddToCart(item_id: i64, stock: i64) -> impl IntoView {
    let lang = use_lang();
    let (token, slug) = pass();
    let add = crate::base::forms::action::<AddToCart>();
    let error = move || add.value().get().and_then(Result::err);
    let added = move || add.value().get().and_then(Result::ok);
    view! {
        {(stock > 0).then(|| view! {
            <ActionForm action=add attr:class="form add-to-cart">
                <input type="hidden" name="token" value=token />
                <input type="hidden" name="slug" value=slug />
                <input type="hidden" name="item_id" value=item_id />
                <div class="field">
                    <label for="quantity">{tr!(lang, CART_QUANTITY)}</label>
                    <select id="quantity" name="quantity">
                        {(1..=stock.min(10)).map(|n| view! { <option value=n>{n}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary" disabled=move || add.pending().get()>{tr!(lang, CART_ADD)}</button>
                {move || error().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
                {move || added().map(|n| view! {
                    <p class="report" role="status" data-testid="added">
                        {format!("{} ", tr!(lang, CART_ADDED, count = n))}
                        <a href=format!("{}/cart", base_of(&token.get(), &slug.get()))>{tr!(lang, CART_SEE)}</a>
                    </p>
                })}
            </ActionForm>
        })}
    }
}

/// The cart and checkout (`/i/:token/cart`, `/s/:slug/cart`).
#[component]
pub fn CartPage() -> impl IntoView {
    let lang = use_lang();
    let (token, slug) = pass();
    let change = ServerAction::<SetCartQuantity>::new();
    let place = ServerAction::<PlaceOrder>::new();
    let data = Resource::new(
        move || {
            (
                token.get(),
                slug.get(),
                change.version().get(),
                place.version().get(),
            )
        },
        |(token, slug, ..)| async move {
            let cart = get_cart(token, slug).await?;
            let key = get_checkout_key().await?;
            Ok::<_, AppError>((cart, key))
        },
    );
    let error = Signal::derive(move || place.value().get().and_then(Result::err));
    let change_error = move || change.value().get().and_then(Result::err);
    view! {
        <Title text=tr!(lang, CART_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, ORDER_LOADING)}</p> }>
            {move || Suspend::new(async move {
                let Ok((cart, key)) = data.await else {
                    return view! { <crate::base::page::NotFound /> }.into_any();
                };
                let base = base_of(&token.get_untracked(), &slug.get_untracked());
                let kept: Option<CheckoutForm> = error.get_untracked().and_then(|e| e.kept());
                let kept_payment = kept.as_ref().and_then(|k| PayMethod::parse(&k.payment));
                let initial = kept.unwrap_or(CheckoutForm {
                    name: cart.name.clone(),
                    email: cart.email.clone(),
                    delivery: "host".into(),
                    address: String::new(),
                    idempotency_key: key.clone(),
                    wants_to_host: None,
                    payment: String::new(),
                    news: None,
                });
                let empty = cart.lines.is_empty();
                let money = move |m: Money| fmt::money(lang, m);
                let home_choice = tr!(
                    lang,
                    CHECKOUT_DELIVERY_HOME,
                    shipping = money(cart.shipping.flat),
                    free_from = money(cart.shipping.free_from),
                    total = money(cart.to_home.total)
                );
                view! {
                    <article class="cart-page">
                        <p><a href=format!("{base}#showcase-title")>{format!("← {}", cart.event_title)}</a></p>
                        <h1>{tr!(lang, CART_TITLE)}</h1>
                        {(!cart.open).then(|| view! { <p class="form-error" role="alert">{tr!(lang, CART_CLOSED)}</p> })}
                        {move || change_error().map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
                        {if empty {
                            view! { <p class="empty-state">{format!("{} ", tr!(lang, CART_EMPTY))} <a href=base.clone()>{tr!(lang, CART_SEE_COLLECTION)}</a></p> }.into_any()
                        } else {
                            view! {
                                <ul class="cart-lines">
                                    {cart.lines.iter().cloned().map(|l| {
                                        let id = l.item.id;
                                        let name = l.item.name.clone();
                                        let field = format!("line-{id}");
                                        let line_error = move || error.get().and_then(|e| e.for_field(&field));
                                        view! {
                                            <li data-testid="cart-line">
                                                <ItemThumb item=l.item.clone() />
                                                <div>
                                                    <p class="cart-name">{name.clone()}</p>
                                                    <p class="muted">{tr!(lang, CART_UNIT_PRICE, price = money(l.item.price))}</p>
                                                    {move || line_error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                                </div>
                                                <ActionForm action=change attr:class="inline-form qty-form">
                                                    <input type="hidden" name="token" value=token.get_untracked() />
                                                    <input type="hidden" name="slug" value=slug.get_untracked() />
                                                    <input type="hidden" name="item_id" value=id />
                                                    <label class="sr-only" for=format!("qty-{id}")>{tr!(lang, CART_QUANTITY_OF, name = &name)}</label>
                                                    <select id=format!("qty-{id}") name="quantity">
                                                        {(0..=l.item.stock.max(l.quantity).min(20)).map(|n| view! {
                                                            <option value=n selected=n == l.quantity>{if n == 0 { tr!(lang, CART_REMOVE) } else { n.to_string() }}</option>
                                                        }).collect_view()}
                                                    </select>
                                                    <button type="submit" class="button small">{tr!(lang, CART_UPDATE)}</button>
                                                </ActionForm>
                                                <p class="price">{money(l.line)}</p>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <dl class="totals" data-testid="totals">
                                    <dt>{tr!(lang, ORDER_ITEMS_VAT_INCLUDED)}</dt><dd>{money(cart.to_host.merchandise)}</dd>
                                    <dt>{tr!(lang, ORDER_VAT_SHARE)}</dt><dd>{money(cart.to_host.vat)}</dd>
                                    <dt>{tr!(lang, CART_SHIPPING_TO_HOST)}</dt><dd>{tr!(lang, CART_SHIPPING_FREE)}</dd>
                                    <dt>{tr!(lang, CART_SHIPPING_TO_HOME)}</dt><dd>{money(cart.to_home.shipping)}</dd>
                                    {(cart.credit.minor() > 0).then(|| view! {
                                        <dt>{tr!(lang, CART_PRIZE_CREDIT)}</dt><dd data-testid="cart-credit">{money(cart.credit)}</dd>
                                    })}
                                </dl>
                                {(cart.credit.minor() > 0).then(|| view! { <p class="hint">{tr!(lang, CART_PRIZE_CREDIT_HINT)}</p> })}
                            }.into_any()
                        }}
                        {(!empty && cart.open).then(|| view! {
                            <section class="form-card" aria-labelledby="checkout-title">
                                <h2 id="checkout-title">{tr!(lang, CHECKOUT_TITLE)}</h2>
                                <ActionForm action=place attr:class="form" attr:novalidate="">
                                    <FormError error />
                                    {move || error.get().and_then(|e| e.for_field("cart")).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                    <input type="hidden" name="token" value=token.get_untracked() />
                                    <input type="hidden" name="slug" value=slug.get_untracked() />
                                    <input type="hidden" name="form[idempotency_key]" value=initial.idempotency_key.clone() />
                                    <Field id="name" name="form[name]" label=tr!(lang, CHECKOUT_NAME) value=initial.name.clone() error />
                                    <Field id="email" name="form[email]" label=tr!(lang, CHECKOUT_EMAIL) kind="email" value=initial.email.clone() hint=tr!(lang, CHECKOUT_EMAIL_HINT) error />
                                    <fieldset class="field">
                                        <legend>{tr!(lang, CHECKOUT_DELIVERY)}</legend>
                                        <label class="choice"><input type="radio" name="form[delivery]" value="host" checked=initial.delivery != "home" />
                                            {format!(" {}", tr!(lang, CHECKOUT_DELIVERY_HOST, total = money(cart.to_host.total)))}</label>
                                        <label class="choice"><input type="radio" name="form[delivery]" value="home" checked=initial.delivery == "home" />
                                            {format!(" {home_choice}")}</label>
                                        {move || error.get().and_then(|e| e.for_field("delivery")).map(|m| view! { <p class="field-error">{m}</p> })}
                                    </fieldset>
                                    <Field id="address" name="form[address]" label=tr!(lang, CHECKOUT_ADDRESS) value=initial.address.clone() rows=3 error />
                                    <PaymentChoice methods=cart.methods.clone() kept=kept_payment
                                        error=error.get_untracked().and_then(|e| e.for_field("payment")) />
                                    <label class="choice"><input type="checkbox" name="form[wants_to_host]" value="yes" checked=initial.wants_to_host.is_some() />
                                        {format!(" {}", tr!(lang, CHECKOUT_WANTS_TO_HOST))}</label>
                                    <label class="choice"><input type="checkbox" name="form[news]" value="yes" checked=initial.news.is_some() />
                                        {format!(" {}", tr!(lang, NEWS_CONSENT))}</label>
                                    <button type="submit" class="button primary" disabled=move || place.pending().get()>
                                        {move || if place.pending().get() { tr!(lang, CHECKOUT_PLACING) } else { tr!(lang, CHECKOUT_PLACE) }}
                                    </button>
                                    <p class="hint">{tr!(lang, CHECKOUT_PAY_HINT)}</p>
                                </ActionForm>
                            </section>
                        })}
                    </article>
                }.into_any()
            })}
        </Suspense>
    }
}

/// The checkout's choice of how to pay. Paying by card needs JavaScript
/// (Stripe.js): without it the choice is off and the page says so. An
/// island inside the server's form; `error` is the message about the
/// choice, when the form came back refused.
#[island]
fn PaymentChoice(
    methods: Vec<PayMethod>,
    kept: Option<PayMethod>,
    error: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let first = methods.first().copied();
    let first_without_js = methods.iter().copied().find(|m| *m != PayMethod::Card);
    let card_only = methods == [PayMethod::Card];
    let takes_cards = methods.contains(&PayMethod::Card);
    view! {
        <fieldset class="field">
            <legend>{tr!(lang, CHECKOUT_PAYMENT)}</legend>
            {methods.into_iter().map(|m| {
                let chosen = move || match kept {
                    Some(k) => k == m,
                    None if running.get() => Some(m) == first,
                    None => Some(m) == first_without_js,
                };
                let needs_js = m == PayMethod::Card;
                // The page as served (no JavaScript yet) checks a method it can pay.
                let served = kept.map_or(Some(m) == first_without_js, |k| k == m);
                view! {
                    <label class="choice">
                        <input type="radio" name="form[payment]" value=m.as_db()
                            checked=served prop:checked=chosen disabled=move || needs_js && !running.get() />
                        {format!(" {}", m.label(lang))}
                    </label>
                }
            }).collect_view()}
            {move || (takes_cards && !running.get()).then(|| view! {
                <p class="hint" data-testid="card-needs-js">{if card_only {
                    tr!(lang, CHECKOUT_CARD_NEEDS_JS_ONLY)
                } else {
                    tr!(lang, CHECKOUT_CARD_NEEDS_JS)
                }}</p>
            })}
            {error.map(|m| view! { <p class="field-error">{m}</p> })}
        </fieldset>
    }
}

/// An order's tracking page (`/o/:code`): its timeline, like following the
/// making of one's own car.
#[component]
pub fn TrackingPage() -> impl IntoView {
    let lang = use_lang();
    let money = move |m: Money| fmt::money(lang, m);
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let set_line = ServerAction::<change::ChangeOrderLine>::new();
    let cancel = ServerAction::<change::CancelMyOrder>::new();
    let data = Resource::new(
        move || (code(), set_line.version().get(), cancel.version().get()),
        |(code, ..)| get_order_tracking(code),
    );
    view! {
        <Title text=tr!(lang, TRACK_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, ORDER_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) => view! {
                        <article class="tracking">
                            <p class="eyebrow">{tr!(lang, TRACK_EYEBROW, number = o.number.to_string(), party = &o.event_title)}</p>
                            <h1>{tr!(lang, TRACK_THANKS, name = &o.customer_name)}</h1>
                            <p class="lead" data-testid="order-status">{o.status.label(lang)}</p>
                            {(o.status == OrderStatus::Delivered).then(|| view! {
                                <p><a class="button primary" href=format!("/o/{}/review", code())>{tr!(lang, TRACK_REVIEW_ITEMS)}</a></p>
                            })}
                            {o.card.clone().map(|pay| view! {
                                <card::CardPanel code=code() pay />
                            })}
                            {o.transfer.clone().map(|t| view! {
                                <section class="pay-transfer" aria-labelledby="transfer-title" data-testid="transfer">
                                    <h2 id="transfer-title">{tr!(lang, PAY_TRANSFER_TITLE)}</h2>
                                    <p>{tr!(lang, PAY_TRANSFER_TEXT, amount = money(t.amount))}</p>
                                    <dl class="facts">
                                        <dt>{tr!(lang, PAY_TRANSFER_HOLDER)}</dt><dd>{t.account_name.clone()}</dd>
                                        <dt>"IBAN"</dt><dd><code>{t.iban.clone()}</code></dd>
                                        <dt>"BIC"</dt><dd><code>{t.bic.clone()}</code></dd>
                                        <dt>{tr!(lang, PAY_TRANSFER_REFERENCE)}</dt><dd><code data-testid="payment-reference">{t.reference.clone()}</code></dd>
                                    </dl>
                                </section>
                            })}
                            <ol class="timeline" data-testid="timeline">
                                {o.steps.iter().map(|s| view! {
                                    <li>
                                        <strong>{s.status.label(lang)}</strong>
                                        <span class="muted">{format!(" · {}", s.at)}</span>
                                        {(!s.note.is_empty()).then(|| view! { <p>{s.note.clone()}</p> })}
                                    </li>
                                }).collect_view()}
                            </ol>
                            <h2>{tr!(lang, TRACK_LINES_TITLE)}</h2>
                            <ul class="order-lines">
                                {o.lines.iter().map(|(text, amount)| view! { <li><span>{text.clone()}</span><span class="price">{money(*amount)}</span></li> }).collect_view()}
                            </ul>
                            <dl class="totals">
                                <dt>{tr!(lang, ORDER_ITEMS_VAT_INCLUDED)}</dt><dd data-testid="order-merchandise">{money(o.totals.merchandise)}</dd>
                                <dt>{tr!(lang, ORDER_VAT_SHARE)}</dt><dd>{money(o.totals.vat)}</dd>
                                <dt>{tr!(lang, TRACK_SHIPPING)}</dt><dd>{money(o.totals.shipping)}</dd>
                                {(o.credit_used.minor() > 0).then(|| view! {
                                    <dt>{if o.credit_is_prize { tr!(lang, TRACK_PRIZE_CREDIT) } else { tr!(lang, TRACK_HOST_CREDIT) }}</dt><dd data-testid="order-credit">{format!("−{}", money(o.credit_used))}</dd>
                                })}
                                <dt>{tr!(lang, TRACK_TOTAL)}</dt><dd data-testid="order-total">{money(o.totals.total)}</dd>
                            </dl>
                            {o.change.clone().map(|change| view! {
                                <change::ChangeOrder code=code() change set_line cancel />
                            })}
                            <making::MakingOf updates=o.making.clone() />
                            <p data-testid="delivery">{if o.to_host { tr!(lang, TRACK_DELIVERY_HOST) } else { tr!(lang, TRACK_DELIVERY_ADDRESS, address = o.address.clone().unwrap_or_default()) }}</p>
                            <p class="muted">{tr!(lang, TRACK_PLACED, date = &o.placed)}</p>
                        </article>
                    }.into_any(),
                    Err(_) => view! { <crate::base::page::NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
