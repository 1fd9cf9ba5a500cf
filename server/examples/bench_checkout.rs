//! Checkout load and crash checks against a running release server.
//!
//! `load`: N concurrent clients, each a share-link visitor with its own
//! cookie, add one unit of a featured item to the cart and check out, again
//! and again; prints orders per second, latency percentiles and the errors
//! by kind, and appends each tracking code that got a success to a file.
//!
//! `verify`: after a crash, checks in the database that every order that got
//! a success answer is there with its lines, its first status, its
//! confirmation mail and its webhook row, and that each item's stock plus
//! what the load sold (the lines of the benchmark party's orders, not the
//! demo history's) equals the stock before the load.
//!
//! With `--pay`, each order is a card order paid as a guest pays it: the
//! checkout (which opens the payment at Stripe), a card token from Stripe's
//! API (what Stripe.js does in the page), and `pay_by_card`; `paid` then
//! counts the orders paid and the Stripe webhooks the server handled.
//!
//! Driven by `scripts/bench-checkout.sh`; see docs/BENCHMARKS.md.

use std::{
    collections::HashMap,
    io::Write,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use app::{base::db::Db, on_db};
use clap::{Parser, Subcommand};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the checkout load.
    Load {
        #[arg(long)]
        base: String,
        #[arg(long)]
        slug: String,
        /// Item ids to buy, comma-separated.
        #[arg(long)]
        items: String,
        #[arg(long, default_value_t = 50)]
        clients: usize,
        /// Stop after this many seconds.
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        /// Where to append the tracking codes of successful orders.
        #[arg(long)]
        codes: String,
        /// Pay each order by card through this Stripe (localstripe) base.
        #[arg(long)]
        pay: Option<String>,
        /// The brand's publishable key, for the card tokens.
        #[arg(long, default_value = "pk_test_bench")]
        publishable: String,
    },
    /// Counts the benchmark party's orders paid and the Stripe events handled.
    Paid {
        #[arg(long)]
        database_url: String,
        #[arg(long)]
        event: i64,
    },
    /// Writes the stock of the items (id stock per line) before a load.
    Snapshot {
        #[arg(long)]
        database_url: String,
        #[arg(long)]
        items: String,
        #[arg(long)]
        out: String,
        /// Sets this stock on each item first (so the load measures orders,
        /// not sold-out answers).
        #[arg(long)]
        set_stock: Option<i64>,
    },
    /// Checks that nothing answered with success was lost.
    Verify {
        #[arg(long)]
        database_url: String,
        /// The benchmark's party: only its orders are the load's (the demo
        /// history holds hundreds of others).
        #[arg(long)]
        event: i64,
        #[arg(long)]
        codes: String,
        #[arg(long)]
        stock: String,
    },
}

#[derive(Default)]
struct Tally {
    latencies_ms: Vec<f64>,
    /// The checkout request alone (with `--pay`, it opens the payment).
    checkout_ms: Vec<f64>,
    errors: HashMap<String, u64>,
}

/// The `p` quantile of sorted `values`.
fn quantile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values[((values.len() as f64 - 1.0) * p).round() as usize]
    }
}

/// Where a load pays, when it does.
#[derive(Clone)]
struct Paying {
    stripe: String,
    publishable: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Load {
            base,
            slug,
            items,
            clients,
            seconds,
            codes,
            pay,
            publishable,
        } => {
            let paying = pay.map(|stripe| Paying {
                stripe,
                publishable,
            });
            load(base, slug, items, clients, seconds, codes, paying).await
        }
        Command::Paid {
            database_url,
            event,
        } => paid(&database_url, event).await,
        Command::Snapshot {
            database_url,
            items,
            out,
            set_stock,
        } => snapshot(&database_url, &items, &out, set_stock).await,
        Command::Verify {
            database_url,
            event,
            codes,
            stock,
        } => verify(&database_url, event, &codes, &stock).await,
    }
}

