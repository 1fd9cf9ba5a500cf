//! Carts and orders in the database. A buyer is the guest behind a personal
//! link, or a share-link visitor known by a cookie; either only reaches the
//! cart and orders of their own event.

use chrono::{DateTime, Utc};

use super::{domain::Checkout, CartLine, CartView, OrderTracking, StatusStep};
use crate::base::l10n::{fmt, Lang};
use crate::{
    base::{
        db::{Db, Tx},
        error::AppError,
        guest_credit,
        items::{ssr::ItemCardRow, ItemCard},
        money::{Currency, Money},
        order::{
            shipping, totals, Delivery, OrderKind, OrderStatus, PayMethod, PricedLine, Totals,
            MAX_QUANTITY,
        },
        order_writer::{self, NewLine, NewOrder, Placed, Shortage, Twin, WriteError},
        state::AppConfig,
    },
    on_db, on_tx,
};

/// Who is buying, for which event.
#[derive(Debug, Clone)]
pub struct Buyer {
    pub event_id: i64,
    pub brand_id: i64,
    pub host_id: i64,
    pub guest_id: Option<i64>,
    /// The cart's owner key: `guest:<id>` or `visitor:<key>`.
    pub owner: String,
    pub name: String,
    pub email: String,
    pub open: bool,
    pub event_title: String,
    /// The party's language: the buyer's mail is written in it.
    pub lang: Lang,
    /// The host who orders for a friend (`for_friend`), by first name: the
    /// friend is told, and pays from the link in their mail.
    pub ordered_by: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EventFacts {
    brand_id: i64,
    host_id: i64,
    title: String,
    orders_close_at: DateTime<Utc>,
    cancelled_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    language: String,
}

impl EventFacts {
    fn open(&self, now: DateTime<Utc>) -> bool {
        self.cancelled_at.is_none() && self.closed_at.is_none() && now < self.orders_close_at
    }
}

async fn event_facts(db: &Db, event_id: i64) -> Result<EventFacts, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_as(concat!(
            "SELECT e.brand_id, e.host_id, e.title, e.orders_close_at, e.cancelled_at, e.closed_at,
                    ",
            crate::party_language_sql!(),
            " AS language
             FROM events e JOIN brands b ON b.id = e.brand_id WHERE e.id = $1"
        ))
        .bind(event_id)
        .fetch_one(pool)
        .await
    })?)
}

/// The guest holding `token`.
pub async fn guest_buyer(db: &Db, token: &str, now: DateTime<Utc>) -> Result<Buyer, AppError> {
    let guest = crate::base::access::ssr::invitation(db, token, now).await?;
    Ok(Buyer {
        event_id: guest.event_id,
        brand_id: guest.brand_id,
        host_id: guest.host_id,
        guest_id: Some(guest.guest_id),
        owner: format!("guest:{}", guest.guest_id),
        open: guest.ordering(now),
        lang: Lang::parse(&guest.language).unwrap_or_default(),
        name: guest.guest_name,
        email: guest.guest_email,
        event_title: guest.title,
        ordered_by: None,
    })
}

/// A visitor of the share link `slug`, known by their cookie `key`.
pub async fn visitor_buyer(
    db: &Db,
    slug: &str,
    key: &str,
    now: DateTime<Utc>,
) -> Result<Buyer, AppError> {
    let event_id = crate::base::access::ssr::shared_event_id(db, slug, now).await?;
    let facts = event_facts(db, event_id).await?;
    Ok(Buyer {
        event_id,
        brand_id: facts.brand_id,
        host_id: facts.host_id,
        guest_id: None,
        owner: format!("visitor:{key}"),
        name: String::new(),
        email: String::new(),
        open: facts.open(now),
        lang: Lang::parse(&facts.language).unwrap_or_default(),
        event_title: facts.title,
        ordered_by: None,
    })
}

impl Buyer {
    /// Whether this buyer's prize credit pays their orders: a guest
    /// ordering from their own invitation (see [`crate::base::guest_credit`]).
    fn spends_prize_credit(&self) -> bool {
        self.guest_id.is_some() && self.ordered_by.is_none()
    }
}

fn closed() -> AppError {
    PlaceError::Closed.into()
}

