//! The one place orders are written: a guest's checkout, a host's reward
//! order and (next) a card payment all go through here. Placing an order is
//! one transaction (the stock taken, never below zero; the order with its
//! line snapshots; its first status; its `order.placed` event), idempotent
//! by the caller's key. Moving an order along (`placed → paid → …`,
//! cancelled with its stock back, refunded) is one transaction too, and
//! tells the buyer and the back office.

use chrono::{DateTime, Utc};

use crate::{
    base::{
        db::{Db, Tx},
        hooks::{order_event, HookLine, HookOrder},
        l10n::Lang,
        money::Money,
        order::{
            Delivery, OrderKind, OrderStatus, PayMethod, PricedLine, Totals, CARD_PAY_MINUTES,
        },
        state::AppConfig,
        tokens::random_key,
    },
    on_db, on_tx,
};

/// One line of a new order: a snapshot of the item as it was sold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLine {
    pub item_id: i64,
    pub sku: String,
    pub name: String,
    pub unit_price: Money,
    pub vat_rate_bp: i64,
    pub quantity: i64,
    /// Units sold at half price (a host's reward).
    pub half_price_units: i64,
}

impl NewLine {
    fn priced(&self) -> PricedLine {
        PricedLine {
            unit_price_cents: self.unit_price.minor(),
            vat_rate_bp: self.vat_rate_bp,
            quantity: self.quantity,
            half_price_units: self.half_price_units,
        }
    }

    /// What the line costs, VAT included.
    pub fn total(&self) -> Money {
        Money::new(self.priced().total_cents(), self.unit_price.currency())
    }
}

/// An order to place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrder {
    pub brand_id: i64,
    pub event_id: i64,
    /// The invited guest who orders, if it is one.
    pub guest_id: Option<i64>,
    /// The host the order is credited to.
    pub host_id: i64,
    pub kind: OrderKind,
    pub customer_name: String,
    pub customer_email: String,
    pub delivery: Delivery,
    pub address: Option<String>,
    pub idempotency_key: String,
    pub lines: Vec<NewLine>,
    pub shipping: Money,
    /// Host credit that pays part of it.
    pub credit_used: Money,
    /// Who placed it, for the timeline: `guest ana@…`, `host …`.
    pub actor: String,
    /// How the buyer pays; `None` for orders that did not say (the brand
    /// confirms the payment, as before payment methods).
    pub payment_method: Option<PayMethod>,
}

impl NewOrder {
    /// The order's totals: the lines with the VAT they include (one rule,
    /// [`PricedLine::vat_cents`]), shipping, and what is left to pay.
    pub fn totals(&self) -> Totals {
        let lines: Vec<PricedLine> = self.lines.iter().map(NewLine::priced).collect();
        Totals::of(&lines, self.shipping, self.credit_used)
    }
}

/// An order once written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub id: i64,
    pub tracking_code: String,
    pub totals: Totals,
}

/// A line whose item has not enough stock left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortage {
    pub item_id: i64,
    pub name: String,
    pub left: i64,
}

/// Why an order was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("not enough stock of {}", .0.name)]
    Short(Shortage),
    /// An order with this idempotency key was written meanwhile (the same
    /// form sent twice at once).
    #[error("an order with this key exists")]
    Duplicate,
    #[error("writing the order: {0}")]
    Database(#[from] sqlx::Error),
}

/// An operation's error that may come from a twin request: the same form
/// sent twice at once, whose first copy placed the order (and emptied the
/// cart, or took the stock) meanwhile.
pub trait Twin {
    fn may_be_twin(&self) -> bool;
}

/// The key an order is kept under: the form's idempotency key bound to
/// whoever sends it (`owner`, a cart's owner such as `guest:12`), hashed so
/// that no cart's key is stored twice. Another buyer who learns a form's
/// key gets an order of their own with it, never this one.
pub fn bound_key(owner: &str, key: &str) -> String {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    hash.update(owner.as_bytes());
    hash.update(b"\n");
    hash.update(key.as_bytes());
    format!("order:{}", hex::encode(hash.finalize()))
}

