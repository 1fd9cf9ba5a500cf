//! Carts and orders in the database. A buyer is the guest behind a personal
//! link, or a share-link visitor known by a cookie; either only reaches the
//! cart and orders of their own event.

use chrono::{DateTime, Utc};

use super::{CartLine, CartView, CheckoutForm, OrderTracking, StatusStep};
use crate::base::order::{totals, Delivery, PricedLine, Totals, MAX_QUANTITY};
use crate::{
    base::{
        db::Db,
        error::AppError,
        items::{ssr::ItemCardRow, ItemCard},
        money::Money,
    },
    on_db,
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
}

#[derive(sqlx::FromRow)]
struct EventFacts {
    brand_id: i64,
    host_id: i64,
    title: String,
    orders_close_at: DateTime<Utc>,
    cancelled_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
}

impl EventFacts {
    fn open(&self, now: DateTime<Utc>) -> bool {
        self.cancelled_at.is_none() && self.closed_at.is_none() && now < self.orders_close_at
    }
}

async fn event_facts(db: &Db, event_id: i64) -> Result<EventFacts, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT brand_id, host_id, title, orders_close_at, cancelled_at, closed_at FROM events WHERE id = $1",
        )
        .bind(event_id)
        .fetch_one(pool)
        .await
    })?)
}

/// The guest holding `token`.
pub async fn guest_buyer(db: &Db, token: &str, now: DateTime<Utc>) -> Result<Buyer, AppError> {
    let guest = crate::base::access::ssr::invitation(db, token, now).await?;
    let email: String = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT email FROM guests WHERE id = $1")
            .bind(guest.guest_id)
            .fetch_one(pool)
            .await
    })?;
    let facts = event_facts(db, guest.event_id).await?;
    Ok(Buyer {
        event_id: guest.event_id,
        brand_id: facts.brand_id,
        host_id: facts.host_id,
        guest_id: Some(guest.guest_id),
        owner: format!("guest:{}", guest.guest_id),
        name: guest.guest_name,
        email,
        open: facts.open(now),
        event_title: facts.title,
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
        event_title: facts.title,
    })
}

