//! Card payments through Stripe (`base::stripe`): the order's
//! PaymentIntent, paying it with a card token from the page, the webhook
//! that says it was paid, the guest's return to the order's page, and the
//! expiry of card orders left unpaid. An order becomes paid once, by
//! whichever of the webhook and the return comes first.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::CardPay;
#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{error::AppError, order::PayMethod};

/// What paying answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paying {
    /// The order is paid.
    Paid,
    /// The card asks the payer to authenticate: the page finishes it with
    /// Stripe.js (`confirmCardPayment`), then asks again.
    Authenticate {
        client_secret: String,
        publishable_key: String,
    },
}

/// Pays the order of tracking code `code` with the card of `token` (made by
/// Stripe.js from the card field). The code in the order's link is the key.
#[leptos::server(prefix = "/api", endpoint = "pay_by_card")]
pub async fn pay_by_card(code: String, token: String) -> Result<Paying, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::pay(&state.db, &state.config, &code, &token, chrono::Utc::now()).await
    })
    .await
}

/// Pays an unpaid card order another way the brand offers (a page
/// without JavaScript cannot take a card): its card payment is cancelled
/// at Stripe. The code in the order's link is the key.
#[leptos::server(prefix = "/api", endpoint = "pay_otherwise")]
pub async fn pay_otherwise(code: String, method: String) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let method = PayMethod::parse(&method)
            .filter(|m| *m != PayMethod::Card)
            .ok_or_else(|| {
                AppError::invalid(
                    "method",
                    tr!(crate::base::l10n::page_lang(), PAY_OTHERWISE_CHOOSE),
                )
            })?;
        ssr::switch(&state.db, &state.config, &code, method, chrono::Utc::now()).await?;
        leptos_axum::redirect(&format!("/o/{code}"));
        Ok(())
    })
    .await
}

/// The card payment of an unpaid card order's page: Stripe.js's card
/// field (an island), paid on the page (authentication included), which
/// then loads again and shows the order paid. Without JavaScript it says
/// so; either way it offers the brand's other ways to pay (server forms).
#[component]
pub fn CardPanel(code: String, pay: CardPay) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let switch = crate::base::forms::action::<PayOtherwise>();
    let switch_error = move || switch.value().get().and_then(Result::err);
    let amount = crate::base::l10n::fmt::money(lang, pay.amount);
    let others = pay.others.clone();
    view! {
        <section class="pay-card" aria-labelledby="card-title" data-testid="card-payment">
            <h2 id="card-title">{tr!(lang, PAY_CARD_TITLE)}</h2>
            {(!pay.opened).then(|| view! {
                <p class="form-error" role="status">{tr!(lang, PAY_CARD_NOT_OPENED)}</p>
            })}
            {(!pay.pay_by.is_empty()).then(|| view! {
                <p>{tr!(lang, PAY_CARD_DEADLINE, amount = &amount, deadline = &pay.pay_by)}</p>
            })}
            <CardField code=code.clone() js_url=pay.js_url.clone() key=pay.publishable_key.clone() amount preorder=false />
            {(!others.is_empty()).then(move || view! {
                <div class="pay-otherwise">
                    <p>{tr!(lang, PAY_OTHERWISE)}</p>
                    {move || switch_error().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
                    <div class="actions">
                        {others.into_iter().map(|m| {
                            let code = code.clone();
                            view! {
                            <ActionForm action=switch attr:class="inline-form">
                                <input type="hidden" name="code" value=code />
                                <input type="hidden" name="method" value=m.as_db() />
                                <button type="submit" class="button">{match m {
                                    PayMethod::Transfer => tr!(lang, PAY_OTHERWISE_TRANSFER),
                                    _ => tr!(lang, PAY_OTHERWISE_DELIVERY),
                                }}</button>
                            </ActionForm>
                        }}).collect_view()}
                    </div>
                </div>
            })}
        </section>
    }
}