#[derive(sqlx::FromRow)]
struct CartRow {
    #[sqlx(flatten)]
    card: ItemCardRow,
    vat_rate_bp: i64,
    quantity: i64,
}

/// The buyer's cart with both delivery options priced.
pub async fn cart(db: &Db, buyer: &Buyer) -> Result<CartView, AppError> {
    let sql = format!(
        "SELECT {}, i.vat_rate_bp, cl.quantity
         FROM carts c JOIN cart_lines cl ON cl.cart_id = c.id JOIN items i ON i.id = cl.item_id
         WHERE c.event_id = $1 AND c.owner = $2 ORDER BY cl.added_at, i.id",
        crate::base::items::ssr::card_columns_in(crate::base::l10n::page_lang())
    );
    let rows: Vec<CartRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&sql)
            .bind(buyer.event_id)
            .bind(&buyer.owner)
            .fetch_all(pool)
            .await
    })?;
    let priced: Vec<PricedLine> = rows
        .iter()
        .map(|r| PricedLine::new(r.card.price_cents, r.vat_rate_bp, r.quantity))
        .collect();
    let (rule, methods) = crate::base::brand::ssr::checkout_terms(db, buyer.brand_id).await?;
    let credit = if buyer.spends_prize_credit() {
        guest_credit::balance(db, buyer.brand_id, &buyer.email).await?
    } else {
        0
    };
    // What is left to pay once the prize credit takes its part.
    let less_credit = |t: Totals| {
        let gross = t.merchandise.minor() + t.shipping.minor();
        let total = gross - guest_credit::used(credit, gross);
        Totals {
            total: Money::new(total, t.total.currency()),
            ..t
        }
    };
    Ok(CartView {
        event_title: buyer.event_title.clone(),
        open: buyer.open,
        to_host: less_credit(totals(&priced, Delivery::Host, rule)),
        to_home: less_credit(totals(&priced, Delivery::Home, rule)),
        credit: Money::new(credit.max(0), rule.currency()),
        shipping: rule,
        name: buyer.name.clone(),
        email: buyer.email.clone(),
        methods,
        lines: rows
            .into_iter()
            .zip(&priced)
            .map(|(r, p)| CartLine {
                quantity: r.quantity,
                line: Money::new(p.total_cents(), rule.currency()),
                item: ItemCard::from(r.card),
            })
            .collect(),
    })
}

/// Sets how many of an item the buyer's cart holds (0 removes it), within
/// the stock. The item must be one the event features.
pub async fn set_quantity(
    db: &Db,
    buyer: &Buyer,
    item_id: i64,
    quantity: i64,
    add: bool,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    if !buyer.open {
        return Err(closed());
    }
    let item = crate::base::items::ssr::featured_card(
        db,
        buyer.event_id,
        item_id,
        crate::base::l10n::page_lang(),
    )
    .await?;
    let current: i64 = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT COALESCE(MAX(cl.quantity), 0) FROM carts c JOIN cart_lines cl ON cl.cart_id = c.id
             WHERE c.event_id = $1 AND c.owner = $2 AND cl.item_id = $3",
        )
        .bind(buyer.event_id)
        .bind(&buyer.owner)
        .bind(item_id)
        .fetch_one(pool)
        .await
    })?;
    let wanted = if add { current + quantity } else { quantity };
    let field = format!("line-{item_id}");
    let lang = crate::base::l10n::page_lang();
    if wanted < 0 || (add && quantity < 1) {
        return Err(AppError::invalid(&field, tr!(lang, CART_ERROR_QUANTITY)));
    }
    if wanted > item.stock {
        return Err(AppError::invalid(
            &field,
            match item.stock {
                0 => tr!(lang, CART_ERROR_SOLD_OUT, name = &item.name),
                n => tr!(lang, CART_ERROR_ONLY_LEFT, count = n, name = &item.name),
            },
        ));
    }
    if wanted > MAX_QUANTITY {
        return Err(AppError::invalid(
            &field,
            tr!(lang, CART_ERROR_MAX, max = MAX_QUANTITY),
        ));
    }
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let cart: i64 = sqlx::query_scalar(
            "INSERT INTO carts (event_id, owner, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (event_id, owner) DO UPDATE SET updated_at = excluded.updated_at
             RETURNING id",
        )
        .bind(buyer.event_id)
        .bind(&buyer.owner)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        if wanted == 0 {
            sqlx::query("DELETE FROM cart_lines WHERE cart_id = $1 AND item_id = $2")
                .bind(cart)
                .bind(item_id)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query(
                "INSERT INTO cart_lines (cart_id, item_id, quantity, added_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (cart_id, item_id) DO UPDATE SET quantity = excluded.quantity",
            )
            .bind(cart)
            .bind(item_id)
            .bind(wanted)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    });
    Ok(wanted)
}