fn closed() -> AppError {
    AppError::invalid(
        "cart",
        "Orders for this party are closed: the order deadline has passed or the host closed the party.",
    )
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
        crate::base::items::ssr::CARD_COLUMNS
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
        .map(|r| PricedLine {
            unit_price_cents: r.card.price_cents,
            vat_rate_bp: r.vat_rate_bp,
            quantity: r.quantity,
        })
        .collect();
    let rule = crate::base::brand::ssr::shipping_rule(db, buyer.brand_id).await?;
    Ok(CartView {
        event_title: buyer.event_title.clone(),
        open: buyer.open,
        to_host: totals(&priced, Delivery::Host, rule),
        to_home: totals(&priced, Delivery::Home, rule),
        shipping: rule,
        name: buyer.name.clone(),
        email: buyer.email.clone(),
        lines: rows
            .into_iter()
            .zip(&priced)
            .map(|(r, p)| CartLine {
                quantity: r.quantity,
                line: Money::eur(p.total_cents()),
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
    let item = crate::base::items::ssr::featured_card(db, buyer.event_id, item_id).await?;
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
    if wanted < 0 || (add && quantity < 1) {
        return Err(AppError::invalid(&field, "Choose a quantity of 1 or more."));
    }
    if wanted > item.stock {
        return Err(AppError::invalid(
            &field,
            match item.stock {
                0 => format!("{} is sold out.", item.name),
                n => format!("Only {n} of {} left: choose {n} or fewer.", item.name),
            },
        ));
    }
    if wanted > MAX_QUANTITY {
        return Err(AppError::invalid(
            &field,
            format!("At most {MAX_QUANTITY} of one item per order."),
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

/// A checked checkout form.
#[derive(Debug, Clone)]
pub struct Checkout {
    pub name: String,
    pub email: crate::base::account::EmailAddress,
    pub delivery: Delivery,
    pub address: Option<String>,
    pub idempotency_key: String,
    pub wants_to_host: bool,
}

impl Checkout {
    pub fn parse(form: &CheckoutForm) -> Result<Checkout, AppError> {
        let name = form.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(AppError::invalid(
                "name",
                "Enter your name, as it should appear on the parcel.",
            ));
        }
        let email = crate::base::account::EmailAddress::parse(&form.email, "email")?;
        let delivery = Delivery::parse(&form.delivery).ok_or_else(|| {
            AppError::invalid(
                "delivery",
                "Choose delivery to your address or to the host.",
            )
        })?;
        let address = match delivery {
            Delivery::Host => None,
            Delivery::Home => {
                let address = form.address.trim();
                if address.len() < 8 || !address.chars().any(|c| c.is_ascii_digit()) {
                    return Err(AppError::invalid(
                        "address",
                        "Enter your full address: street and number, postcode and town.",
                    ));
                }
                if address.chars().count() > 300 {
                    return Err(AppError::invalid(
                        "address",
                        "Keep the address under 300 characters.",
                    ));
                }
                Some(address.to_owned())
            }
        };
        let key = form.idempotency_key.trim();
        if key.len() < 16 || key.len() > 80 {
            return Err(AppError::invalid(
                "cart",
                "This checkout form is out of date: reload the page and try again.",
            ));
        }
        Ok(Checkout {
            name: name.to_owned(),
            email,
            delivery,
            address,
            idempotency_key: key.to_owned(),
            wants_to_host: form.wants_to_host.as_deref().is_some_and(|v| !v.is_empty()),
        })
    }
}

/// The tracking code of the order placed with an idempotency key.
const ORDER_BY_KEY: &str = "SELECT tracking_code FROM orders WHERE idempotency_key = $1";

#[derive(sqlx::FromRow)]
struct StockLine {
    item_id: i64,
    sku: String,
    name: String,
    price_cents: i64,
    vat_rate_bp: i64,
    quantity: i64,
}

async fn order_by_key(db: &Db, key: &str) -> Result<Option<String>, AppError> {
    Ok(on_db!(db.writer(), |pool| {
        sqlx::query_scalar(ORDER_BY_KEY)
            .bind(key)
            .fetch_optional(pool)
            .await
    })?)
}

/// Places the buyer's cart as an order, in one transaction: the order
/// window, the stock (never below zero), the order with its line snapshots,
/// its first status and its confirmation mail, and the emptied cart. The
/// same idempotency key twice gives the same order. Returns its tracking
/// code.
pub async fn place(
    db: &Db,
    config: &crate::base::state::AppConfig,
    buyer: &Buyer,
    checkout: &Checkout,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    if let Some(code) = order_by_key(db, &checkout.idempotency_key).await? {
        return Ok(code);
    }
    if !buyer.open {
        return Err(closed());
    }
    let rule = crate::base::brand::ssr::shipping_rule(db, buyer.brand_id).await?;
    let tracking_code = crate::base::tokens::random_key();
    // Ok(Ok(Some(code))): an order with this key already exists.
    let result: Result<Result<Option<String>, AppError>, sqlx::Error> = on_db!(
        db.writer(),
        |pool| {
            async {
            let mut tx = pool.begin().await?;
            let existing: Option<String> =
                sqlx::query_scalar(ORDER_BY_KEY)
                    .bind(&checkout.idempotency_key)
                    .fetch_optional(&mut *tx)
                    .await?;
            if existing.is_some() {
                return Ok(Ok(existing));
            }
            // The window, again inside the transaction: the host may have
            // closed the event since the page was read.
            let open: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM events WHERE id = $1 AND cancelled_at IS NULL AND closed_at IS NULL
                 AND orders_close_at > $2",
            )
            .bind(buyer.event_id)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            if open.is_none() {
                return Ok(Err(closed()));
            }
            let lines: Vec<StockLine> = sqlx::query_as(
                "SELECT i.id AS item_id, i.sku, i.name, i.price_cents, i.vat_rate_bp, cl.quantity
                 FROM carts c JOIN cart_lines cl ON cl.cart_id = c.id JOIN items i ON i.id = cl.item_id
                 WHERE c.event_id = $1 AND c.owner = $2 ORDER BY cl.added_at, i.id",
            )
            .bind(buyer.event_id)
            .bind(&buyer.owner)
            .fetch_all(&mut *tx)
            .await?;
            // On PostgreSQL each statement sees what committed before it: a
            // twin submission may have placed the order and emptied the
            // cart since the check above. Look again before refusing.
            if lines.is_empty() {
                let existing: Option<String> = sqlx::query_scalar(
                    ORDER_BY_KEY,
                )
                .bind(&checkout.idempotency_key)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(code) = existing {
                    return Ok(Ok(Some(code)));
                }
                return Ok(Err(AppError::invalid(
                    "cart",
                    "Your cart is empty: add an item first.",
                )));
            }
            for line in &lines {
                let taken = sqlx::query(
                    "UPDATE items SET stock = stock - $1
                     WHERE id = $2 AND stock >= $1 AND active = TRUE",
                )
                .bind(line.quantity)
                .bind(line.item_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if taken == 0 {
                    let existing: Option<String> = sqlx::query_scalar(
                        ORDER_BY_KEY,
                    )
                    .bind(&checkout.idempotency_key)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some(code) = existing {
                        return Ok(Ok(Some(code)));
                    }
                    let left: i64 = sqlx::query_scalar("SELECT stock FROM items WHERE id = $1")
                        .bind(line.item_id)
                        .fetch_one(&mut *tx)
                        .await?;
                    let message = match left {
                        0 => format!(
                            "{} has just sold out: remove it from your cart to order the rest.",
                            line.name
                        ),
                        n => format!(
                            "Only {n} of {} left: lower the quantity to {n} or fewer.",
                            line.name
                        ),
                    };
                    return Ok(Err(AppError::invalid(
                        &format!("line-{}", line.item_id),
                        message,
                    )));
                }
            }
            let priced: Vec<PricedLine> = lines
                .iter()
                .map(|l| PricedLine {
                    unit_price_cents: l.price_cents,
                    vat_rate_bp: l.vat_rate_bp,
                    quantity: l.quantity,
                })
                .collect();
            let t: Totals = totals(&priced, checkout.delivery, rule);
            let order_id: i64 = sqlx::query_scalar(
                "INSERT INTO orders (brand_id, event_id, guest_id, host_id, customer_name, customer_email,
                    status, merchandise_cents, vat_cents, shipping_cents, total_cents, delivery, address,
                    idempotency_key, tracking_code, placed_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 'placed', $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
                 RETURNING id",
            )
            .bind(buyer.brand_id)
            .bind(buyer.event_id)
            .bind(buyer.guest_id)
            .bind(buyer.host_id)
            .bind(&checkout.name)
            .bind(checkout.email.as_str())
            .bind(t.merchandise_cents)
            .bind(t.vat_cents)
            .bind(t.shipping_cents)
            .bind(t.total_cents)
            .bind(checkout.delivery.as_db())
            .bind(&checkout.address)
            .bind(&checkout.idempotency_key)
            .bind(&tracking_code)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for (line, p) in lines.iter().zip(&priced) {
                sqlx::query(
                    "INSERT INTO order_lines (order_id, item_id, sku, name, unit_price_cents, vat_rate_bp, quantity, line_cents)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(order_id)
                .bind(line.item_id)
                .bind(&line.sku)
                .bind(&line.name)
                .bind(line.price_cents)
                .bind(line.vat_rate_bp)
                .bind(line.quantity)
                .bind(p.total_cents())
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(
                "INSERT INTO order_status_changes (order_id, status, changed_at, actor) VALUES ($1, 'placed', $2, $3)",
            )
            .bind(order_id)
            .bind(now)
            .bind(format!("guest {}", checkout.email.as_str()))
            .execute(&mut *tx)
            .await?;
            let mail = confirmation_mail(config, buyer, checkout, &lines, &t, &tracking_code, now)
                .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
            crate::base::mail::insert_query(&mail).execute(&mut *tx).await?;
            let hook = crate::base::hooks::order_event(
                buyer.brand_id,
                "order.placed",
                &crate::base::hooks::HookOrder {
                    id: order_id,
                    tracking_code: tracking_code.clone(),
                    status: "placed".into(),
                    event_id: buyer.event_id,
                    host_id: Some(buyer.host_id),
                    customer_name: checkout.name.clone(),
                    customer_email: checkout.email.as_str().to_owned(),
                    delivery: checkout.delivery.as_db().to_owned(),
                    address: checkout.address.clone(),
                    merchandise_cents: t.merchandise_cents,
                    vat_cents: t.vat_cents,
                    shipping_cents: t.shipping_cents,
                    discount_cents: 0,
                    total_cents: t.total_cents,
                    carrier: None,
                    tracking_number: None,
                    lines: lines
                        .iter()
                        .zip(&priced)
                        .map(|(l, p)| crate::base::hooks::HookLine {
                            sku: l.sku.clone(),
                            name: l.name.clone(),
                            unit_price_cents: l.price_cents,
                            vat_rate_bp: l.vat_rate_bp,
                            quantity: l.quantity,
                            line_cents: p.total_cents(),
                        })
                        .collect(),
                },
                None,
                now,
            );
            crate::base::hooks::insert_query(&hook).execute(&mut *tx).await?;
            if checkout.wants_to_host {
                sqlx::query(crate::base::onboarding::REQUEST_SQL)
                    .bind(buyer.brand_id)
                    .bind(buyer.event_id)
                    .bind(&checkout.name)
                    .bind(checkout.email.as_str().to_lowercase())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(
                "DELETE FROM cart_lines WHERE cart_id IN (SELECT id FROM carts WHERE event_id = $1 AND owner = $2)",
            )
            .bind(buyer.event_id)
            .bind(&buyer.owner)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Ok(None))
        }
        .await
        }
    );
    match result {
        Ok(Ok(None)) => Ok(tracking_code),
        Ok(Ok(Some(existing))) => Ok(existing),
        Ok(Err(e)) => Err(e),
        // The same form submitted twice at once: the other one won.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            order_by_key(db, &checkout.idempotency_key)
                .await?
                .ok_or(AppError::Internal)
        }
        Err(e) => Err(e.into()),
    }
}

fn confirmation_mail(
    config: &crate::base::state::AppConfig,
    buyer: &Buyer,
    checkout: &Checkout,
    lines: &[StockLine],
    t: &Totals,
    code: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<crate::base::mail::QueuedMail> {
    let link = config.public_url.join(&format!("/o/{code}"))?.to_string();
    let items: String = lines
        .iter()
        .map(|l| {
            format!(
                "- {} × {} ({}): {}\n",
                l.quantity,
                l.name,
                l.sku,
                Money::eur(l.price_cents * l.quantity)
            )
        })
        .collect();
    let delivery = match checkout.delivery {
        Delivery::Host => "Delivered to the host, for you to pick up.".to_owned(),
        Delivery::Home => format!(
            "Delivered to: {}",
            checkout.address.clone().unwrap_or_default()
        ),
    };
    let text = format!(
        "Hello {},\n\nThank you for your order from \"{}\".\n\n{items}\nItems: {} (VAT included: {})\nShipping: {}\nTotal: {}\n\n{delivery}\n\nFollow your order, step by step:\n{link}\n",
        checkout.name,
        buyer.event_title,
        Money::eur(t.merchandise_cents),
        Money::eur(t.vat_cents),
        Money::eur(t.shipping_cents),
        Money::eur(t.total_cents),
    );
    let html = crate::base::mail::text_to_html(&text);
    crate::base::mail::build(
        &config.mail,
        &crate::base::mail::OutgoingMail {
            to_name: checkout.name.clone(),
            to_email: checkout.email.as_str().to_owned(),
            subject: format!("Your order from {}", buyer.event_title),
            text,
            html,
            attachments: vec![],
            event_id: Some(buyer.event_id),
        },
        now,
    )
}

#[derive(sqlx::FromRow)]
struct TrackingRow {
    id: i64,
    status: String,
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
}

/// The order behind a tracking code, with its timeline.
pub async fn tracking(db: &Db, code: &str) -> Result<OrderTracking, AppError> {
    let row: Option<TrackingRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT o.id, o.status, o.customer_name, o.delivery, o.address, o.merchandise_cents,
                    o.vat_cents, o.shipping_cents, o.total_cents, o.discount_cents, o.placed_at, e.title, e.time_zone
             FROM orders o JOIN events e ON e.id = o.event_id WHERE o.tracking_code = $1",
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
    Ok(OrderTracking {
        number: row.id,
        status: row.status,
        customer_name: row.customer_name,
        event_title: row.title,
        to_host: row.delivery == "host",
        address: row.address,
        placed: crate::base::time::local_display(row.placed_at, zone),
        lines: lines
            .into_iter()
            .map(|(name, sku, quantity, cents, half)| {
                let half = match half {
                    0 => String::new(),
                    n => format!(", {n} at half price"),
                };
                (
                    format!("{quantity} × {name} ({sku}){half}"),
                    Money::eur(cents),
                )
            })
            .collect(),
        credit_used: Money::eur(row.discount_cents),
        totals: Totals {
            merchandise_cents: row.merchandise_cents,
            vat_cents: row.vat_cents,
            shipping_cents: row.shipping_cents,
            total_cents: row.total_cents,
        },
        steps: changes
            .into_iter()
            .map(|(status, at, note)| StatusStep {
                status,
                at: crate::base::time::local_display(at, zone),
                note,
            })
            .collect(),
    })
}