/// Stripe.js's card field and the pay button, in the browser; without
/// JavaScript, a line that says card payment needs it. For a pre-order
/// the card is authorised, not charged (`preorder::authorise_preorder`).
#[island(lazy)]
pub(crate) fn CardField(
    code: String,
    js_url: String,
    key: String,
    amount: String,
    preorder: bool,
) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let running = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    let field = StoredValue::new_local(None::<browser::CardField>);
    Effect::new(move |_| running.set(true));
    // The card field mounts once its form is on the page (the browser
    // renders it, after hydration).
    Effect::new(move |_| {
        if !running.get() {
            return;
        }
        #[cfg(feature = "hydrate")]
        {
            let (js_url, key) = (js_url.clone(), key.clone());
            leptos::task::spawn_local(async move {
                match browser::CardField::mount(&js_url, &key, "#card-element").await {
                    Ok(card) => field.set_value(Some(card)),
                    Err(why) => error.set(Some(why)),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&js_url, &key);
    });
    // A button, not a <form>: paying stays on the page.
    let submit = {
        let code = code.clone();
        move |_: leptos::ev::MouseEvent| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            error.set(None);
            #[cfg(feature = "hydrate")]
            {
                browser::show_error("");
                let code = code.clone();
                leptos::task::spawn_local(async move {
                    let outcome = match field.with_value(|f| f.clone()) {
                        Some(card) => card.pay(&code, preorder).await,
                        None => Err(tr!(lang, PAY_CARD_LOADING)),
                    };
                    busy.set(false);
                    // A paid order's page loads again, and shows it paid.
                    match outcome {
                        Ok(()) => browser::reload(),
                        Err(why) => {
                            browser::show_error(&why);
                            error.set(Some(why));
                        }
                    }
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&code, preorder);
        }
    };
    view! {
        {move || (!running.get()).then(|| view! {
            <p class="hint" data-testid="card-needs-js">{tr!(lang, PAY_CARD_NEEDS_JS)}</p>
        })}
        {move || running.get().then(|| {
            let (submit, amount) = (submit.clone(), amount.clone());
            view! {
        <div class="form card-form">
            <div class="field">
                <span class="label" id="card-label">{tr!(lang, PAY_CARD_LABEL)}</span>
                <div id="card-element" class="card-element" role="group" aria-labelledby="card-label" aria-describedby="card-error"></div>
                <p class="field-error" id="card-error" role="alert" data-testid="card-error">{move || error.get().unwrap_or_default()}</p>
            </div>
            <button type="button" class="button primary" on:click=submit disabled=move || !running.get() || busy.get()>
                {move || match (busy.get(), preorder) {
                    (true, _) => tr!(lang, PAY_CARD_PAYING),
                    (false, true) => tr!(lang, PREORDER_AUTHORISE, amount = &amount),
                    (false, false) => tr!(lang, PAY_CARD_SUBMIT, amount = &amount),
                }}
            </button>
        </div>
        }})}
    }
}

/// Stripe.js in the page: loaded once from the brand's setting, its card
/// element mounted, a token made from it and an authentication finished.
#[cfg(feature = "hydrate")]
mod browser {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{pay_by_card, Paying};
    use crate::base::l10n::page_lang;
    use crate::orders::preorder::authorise_preorder;

    /// Writes `message` into the card field's error slot.
    pub fn show_error(message: &str) {
        if let Some(slot) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("card-error"))
        {
            slot.set_text_content(Some(message));
        }
    }

    /// Loads the page again (the order's page shows it paid).
    pub fn reload() {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    }

    /// The card element and the Stripe object that made it.
    #[derive(Clone)]
    pub struct CardField {
        stripe: JsValue,
        card: JsValue,
    }

    fn get(on: &JsValue, name: &str) -> Result<JsValue, String> {
        Reflect::get(on, &JsValue::from_str(name)).map_err(|_| format!("Stripe.js has no {name}"))
    }

    /// Calls method `name` of `on` with `args`.
    fn call(on: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        let f: Function = get(on, name)?
            .dyn_into()
            .map_err(|_| format!("Stripe.js's {name} is not a function"))?;
        let args: js_sys::Array = args.iter().collect();
        f.apply(on, &args).map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| format!("Stripe.js's {name} failed"))
        })
    }

    /// The message of `{ error: { message } }`, if the answer has one.
    fn error_of(answer: &JsValue) -> Option<String> {
        let error = get(answer, "error")
            .ok()
            .filter(|e| !e.is_undefined() && !e.is_null())?;
        Some(
            get(&error, "message")
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| tr!(page_lang(), PAY_CARD_DECLINED)),
        )
    }

    /// Loads Stripe.js from `url` unless the page has it already.
    async fn load(url: &str) -> Result<(), String> {
        let window = web_sys::window().ok_or("no window")?;
        if get(&window, "Stripe").is_ok_and(|s| s.is_function()) {
            return Ok(());
        }
        let document = window.document().ok_or("no document")?;
        let script = document
            .create_element("script")
            .map_err(|_| "cannot add Stripe.js")?;
        script
            .set_attribute("src", url)
            .map_err(|_| "cannot add Stripe.js")?;
        let loaded = Promise::new(&mut |resolve, reject| {
            let _ = Reflect::set(&script, &"onload".into(), &resolve);
            let _ = Reflect::set(&script, &"onerror".into(), &reject);
        });
        document
            .query_selector("head")
            .ok()
            .flatten()
            .ok_or("no head")?
            .append_child(&script)
            .map_err(|_| "cannot add Stripe.js")?;
        JsFuture::from(loaded)
            .await
            .map(|_| ())
            .map_err(|_| tr!(page_lang(), PAY_CARD_LOAD_FAILED))
    }

    async fn settle(promise: JsValue) -> Result<JsValue, String> {
        let promise: Promise = promise.dyn_into().map_err(|_| "Stripe.js did not answer")?;
        JsFuture::from(promise).await.map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| tr!(page_lang(), PAY_CARD_NO_ANSWER))
        })
    }

    impl CardField {
        /// Loads Stripe.js and mounts its card element at `selector`.
        pub async fn mount(url: &str, key: &str, selector: &str) -> Result<CardField, String> {
            load(url).await?;
            let window: JsValue = web_sys::window().ok_or("no window")?.into();
            // The form renders on the next tick: wait for it (2 s at most).
            for _ in 0..100 {
                let document = web_sys::window()
                    .and_then(|w| w.document())
                    .ok_or("no document")?;
                if document.query_selector(selector).ok().flatten().is_some() {
                    break;
                }
                let tick = Promise::new(&mut |resolve, _| {
                    let _ = call(
                        &window,
                        "setTimeout",
                        &[resolve.into(), JsValue::from_f64(20.0)],
                    );
                });
                let _ = JsFuture::from(tick).await;
            }
            let stripe = call(&window, "Stripe", &[JsValue::from_str(key)])?;
            let elements = call(&stripe, "elements", &[])?;
            let card = call(&elements, "create", &[JsValue::from_str("card")])?;
            call(&card, "mount", &[JsValue::from_str(selector)])?;
            Ok(CardField { stripe, card })
        }

        /// Pays order `code` with the card typed (or authorises
        /// pre-order `code`): a token, the server's charge, and the card's
        /// authentication when it asks for one.
        pub async fn pay(&self, code: &str, preorder: bool) -> Result<(), String> {
            let answer = settle(call(
                &self.stripe,
                "createToken",
                std::slice::from_ref(&self.card),
            )?)
            .await?;
            if let Some(message) = error_of(&answer) {
                return Err(message);
            }
            let token = get(&get(&answer, "token")?, "id")?
                .as_string()
                .ok_or("Stripe.js gave no token")?;
            let paying = if preorder {
                authorise_preorder(code.to_owned(), token).await
            } else {
                pay_by_card(code.to_owned(), token).await
            }
            .map_err(|e| e.to_string())?;
            match paying {
                Paying::Paid => Ok(()),
                Paying::Authenticate { client_secret, .. } => {
                    let answer = settle(call(
                        &self.stripe,
                        "confirmCardPayment",
                        &[JsValue::from_str(&client_secret)],
                    )?)
                    .await?;
                    if let Some(message) = error_of(&answer) {
                        return Err(message);
                    }
                    let status = get(&answer, "paymentIntent")
                        .and_then(|i| get(&i, "status"))
                        .ok()
                        .and_then(|s| s.as_string());
                    match status.as_deref() {
                        Some("succeeded") => Ok(()),
                        Some("requires_capture") if preorder => Ok(()),
                        _ => Err(tr!(page_lang(), PAY_CARD_AUTH_FAILED)),
                    }
                }
            }
        }
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Duration, Utc};
    use serde::Deserialize;

    use super::Paying;
    use crate::base::l10n::page_lang;
    use crate::{
        base::{
            db::Db,
            error::AppError,
            order::{OrderStatus, PayMethod},
            order_writer::{change_status, note_step, order_language, StatusError, StatusMove},
            state::AppConfig,
            stripe::{verify, Intent, SignatureError, Stripe, StripeError},
        },
        on_db,
        orders::payment::ssr::{brand_secret, forget_event, record_event, Outcome, WebhookError},
    };

    /// How long a card order may stay unpaid before its items go back on sale.
    pub const PAY_WITHIN: Duration = Duration::minutes(crate::base::order::CARD_PAY_MINUTES);

    /// A brand's Stripe account.
    pub(crate) struct Account {
        pub(crate) stripe: Stripe,
        pub(crate) publishable_key: String,
    }

    pub(crate) async fn account(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
    ) -> Result<Option<Account>, AppError> {
        let keys: Option<(Option<String>, Option<String>)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT stripe_secret_key, stripe_publishable_key FROM brands WHERE id = $1",
            )
            .bind(brand_id)
            .fetch_optional(pool)
            .await
        })?;
        Ok(match keys {
            Some((Some(secret), Some(publishable)))
                if !secret.is_empty() && !publishable.is_empty() =>
            {
                Some(Account {
                    stripe: Stripe::new(&config.stripe_api_base, &secret),
                    publishable_key: publishable,
                })
            }
            _ => None,
        })
    }

    /// An order as paying reads it.
    #[derive(Debug, sqlx::FromRow)]
    struct CardOrder {
        id: i64,
        brand_id: i64,
        status: String,
        total_cents: i64,
        /// Its ISO 4217 code: the intent is in the order's currency.
        currency: String,
        customer_email: String,
        tracking_code: String,
        idempotency_key: Option<String>,
        stripe_intent_id: Option<String>,
        pay_by: Option<DateTime<Utc>>,
        /// Its party was cancelled: it can no longer be paid.
        party_cancelled: bool,
        /// Raised by each change of the order (`orders::change`): a
        /// payment given up for a change is followed by a new intent.
        revision: i64,
    }

    const CARD_ORDER: &str =
        "SELECT id, brand_id, status, total_cents, currency, customer_email, tracking_code, \
        idempotency_key, stripe_intent_id, pay_by, revision, \
        (SELECT cancelled_at IS NOT NULL FROM events WHERE events.id = orders.event_id) AS party_cancelled \
        FROM orders";

    async fn card_order(db: &Db, code: &str) -> Result<CardOrder, AppError> {
        let sql = format!("{CARD_ORDER} WHERE tracking_code = $1 AND payment_method = 'card'");
        let order: Option<CardOrder> = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
            .bind(code)
            .fetch_optional(pool)
            .await)?;
        order.ok_or(AppError::NotFound)
    }

    /// A card mistake, for the card field.
    pub(crate) fn card_error(err: StripeError) -> AppError {
        match err {
            StripeError::Card { message, .. } => AppError::invalid("card", message),
            StripeError::Unreachable(why) => {
                tracing::warn!(%why, "Stripe did not answer");
                AppError::invalid("card", tr!(page_lang(), PAY_CARD_UNREACHABLE))
            }
            StripeError::Refused { status, message } => {
                tracing::error!(status, %message, "Stripe refused a request");
                AppError::Internal
            }
        }
    }

    /// The order's intent, made now if it has none: one request to Stripe,
    /// with the order's idempotency key, so a retry finds the same intent.
    async fn open_intent(
        db: &Db,
        account: &Account,
        order: &CardOrder,
    ) -> Result<Intent, AppError> {
        if let Some(id) = &order.stripe_intent_id {
            return account.stripe.retrieve_intent(id).await.map_err(card_error);
        }
        let base = order
            .idempotency_key
            .as_deref()
            .unwrap_or(&order.tracking_code);
        let key = match order.revision {
            0 => format!("intent-{base}"),
            n => format!("intent-{base}-r{n}"),
        };
        let intent = account
            .stripe
            .create_intent(
                order.total_cents,
                &order.currency,
                &order.tracking_code,
                &key,
            )
            .await
            .map_err(card_error)?;
        let kept = on_db!(db.writer(), |pool| {
            sqlx::query(
            "UPDATE orders SET stripe_intent_id = $1 WHERE id = $2 AND stripe_intent_id IS NULL"
        )
        .bind(&intent.id)
        .bind(order.id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
        })?;
        if kept == 1 {
            return Ok(intent);
        }
        // Another request made one first: that one is the order's.
        let _ = account.stripe.cancel_intent(&intent.id).await;
        let stored: Option<String> = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT stripe_intent_id FROM orders WHERE id = $1"
        )
        .bind(order.id)
        .fetch_one(pool)
        .await)?;
        let id = stored.ok_or(AppError::Internal)?;
        account
            .stripe
            .retrieve_intent(&id)
            .await
            .map_err(card_error)
    }

    /// Makes the intent of a card order just placed (its 30 minutes were
    /// set as it was written). When Stripe does not answer, the order stays
    /// placed and the guest pays from the order's page.
    pub async fn start(db: &Db, config: &AppConfig, code: &str) -> Result<(), AppError> {
        let order = card_order(db, code).await?;
        let account = account(db, config, order.brand_id)
            .await?
            .ok_or_else(|| AppError::invalid("payment", tr!(page_lang(), PAY_CARD_NOT_OFFERED)))?;
        open_intent(db, &account, &order).await.map(|_| ())
    }

    /// Pays the order `code` with the card of `token`.
    pub async fn pay(
        db: &Db,
        config: &AppConfig,
        code: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Paying, AppError> {
        let order = card_order(db, code).await?;
        if order.status == OrderStatus::Paid.as_db() {
            return Ok(Paying::Paid);
        }
        if order.status != OrderStatus::Placed.as_db()
            || order.pay_by.is_some_and(|t| t <= now)
            || order.party_cancelled
        {
            return Err(AppError::invalid(
                "card",
                tr!(page_lang(), PAY_CARD_EXPIRED),
            ));
        }
        if token.trim().is_empty() || token.len() > 200 {
            return Err(AppError::invalid(
                "card",
                tr!(page_lang(), PAY_CARD_MISSING),
            ));
        }
        let account = account(db, config, order.brand_id)
            .await?
            .ok_or_else(|| AppError::invalid("card", tr!(page_lang(), PAY_CARD_NOT_OFFERED)))?;
        let intent = open_intent(db, &account, &order).await?;
        if intent.succeeded() {
            settle(db, config, order.brand_id, &intent, "card payment", now).await?;
            return Ok(Paying::Paid);
        }
        let refused = |err: StripeError| async {
            if let StripeError::Card { message, .. } = &err {
                let lang = order_language(db, order.id).await.unwrap_or_default();
                let note = tr!(lang, ORDER_NOTE_CARD_REFUSED, reason = message.as_str());
                let _ = note_step(
                    db,
                    order.id,
                    OrderStatus::Placed,
                    "card payment",
                    &note,
                    now,
                )
                .await;
            }
            card_error(err)
        };
        let key = format!("customer-{}-{token}", order.tracking_code);
        let (customer, card) = match account
            .stripe
            .customer_with_card(token.trim(), &order.customer_email, &key)
            .await
        {
            Ok(found) => found,
            Err(err) => return Err(refused(err).await),
        };
        let intent = match account.stripe.pay_with(&intent.id, &customer, &card).await {
            Ok(intent) => intent,
            Err(err) => return Err(refused(err).await),
        };
        if intent.succeeded() {
            settle(db, config, order.brand_id, &intent, "card payment", now).await?;
            Ok(Paying::Paid)
        } else if intent.needs_action() {
            Ok(Paying::Authenticate {
                client_secret: intent.client_secret,
                publishable_key: account.publishable_key,
            })
        } else {
            Err(refused(intent.declined(|| tr!(page_lang(), PAY_CARD_DECLINED))).await)
        }
    }

    /// Switches an unpaid card order to `method`, which the brand offers:
    /// its intent cancelled at Stripe (one paid meanwhile pays the order
    /// instead), its 30 minutes dropped, a step on its timeline.
    pub async fn switch(
        db: &Db,
        config: &AppConfig,
        code: &str,
        method: PayMethod,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let order = card_order(db, code).await?;
        if order.status != OrderStatus::Placed.as_db() {
            return Err(AppError::invalid(
                "method",
                tr!(page_lang(), PAY_OTHERWISE_NOT_WAITING),
            ));
        }
        let offered = crate::base::brand::ssr::pay_methods(db, order.brand_id).await?;
        if !offered.contains(&method) {
            return Err(AppError::invalid(
                "method",
                tr!(page_lang(), PAY_OTHERWISE_NOT_OFFERED),
            ));
        }
        if let (Some(intent_id), Some(account)) = (
            &order.stripe_intent_id,
            account(db, config, order.brand_id).await?,
        ) {
            let away = |_| AppError::invalid("method", tr!(page_lang(), PAY_OTHERWISE_UNREACHABLE));
            let intent = account
                .stripe
                .retrieve_intent(intent_id)
                .await
                .map_err(away)?;
            if intent.succeeded() {
                settle(db, config, order.brand_id, &intent, "card payment", now).await?;
                return Ok(());
            }
            if intent.status != "canceled" {
                account
                    .stripe
                    .cancel_intent(intent_id)
                    .await
                    .map_err(away)?;
            }
        }
        let moved = on_db!(db.writer(), |pool| {
            sqlx::query(
            "UPDATE orders SET payment_method = $1, pay_by = NULL WHERE id = $2 AND status = 'placed' AND payment_method = 'card'"
        )
        .bind(method.as_db())
        .bind(order.id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
        })?;
        if moved == 1 {
            let lang = order_language(db, order.id).await?;
            let note = match method {
                PayMethod::Transfer => tr!(lang, ORDER_NOTE_PAYS_BY_TRANSFER),
                _ => tr!(lang, ORDER_NOTE_PAYS_AT_DELIVERY),
            };
            note_step(db, order.id, OrderStatus::Placed, "buyer", &note, now).await?;
        }
        Ok(())
    }

    /// Marks the order of `intent` paid when the intent succeeded for the
    /// order's whole amount. Paid already (by the webhook or the return,
    /// whichever came first) is fine. Whether the order is paid now.
    pub async fn settle(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
        intent: &Intent,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        if !intent.succeeded() {
            return Ok(false);
        }
        let sql = format!("{CARD_ORDER} WHERE stripe_intent_id = $1 AND brand_id = $2");
        let order: Option<CardOrder> = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
            .bind(&intent.id)
            .bind(brand_id)
            .fetch_optional(pool)
            .await)?;
        let order = order.ok_or(AppError::NotFound)?;
        if intent.amount != order.total_cents
            || !intent.currency.eq_ignore_ascii_case(&order.currency)
        {
            tracing::error!(order = order.id, intent = %intent.id, amount = intent.amount, "a payment that does not match its order");
            return Err(AppError::invalid(
                "payment",
                tr!(page_lang(), PAY_ERROR_AMOUNT_MISMATCH),
            ));
        }
        let change = StatusMove {
            brand_id,
            order_id: order.id,
            to: OrderStatus::Paid,
            actor,
            carrier: "",
            tracking_number: "",
            reason: "",
        };
        match change_status(db, config, &change, now).await {
            Ok(()) => Ok(true),
            Err(StatusError::ChangedMeanwhile)
            | Err(StatusError::NotAllowed {
                from: OrderStatus::Paid,
                ..
            }) => Ok(true),
            Err(StatusError::NotAllowed {
                from: OrderStatus::Cancelled,
                ..
            }) => {
                // Paid as it was being cancelled: the money goes back.
                give_back(db, config, brand_id, order.id, intent, now).await?;
                Ok(false)
            }
            Err(StatusError::NotAllowed { from, .. }) => {
                tracing::error!(
                    order = order.id,
                    ?from,
                    "a card payment for an order that moved on"
                );
                Ok(false)
            }
            Err(err) => Err(AppError::from(err)),
        }
    }

    /// Gives up the unpaid card payment of an order whose amount is about
    /// to change: its intent cancelled at Stripe and dropped from the
    /// order, whose revision goes up (its next payment is a new intent, in
    /// the new amount). False when it was paid meanwhile: the order is
    /// paid now, and the change is refused.
    pub async fn release_intent(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let order = card_order(db, code).await?;
        let Some(intent_id) = order.stripe_intent_id.as_deref() else {
            return Ok(true);
        };
        if let Some(account) = account(db, config, brand_id).await? {
            let away = |_| AppError::invalid("order", tr!(page_lang(), ORDER_CHANGE_PAYMENT_AWAY));
            let intent = account
                .stripe
                .retrieve_intent(intent_id)
                .await
                .map_err(away)?;
            if intent.succeeded() {
                settle(db, config, brand_id, &intent, "card payment", now).await?;
                return Ok(false);
            }
            if intent.status != "canceled" {
                account
                    .stripe
                    .cancel_intent(intent_id)
                    .await
                    .map_err(away)?;
            }
        }
        on_db!(db.writer(), |pool| {
            sqlx::query(
                "UPDATE orders SET stripe_intent_id = NULL, revision = revision + 1
                 WHERE id = $1 AND stripe_intent_id = $2 AND status = 'placed'",
            )
            .bind(order.id)
            .bind(intent_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(true)
    }

    /// Gives back `cents` of a paid card order's payment through Stripe,
    /// once per `key`.
    pub async fn refund_part(
        db: &Db,
        config: &AppConfig,
        (brand_id, order_id): (i64, i64),
        cents: i64,
        key: &str,
    ) -> Result<(), AppError> {
        let intent: Option<Option<String>> = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT stripe_intent_id FROM orders WHERE id = $1 AND brand_id = $2"
        )
        .bind(order_id)
        .bind(brand_id)
        .fetch_optional(pool)
        .await)?;
        let intent = intent.flatten().ok_or(AppError::NotFound)?;
        let account = account(db, config, brand_id).await?.ok_or_else(|| {
            AppError::invalid("status", tr!(page_lang(), PAY_ERROR_REFUND_NO_STRIPE))
        })?;
        account
            .stripe
            .refund(&intent, Some(cents), key)
            .await
            .map(|_| ())
            .map_err(refund_error)
    }

    /// Refunds the payment of an order that was cancelled meanwhile, and
    /// says so on its timeline.
    async fn give_back(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
        order_id: i64,
        intent: &Intent,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let account = account(db, config, brand_id)
            .await?
            .ok_or(AppError::Internal)?;
        account
            .stripe
            .refund(&intent.id, None, &format!("refund-{order_id}"))
            .await
            .map_err(|err| {
                tracing::error!(order = order_id, %err, "could not refund a payment for a cancelled order");
                AppError::Internal
            })?;
        let note = tr!(
            order_language(db, order_id).await?,
            ORDER_NOTE_REFUNDED_AFTER_CANCEL
        );
        note_step(
            db,
            order_id,
            OrderStatus::Cancelled,
            "card payment",
            &note,
            now,
        )
        .await?;
        Ok(())
    }

    /// The buyer came back to the order's page: an unpaid card order asks
    /// Stripe, in case the payment went through before its webhook arrived,
    /// or opens its payment if that was not done yet (a host's reward
    /// order, or Stripe away at checkout). Whether the order changed (paid
    /// now, paid meanwhile by another request, or its payment opened), so
    /// that the page reads it again.
    pub async fn refresh(
        db: &Db,
        config: &AppConfig,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let Ok(order) = card_order(db, code).await else {
            return Ok(false);
        };
        if order.status != OrderStatus::Placed.as_db() {
            // Paid (or moved on) since the page read it, by a twin request
            // or the webhook: the page reads it again.
            return Ok(true);
        }
        if order.party_cancelled {
            return Ok(false);
        }
        let Some(account) = account(db, config, order.brand_id).await? else {
            return Ok(false);
        };
        let Some(intent_id) = &order.stripe_intent_id else {
            if order.pay_by.is_none_or(|t| t <= now) {
                return Ok(false);
            }
            return match open_intent(db, &account, &order).await {
                Ok(_) => Ok(true),
                Err(err) => {
                    tracing::warn!(%err, "could not open a card payment");
                    Ok(false)
                }
            };
        };
        match account.stripe.retrieve_intent(intent_id).await {
            Ok(intent) => settle(db, config, order.brand_id, &intent, "card payment", now).await,
            // The page shows the order as it is; the webhook will come.
            Err(err) => {
                tracing::warn!(%err, "could not ask Stripe about an order");
                Ok(false)
            }
        }
    }

    #[derive(Deserialize)]
    struct Event {
        id: String,
        #[serde(rename = "type")]
        kind: String,
        data: EventData,
    }

    #[derive(Deserialize)]
    struct EventData {
        object: serde_json::Value,
    }

    /// Receives one Stripe webhook for the brand `slug`: the signature
    /// checked with the brand's webhook secret, each event id handled once;
    /// `payment_intent.succeeded` pays its order, `payment_intent.payment_failed`
    /// goes on its timeline.
    pub async fn receive(
        db: &Db,
        config: &AppConfig,
        slug: &str,
        signature: &str,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Outcome, WebhookError> {
        let (brand_id, secret) = brand_secret(db, slug, "stripe_webhook_secret").await?;
        verify(signature, body, &secret, now).map_err(|e| match e {
            SignatureError::Wrong => WebhookError::BadSignature,
            SignatureError::Stale => WebhookError::Stale,
        })?;
        let event: Event =
            serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
        if event.id.is_empty() || event.id.len() > 200 {
            return Err(WebhookError::Malformed("the event id is missing".into()));
        }
        let intent = match event.kind.as_str() {
            "payment_intent.succeeded" | "payment_intent.payment_failed" => Some(
                serde_json::from_value::<Intent>(event.data.object.clone())
                    .map_err(|e| WebhookError::Malformed(e.to_string()))?,
            ),
            _ => None,
        };
        let order_id: Option<i64> = match &intent {
            Some(intent) => on_db!(db.reader(), |pool| sqlx::query_scalar(
                "SELECT id FROM orders WHERE stripe_intent_id = $1 AND brand_id = $2"
            )
            .bind(&intent.id)
            .bind(brand_id)
            .fetch_optional(pool)
            .await)?,
            None => None,
        };
        let outcome = match (&intent, order_id) {
            // A pre-order's intent: its campaign's settlement reads it back.
            (Some(i), None) if i.metadata.contains_key("preorder") => Outcome::Ignored,
            (Some(_), None) => return Err(WebhookError::UnknownOrder),
            (Some(_), Some(_)) if event.kind == "payment_intent.succeeded" => Outcome::Paid,
            _ => Outcome::Ignored,
        };
        // Record the event first: a replay stops here.
        if !record_event(db, brand_id, &event.id, order_id, outcome, now).await? {
            return Ok(Outcome::Duplicate);
        }
        if let (Some(intent), Some(order_id)) = (&intent, order_id) {
            if let Err(err) = act_on(db, config, brand_id, &event, intent, order_id, now).await {
                // Let Stripe send it again: forget the event.
                forget_event(db, brand_id, &event.id).await?;
                return Err(err.into());
            }
        }
        Ok(outcome)
    }

    /// Gives a paid card order's money back through Stripe, all of it,
    /// before the brand marks it refunded. Other orders are refunded by the
    /// brand itself: nothing to do here.
    pub async fn refund(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
        order_id: i64,
    ) -> Result<(), AppError> {
        let intent: Option<Option<String>> = on_db!(db.reader(), |pool| {
            sqlx::query_scalar(
            "SELECT stripe_intent_id FROM orders WHERE id = $1 AND brand_id = $2 AND payment_method = 'card' AND status <> 'refunded'"
        )
        .bind(order_id)
        .bind(brand_id)
        .fetch_optional(pool)
        .await
        })?;
        let Some(Some(intent)) = intent else {
            return Ok(());
        };
        let account = account(db, config, brand_id).await?.ok_or_else(|| {
            AppError::invalid("status", tr!(page_lang(), PAY_ERROR_REFUND_NO_STRIPE))
        })?;
        let paid = account
            .stripe
            .retrieve_intent(&intent)
            .await
            .map_err(refund_error)?;
        if !paid.succeeded() {
            return Ok(());
        }
        account
            .stripe
            .refund(&intent, None, &format!("refund-{order_id}"))
            .await
            .map(|_| ())
            .map_err(refund_error)
    }

    /// A refund Stripe did not make, as the brand admin reads it.
    fn refund_error(err: StripeError) -> AppError {
        let lang = page_lang();
        let why = match err {
            StripeError::Unreachable(_) => tr!(lang, PAY_STRIPE_UNREACHABLE),
            StripeError::Card { message, .. } | StripeError::Refused { message, .. } => message,
        };
        AppError::invalid("status", tr!(lang, PAY_ERROR_NOT_REFUNDED, why = why))
    }

    /// What a verified event about an order's intent does: paid, or a
    /// failure on its timeline.
    async fn act_on(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
        event: &Event,
        intent: &Intent,
        order_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        match event.kind.as_str() {
            "payment_intent.succeeded" => {
                let actor = format!("card payment (Stripe event {})", event.id);
                settle(db, config, brand_id, intent, &actor, now)
                    .await
                    .map(|_| ())
            }
            "payment_intent.payment_failed" => {
                let lang = order_language(db, order_id).await?;
                let why = intent
                    .last_payment_error
                    .as_ref()
                    .and_then(|e| e.message.clone())
                    .unwrap_or_else(|| tr!(lang, ORDER_NOTE_CARD_NOT_ACCEPTED));
                let note = tr!(lang, ORDER_NOTE_CARD_FAILED, reason = why);
                note_step(
                    db,
                    order_id,
                    OrderStatus::Placed,
                    "card payment",
                    &note,
                    now,
                )
                .await
                .map_err(AppError::from)
            }
            _ => Ok(()),
        }
    }

    /// Cancels the card orders not paid within their 30 minutes: stock
    /// back, the buyer told, the intent cancelled at Stripe. An intent that
    /// was paid meanwhile pays its order instead; when Stripe does not
    /// answer, the order waits for the next pass. How many were cancelled.
    pub async fn expire_unpaid(
        db: &Db,
        config: &AppConfig,
        now: DateTime<Utc>,
    ) -> Result<usize, AppError> {
        // Due: its 30 minutes are over, or its party was cancelled.
        let sql = format!(
            "{CARD_ORDER} WHERE payment_method = 'card' AND status = 'placed' \
               AND ((pay_by IS NOT NULL AND pay_by <= $1) \
                 OR event_id IN (SELECT id FROM events WHERE cancelled_at IS NOT NULL)) ORDER BY id"
        );
        let due: Vec<CardOrder> = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
            .bind(now)
            .fetch_all(pool)
            .await)?;
        let mut cancelled = 0;
        for order in due {
            if let (Some(intent_id), Some(account)) = (
                &order.stripe_intent_id,
                account(db, config, order.brand_id).await?,
            ) {
                match account.stripe.retrieve_intent(intent_id).await {
                    Ok(intent) if intent.succeeded() => {
                        settle(db, config, order.brand_id, &intent, "card payment", now).await?;
                        continue;
                    }
                    Ok(intent) if intent.status != "canceled" => {
                        if let Err(err) = account.stripe.cancel_intent(intent_id).await {
                            tracing::warn!(%err, order = order.id, "could not cancel an intent; will retry");
                            continue;
                        }
                    }
                    Ok(_) => {}
                    Err(err) => {
                        tracing::warn!(%err, order = order.id, "could not ask Stripe about an unpaid order; will retry");
                        continue;
                    }
                }
            }
            // The reason goes into the buyer's mail, in the party's language.
            let reason = tr!(order_language(db, order.id).await?, ORDER_NOTE_CARD_EXPIRED);
            let change = StatusMove {
                brand_id: order.brand_id,
                order_id: order.id,
                to: OrderStatus::Cancelled,
                actor: "Soirée",
                carrier: "",
                tracking_number: "",
                reason: &reason,
            };
            match change_status(db, config, &change, now).await {
                Ok(()) => cancelled += 1,
                Err(StatusError::ChangedMeanwhile) | Err(StatusError::NotAllowed { .. }) => {}
                Err(err) => return Err(AppError::from(err)),
            }
        }
        Ok(cancelled)
    }
}
