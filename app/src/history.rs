//! Past parties for a brand: hosts, held parties with guests and their
//! answers, paid (and some cancelled or refunded) orders with their lines,
//! rewards and booking requests. The demo loads a small history so the
//! dashboard has something to show; `soiree seed-load` loads a large one to
//! measure the dashboard against. Deterministic: the same seed writes the
//! same data.

use chrono::{DateTime, Duration, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};

use crate::{
    base::{db::Db, error::AppError},
    on_db,
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
type OrderPlan = (Option<usize>, &'static str, Vec<(usize, i64)>);

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
const TITLES: [&str; 8] = [
    "Candle evening",
    "Linen and wine",
    "Autumn scents",
    "Cosy Sunday",
    "Home fragrance brunch",
    "Gift ideas night",
    "New collection preview",
    "Friends' apéro",
];

/// Writes `spec` for `brand_id`, in batches of one transaction per party.
pub async fn write(
    db: &Db,
    brand_id: i64,
    spec: &Spec,
    now: DateTime<Utc>,
) -> Result<Written, AppError> {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let items: Vec<(i64, String, String, i64)> = on_db!(db.reader(), |pool| {
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
    let mut written = Written::default();
    let mut host_ids = Vec::with_capacity(spec.hosts.len());
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        for (i, (name, email)) in spec.hosts.iter().enumerate() {
            let joined = now - Duration::days(spec.days + 30 - (i as i64 * 7) % (spec.days + 30));
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at, city, joined_via)
                 VALUES ($1, $2, $3, 'host', $4, $5, $6, 'application') RETURNING id",
            )
            .bind(brand_id)
            .bind(email)
            .bind(name)
            .bind(&spec.password_hash)
            .bind(joined)
            .bind(["Paris", "Lyon", "Nantes", "Lille", "Bordeaux"][i % 5])
            .fetch_one(&mut *tx)
            .await?;
            host_ids.push(id);
        }
        tx.commit().await?;
    });
    written.hosts = host_ids.len();
    if host_ids.is_empty() {
        return Ok(written);
    }
    for n in 0..spec.events {
        let host = host_ids[rng.gen_range(0..host_ids.len())];
        // At least a day ago, so every party has been held.
        let starts = now
            - Duration::days(rng.gen_range(1..=spec.days.max(1)))
            - Duration::hours(rng.gen_range(0..12));
        let title = TITLES[n % TITLES.len()];
        let guests: Vec<(String, String, &str)> = (0..spec.guests_per_event)
            .map(|g| {
                let name = format!(
                    "{} {}",
                    FIRST[rng.gen_range(0..FIRST.len())],
                    LAST[rng.gen_range(0..LAST.len())]
                );
                let email = format!("guest{n}-{g}@history.example");
                let rsvp = match rng.gen_range(0..100) {
                    0..=49 => "yes",
                    50..=64 => "maybe",
                    65..=79 => "no",
                    _ => "pending",
                };
                (name, email, rsvp)
            })
            .collect();
        // Orders: some from invited guests, the rest through the share link.
        let orders: Vec<OrderPlan> = (0..spec.orders_per_event)
            .map(|o| {
                let from_guest = (o < guests.len() && rng.gen_bool(0.6)).then_some(o);
                let status = match rng.gen_range(0..100) {
                    0..=4 => "cancelled",
                    5..=8 => "refunded",
                    9..=11 => "placed",
                    12..=40 => "paid",
                    41..=70 => "shipped",
                    _ => "delivered",
                };
                let lines = (0..rng.gen_range(1..=3))
                    .map(|_| (rng.gen_range(0..items.len()), rng.gen_range(1..=2)))
                    .collect();
                (from_guest, status, lines)
            })
            .collect();
        let booking = rng.gen_range(0..10) == 0;
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            let event: i64 = sqlx::query_scalar(
                "INSERT INTO events (brand_id, host_id, title, description, starts_at, ends_at, time_zone, kind, address,
                   capacity, orders_close_at, created_at, updated_at, share_slug, closed_at, closed_by)
                 VALUES ($1, $2, $3, '', $4, $5, 'Europe/Paris', 'in_person', 'At the host''s home', 30, $6, $7, $7, $8, $9, 'deadline')
                 RETURNING id",
            )
            .bind(brand_id)
            .bind(host)
            .bind(title)
            .bind(starts)
            .bind(starts + Duration::hours(3))
            .bind(starts + Duration::days(5))
            .bind(starts - Duration::days(14))
            .bind(format!("h{}-{n}", spec.seed))
            .bind((starts + Duration::days(5) < now).then_some(starts + Duration::days(5)))
            .fetch_one(&mut *tx)
            .await?;
            let mut guest_ids = Vec::with_capacity(guests.len());
            for (name, email, rsvp) in &guests {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO guests (event_id, name, email, rsvp, created_at, answered_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(event)
                .bind(name)
                .bind(email)
                .bind(*rsvp)
                .bind(starts - Duration::days(10))
                .bind((*rsvp != "pending").then_some(starts - Duration::days(5)))
                .fetch_one(&mut *tx)
                .await?;
                guest_ids.push(id);
            }
            let mut revenue = 0i64;
            for (o, (from_guest, status, lines)) in orders.iter().enumerate() {
                let (guest_id, name, email) = match from_guest {
                    Some(g) => (
                        Some(guest_ids[*g]),
                        guests[*g].0.clone(),
                        guests[*g].1.clone(),
                    ),
                    None => (
                        None,
                        "Visitor".to_owned(),
                        format!("visitor{n}-{o}@history.example"),
                    ),
                };
                let merchandise: i64 = lines.iter().map(|(i, q)| items[*i].3 * q).sum();
                if ["paid", "shipped", "delivered"].contains(status) {
                    revenue += merchandise;
                }
                let order: i64 = sqlx::query_scalar(
                    "INSERT INTO orders (brand_id, event_id, guest_id, host_id, customer_name, customer_email, status,
                       merchandise_cents, shipping_cents, total_cents, placed_at, updated_at, tracking_code)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $8, $9, $9, $10) RETURNING id",
                )
                .bind(brand_id)
                .bind(event)
                .bind(guest_id)
                .bind(host)
                .bind(&name)
                .bind(&email)
                .bind(*status)
                .bind(merchandise)
                .bind(starts + Duration::minutes(30 + o as i64))
                .bind(format!("h{}-{n}-{o}", spec.seed))
                .fetch_one(&mut *tx)
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
                    .execute(&mut *tx)
                    .await?;
                }
            }
            if revenue >= 15_000 && starts + Duration::days(5) < now {
                sqlx::query(
                    "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, sales_cents, created_at)
                     VALUES ($1, $2, 'event_reward', $3, $4, 1, $5, $6)",
                )
                .bind(brand_id)
                .bind(host)
                .bind(event)
                .bind(revenue / 10)
                .bind(revenue)
                .bind(starts + Duration::days(5))
                .execute(&mut *tx)
                .await?;
            }
            if booking {
                if let Some((name, email, _)) = guests.first() {
                    sqlx::query(
                        "INSERT INTO booking_requests (brand_id, from_event_id, name, email, created_at) VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(brand_id)
                    .bind(event)
                    .bind(name)
                    .bind(email)
                    .bind(starts + Duration::hours(2))
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
        });
        written.events += 1;
        if written.events % 500 == 0 {
            tracing::info!(
                parties = written.events,
                of = spec.events,
                "history written so far"
            );
        }
        written.guests += guests.len();
        written.orders += orders.len();
        written.lines += orders.iter().map(|o| o.2.len()).sum::<usize>();
    }
    Ok(written)
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