/// Why a checkout did not place an order.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    #[error("Orders for this party are closed: the order deadline has passed or the host closed the party.")]
    Closed,
    #[error("Your cart is empty: add an item first.")]
    EmptyCart,
    #[error("The brand does not take this way to pay: choose another.")]
    NotOffered,
    #[error("not enough stock")]
    Short(Shortage),
    #[error("an order with this key exists")]
    Duplicate,
    #[error("placing an order: {0}")]
    Database(#[from] sqlx::Error),
    #[error("placing an order: {0:#}")]
    Unexpected(#[from] anyhow::Error),
}

impl From<WriteError> for PlaceError {
    fn from(err: WriteError) -> Self {
        match err {
            WriteError::Short(s) => PlaceError::Short(s),
            WriteError::Duplicate => PlaceError::Duplicate,
            WriteError::Database(e) => PlaceError::Database(e),
        }
    }
}

impl Twin for PlaceError {
    fn may_be_twin(&self) -> bool {
        matches!(
            self,
            PlaceError::EmptyCart | PlaceError::Short(_) | PlaceError::Duplicate
        )
    }
}

/// The refusal the buyer reads, in the page's language.
impl From<PlaceError> for AppError {
    fn from(err: PlaceError) -> Self {
        let lang = crate::base::l10n::page_lang();
        match err {
            PlaceError::Closed => AppError::invalid("cart", tr!(lang, CART_ERROR_CLOSED)),
            PlaceError::EmptyCart => AppError::invalid("cart", tr!(lang, CART_ERROR_EMPTY)),
            PlaceError::NotOffered => {
                AppError::invalid("payment", tr!(lang, CART_ERROR_NOT_OFFERED))
            }
            PlaceError::Short(s) => AppError::invalid(
                &format!("line-{}", s.item_id),
                match s.left {
                    0 => tr!(lang, CART_ERROR_JUST_SOLD_OUT, name = &s.name),
                    n => tr!(lang, CART_ERROR_SHORT, count = n, name = &s.name),
                },
            ),
            // `once` answers a duplicate with the order it names.
            PlaceError::Duplicate => AppError::Internal,
            PlaceError::Database(e) => e.into(),
            PlaceError::Unexpected(e) => e.into(),
        }
    }
}

/// The item's name as the buyer reads it (the brand's words in the
/// page's language), for `items` aliased as `i`.
fn item_name_sql() -> String {
    crate::base::content::ssr::text_sql(
        crate::base::l10n::page_lang(),
        crate::base::content::Kind::Item,
        "name",
        "i.id",
        "i.name",
    )
}

/// A guest's order line at full price.
fn full_price_line(
    (item_id, sku, name): (i64, String, String),
    unit_price: Money,
    vat_rate_bp: i64,
    quantity: i64,
) -> NewLine {
    NewLine {
        item_id,
        sku,
        name,
        unit_price,
        vat_rate_bp,
        quantity,
        half_price_units: 0,
    }
}

/// The buyer's cart as order lines, read on the order's transaction; each
/// line keeps the item's name as the buyer read it.
async fn cart_lines(
    tx: &mut Tx,
    buyer: &Buyer,
    currency: Currency,
) -> Result<Vec<NewLine>, sqlx::Error> {
    type Row = (i64, String, String, i64, i64, i64);
    let sql = format!(
        "SELECT i.id, i.sku, {}, i.price_cents, i.vat_rate_bp, cl.quantity
         FROM carts c JOIN cart_lines cl ON cl.cart_id = c.id JOIN items i ON i.id = cl.item_id
         WHERE c.event_id = $1 AND c.owner = $2 ORDER BY cl.added_at, i.id",
        item_name_sql()
    );
    let rows: Vec<Row> = on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(buyer.event_id)
        .bind(&buyer.owner)
        .fetch_all(&mut *c)
        .await?);
    Ok(rows
        .into_iter()
        .map(|(item_id, sku, name, price, vat_rate_bp, quantity)| {
            full_price_line(
                (item_id, sku, name),
                Money::new(price, currency),
                vat_rate_bp,
                quantity,
            )
        })
        .collect())
}