fn ids(items: &str) -> Vec<i64> {
    items
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

async fn load(
    base: String,
    slug: String,
    items: String,
    clients: usize,
    seconds: u64,
    codes: String,
    paying: Option<Paying>,
) -> anyhow::Result<()> {
    let items = Arc::new(ids(&items));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let codes = Arc::new(Mutex::new(
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&codes)?,
    ));
    let counter = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (base, slug, items, tally, codes, counter, paying) = (
            base.clone(),
            slug.clone(),
            items.clone(),
            tally.clone(),
            codes.clone(),
            counter.clone(),
            paying.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .timeout(Duration::from_secs(30))
                .build()
                .expect("client");
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let item = items[(n as usize * 7 + c) % items.len()];
                let t0 = Instant::now();
                let order = Order {
                    slug: &slug,
                    item,
                    c,
                    n,
                    card: paying.is_some(),
                };
                let outcome = one_order(&client, &base, &order).await;
                let outcome = match (outcome, &paying) {
                    (Ok((code, checkout)), Some(p)) => pay(&client, &base, p, &code)
                        .await
                        .map(|()| (code, checkout)),
                    (outcome, _) => outcome,
                };
                let ms = t0.elapsed().as_secs_f64() * 1000.0;
                let mut t = tally.lock().unwrap();
                match outcome {
                    Ok((code, checkout)) => {
                        t.latencies_ms.push(ms);
                        t.checkout_ms.push(checkout);
                        writeln!(codes.lock().unwrap(), "{code}").ok();
                    }
                    Err(kind) => {
                        *t.errors.entry(kind.clone()).or_default() += 1;
                        if kind == "connection" {
                            // The server is gone (the crash test): stop.
                            break;
                        }
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut t = tally.lock().unwrap();
    t.latencies_ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    t.checkout_ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mut errors: Vec<_> = t.errors.iter().collect();
    errors.sort();
    let what = if paying.is_some() {
        "add-to-cart + checkout + card token + payment"
    } else {
        "add-to-cart + checkout"
    };
    println!(
        "orders {} in {elapsed:.1} s: {:.0} orders/s, {clients} clients; latency of {what} p50 {:.0} ms, p99 {:.0} ms; checkout alone p50 {:.0} ms, p99 {:.0} ms; errors {:?}",
        t.latencies_ms.len(),
        t.latencies_ms.len() as f64 / elapsed,
        quantile(&t.latencies_ms, 0.5),
        quantile(&t.latencies_ms, 0.99),
        quantile(&t.checkout_ms, 0.5),
        quantile(&t.checkout_ms, 0.99),
        errors,
    );
    Ok(())
}

/// One order of a load: which item, by which client, paid how.
struct Order<'a> {
    slug: &'a str,
    item: i64,
    c: usize,
    n: u64,
    card: bool,
}

fn kind(e: reqwest::Error) -> String {
    if e.is_connect() || e.is_request() {
        "connection".to_owned()
    } else {
        format!("transport: {e}")
    }
}

/// Pays order `code` by card as the page does: a token from Stripe, then
/// `pay_by_card`.
async fn pay(client: &reqwest::Client, base: &str, p: &Paying, code: &str) -> Result<(), String> {
    let token: serde_json::Value = client
        .post(format!("{}/v1/tokens", p.stripe))
        .form(&[
            ("card[number]", "4242424242424242"),
            ("card[exp_month]", "12"),
            ("card[exp_year]", "2034"),
            ("card[cvc]", "123"),
            ("key", p.publishable.as_str()),
        ])
        .send()
        .await
        .map_err(kind)?
        .json()
        .await
        .map_err(kind)?;
    let token = token["id"].as_str().ok_or("no card token")?.to_owned();
    let res = client
        .post(format!("{base}/api/pay_by_card"))
        .header("Origin", base)
        .form(&[("code", code.to_owned()), ("token", token)])
        .send()
        .await
        .map_err(kind)?;
    let body = res.text().await.map_err(kind)?;
    if body.trim() == "\"Paid\"" {
        Ok(())
    } else {
        Err(format!(
            "payment: {}",
            body.chars().take(120).collect::<String>()
        ))
    }
}

/// One visitor order: add to cart, check out. The tracking code and the
/// checkout's own time; the error is its kind.
async fn one_order(
    client: &reqwest::Client,
    base: &str,
    order: &Order<'_>,
) -> Result<(String, f64), String> {
    let Order {
        slug,
        item,
        c,
        n,
        card,
    } = *order;
    let res = client
        .post(format!("{base}/api/add_to_cart"))
        .header("Origin", base)
        .form(&[
            ("token", String::new()),
            ("slug", slug.to_owned()),
            ("item_id", item.to_string()),
            ("quantity", "1".into()),
        ])
        .send()
        .await
        .map_err(kind)?;
    if !res.status().is_success() {
        let body = res.text().await.unwrap_or_default();
        return Err(classify(&body));
    }
    let t0 = Instant::now();
    let res = client
        .post(format!("{base}/api/place_order"))
        .header("Origin", base)
        .form(&[
            ("token", String::new()),
            ("slug", slug.to_owned()),
            ("form[name]", format!("Load guest {c}")),
            ("form[email]", format!("load{c}@bench.example")),
            ("form[delivery]", "host".into()),
            ("form[address]", String::new()),
            (
                "form[idempotency_key]",
                format!("bench-key-{}-{c}-{n}", std::process::id()),
            ),
            ("form[payment]", if card { "card" } else { "" }.into()),
        ])
        .send()
        .await
        .map_err(kind)?;
    let status = res.status();
    let body = res.text().await.map_err(kind)?;
    let checkout = t0.elapsed().as_secs_f64() * 1000.0;
    if status.is_success() {
        serde_json::from_str::<String>(&body)
            .map(|code| (code, checkout))
            .map_err(|_| format!("bad answer: {body}"))
    } else {
        Err(classify(&body))
    }
}

fn classify(body: &str) -> String {
    if body.contains("sold out") || body.contains(" left: ") || body.contains("in stock") {
        "out of stock".into()
    } else {
        format!("other: {}", body.chars().take(120).collect::<String>())
    }
}

async fn snapshot(url: &str, items: &str, out: &str, set: Option<i64>) -> anyhow::Result<()> {
    let db = Db::connect(url).await?;
    let mut text = String::new();
    for id in ids(items) {
        if let Some(stock) = set {
            on_db!(db.writer(), |pool| sqlx::query(
                "UPDATE items SET stock = $1 WHERE id = $2"
            )
            .bind(stock)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        }
        let stock: i64 = on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT stock FROM items WHERE id = $1"
        )
        .bind(id)
        .fetch_one(pool)
        .await)?;
        text.push_str(&format!("{id} {stock}\n"));
    }
    std::fs::write(out, text)?;
    db.close().await;
    Ok(())
}

async fn verify(url: &str, event: i64, codes: &str, stock: &str) -> anyhow::Result<()> {
    let db = Db::connect(url).await?;
    let codes: Vec<String> = std::fs::read_to_string(codes)?
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    // Everything in a few scans, not a query per order.
    type OrderRow = (String, i64, String, chrono::DateTime<chrono::Utc>);
    type Counts = Vec<(i64, i64)>;
    type Mails = Vec<(String, chrono::DateTime<chrono::Utc>)>;
    let (orders, lines, statuses, hooks, mails): (Vec<OrderRow>, Counts, Counts, Counts, Mails) = on_db!(
        db.reader(),
        |pool| {
            (
            sqlx::query_as("SELECT tracking_code, id, customer_email, placed_at FROM orders WHERE event_id = $1")
                .bind(event)
                .fetch_all(pool)
                .await?,
            sqlx::query_as("SELECT order_id, COUNT(*) FROM order_lines GROUP BY order_id")
                .fetch_all(pool)
                .await?,
            sqlx::query_as("SELECT order_id, COUNT(*) FROM order_status_changes GROUP BY order_id")
                .fetch_all(pool)
                .await?,
            sqlx::query_as(
                "SELECT order_id, COUNT(*) FROM webhook_deliveries WHERE order_id IS NOT NULL GROUP BY order_id",
            )
            .fetch_all(pool)
            .await?,
            sqlx::query_as("SELECT recipient, created_at FROM outbox")
                .fetch_all(pool)
                .await?,
        )
        }
    );
    let by_code: HashMap<&str, &OrderRow> = orders.iter().map(|o| (o.0.as_str(), o)).collect();
    let (lines, statuses, hooks): (HashMap<i64, i64>, HashMap<i64, i64>, HashMap<i64, i64>) = (
        lines.into_iter().collect(),
        statuses.into_iter().collect(),
        hooks.into_iter().collect(),
    );
    let mails: std::collections::HashSet<(String, chrono::DateTime<chrono::Utc>)> =
        mails.into_iter().collect();
    let mut missing = 0;
    for code in &codes {
        let Some((_, id, email, placed)) = by_code.get(code.as_str()).copied() else {
            missing += 1;
            eprintln!("order {code}: not in the database");
            continue;
        };
        let (l, st, h) = (
            lines.get(id).copied().unwrap_or(0),
            statuses.get(id).copied().unwrap_or(0),
            hooks.get(id).copied().unwrap_or(0),
        );
        let mail = mails.contains(&(email.clone(), *placed));
        if l < 1 || st != 1 || h != 1 || !mail {
            missing += 1;
            eprintln!("order {code}: lines {l}, statuses {st}, webhooks {h}, mail {mail}");
        }
    }
    let mut stock_errors = 0;
    for line in std::fs::read_to_string(stock)?.lines() {
        let mut parts = line.split_whitespace();
        let (Some(id), Some(before)) = (parts.next(), parts.next()) else {
            continue;
        };
        let (id, before): (i64, i64) = (id.parse()?, before.parse()?);
        // What the load sold: the lines of the benchmark party's orders.
        let (now, sold): (i64, i64) = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT (SELECT stock FROM items WHERE id = $1),
                        CAST(COALESCE((SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
                                       WHERE l.item_id = $1 AND o.event_id = $2), 0) AS BIGINT)",
            )
            .bind(id)
            .bind(event)
            .fetch_one(pool)
            .await
        })?;
        if now + sold != before || now < 0 {
            stock_errors += 1;
            eprintln!("item {id}: stock {now} + sold {sold} != {before} before");
        }
    }
    let orders = by_code.len();
    println!(
        "verified {} acknowledged orders ({orders} in the database): {missing} missing or incomplete, {stock_errors} stock mismatches",
        codes.len()
    );
    db.close().await;
    if missing > 0 || stock_errors > 0 {
        anyhow::bail!("lost data");
    }
    Ok(())
}

async fn paid(url: &str, event: i64) -> anyhow::Result<()> {
    let db = Db::connect(url).await?;
    let (orders, paid, handled): (i64, i64, i64) = on_db!(db.reader(), |pool| {
        sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN status = 'paid' THEN 1 ELSE 0 END), 0) AS BIGINT),
                (SELECT COUNT(DISTINCT p.order_id) FROM payment_events p JOIN orders o ON o.id = p.order_id WHERE o.event_id = $1)
         FROM orders WHERE event_id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await
    })?;
    println!("{orders} orders, {paid} paid, {handled} with their Stripe webhook handled");
    db.close().await;
    Ok(())
}
