//! Past parties for a brand: hosts, held parties with guests and their
//! answers, paid (and some cancelled or refunded) orders with their lines,
//! rewards and booking requests. The demo loads a small history so the
//! dashboard has something to show; `soiree seed-load` loads a large one to
//! measure the dashboard against. Deterministic: the same seed writes the
//! same data.

use chrono::{DateTime, Duration, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};

use crate::{
    base::{
        db::{Db, Tx},
        error::AppError,
        l10n::Lang,
        order::OrderStatus,
    },
    on_db, on_tx,
};

/// How much history to write.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Hosts to create: (name, email), all with the same password hash.
    pub hosts: Vec<(String, String)>,
    pub password_hash: String,
    pub events: usize,
    pub guests_per_event: usize,
    pub orders_per_event: usize,
    /// Parties are spread over this many days before `now`.
    pub days: i64,
    pub seed: u64,
}

/// An order to write: the guest who placed it (or a share-link visitor),
/// its status and its lines (item index, quantity).
type OrderPlan = (Option<usize>, OrderStatus, Vec<(usize, i64)>);

/// What was written.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub hosts: usize,
    pub events: usize,
    pub guests: usize,
    pub orders: usize,
    pub lines: usize,
}

const FIRST: [&str; 24] = [
    "Alice",
    "Bruno",
    "Claire",
    "David",
    "Emma",
    "Félix",
    "Gabrielle",
    "Henri",
    "Iris",
    "Jules",
    "Katia",
    "Léon",
    "Manon",
    "Nathan",
    "Olivia",
    "Paul",
    "Quentin",
    "Rose",
    "Sacha",
    "Théo",
    "Ursule",
    "Victor",
    "Wendy",
    "Yasmine",
];
const LAST: [&str; 12] = [
    "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Roux", "Fournier", "Girard", "Bonnet",
    "Dupont", "Lambert", "Fontaine",
];
/// The words of a party a reader sees, in the brand's language.
struct Words {
    titles: [&'static str; 8],
    address: &'static str,
    visitor: &'static str,
}

const ENGLISH: Words = Words {
    titles: [
        "Candle evening",
        "Linen and wine",
        "Autumn scents",
        "Cosy Sunday",
        "Home fragrance brunch",
        "Gift ideas night",
        "New collection preview",
        "Friends' apéro",
    ],
    address: "At the host's home",
    visitor: "Visitor",
};

const FRENCH: Words = Words {
    titles: [
        "Soirée bougies",
        "Lin et vin",
        "Parfums d’automne",
        "Dimanche cocooning",
        "Brunch parfums d’intérieur",
        "Soirée idées cadeaux",
        "Avant-première de la collection",
        "Apéro entre amis",
    ],
    address: "Chez l’hôte",
    visitor: "Visiteur",
};

/// An item the history sells: (id, SKU, name, price in cents).
type Item = (i64, String, String, i64);

/// One party to write, drawn from the seeded generator.
struct PartyPlan {
    host: i64,
    starts: DateTime<Utc>,
    title: &'static str,
    words: &'static Words,
    /// (name, email, answer)
    guests: Vec<(String, String, &'static str)>,
    orders: Vec<OrderPlan>,
    booking: bool,
}

/// Writes `spec` for `brand_id`, in batches of one transaction per party,
/// in the brand's language.
pub async fn write(
    db: &Db,
    brand_id: i64,
    spec: &Spec,
    now: DateTime<Utc>,
) -> Result<Written, AppError> {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let language: Option<String> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT language FROM brands WHERE id = $1")
            .bind(brand_id)
            .fetch_optional(pool)
            .await
    })?;
    let words = match language.as_deref().and_then(Lang::parse) {
        Some(Lang::En) => &ENGLISH,
        _ => &FRENCH,
    };
    let items: Vec<Item> = on_db!(db.reader(), |pool| {
        sqlx::query_as("SELECT id, sku, name, price_cents FROM items WHERE brand_id = $1 AND active = TRUE ORDER BY id")
            .bind(brand_id)
            .fetch_all(pool)
            .await
    })?;
    if items.is_empty() {
        return Err(AppError::invalid(
            "brand",
            "The brand has no items to sell yet.",
        ));
    }
    let mut tx = db.begin().await?;
    let host_ids = insert_hosts(&mut tx, brand_id, spec, now).await?;
    tx.commit().await?;
    let mut written = Written {
        hosts: host_ids.len(),
        ..Written::default()
    };
    if host_ids.is_empty() {
        return Ok(written);
    }
    for n in 0..spec.events {
        let plan = plan_party(&mut rng, spec, n, &host_ids, items.len(), words, now);
        let mut tx = db.begin().await?;
        write_party(&mut tx, brand_id, spec, n, &plan, &items, now).await?;
        tx.commit().await?;
        written.events += 1;
        if written.events.is_multiple_of(500) {
            tracing::info!(
                parties = written.events,
                of = spec.events,
                "history written so far"
            );
        }
        written.guests += plan.guests.len();
        written.orders += plan.orders.len();
        written.lines += plan.orders.iter().map(|o| o.2.len()).sum::<usize>();
    }
    Ok(written)
}