/// The lines a host chose for a friend, `(item, quantity)`, as order
/// lines read on the order's transaction: only items the party features
/// and still sells; another is as good as sold out.
async fn chosen_lines(
    tx: &mut Tx,
    buyer: &Buyer,
    chosen: &[(i64, i64)],
    currency: Currency,
) -> Result<Vec<NewLine>, PlaceError> {
    let sql = format!(
        "SELECT i.sku, {}, i.price_cents, i.vat_rate_bp
         FROM event_items ei JOIN items i ON i.id = ei.item_id
         WHERE ei.event_id = $1 AND i.id = $2 AND i.active = TRUE",
        item_name_sql()
    );
    let mut lines = Vec::new();
    for &(item_id, quantity) in chosen.iter().filter(|(_, q)| *q > 0) {
        let row: Option<(String, String, i64, i64)> = on_tx!(tx, |c| sqlx::query_as(&sql)
            .bind(buyer.event_id)
            .bind(item_id)
            .fetch_optional(&mut *c)
            .await?);
        let Some((sku, name, price, vat_rate_bp)) = row else {
            let name = String::new();
            return Err(PlaceError::Short(Shortage {
                item_id,
                name,
                left: 0,
            }));
        };
        lines.push(full_price_line(
            (item_id, sku, name),
            Money::new(price, currency),
            vat_rate_bp,
            quantity,
        ));
    }
    Ok(lines)
}

/// Whether the party still takes orders, read on the order's transaction:
/// the host may have closed it since the page was read.
async fn still_open(tx: &mut Tx, event_id: i64, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let open: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM events WHERE id = $1 AND cancelled_at IS NULL AND closed_at IS NULL
         AND orders_close_at > $2",
    )
    .bind(event_id)
    .bind(now)
    .fetch_optional(&mut *c)
    .await?);
    Ok(open.is_some())
}