/// The tracking code of the order placed with `key`, as committed.
pub async fn placed_with(db: &Db, key: &str) -> Result<Option<String>, sqlx::Error> {
    on_db!(db.writer(), |pool| {
        sqlx::query_scalar("SELECT tracking_code FROM orders WHERE idempotency_key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await
    })
}

/// Runs `attempt` in one transaction and commits it, once per `key`: an
/// order already placed with the key is answered instead, before the
/// attempt or after it failed in a way a twin request explains.
pub async fn once<E>(
    db: &Db,
    key: &str,
    attempt: impl AsyncFnOnce(&mut Tx) -> Result<String, E>,
) -> Result<String, E>
where
    E: From<sqlx::Error> + Twin,
{
    let mut tx = db.begin().await?;
    let existing = on_tx!(&mut tx, |c| sqlx::query_scalar(
        "SELECT tracking_code FROM orders WHERE idempotency_key = $1"
    )
    .bind(key)
    .fetch_optional(&mut *c)
    .await?);
    if let Some(code) = existing {
        return Ok(code);
    }
    let outcome = match attempt(&mut tx).await {
        Ok(code) => tx.commit().await.map(|_| code).map_err(E::from),
        Err(err) => {
            // Roll back before looking again: on SQLite the transaction
            // holds the only writer connection, on PostgreSQL one of a
            // bounded pool that fifty twins would exhaust.
            drop(tx);
            Err(err)
        }
    };
    match outcome {
        Err(err) if err.may_be_twin() => match placed_with(db, key).await? {
            Some(code) => Ok(code),
            None => Err(err),
        },
        other => other,
    }
}

/// Takes each line's units from the stock of an active item, never below
/// zero; the first line short of stock stops everything.
pub async fn take_stock(tx: &mut Tx, lines: &[NewLine]) -> Result<(), WriteError> {
    for line in lines {
        let taken = on_tx!(tx, |c| {
            sqlx::query(
            "UPDATE items SET stock = stock - $1 WHERE id = $2 AND stock >= $1 AND active = TRUE",
        )
        .bind(line.quantity)
        .bind(line.item_id)
        .execute(&mut *c)
        .await?
        .rows_affected()
        });
        if taken == 0 {
            let left: i64 = on_tx!(tx, |c| sqlx::query_scalar(
                "SELECT stock FROM items WHERE id = $1"
            )
            .bind(line.item_id)
            .fetch_one(&mut *c)
            .await?);
            return Err(WriteError::Short(Shortage {
                item_id: line.item_id,
                name: line.name.clone(),
                left,
            }));
        }
    }
    Ok(())
}

/// Writes `order` on the caller's transaction: its stock, the order and its
/// lines, the first status and the `order.placed` event.
pub async fn write(
    tx: &mut Tx,
    order: &NewOrder,
    now: DateTime<Utc>,
) -> Result<Placed, WriteError> {
    take_stock(tx, &order.lines).await?;
    let tracking_code = random_key();
    let totals = order.totals();
    let id = match insert_order(tx, order, &totals, &tracking_code, now).await {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(WriteError::Duplicate)
        }
        other => other?,
    };
    for line in &order.lines {
        on_tx!(tx, |c| {
            sqlx::query(
            "INSERT INTO order_lines (order_id, item_id, sku, name, unit_price_cents, vat_rate_bp, quantity, line_cents, half_price_units)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(line.item_id)
        .bind(&line.sku)
        .bind(&line.name)
        .bind(line.unit_price.minor())
        .bind(line.vat_rate_bp)
        .bind(line.quantity)
        .bind(line.total().minor())
        .bind(line.half_price_units)
        .execute(&mut *c)
        .await?;
        });
    }
    record_status(tx, id, OrderStatus::Placed, &order.actor, "", now).await?;
    let hook = order_event(
        order.brand_id,
        "order.placed",
        &hook_order(order, id, &tracking_code, &totals),
        None,
        now,
    );
    on_tx!(tx, |c| {
        crate::base::hooks::insert_query(&hook)
            .execute(&mut *c)
            .await?;
    });
    tx.party_changed(order.event_id).await?;
    Ok(Placed {
        id,
        tracking_code,
        totals,
    })
}

async fn insert_order(
    tx: &mut Tx,
    order: &NewOrder,
    t: &Totals,
    tracking_code: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO orders (brand_id, event_id, guest_id, host_id, customer_name, customer_email,
            status, merchandise_cents, vat_cents, shipping_cents, total_cents, discount_cents, delivery, address,
            idempotency_key, tracking_code, kind, placed_at, updated_at, payment_method, pay_by, currency)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20, $21)
         RETURNING id",
    )
    .bind(order.brand_id)
    .bind(order.event_id)
    .bind(order.guest_id)
    .bind(order.host_id)
    .bind(&order.customer_name)
    .bind(&order.customer_email)
    .bind(OrderStatus::Placed.as_db())
    .bind(t.merchandise.minor())
    .bind(t.vat.minor())
    .bind(t.shipping.minor())
    .bind(t.total.minor())
    .bind(order.credit_used.minor())
    .bind(order.delivery.as_db())
    .bind(&order.address)
    .bind(&order.idempotency_key)
    .bind(tracking_code)
    .bind(order.kind.as_db())
    .bind(now)
    .bind(order.payment_method.map(PayMethod::as_db))
    .bind(
        (order.payment_method == Some(PayMethod::Card))
            .then(|| now + chrono::Duration::minutes(CARD_PAY_MINUTES)),
    )
    .bind(t.total.currency().code())
    .fetch_one(&mut *c)
    .await
    })
}