async fn insert_hosts(
    tx: &mut Tx,
    brand_id: i64,
    spec: &Spec,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut host_ids = Vec::with_capacity(spec.hosts.len());
    for (i, (name, email)) in spec.hosts.iter().enumerate() {
        let joined = now - Duration::days(spec.days + 30 - (i as i64 * 7) % (spec.days + 30));
        let id: i64 = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at, city, joined_via)
             VALUES ($1, $2, $3, 'host', $4, $5, $6, 'application') RETURNING id",
        )
        .bind(brand_id)
        .bind(email)
        .bind(name)
        .bind(&spec.password_hash)
        .bind(joined)
        .bind(["Paris", "Lyon", "Nantes", "Lille", "Bordeaux"][i % 5])
        .fetch_one(&mut *c)
        .await?
        });
        host_ids.push(id);
    }
    Ok(host_ids)
}

/// Draws party `n`: its host, start (at least a day ago, so every party
/// has been held), guests with their answers, orders and whether a guest
/// asked to host. The draws come in a fixed order: the same seed, the same
/// history.
fn plan_party(
    rng: &mut StdRng,
    spec: &Spec,
    n: usize,
    host_ids: &[i64],
    item_count: usize,
    words: &'static Words,
    now: DateTime<Utc>,
) -> PartyPlan {
    let host = host_ids[rng.gen_range(0..host_ids.len())];
    let starts = now
        - Duration::days(rng.gen_range(1..=spec.days.max(1)))
        - Duration::hours(rng.gen_range(0..12));
    let guests: Vec<(String, String, &'static str)> = (0..spec.guests_per_event)
        .map(|g| {
            let name = format!(
                "{} {}",
                FIRST[rng.gen_range(0..FIRST.len())],
                LAST[rng.gen_range(0..LAST.len())]
            );
            let rsvp = match rng.gen_range(0..100) {
                0..=49 => "yes",
                50..=64 => "maybe",
                65..=79 => "no",
                _ => "pending",
            };
            (name, format!("guest{n}-{g}@history.example"), rsvp)
        })
        .collect();
    // Orders: some from invited guests, the rest through the share link.
    let orders: Vec<OrderPlan> = (0..spec.orders_per_event)
        .map(|o| {
            let from_guest = (o < guests.len() && rng.gen_bool(0.6)).then_some(o);
            let status = match rng.gen_range(0..100) {
                0..=4 => OrderStatus::Cancelled,
                5..=8 => OrderStatus::Refunded,
                9..=11 => OrderStatus::Placed,
                12..=40 => OrderStatus::Paid,
                41..=70 => OrderStatus::Shipped,
                _ => OrderStatus::Delivered,
            };
            let lines = (0..rng.gen_range(1..=3))
                .map(|_| (rng.gen_range(0..item_count), rng.gen_range(1..=2)))
                .collect();
            (from_guest, status, lines)
        })
        .collect();
    PartyPlan {
        host,
        starts,
        title: words.titles[n % words.titles.len()],
        words,
        guests,
        orders,
        booking: rng.gen_range(0..10) == 0,
    }
}

/// Writes one planned party with its guests, orders, reward and booking.
async fn write_party(
    tx: &mut Tx,
    brand_id: i64,
    spec: &Spec,
    n: usize,
    plan: &PartyPlan,
    items: &[Item],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let (starts, host) = (plan.starts, plan.host);
    let close = starts + Duration::days(5);
    let event: i64 = on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO events (brand_id, host_id, title, description, starts_at, ends_at, time_zone, kind, address,
           capacity, orders_close_at, created_at, updated_at, share_slug, closed_at, closed_by)
         VALUES ($1, $2, $3, '', $4, $5, 'Europe/Paris', 'in_person', $10, 30, $6, $7, $7, $8, $9, 'deadline')
         RETURNING id",
    )
    .bind(brand_id)
    .bind(host)
    .bind(plan.title)
    .bind(starts)
    .bind(starts + Duration::hours(3))
    .bind(close)
    .bind(starts - Duration::days(14))
    .bind(format!("h{}-{n}", spec.seed))
    .bind((close < now).then_some(close))
    .bind(plan.words.address)
    .fetch_one(&mut *c)
    .await?
    });
    let guest_ids = insert_guests(tx, event, plan).await?;
    let mut revenue = 0i64;
    for (o, order) in plan.orders.iter().enumerate() {
        revenue += insert_order(
            tx, brand_id, event, spec, n, o, order, plan, &guest_ids, items,
        )
        .await?;
    }
    on_tx!(tx, |c| {
        if revenue >= 15_000 && close < now {
            sqlx::query(
                "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, sales_cents, created_at)
                 VALUES ($1, $2, 'event_reward', $3, $4, 1, $5, $6)",
            )
            .bind(brand_id)
            .bind(host)
            .bind(event)
            .bind(revenue / 10)
            .bind(revenue)
            .bind(close)
            .execute(&mut *c)
            .await?;
        }
        if let Some((name, email, _)) = plan.guests.first().filter(|_| plan.booking) {
            sqlx::query(
                "INSERT INTO booking_requests (brand_id, from_event_id, name, email, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(brand_id)
            .bind(event)
            .bind(name)
            .bind(email)
            .bind(starts + Duration::hours(2))
            .execute(&mut *c)
            .await?;
        }
    });
    Ok(())
}