/// What checkout adds to the order on its transaction: the confirmation
/// mail, the request to host (when asked) and the emptied cart.
async fn after_placing(
    tx: &mut Tx,
    config: &AppConfig,
    buyer: &Buyer,
    checkout: &Checkout,
    order: &NewOrder,
    placed: &Placed,
    now: DateTime<Utc>,
) -> Result<(), PlaceError> {
    let account: (Option<String>, Option<String>, Option<String>) = on_tx!(tx, |c| sqlx::query_as(
        "SELECT bank_iban, bank_bic, bank_account_name FROM brands WHERE id = $1"
    )
    .bind(buyer.brand_id)
    .fetch_one(&mut *c)
    .await?);
    let transfer = match order.payment_method {
        None | Some(PayMethod::Transfer) => {
            super::Transfer::of(account, placed.id, placed.totals.total)
        }
        Some(PayMethod::Card | PayMethod::Delivery) => None,
    };
    let mail = confirmation_mail(
        config,
        buyer,
        checkout,
        order,
        placed,
        transfer.as_ref(),
        now,
    )?;
    if buyer.ordered_by.is_some() {
        // Ordered for a friend: no answer of theirs to keep, no cart; a
        // card payment waits for them until the order deadline.
        on_tx!(tx, |c| {
            crate::base::mail::insert_query(&mail)
                .execute(&mut *c)
                .await?;
            sqlx::query(
                "UPDATE orders SET pay_by = (SELECT orders_close_at FROM events WHERE id = $2)
                 WHERE id = $1 AND payment_method = 'card'",
            )
            .bind(placed.id)
            .bind(buyer.event_id)
            .execute(&mut *c)
            .await?;
        });
        return Ok(());
    }
    on_tx!(tx, |c| {
        crate::base::mail::insert_query(&mail)
            .execute(&mut *c)
            .await?;
        sqlx::query(crate::base::consent::news_sql(
            checkout.news,
            crate::base::consent::Source::Checkout,
        ))
        .bind(buyer.brand_id)
        .bind(checkout.email.as_str())
        .bind(checkout.news)
        .bind(now)
        .bind(crate::base::consent::Source::Checkout.as_db())
        .execute(&mut *c)
        .await?;
        if checkout.wants_to_host {
            sqlx::query(crate::base::onboarding::REQUEST_SQL)
                .bind(buyer.brand_id)
                .bind(buyer.event_id)
                .bind(&checkout.name)
                .bind(checkout.email.as_str().to_lowercase())
                .bind(now)
                .execute(&mut *c)
                .await?;
        }
        sqlx::query(
            "DELETE FROM cart_lines WHERE cart_id IN (SELECT id FROM carts WHERE event_id = $1 AND owner = $2)",
        )
        .bind(buyer.event_id)
        .bind(&buyer.owner)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Places the buyer's cart as an order, in one transaction (see
/// [`crate::base::order_writer`]): the order window, the cart's lines, the
/// order, its confirmation mail, a request to host if asked, and the
/// emptied cart. The same idempotency key twice from the same buyer gives
/// the same order ([`order_writer::bound_key`]). Returns its tracking code.
pub async fn place(
    db: &Db,
    config: &AppConfig,
    (buyer, chosen): (&Buyer, Option<&[(i64, i64)]>),
    checkout: &Checkout,
    now: DateTime<Utc>,
) -> Result<String, PlaceError> {
    let key = &order_writer::bound_key(&buyer.owner, &checkout.idempotency_key);
    if let Some(code) = order_writer::placed_with(db, key).await? {
        return Ok(code);
    }
    if !buyer.open {
        return Err(PlaceError::Closed);
    }
    let (rule, offered) = crate::base::brand::ssr::checkout_terms(db, buyer.brand_id)
        .await
        .map_err(|e| anyhow::anyhow!("reading the brand's checkout terms: {e}"))?;
    let payment = match checkout.payment {
        Some(method) if offered.contains(&method) => Some(method),
        Some(_) => return Err(PlaceError::NotOffered),
        // A form that does not say keeps the old way, unless the brand
        // takes cards only.
        None if offered == [PayMethod::Card] => return Err(PlaceError::NotOffered),
        None => None,
    };
    order_writer::once(db, key, async |tx: &mut Tx| {
        if !still_open(tx, buyer.event_id, now).await? {
            return Err(PlaceError::Closed);
        }
        let lines = match chosen {
            None => cart_lines(tx, buyer, rule.currency()).await?,
            Some(chosen) => chosen_lines(tx, buyer, chosen, rule.currency()).await?,
        };
        if lines.is_empty() {
            return Err(PlaceError::EmptyCart);
        }
        let merchandise: i64 = lines.iter().map(|l| l.total().minor()).sum();
        let shipping = shipping(merchandise, checkout.delivery, rule);
        let credit = prize_credit(tx, buyer, merchandise + shipping.minor()).await?;
        let order = NewOrder {
            brand_id: buyer.brand_id,
            event_id: buyer.event_id,
            guest_id: buyer.guest_id,
            host_id: buyer.host_id,
            kind: OrderKind::Guest,
            customer_name: checkout.name.clone(),
            customer_email: checkout.email.as_str().to_owned(),
            delivery: checkout.delivery,
            address: checkout.address.clone(),
            idempotency_key: key.to_owned(),
            shipping,
            credit_used: Money::new(credit, rule.currency()),
            actor: match &buyer.ordered_by {
                None => format!("guest {}", checkout.email.as_str()),
                Some(_) => format!("host {} for a friend", buyer.host_id),
            },
            // Paid in full by the guest's prize credit: nothing to pay.
            payment_method: payment.filter(|_| credit < merchandise + shipping.minor()),
            lines,
        };
        let placed = order_writer::write(tx, &order, now).await?;
        if credit > 0 {
            spent_credit(tx, buyer, (&order, &placed), now).await?;
        }
        after_placing(tx, config, buyer, checkout, &order, &placed, now).await?;
        Ok(placed.tracking_code)
    })
    .await
}

/// What the guest's prize credit pays of an order of `gross` minor
/// units: only a guest ordering from their own invitation spends it (see
/// [`crate::base::guest_credit`]), read on the order's transaction.
async fn prize_credit(tx: &mut Tx, buyer: &Buyer, gross: i64) -> Result<i64, sqlx::Error> {
    if !buyer.spends_prize_credit() {
        return Ok(0);
    }
    let balance = guest_credit::balance_for_spending(tx, buyer.brand_id, &buyer.email).await?;
    Ok(guest_credit::used(balance, gross))
}

/// The ledger's row for an order that spends prize credit and, when the
/// credit paid all of it, the order paid, on the order's transaction.
async fn spent_credit(
    tx: &mut Tx,
    buyer: &Buyer,
    (order, placed): (&NewOrder, &Placed),
    now: DateTime<Utc>,
) -> Result<(), PlaceError> {
    let entry = guest_credit::Entry {
        brand_id: buyer.brand_id,
        email: &buyer.email,
        event_id: buyer.event_id,
        prize_cents: None,
        order_id: Some(placed.id),
    };
    guest_credit::record(tx, &entry, now).await?;
    if placed.totals.total.minor() == 0 {
        let note = tr!(buyer.lang, ORDER_NOTE_PAID_BY_CREDIT);
        order_writer::paid_at_once(tx, (order, placed), "prize credit", &note, now).await?;
    }
    Ok(())
}

/// The mail's line of prize credit spent ("Prize credit: −20.00 €"), with
/// its line break, or nothing.
fn credit_line(lang: Lang, credit: Money) -> String {
    if credit.minor() <= 0 {
        return String::new();
    }
    format!(
        "{}\n",
        tr!(lang, MAIL_ORDER_CREDIT, amount = fmt::money(lang, credit))
    )
}

fn confirmation_mail(
    config: &AppConfig,
    buyer: &Buyer,
    checkout: &Checkout,
    order: &NewOrder,
    placed: &Placed,
    transfer: Option<&super::Transfer>,
    now: DateTime<Utc>,
) -> anyhow::Result<crate::base::mail::QueuedMail> {
    let (lines, t, code) = (&order.lines, &placed.totals, &placed.tracking_code);
    let lang = buyer.lang;
    let money = |m: Money| fmt::money(lang, m);
    let link = config.public_url.join(&format!("/o/{code}"))?.to_string();
    let items: String = lines
        .iter()
        .map(|l| {
            format!(
                "- {} × {} ({}): {}\n",
                l.quantity,
                l.name,
                l.sku,
                money(Money::new(
                    l.unit_price.minor() * l.quantity,
                    l.unit_price.currency()
                ))
            )
        })
        .collect();
    let delivery = match checkout.delivery {
        Delivery::Host => tr!(lang, MAIL_ORDER_DELIVERY_HOST),
        Delivery::Home => tr!(
            lang,
            MAIL_ORDER_DELIVERY_HOME,
            address = checkout.address.clone().unwrap_or_default()
        ),
    };
    let pay = match (transfer, order.payment_method) {
        (Some(t), _) => format!("{}\n\n", t.text(lang)),
        (None, Some(PayMethod::Card)) if buyer.ordered_by.is_some() => {
            format!(
                "{}\n{link}\n\n",
                tr!(lang, MAIL_ORDER_PAY_BY_CARD_BEFORE_DEADLINE)
            )
        }
        (None, Some(PayMethod::Card)) => format!(
            "{}\n{link}\n\n",
            tr!(
                lang,
                MAIL_ORDER_PAY_BY_CARD,
                minutes = super::card::ssr::PAY_WITHIN.num_minutes()
            )
        ),
        (None, Some(PayMethod::Delivery)) => {
            format!("{}\n\n", tr!(lang, MAIL_ORDER_PAY_AT_DELIVERY))
        }
        (None, _) => String::new(),
    };
    let text = format!(
        "{}\n\n{}\n\n{items}\n{}\n{}\n{}{}\n\n{delivery}\n\n{pay}{}\n{link}\n",
        tr!(lang, MAIL_HELLO_NAME, name = &checkout.name),
        match &buyer.ordered_by {
            None => tr!(lang, MAIL_ORDER_THANKS, party = &buyer.event_title),
            Some(host) => tr!(
                lang,
                MAIL_ORDER_FOR_FRIEND,
                host = host,
                party = &buyer.event_title
            ),
        },
        tr!(
            lang,
            MAIL_ORDER_ITEMS,
            amount = money(t.merchandise),
            vat = money(t.vat)
        ),
        tr!(lang, MAIL_ORDER_SHIPPING, amount = money(t.shipping)),
        credit_line(lang, order.credit_used),
        tr!(lang, MAIL_ORDER_TOTAL, amount = money(t.total)),
        tr!(lang, MAIL_ORDER_FOLLOW),
    );
    crate::base::mail::plain(
        config,
        &checkout.name,
        checkout.email.as_str(),
        match &buyer.ordered_by {
            None => tr!(lang, MAIL_ORDER_SUBJECT, party = &buyer.event_title),
            Some(host) => tr!(
                lang,
                MAIL_ORDER_FOR_FRIEND_SUBJECT,
                host = host,
                party = &buyer.event_title
            ),
        },
        text,
        Some(buyer.event_id),
        now,
    )
}

#[derive(sqlx::FromRow)]
struct TrackingRow {
    id: i64,
    #[sqlx(try_from = "String")]
    status: OrderStatus,
    customer_name: String,
    delivery: String,
    address: Option<String>,
    merchandise_cents: i64,
    vat_cents: i64,
    shipping_cents: i64,
    total_cents: i64,
    discount_cents: i64,
    placed_at: DateTime<Utc>,
    title: String,
    time_zone: String,
    kind: String,
    payment_method: Option<String>,
    bank_iban: Option<String>,
    bank_bic: Option<String>,
    bank_account_name: Option<String>,
    pay_by: Option<DateTime<Utc>>,
    stripe_intent_id: Option<String>,
    stripe_publishable_key: Option<String>,
    payment_methods: String,
    currency: String,
}

/// The card payment panel of an unpaid card order.
fn card_pay(row: &TrackingRow, zone: chrono_tz::Tz) -> Option<super::CardPay> {
    if row.status != OrderStatus::Placed || row.payment_method.as_deref() != Some("card") {
        return None;
    }
    let key = row
        .stripe_publishable_key
        .clone()
        .filter(|k| !k.is_empty())?;
    Some(super::CardPay {
        amount: Money::new(row.total_cents, Currency::of_db(&row.currency)),
        publishable_key: key,
        js_url: String::new(),
        pay_by: row
            .pay_by
            .map(|t| crate::base::l10n::fmt::datetime_long(crate::base::l10n::page_lang(), t, zone))
            .unwrap_or_default(),
        opened: row.stripe_intent_id.is_some(),
        // A host's reward order pays by card only.
        others: match row.kind.as_str() {
            "guest" => PayMethod::list(&row.payment_methods)
                .into_iter()
                .filter(|m| *m != PayMethod::Card)
                .collect(),
            _ => Vec::new(),
        },
    })
}

/// An order line as its page shows it: ("2 × Fig Leaf Candle (CAN-FIG-220),
/// 1 at half price", amount).
fn line_label(
    lang: Lang,
    (name, sku, quantity, cents, half): (String, String, i64, i64, i64),
    currency: Currency,
) -> (String, Money) {
    let half = match half {
        0 => String::new(),
        n => format!(", {}", tr!(lang, ORDER_LINE_HALF_PRICE, count = n)),
    };
    (
        format!("{quantity} × {name} ({sku}){half}"),
        Money::new(cents, currency),
    )
}

/// The order behind a tracking code, with its timeline.
pub async fn tracking(db: &Db, code: &str) -> Result<OrderTracking, AppError> {
    let row: Option<TrackingRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT o.id, o.status, o.customer_name, o.delivery, o.address, o.merchandise_cents,
                    o.vat_cents, o.shipping_cents, o.total_cents, o.discount_cents, o.placed_at, e.title, e.time_zone,
                    o.kind, o.payment_method, b.bank_iban, b.bank_bic, b.bank_account_name,
                    o.pay_by, o.stripe_intent_id, b.stripe_publishable_key, b.payment_methods, o.currency
             FROM orders o JOIN events e ON e.id = o.event_id JOIN brands b ON b.id = o.brand_id
             WHERE o.tracking_code = $1",
        )
        .bind(code)
        .fetch_optional(pool)
        .await
    })?;
    let row = row.ok_or(AppError::NotFound)?;
    let zone = crate::base::time::zone(&row.time_zone);
    type Lines = Vec<(String, String, i64, i64, i64)>;
    type Changes = Vec<(String, DateTime<Utc>, String)>;
    let (lines, changes): (Lines, Changes) = on_db!(db.reader(), |pool| {
        let lines = sqlx::query_as(
                "SELECT name, sku, quantity, line_cents, half_price_units FROM order_lines WHERE order_id = $1 ORDER BY id",
            )
            .bind(row.id)
            .fetch_all(pool)
            .await?;
        let changes = sqlx::query_as(
                "SELECT status, changed_at, note FROM order_status_changes WHERE order_id = $1 ORDER BY changed_at, id",
            )
            .bind(row.id)
            .fetch_all(pool)
            .await?;
        (lines, changes)
    });
    let card = card_pay(&row, zone);
    let lang = crate::base::l10n::page_lang();
    let currency = Currency::of_db(&row.currency);
    let m = |minor| Money::new(minor, currency);
    Ok(OrderTracking {
        card,
        change: None,
        making: Vec::new(),
        number: row.id,
        status: row.status,
        customer_name: row.customer_name,
        event_title: row.title,
        to_host: row.delivery == "host",
        address: row.address,
        placed: crate::base::l10n::fmt::datetime_long(
            crate::base::l10n::page_lang(),
            row.placed_at,
            zone,
        ),
        lines: lines
            .into_iter()
            .map(|line| line_label(lang, line, currency))
            .collect(),
        credit_used: m(row.discount_cents),
        credit_is_prize: row.kind == "guest",
        transfer: (row.status == OrderStatus::Placed
            && row.kind == "guest"
            && matches!(row.payment_method.as_deref(), None | Some("transfer")))
        .then(|| {
            super::Transfer::of(
                (
                    row.bank_iban.clone(),
                    row.bank_bic.clone(),
                    row.bank_account_name.clone(),
                ),
                row.id,
                m(row.total_cents),
            )
        })
        .flatten(),
        totals: Totals {
            merchandise: m(row.merchandise_cents),
            vat: m(row.vat_cents),
            shipping: m(row.shipping_cents),
            total: m(row.total_cents),
        },
        steps: changes
            .into_iter()
            .map(|(status, at, note)| {
                Ok(StatusStep {
                    status: OrderStatus::try_from(status).map_err(|e| anyhow::anyhow!(e))?,
                    at: crate::base::l10n::fmt::datetime_long(
                        crate::base::l10n::page_lang(),
                        at,
                        zone,
                    ),
                    note,
                })
            })
            .collect::<Result<_, AppError>>()?,
    })
}