/// The order as the back office receives it in `order.placed`.
fn hook_order(order: &NewOrder, id: i64, tracking_code: &str, t: &Totals) -> HookOrder {
    HookOrder {
        id,
        tracking_code: tracking_code.to_owned(),
        status: OrderStatus::Placed,
        event_id: order.event_id,
        host_id: Some(order.host_id),
        customer_name: order.customer_name.clone(),
        customer_email: order.customer_email.clone(),
        delivery: order.delivery.as_db().to_owned(),
        address: order.address.clone(),
        merchandise_cents: t.merchandise.minor(),
        vat_cents: t.vat.minor(),
        shipping_cents: t.shipping.minor(),
        discount_cents: order.credit_used.minor(),
        total_cents: t.total.minor(),
        currency: t.total.currency().code().to_owned(),
        carrier: None,
        tracking_number: None,
        lines: order
            .lines
            .iter()
            .map(|l| HookLine {
                sku: l.sku.clone(),
                name: l.name.clone(),
                unit_price_cents: l.unit_price.minor(),
                vat_rate_bp: l.vat_rate_bp,
                quantity: l.quantity,
                line_cents: l.total().minor(),
            })
            .collect(),
    }
}

/// Marks an order just written paid, on its transaction, when nothing is
/// left to pay (a prize, or prize credit that covers all of it): the
/// status, the step on its timeline by `actor` with `note`, and the back
/// office's `order.paid`, as a payment would send it.
pub async fn paid_at_once(
    tx: &mut Tx,
    (order, placed): (&NewOrder, &Placed),
    actor: &str,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    set_status_only(tx, placed.id, OrderStatus::Paid, now).await?;
    record_status(tx, placed.id, OrderStatus::Paid, actor, note, now).await?;
    let mut snapshot = hook_order(order, placed.id, &placed.tracking_code, &placed.totals);
    snapshot.status = OrderStatus::Paid;
    let from_to = (OrderStatus::Placed.as_db(), OrderStatus::Paid.as_db());
    let hook = order_event(order.brand_id, "order.paid", &snapshot, Some(from_to), now);
    on_tx!(tx, |c| {
        crate::base::hooks::insert_query(&hook)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Sets an order's status on the caller's transaction, and nothing else:
/// for a caller that moved its lines and stock itself (a guest who
/// cancelled their whole order).
pub async fn set_status_only(
    tx: &mut Tx,
    order_id: i64,
    status: OrderStatus,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.as_db())
            .bind(now)
            .bind(order_id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Adds a step to an order's timeline.
pub async fn record_status(
    tx: &mut Tx,
    order_id: i64,
    status: OrderStatus,
    actor: &str,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO order_status_changes (order_id, status, changed_at, actor, note) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(order_id)
    .bind(status.as_db())
    .bind(now)
    .bind(actor)
    .bind(note)
    .execute(&mut *c)
    .await?;
    });
    Ok(())
}

/// The language of an order's party, in which its buyer reads the notes
/// of its timeline and its mail.
pub async fn order_language(db: &Db, order_id: i64) -> Result<Lang, sqlx::Error> {
    let code: String = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(concat!(
            "SELECT ",
            crate::party_language_sql!(),
            " FROM orders o
             JOIN events e ON e.id = o.event_id JOIN brands b ON b.id = o.brand_id
             WHERE o.id = $1"
        ))
        .bind(order_id)
        .fetch_one(pool)
        .await
    })?;
    Ok(Lang::parse(&code).unwrap_or_default())
}

