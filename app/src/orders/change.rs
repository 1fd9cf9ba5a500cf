//! A guest changes their mind, from the order's tracking page: while the
//! party takes orders, and until the order is paid (or, paid by card, until
//! the brand starts preparing it), the guest sets a line's quantity,
//! removes a line or cancels the whole order. The stock, the totals, the
//! refund of a card payment, the host's progress and the brand's webhook
//! follow in the same transaction. A paid order's lines only go down:
//! what was paid for more is given back to the card.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{error::AppError, l10n::use_lang, order::MAX_QUANTITY};

/// What the guest may change of an order, as its page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderChange {
    /// The order as read: a form made for an older one is refused.
    pub revision: i64,
    /// One change per form, however often it is sent.
    pub key: String,
    /// Paid by card: quantities only go down, and the difference goes
    /// back to the card.
    pub paid: bool,
    pub lines: Vec<ChangeLine>,
}

/// One line the guest may change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLine {
    pub id: i64,
    pub name: String,
    pub quantity: i64,
    /// The most it may become: the stock left plus what the line holds
    /// (an unpaid order), or what it holds (a paid one).
    pub most: i64,
}

/// Sets the quantity of one line of the order `code` (0 removes it).
#[server(prefix = "/api", endpoint = "change_order_line")]
pub async fn change_order_line(
    code: String,
    key: String,
    revision: i64,
    line: i64,
    quantity: i64,
) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let edit = ssr::Edit::Line { line, quantity };
        ssr::change(
            &state.db,
            &state.config,
            &code,
            (&key, revision),
            edit,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Cancels the whole order `code`.
#[server(prefix = "/api", endpoint = "cancel_my_order")]
pub async fn cancel_my_order(code: String, key: String, revision: i64) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let edit = ssr::Edit::Cancel;
        ssr::change(
            &state.db,
            &state.config,
            &code,
            (&key, revision),
            edit,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// The "Change your order" section of the tracking page: a form per line
/// and one to cancel. Plain forms: they work before (or without) the
/// page's scripts.
#[component]
pub fn ChangeOrder(
    code: String,
    change: OrderChange,
    set_line: ServerAction<ChangeOrderLine>,
    cancel: ServerAction<CancelMyOrder>,
) -> impl IntoView {
    let lang = use_lang();
    let line_error = move |id: i64| {
        set_line.value().get().and_then(Result::err).and_then(|e| {
            e.for_field(&format!("line-{id}"))
                .or_else(|| e.for_field("order"))
        })
    };
    let cancel_error = move || {
        cancel
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.for_field("order").unwrap_or_else(|| e.to_string()))
    };
    let hint = if change.paid {
        tr!(lang, ORDER_CHANGE_HINT_PAID)
    } else {
        tr!(lang, ORDER_CHANGE_HINT)
    };
    view! {
        <section class="order-change form-card" aria-labelledby="change-title" data-testid="order-change">
            <h2 id="change-title">{tr!(lang, ORDER_CHANGE_TITLE)}</h2>
            <p class="hint">{hint}</p>
            <ul class="cart-lines">
                {change.lines.iter().cloned().map(|l| {
                    let id = l.id;
                    let (code, key) = (code.clone(), change.key.clone());
                    view! {
                        <li data-testid="change-line">
                            <div>
                                <p class="cart-name">{l.name.clone()}</p>
                                {move || line_error(id).map(|m| view! { <p class="field-error" role="alert" id=format!("line-{id}-error")>{m}</p> })}
                            </div>
                            <ActionForm action=set_line attr:class="inline-form qty-form">
                                <input type="hidden" name="code" value=code />
                                <input type="hidden" name="key" value=key />
                                <input type="hidden" name="revision" value=change.revision />
                                <input type="hidden" name="line" value=id />
                                <label class="sr-only" for=format!("change-{id}")>{tr!(lang, CART_QUANTITY_OF, name = &l.name)}</label>
                                <select id=format!("change-{id}") name="quantity">
                                    {(0..=l.most.clamp(l.quantity, MAX_QUANTITY)).map(|n| view! {
                                        <option value=n selected=n == l.quantity>{if n == 0 { tr!(lang, CART_REMOVE) } else { n.to_string() }}</option>
                                    }).collect_view()}
                                </select>
                                <button type="submit" class="button small" disabled=move || set_line.pending().get()>{tr!(lang, CART_UPDATE)}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=cancel attr:class="inline-form">
                <input type="hidden" name="code" value=code />
                <input type="hidden" name="key" value=change.key.clone() />
                <input type="hidden" name="revision" value=change.revision />
                <button type="submit" class="button danger" disabled=move || cancel.pending().get()>{tr!(lang, ORDER_CANCEL_MINE)}</button>
                {move || cancel_error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </ActionForm>
        </section>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{ChangeLine, OrderChange};
    use crate::{
        base::{
            db::{Db, Tx},
            error::AppError,
            l10n::{fmt, page_lang, Lang},
            money::{Currency, Money},
            order::{shipping, Delivery, OrderStatus, PricedLine, Totals, MAX_QUANTITY},
            order_writer::{self, NewLine, WriteError},
            state::AppConfig,
        },
        on_db, on_tx,
    };

    /// What the guest asks.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Edit {
        /// One line to this quantity (0 removes it).
        Line { line: i64, quantity: i64 },
        /// The whole order.
        Cancel,
    }

    #[derive(Debug, sqlx::FromRow)]
    struct Changing {
        id: i64,
        brand_id: i64,
        event_id: i64,
        #[sqlx(try_from = "String")]
        status: OrderStatus,
        kind: String,
        payment_method: Option<String>,
        delivery: String,
        shipping_cents: i64,
        total_cents: i64,
        /// The guest's prize credit it spends.
        discount_cents: i64,
        currency: String,
        revision: i64,
        stripe_intent_id: Option<String>,
        tracking_code: String,
        customer_name: String,
        customer_email: String,
        title: String,
        language: String,
        party_open: bool,
    }

    impl Changing {
        fn paid_by_card(&self) -> bool {
            self.status == OrderStatus::Paid && self.payment_method.as_deref() == Some("card")
        }

        /// A guest's order of a party that takes orders, not paid yet (or
        /// paid by card and not yet prepared).
        fn changeable(&self) -> bool {
            self.kind == "guest"
                && self.party_open
                && (self.status == OrderStatus::Placed || self.paid_by_card())
        }

        fn lang(&self) -> Lang {
            Lang::parse(&self.language).unwrap_or_default()
        }
    }

    async fn changing(db: &Db, code: &str, now: DateTime<Utc>) -> Result<Changing, AppError> {
        let found: Option<Changing> = on_db!(db.reader(), |pool| {
            sqlx::query_as(concat!(
                "SELECT o.id, o.brand_id, o.event_id, o.status, o.kind, o.payment_method, o.delivery,
                        o.shipping_cents, o.total_cents, o.discount_cents, o.currency, o.revision, o.stripe_intent_id,
                        o.tracking_code, o.customer_name, o.customer_email, e.title,
                        ",
                crate::party_language_sql!(),
                " AS language,
                        (e.cancelled_at IS NULL AND e.closed_at IS NULL AND e.orders_close_at > $2) AS party_open
                 FROM orders o JOIN events e ON e.id = o.event_id JOIN brands b ON b.id = o.brand_id
                 WHERE o.tracking_code = $1"
            ))
            .bind(code)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        found.ok_or(AppError::NotFound)
    }

    /// What the guest may change of the order `code` now, if anything.
    pub async fn offer(
        db: &Db,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<OrderChange>, AppError> {
        let order = changing(db, code, now).await?;
        if !order.changeable() {
            return Ok(None);
        }
        let rows: Vec<(i64, String, i64, i64)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT l.id, l.name, l.quantity, COALESCE(i.stock, 0)
                 FROM order_lines l LEFT JOIN items i ON i.id = l.item_id AND i.active = TRUE
                 WHERE l.order_id = $1 ORDER BY l.id",
            )
            .bind(order.id)
            .fetch_all(pool)
            .await
        })?;
        let paid = order.paid_by_card();
        Ok(Some(OrderChange {
            revision: order.revision,
            key: crate::base::tokens::random_key(),
            paid,
            lines: rows
                .into_iter()
                .map(|(id, name, quantity, stock)| ChangeLine {
                    id,
                    name,
                    quantity,
                    most: if paid { quantity } else { quantity + stock },
                })
                .collect(),
        }))
    }

    /// Why a change was refused.
    #[derive(Debug, thiserror::Error)]
    enum Refusal {
        #[error("the order can no longer be changed")]
        Closed,
        #[error("the order changed meanwhile")]
        Meanwhile,
        #[error("a quantity out of range")]
        Quantity { line: i64, most: i64 },
        #[error("not enough stock")]
        Short { line: i64, left: i64 },
        #[error("no such line")]
        NoLine,
        #[error(transparent)]
        Failed(#[from] AppError),
    }

    impl From<anyhow::Error> for Refusal {
        fn from(e: anyhow::Error) -> Self {
            Refusal::Failed(e.into())
        }
    }

    impl From<sqlx::Error> for Refusal {
        fn from(e: sqlx::Error) -> Self {
            Refusal::Failed(e.into())
        }
    }

    impl From<Refusal> for AppError {
        fn from(r: Refusal) -> Self {
            let lang = page_lang();
            match r {
                Refusal::Closed => AppError::invalid("order", tr!(lang, ORDER_CHANGE_CLOSED)),
                Refusal::Meanwhile => AppError::invalid("order", tr!(lang, ORDER_CHANGE_MEANWHILE)),
                Refusal::Quantity { line, most } => AppError::invalid(
                    &format!("line-{line}"),
                    tr!(lang, ORDER_CHANGE_QUANTITY, most = most),
                ),
                Refusal::Short { line, left } => AppError::invalid(
                    &format!("line-{line}"),
                    tr!(lang, ORDER_CHANGE_SHORT, left = left),
                ),
                Refusal::NoLine => AppError::NotFound,
                Refusal::Failed(e) => e,
            }
        }
    }

    /// Applies the guest's `edit` to the order `code`, made on the form
    /// `(key, revision)`: once per key; refused when the order moved on
    /// since the form was made. A card payment not made yet is given up
    /// first (its amount changes); a card payment made is partly given
    /// back, through Stripe, after the change is written.
    pub async fn change(
        db: &Db,
        config: &AppConfig,
        code: &str,
        (key, revision): (&str, i64),
        edit: Edit,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut order = changing(db, code, now).await?;
        if done_already(db, order.id, key).await? {
            return Ok(());
        }
        if !order.changeable() {
            return Err(Refusal::Closed.into());
        }
        if order.revision != revision {
            return Err(Refusal::Meanwhile.into());
        }
        if let Edit::Line { line, quantity } = edit {
            if !(0..=MAX_QUANTITY).contains(&quantity) {
                return Err(Refusal::Quantity {
                    line,
                    most: MAX_QUANTITY,
                }
                .into());
            }
        }
        if order.status == OrderStatus::Placed && order.stripe_intent_id.is_some() {
            // What would refuse the change refuses it before the payment
            // is given up: a refused change leaves the order as it was.
            precheck(db, &order, edit).await?;
            let card = super::super::card::ssr::release_intent;
            if !card(db, config, order.brand_id, code, now).await? {
                // Paid as the guest asked: the page shows the paid order.
                return Err(Refusal::Meanwhile.into());
            }
            // Giving the payment up raised the revision by one.
            order = changing(db, code, now).await?;
            if order.revision != revision + 1 {
                return Err(Refusal::Meanwhile.into());
            }
        }
        let rule = crate::base::brand::ssr::checkout_terms(db, order.brand_id)
            .await?
            .0;
        let mut tx = db.begin().await?;
        let written = write(&mut tx, config, &order, (key, edit, rule), now).await;
        let refund = match written {
            Ok(refund) => refund,
            Err(refusal) => {
                drop(tx);
                if done_already(db, order.id, key).await? {
                    return Ok(());
                }
                return Err(refusal.into());
            }
        };
        tx.commit().await?;
        if let Some(change_id) = refund {
            if let Err(err) = give_back(db, config, change_id, now).await {
                tracing::warn!(%err, order = order.id, "could not refund a changed order yet; will retry");
            }
        }
        Ok(())
    }

    /// The order's lines as they are now.
    async fn lines_of(db: &Db, order_id: i64) -> Result<Vec<Line>, AppError> {
        Ok(on_db!(db.writer(), |pool| sqlx::query_as(LINES_SQL)
            .bind(order_id)
            .fetch_all(pool)
            .await)?)
    }

    /// Checks `edit` on the order as it is now, outside any transaction:
    /// the line is the order's, a paid order only goes down, the stock
    /// holds what a line gains (the transaction checks them all again).
    async fn precheck(db: &Db, order: &Changing, edit: Edit) -> Result<(), AppError> {
        let before = lines_of(db, order.id).await?;
        let after = edited(order, &before, edit)?;
        for (old, new) in before.iter().zip(&after) {
            let gained = new.quantity - old.quantity;
            if gained <= 0 {
                continue;
            }
            let left: i64 = on_db!(db.reader(), |pool| sqlx::query_scalar(
                "SELECT stock FROM items WHERE id = $1"
            )
            .bind(new.item_id)
            .fetch_one(pool)
            .await)?;
            if left < gained {
                return Err(Refusal::Short {
                    line: new.id,
                    left: left.max(0),
                }
                .into());
            }
        }
        Ok(())
    }

    /// The lines of order `$1`, as a change reads them.
    const LINES_SQL: &str =
        "SELECT id, item_id, sku, name, unit_price_cents, vat_rate_bp, quantity, half_price_units
         FROM order_lines WHERE order_id = $1 ORDER BY id";

    async fn done_already(db: &Db, order_id: i64, key: &str) -> Result<bool, AppError> {
        let found: Option<i64> = on_db!(db.writer(), |pool| sqlx::query_scalar(
            "SELECT id FROM order_changes WHERE order_id = $1 AND form_key = $2"
        )
        .bind(order_id)
        .bind(key)
        .fetch_optional(pool)
        .await)?;
        Ok(found.is_some())
    }

    #[derive(Debug, Clone, sqlx::FromRow)]
    struct Line {
        id: i64,
        item_id: i64,
        sku: String,
        name: String,
        unit_price_cents: i64,
        vat_rate_bp: i64,
        quantity: i64,
        half_price_units: i64,
    }

    impl Line {
        fn priced(&self) -> PricedLine {
            PricedLine {
                unit_price_cents: self.unit_price_cents,
                vat_rate_bp: self.vat_rate_bp,
                quantity: self.quantity,
                half_price_units: self.half_price_units,
            }
        }
    }

    /// The change on the caller's transaction: the order's revision
    /// claimed, its lines and the stock, its totals, a step on its
    /// timeline, the record of the change (with the refund it owes), the
    /// buyer's mail and the brand's event. The change's id when a card
    /// payment is to be given back in part.
    async fn write(
        tx: &mut Tx,
        config: &AppConfig,
        order: &Changing,
        (key, edit, rule): (&str, Edit, crate::base::order::ShippingRule),
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, Refusal> {
        let claimed = on_tx!(tx, |c| sqlx::query(
            "UPDATE orders SET revision = revision + 1, updated_at = $1
             WHERE id = $2 AND revision = $3 AND status = $4
               AND (status <> 'placed' OR stripe_intent_id IS NULL)"
        )
        .bind(now)
        .bind(order.id)
        .bind(order.revision)
        .bind(order.status.as_db())
        .execute(&mut *c)
        .await?
        .rows_affected());
        if claimed == 0 {
            return Err(Refusal::Meanwhile);
        }
        let before: Vec<Line> = on_tx!(tx, |c| {
            sqlx::query_as(LINES_SQL)
                .bind(order.id)
                .fetch_all(&mut *c)
                .await?
        });
        let after = edited(order, &before, edit)?;
        move_stock(tx, &before, &after, Currency::of_db(&order.currency)).await?;
        save_lines(tx, &before, &after).await?;
        // Every line gone: the order is cancelled (refunded, if paid) and
        // keeps its lines and totals, as a cancelled order does.
        let gone = after.iter().all(|l| l.quantity == 0);
        let (status, total) = match (gone, order.paid_by_card()) {
            (true, true) => (OrderStatus::Refunded, 0),
            (true, false) => (OrderStatus::Cancelled, 0),
            (false, _) => {
                let totals = new_totals(order, &after, rule);
                save_totals(tx, order.id, &totals, now).await?;
                (order.status, totals.total.minor())
            }
        };
        let note = change_note(order.lang(), &before, &after, gone);
        if gone {
            order_writer::set_status_only(tx, order.id, status, now).await?;
        }
        order_writer::record_status(tx, order.id, status, "buyer", &note, now).await?;
        let refund = if order.paid_by_card() {
            (order.total_cents - total).max(0)
        } else {
            0
        };
        let change_id = record_change(tx, order.id, (key, order.revision + 1, refund), now).await?;
        let currency = Currency::of_db(&order.currency);
        tell(
            tx,
            config,
            order,
            (status, Money::new(total, currency), &note),
            now,
        )
        .await?;
        tx.party_changed(order.event_id).await?;
        Ok((refund > 0).then_some(change_id))
    }

    /// The lines once the edit is applied (a line at 0 is removed).
    fn edited(order: &Changing, before: &[Line], edit: Edit) -> Result<Vec<Line>, Refusal> {
        let mut after = before.to_vec();
        match edit {
            Edit::Cancel => after.iter_mut().for_each(|l| l.quantity = 0),
            Edit::Line { line, quantity } => {
                let l = after
                    .iter_mut()
                    .find(|l| l.id == line)
                    .ok_or(Refusal::NoLine)?;
                if order.paid_by_card() && quantity > l.quantity {
                    return Err(Refusal::Quantity {
                        line,
                        most: l.quantity,
                    });
                }
                // Units at half price are a host's; a guest's order has none.
                l.half_price_units = l.half_price_units.min(quantity);
                l.quantity = quantity;
            }
        }
        Ok(after)
    }

    /// Takes the units a line gained from the stock (never below zero) and
    /// puts back those it lost.
    async fn move_stock(
        tx: &mut Tx,
        before: &[Line],
        after: &[Line],
        currency: Currency,
    ) -> Result<(), Refusal> {
        for (old, new) in before.iter().zip(after) {
            let gained = new.quantity - old.quantity;
            if gained > 0 {
                let taking = NewLine {
                    item_id: new.item_id,
                    sku: new.sku.clone(),
                    name: new.name.clone(),
                    unit_price: Money::new(new.unit_price_cents, currency),
                    vat_rate_bp: new.vat_rate_bp,
                    quantity: gained,
                    half_price_units: 0,
                };
                match order_writer::take_stock(tx, &[taking]).await {
                    Ok(()) => {}
                    Err(WriteError::Short(s)) => {
                        return Err(Refusal::Short {
                            line: new.id,
                            left: s.left,
                        })
                    }
                    Err(WriteError::Database(e)) => return Err(e.into()),
                    Err(WriteError::Duplicate) => return Err(Refusal::Meanwhile),
                }
            } else if gained < 0 {
                on_tx!(tx, |c| {
                    sqlx::query("UPDATE items SET stock = stock + $1 WHERE id = $2")
                        .bind(-gained)
                        .bind(new.item_id)
                        .execute(&mut *c)
                        .await?;
                });
            }
        }
        Ok(())
    }

    /// Writes the lines that changed; a line at 0 goes, unless the whole
    /// order goes (a cancelled order keeps what it was).
    async fn save_lines(tx: &mut Tx, before: &[Line], after: &[Line]) -> Result<(), Refusal> {
        let all_gone = after.iter().all(|l| l.quantity == 0);
        for (old, new) in before.iter().zip(after) {
            if old.quantity == new.quantity || all_gone {
                continue;
            }
            if new.quantity == 0 {
                on_tx!(tx, |c| {
                    sqlx::query("DELETE FROM order_lines WHERE id = $1")
                        .bind(new.id)
                        .execute(&mut *c)
                        .await?;
                });
            } else {
                on_tx!(tx, |c| {
                    sqlx::query(
                        "UPDATE order_lines SET quantity = $1, line_cents = $2, half_price_units = $3 WHERE id = $4",
                    )
                    .bind(new.quantity)
                    .bind(new.priced().total_cents())
                    .bind(new.half_price_units)
                    .bind(new.id)
                    .execute(&mut *c)
                    .await?;
                });
            }
        }
        Ok(())
    }

    /// The order's new totals: shipping by the brand's rule, never more
    /// than the guest was charged (a smaller order does not cost more to
    /// ship); nothing at all when every line went.
    fn new_totals(
        order: &Changing,
        after: &[Line],
        rule: crate::base::order::ShippingRule,
    ) -> Totals {
        let currency = Currency::of_db(&order.currency);
        let priced: Vec<PricedLine> = after.iter().map(Line::priced).collect();
        let merchandise: i64 = priced.iter().map(PricedLine::total_cents).sum();
        let delivery = Delivery::parse(&order.delivery).unwrap_or(Delivery::Host);
        let by_rule = if rule.currency() == currency {
            shipping(merchandise, delivery, rule).minor()
        } else {
            order.shipping_cents
        };
        let shipping_cents = if merchandise == 0 {
            0
        } else {
            by_rule.min(order.shipping_cents)
        };
        // The prize credit it spent, as far as the smaller order needs it:
        // the rest is the guest's again (`base::guest_credit`).
        let credit =
            crate::base::guest_credit::used(order.discount_cents, merchandise + shipping_cents);
        Totals::of(
            &priced,
            Money::new(shipping_cents, currency),
            Money::new(credit, currency),
        )
    }

    async fn save_totals(
        tx: &mut Tx,
        order_id: i64,
        t: &Totals,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        on_tx!(tx, |c| {
            sqlx::query(
                "UPDATE orders SET merchandise_cents = $1, vat_cents = $2, shipping_cents = $3,
                    total_cents = $4, discount_cents = $7, updated_at = $5 WHERE id = $6",
            )
            .bind(t.merchandise.minor())
            .bind(t.vat.minor())
            .bind(t.shipping.minor())
            .bind(t.total.minor())
            .bind(now)
            .bind(order_id)
            .bind(t.merchandise.minor() + t.shipping.minor() - t.total.minor())
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// The timeline's note: what changed, in the party's language.
    fn change_note(lang: Lang, before: &[Line], after: &[Line], cancelled: bool) -> String {
        if cancelled {
            return tr!(lang, ORDER_NOTE_CANCELLED_BY_BUYER);
        }
        before
            .iter()
            .zip(after)
            .filter(|(old, new)| old.quantity != new.quantity)
            .map(|(old, new)| {
                tr!(
                    lang,
                    ORDER_NOTE_LINE_CHANGED,
                    name = new.name.as_str(),
                    from = old.quantity,
                    to = new.quantity
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    async fn record_change(
        tx: &mut Tx,
        order_id: i64,
        (key, revision, refund): (&str, i64, i64),
        now: DateTime<Utc>,
    ) -> Result<i64, Refusal> {
        let inserted = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO order_changes (order_id, form_key, revision, refund_cents, refund_state, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
        )
        .bind(order_id)
        .bind(key)
        .bind(revision)
        .bind(refund)
        .bind(if refund > 0 { "pending" } else { "none" })
        .bind(now)
        .fetch_one(&mut *c)
        .await
        });
        match inserted {
            Ok(id) => Ok(id),
            // The same form sent twice at once: the first one changed it.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(Refusal::Meanwhile),
            Err(e) => Err(e.into()),
        }
    }

    /// The buyer's mail and the brand's event about the change.
    async fn tell(
        tx: &mut Tx,
        config: &AppConfig,
        order: &Changing,
        (status, total, note): (OrderStatus, Money, &str),
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let lang = order.lang();
        let link = config
            .public_url
            .join(&format!("/o/{}", order.tracking_code))
            .map_err(|e| AppError::from(anyhow::anyhow!(e)))?;
        let (party, label) = (order.title.as_str(), status.label(lang).to_lowercase());
        let (subject, what) = if status == order.status {
            (
                tr!(lang, MAIL_ORDER_CHANGED_SUBJECT, order = order.id),
                tr!(
                    lang,
                    MAIL_ORDER_CHANGED_BODY,
                    order = order.id,
                    party = party,
                    total = fmt::money(lang, total)
                ),
            )
        } else {
            (
                tr!(
                    lang,
                    MAIL_STATUS_SUBJECT,
                    order = order.id,
                    status = label.as_str()
                ),
                tr!(
                    lang,
                    MAIL_STATUS_BODY,
                    order = order.id,
                    party = party,
                    status = label.as_str()
                ),
            )
        };
        let text = format!(
            "{}\n\n{what}\n\n{note}\n\n{}\n{link}\n",
            tr!(lang, MAIL_HELLO_NAME, name = order.customer_name.as_str()),
            tr!(lang, MAIL_STATUS_FOLLOW),
        );
        let mail = crate::base::mail::plain(
            config,
            &order.customer_name,
            &order.customer_email,
            subject,
            text,
            Some(order.event_id),
            now,
        )?;
        let mut snapshot = crate::base::hooks::load_order_in(tx, order.id).await?;
        snapshot.status = status;
        let (kind, moved) = if status == order.status {
            ("order.changed", None)
        } else {
            (
                "order.status_changed",
                Some((order.status.as_db(), status.as_db())),
            )
        };
        let hook = crate::base::hooks::order_event(order.brand_id, kind, &snapshot, moved, now);
        on_tx!(tx, |c| {
            crate::base::mail::insert_query(&mail)
                .execute(&mut *c)
                .await?;
            crate::base::hooks::insert_query(&hook)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// Gives back, through Stripe, the part of a card payment that the
    /// change `change_id` owes (one refund whatever the retries: Stripe's
    /// idempotency key), and marks it done.
    async fn give_back(
        db: &Db,
        config: &AppConfig,
        change_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let owed: Option<(i64, i64, i64)> = on_db!(db.writer(), |pool| {
            sqlx::query_as(
            "SELECT o.brand_id, o.id, c.refund_cents FROM order_changes c JOIN orders o ON o.id = c.order_id
             WHERE c.id = $1 AND c.refund_state = 'pending'"
        )
        .bind(change_id)
        .fetch_optional(pool)
        .await
        })?;
        let Some((brand_id, order_id, cents)) = owed else {
            return Ok(());
        };
        let key = format!("change-refund-{change_id}");
        let sent =
            super::super::card::ssr::refund_part(db, config, (brand_id, order_id), cents, &key)
                .await;
        on_db!(db.writer(), |pool| {
            sqlx::query(
                "UPDATE order_changes SET refund_attempts = refund_attempts + 1,
                    refund_state = CASE WHEN $2 THEN 'done' ELSE refund_state END,
                    refunded_at = CASE WHEN $2 THEN $3 ELSE refunded_at END
                 WHERE id = $1",
            )
            .bind(change_id)
            .bind(sent.is_ok())
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        sent
    }

    /// Gives back what changed orders owe and Stripe has not refunded yet
    /// (it did not answer at the time): the closings worker calls it. How
    /// many were refunded.
    pub async fn refund_pending(
        db: &Db,
        config: &AppConfig,
        now: DateTime<Utc>,
    ) -> Result<usize, AppError> {
        let pending: Vec<i64> = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM order_changes WHERE refund_state = 'pending' ORDER BY id LIMIT 100"
        )
        .fetch_all(pool)
        .await)?;
        let mut done = 0;
        for change_id in pending {
            match give_back(db, config, change_id, now).await {
                Ok(()) => done += 1,
                Err(err) => {
                    tracing::warn!(%err, change = change_id, "refund of a changed order still waits")
                }
            }
        }
        Ok(done)
    }
}