/// Refunds the orders of a cancelled party that were paid and have not
/// left (paid, in preparation): a card payment goes back through Stripe
/// first (one refund per order whatever the retries: Stripe's idempotency
/// key), then the order is refunded with its stock back, its buyer's mail
/// and the back office's event. An order Stripe could not refund stays
/// paid for the next pass of the closings worker.
pub async fn refund_cancelled_party(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let paid: Vec<i64> = on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM orders WHERE event_id = $1 AND brand_id = $2
           AND status IN ('paid', 'in_preparation') ORDER BY id"
    )
    .bind(event_id)
    .bind(brand_id)
    .fetch_all(pool)
    .await)?;
    if paid.is_empty() {
        return Ok(());
    }
    let lang = crate::base::l10n::resolve::event_language(db, event_id).await?;
    let reason = tr!(lang, EVENT_CANCEL_REFUND_REASON);
    for order_id in paid {
        if let Err(err) = super::card::ssr::refund(db, config, brand_id, order_id).await {
            tracing::warn!(order = order_id, %err, "could not refund an order of a cancelled party; will retry");
            continue;
        }
        order_writer::move_if_still_allowed(
            db,
            config,
            (brand_id, order_id),
            OrderStatus::Refunded,
            ("The host", &reason),
            now,
        )
        .await?;
    }
    Ok(())
}