/// A step on the order's timeline that changes nothing else (a card that
/// was refused): the order keeps `status`. `note` is written in the
/// party's language ([`order_language`]).
pub async fn note_step(
    db: &Db,
    order_id: i64,
    status: OrderStatus,
    actor: &str,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    record_status(&mut tx, order_id, status, actor, note, now).await?;
    tx.commit().await
}

/// A move of an order along its statuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMove<'a> {
    pub brand_id: i64,
    pub order_id: i64,
    pub to: OrderStatus,
    /// Who moves it, for the timeline.
    pub actor: &'a str,
    /// For `shipped`: the carrier and the parcel's tracking number.
    pub carrier: &'a str,
    pub tracking_number: &'a str,
    /// Why, for the timeline and the buyer's mail ("The party was
    /// cancelled…"), in the party's language; may be empty.
    pub reason: &'a str,
}

/// Moves order `order_id` of the brand to `to` for a reason that is not
/// the brand's (a cancelled party, an expired payment): an order that moved
/// meanwhile, or that may not move so, stays as it is.
pub async fn move_if_still_allowed(
    db: &Db,
    config: &AppConfig,
    (brand_id, order_id): (i64, i64),
    to: OrderStatus,
    (actor, reason): (&str, &str),
    now: DateTime<Utc>,
) -> Result<(), crate::base::error::AppError> {
    let m = StatusMove {
        brand_id,
        order_id,
        to,
        actor,
        carrier: "",
        tracking_number: "",
        reason,
    };
    match change_status(db, config, &m, now).await {
        Ok(()) | Err(StatusError::ChangedMeanwhile) | Err(StatusError::NotAllowed { .. }) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Why an order did not move.
#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    #[error("no such order")]
    NotFound,
    #[error("A {} order cannot become {}.", .from.label(crate::base::l10n::Lang::En).to_lowercase(), .to.label(crate::base::l10n::Lang::En).to_lowercase())]
    NotAllowed { from: OrderStatus, to: OrderStatus },
    /// Shipping without the parcel's carrier, or its tracking number, or both.
    #[error("Name the carrier and give the parcel's tracking number.")]
    NoParcel { carrier: bool, number: bool },
    #[error("This order changed meanwhile: reload the page and check its status.")]
    ChangedMeanwhile,
    #[error("moving the order: {0}")]
    Database(#[from] sqlx::Error),
    #[error("moving the order: {0:#}")]
    Unexpected(#[from] anyhow::Error),
}

/// The refusal a person reads, in the page's language.
impl From<StatusError> for crate::base::error::AppError {
    fn from(err: StatusError) -> Self {
        use crate::base::error::AppError;
        let lang = crate::base::l10n::page_lang();
        match err {
            StatusError::NotFound => AppError::NotFound,
            StatusError::NotAllowed { from, to } => AppError::invalid(
                "status",
                tr!(
                    lang,
                    ADMIN_ORDER_CANNOT_BECOME,
                    from = from.label(lang).to_lowercase(),
                    to = to.label(lang).to_lowercase()
                ),
            ),
            StatusError::ChangedMeanwhile => {
                AppError::invalid("status", tr!(lang, ADMIN_ORDER_CHANGED_MEANWHILE))
            }
            StatusError::NoParcel { carrier, number } => {
                let mut mistakes = crate::base::error::Mistakes::default();
                if carrier {
                    mistakes.note("carrier", tr!(lang, ADMIN_ORDER_ERROR_CARRIER));
                }
                if number {
                    mistakes.note(
                        "tracking_number",
                        tr!(lang, ADMIN_ORDER_ERROR_TRACKING_NUMBER),
                    );
                }
                mistakes.finish().err().unwrap_or(AppError::Internal)
            }
            StatusError::Database(e) => e.into(),
            StatusError::Unexpected(e) => e.into(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct Moving {
    status: String,
    customer_name: String,
    customer_email: String,
    tracking_code: String,
    event_id: i64,
    title: String,
    language: String,
}

/// The note a move carries: the carrier and tracking number of a parcel,
/// in the party's language.
fn move_note(m: &StatusMove<'_>, lang: Lang) -> Result<String, StatusError> {
    if m.to != OrderStatus::Shipped {
        return Ok(m.reason.trim().to_owned());
    }
    let (carrier, number) = (m.carrier.trim(), m.tracking_number.trim());
    let (no_carrier, no_number) = (carrier.is_empty(), number.is_empty() || number.len() > 60);
    if no_carrier || no_number {
        return Err(StatusError::NoParcel {
            carrier: no_carrier,
            number: no_number,
        });
    }
    Ok(tr!(
        lang,
        ORDER_NOTE_PARCEL,
        carrier = carrier,
        number = number
    ))
}

/// The buyer's mail about a move.
fn status_mail(
    config: &AppConfig,
    m: &StatusMove<'_>,
    order: &Moving,
    note: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<crate::base::mail::QueuedMail> {
    let link = config
        .public_url
        .join(&format!("/o/{}", order.tracking_code))?;
    let lang = Lang::parse(&order.language).unwrap_or_default();
    let to = m.to.label(lang).to_lowercase();
    let text = format!(
        "{}\n\n{}{}\n\n{}\n{link}\n",
        tr!(lang, MAIL_HELLO_NAME, name = order.customer_name.as_str()),
        tr!(
            lang,
            MAIL_STATUS_BODY,
            order = m.order_id,
            party = order.title.as_str(),
            status = to.as_str()
        ),
        if note.is_empty() {
            String::new()
        } else {
            format!("\n{note}")
        },
        tr!(lang, MAIL_STATUS_FOLLOW),
    );
    crate::base::mail::plain(
        config,
        &order.customer_name,
        &order.customer_email,
        tr!(
            lang,
            MAIL_STATUS_SUBJECT,
            order = m.order_id,
            status = to.as_str()
        ),
        text,
        Some(order.event_id),
        now,
    )
}

/// Moves an order of the brand, if the move is allowed: the status, the
/// step on its timeline (who, when, the note), a cancelled order's stock
/// back (a refunded one's too, if it had not been shipped), the buyer's mail and the back office's event, in one transaction.
/// A concurrent move wins; this one is refused.
pub async fn change_status(
    db: &Db,
    config: &AppConfig,
    m: &StatusMove<'_>,
    now: DateTime<Utc>,
) -> Result<(), StatusError> {
    let order: Option<Moving> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            concat!("SELECT o.status, o.customer_name, o.customer_email, o.tracking_code, o.event_id, e.title,
                    ", crate::party_language_sql!(), " AS language
             FROM orders o JOIN events e ON e.id = o.event_id JOIN brands b ON b.id = o.brand_id
             WHERE o.id = $1 AND o.brand_id = $2"),
        )
        .bind(m.order_id)
        .bind(m.brand_id)
        .fetch_optional(pool)
        .await
    })?;
    let order = order.ok_or(StatusError::NotFound)?;
    let from = OrderStatus::parse(&order.status)
        .ok_or_else(|| anyhow::anyhow!("order {} has an unknown status", m.order_id))?;
    if !from.can_become(m.to) {
        return Err(StatusError::NotAllowed { from, to: m.to });
    }
    let note = move_note(m, Lang::parse(&order.language).unwrap_or_default())?;
    let mail = status_mail(config, m, &order, &note, now)?;
    let hook = moved_event(db, m, from, now).await?;
    let mut tx = db.begin().await?;
    if !set_status(&mut tx, m, from, now).await? {
        return Err(StatusError::ChangedMeanwhile);
    }
    if m.to == OrderStatus::Cancelled {
        stock_back(&mut tx, m.order_id).await?;
        credit_back(&mut tx, m.order_id, now).await?;
    } else if m.to == OrderStatus::Refunded
        && matches!(from, OrderStatus::Paid | OrderStatus::InPreparation)
    {
        // Refunded before it left: its units are on the shelf again.
        stock_back(&mut tx, m.order_id).await?;
    }
    record_status(&mut tx, m.order_id, m.to, m.actor, &note, now).await?;
    on_tx!(&mut tx, |c| {
        crate::base::mail::insert_query(&mail)
            .execute(&mut *c)
            .await?;
        crate::base::hooks::insert_query(&hook)
            .execute(&mut *c)
            .await?;
    });
    tx.party_changed(order.event_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The back office's event of a move: `order.paid`, or
/// `order.status_changed` with from and to.
async fn moved_event(
    db: &Db,
    m: &StatusMove<'_>,
    from: OrderStatus,
    now: DateTime<Utc>,
) -> Result<crate::base::hooks::QueuedHook, StatusError> {
    let mut snapshot = crate::base::hooks::load_order(db, m.order_id)
        .await
        .map_err(|e| anyhow::anyhow!("reading order {}: {e}", m.order_id))?;
    snapshot.status = m.to;
    let (carrier, number) = (m.carrier.trim(), m.tracking_number.trim());
    if !carrier.is_empty() {
        snapshot.carrier = Some(carrier.to_owned());
    }
    if !number.is_empty() {
        snapshot.tracking_number = Some(number.to_owned());
    }
    let kind = if m.to == OrderStatus::Paid {
        "order.paid"
    } else {
        "order.status_changed"
    };
    Ok(order_event(
        m.brand_id,
        kind,
        &snapshot,
        Some((from.as_db(), m.to.as_db())),
        now,
    ))
}

/// Sets the new status if the order is still in `from`; false otherwise.
async fn set_status(
    tx: &mut Tx,
    m: &StatusMove<'_>,
    from: OrderStatus,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let moved = on_tx!(tx, |c| sqlx::query(
        "UPDATE orders SET status = $1, updated_at = $2,
            carrier = CASE WHEN $3 = '' THEN carrier ELSE $3 END,
            tracking_number = CASE WHEN $4 = '' THEN tracking_number ELSE $4 END
         WHERE id = $5 AND brand_id = $6 AND status = $7",
    )
    .bind(m.to.as_db())
    .bind(now)
    .bind(m.carrier.trim())
    .bind(m.tracking_number.trim())
    .bind(m.order_id)
    .bind(m.brand_id)
    .bind(from.as_db())
    .execute(&mut *c)
    .await?
    .rows_affected());
    Ok(moved > 0)
}

/// Gives a cancelled reward order's host credit and half-price items back,
/// once (the ledger's `restored` line).
async fn credit_back(tx: &mut Tx, order_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO host_credit_ledger (brand_id, host_id, kind, order_id, credit_cents, half_price_items, note, created_at)
         SELECT brand_id, host_id, 'restored', order_id, -credit_cents, -half_price_items, '', $2
         FROM host_credit_ledger WHERE order_id = $1 AND kind = 'redemption'
           AND NOT EXISTS (SELECT 1 FROM host_credit_ledger r WHERE r.order_id = $1 AND r.kind = 'restored')",
    )
    .bind(order_id)
    .bind(now)
    .execute(&mut *c)
    .await?
    .rows_affected()
    });
    Ok(())
}

/// Puts a cancelled order's units back in stock.
async fn stock_back(tx: &mut Tx, order_id: i64) -> Result<(), sqlx::Error> {
    let lines: Vec<(i64, i64)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT item_id, quantity FROM order_lines WHERE order_id = $1"
    )
    .bind(order_id)
    .fetch_all(&mut *c)
    .await?);
    for (item, quantity) in lines {
        on_tx!(tx, |c| {
            sqlx::query("UPDATE items SET stock = stock + $1 WHERE id = $2")
                .bind(quantity)
                .bind(item)
                .execute(&mut *c)
                .await?;
        });
    }
    Ok(())
}