async fn insert_guests(tx: &mut Tx, event: i64, plan: &PartyPlan) -> Result<Vec<i64>, sqlx::Error> {
    let mut guest_ids = Vec::with_capacity(plan.guests.len());
    for (name, email, rsvp) in &plan.guests {
        let id: i64 = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO guests (event_id, name, email, rsvp, created_at, answered_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(event)
        .bind(name)
        .bind(email)
        .bind(*rsvp)
        .bind(plan.starts - Duration::days(10))
        .bind((*rsvp != "pending").then_some(plan.starts - Duration::days(5)))
        .fetch_one(&mut *c)
        .await?
        });
        guest_ids.push(id);
    }
    Ok(guest_ids)
}

/// Writes order `o` of party `n` with its lines; returns what it counts
/// toward the host's sales (its merchandise if it is a sale, else 0).
#[allow(clippy::too_many_arguments)]
async fn insert_order(
    tx: &mut Tx,
    brand_id: i64,
    event: i64,
    spec: &Spec,
    n: usize,
    o: usize,
    (from_guest, status, lines): &OrderPlan,
    plan: &PartyPlan,
    guest_ids: &[i64],
    items: &[Item],
) -> Result<i64, sqlx::Error> {
    let (guest_id, name, email) = match from_guest {
        Some(g) => (
            Some(guest_ids[*g]),
            plan.guests[*g].0.clone(),
            plan.guests[*g].1.clone(),
        ),
        None => (
            None,
            plan.words.visitor.to_owned(),
            format!("visitor{n}-{o}@history.example"),
        ),
    };
    let merchandise: i64 = lines.iter().map(|(i, q)| items[*i].3 * q).sum();
    on_tx!(tx, |c| {
        let order: i64 = sqlx::query_scalar(
            "INSERT INTO orders (brand_id, event_id, guest_id, host_id, customer_name, customer_email, status,
               merchandise_cents, shipping_cents, total_cents, placed_at, updated_at, tracking_code)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $8, $9, $9, $10) RETURNING id",
        )
        .bind(brand_id)
        .bind(event)
        .bind(guest_id)
        .bind(plan.host)
        .bind(&name)
        .bind(&email)
        .bind(status.as_db())
        .bind(merchandise)
        .bind(plan.starts + Duration::minutes(30 + o as i64))
        .bind(format!("h{}-{n}-{o}", spec.seed))
        .fetch_one(&mut *c)
        .await?;
        for (i, q) in lines {
            let (item, sku, item_name, price) = &items[*i];
            sqlx::query(
                "INSERT INTO order_lines (order_id, item_id, sku, name, unit_price_cents, vat_rate_bp, quantity, line_cents)
                 VALUES ($1, $2, $3, $4, $5, 2000, $6, $7)",
            )
            .bind(order)
            .bind(item)
            .bind(sku)
            .bind(item_name)
            .bind(price)
            .bind(q)
            .bind(price * q)
            .execute(&mut *c)
            .await?;
        }
    });
    Ok(if status.counts_as_sale() {
        merchandise
    } else {
        0
    })
}

/// `count` host names and emails under `domain`, distinct and stable.
pub fn host_names(count: usize, prefix: &str, domain: &str) -> Vec<(String, String)> {
    (0..count)
        .map(|i| {
            let name = format!(
                "{} {}",
                FIRST[i % FIRST.len()],
                LAST[(i / FIRST.len()) % LAST.len()]
            );
            let email = format!("{prefix}{i}@{domain}");
            (name, email)
        })
        .collect()
}
