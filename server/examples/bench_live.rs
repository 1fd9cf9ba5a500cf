//! Live pages against a running release server: opens N streams of one
//! party's figures (as N guests' phones would), reads the server's memory
//! with them open, then places an order through the guest's link and
//! measures how long each open stream takes to show it.
//!
//! Driven by `scripts/bench-live.sh`; see docs/BENCHMARKS.md.

use std::time::{Duration, Instant};

use clap::Parser;
use futures::future::join_all;

#[derive(Parser)]
struct Cli {
    #[arg(long)]
    base: String,
    /// The guest's link token; its party is watched.
    #[arg(long)]
    token: String,
    /// An item the party features, for the order.
    #[arg(long)]
    item: i64,
    /// The server's process id, whose memory is read.
    #[arg(long)]
    pid: u32,
    #[arg(long, default_value_t = 1000)]
    connections: usize,
}

/// The server's resident memory in MB.
fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// One open stream: its response and what was read of it.
struct Stream {
    res: reqwest::Response,
    buffer: String,
}

impl Stream {
    /// Waits for a message whose `"orders"` is at least `orders`.
    async fn until_orders(&mut self, orders: i64) -> anyhow::Result<()> {
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let message: String = self.buffer.drain(..end + 2).collect();
                for data in message.lines().filter_map(|l| l.strip_prefix("data:")) {
                    let v: serde_json::Value = serde_json::from_str(data.trim())?;
                    if v["orders"].as_i64().unwrap_or(0) >= orders {
                        return Ok(());
                    }
                }
            }
            let chunk = self
                .res
                .chunk()
                .await?
                .ok_or_else(|| anyhow::anyhow!("the stream ended"))?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let before = rss_mb(cli.pid);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()?;
    let url = format!("{}/live/guest/{}", cli.base, cli.token);
    let started = Instant::now();
    let opened = join_all((0..cli.connections).map(|_| {
        let client = client.clone();
        let url = url.clone();
        async move {
            let res = client.get(&url).send().await?.error_for_status()?;
            let mut stream = Stream {
                res,
                buffer: String::new(),
            };
            stream.until_orders(0).await?;
            anyhow::Ok(stream)
        }
    }))
    .await;
    let mut streams = Vec::new();
    for s in opened {
        streams.push(s?);
    }
    let open_took = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let held = rss_mb(cli.pid);
    println!(
        "{} live streams open in {:.1} s; server memory {:.0} MB before, {:.0} MB with them open",
        streams.len(),
        open_took.as_secs_f64(),
        before,
        held
    );

    // The guest orders; each open page should show it.
    let guest = reqwest::Client::builder().cookie_store(true).build()?;
    guest
        .post(format!("{}/api/add_to_cart", cli.base))
        .header("Origin", &cli.base)
        .form(&[
            ("token", cli.token.clone()),
            ("slug", String::new()),
            ("item_id", cli.item.to_string()),
            ("quantity", "1".into()),
        ])
        .send()
        .await?
        .error_for_status()?;
    let placed = guest
        .post(format!("{}/api/place_order", cli.base))
        .header("Origin", &cli.base)
        .form(&[
            ("token", cli.token.clone()),
            ("slug", String::new()),
            ("form[name]", "Live guest".into()),
            ("form[email]", "live@bench.example".into()),
            ("form[delivery]", "host".into()),
            ("form[address]", String::new()),
            (
                "form[idempotency_key]",
                format!("bench-live-{}", std::process::id()),
            ),
            ("form[payment]", String::new()),
        ])
        .send()
        .await?;
    let t0 = Instant::now();
    placed.error_for_status()?;
    let mut seen: Vec<f64> = join_all(streams.iter_mut().map(|s| async move {
        tokio::time::timeout(Duration::from_secs(10), s.until_orders(1))
            .await
            .map_err(|_| anyhow::anyhow!("no update within 10 s"))??;
        anyhow::Ok(t0.elapsed().as_secs_f64() * 1000.0)
    }))
    .await
    .into_iter()
    .collect::<anyhow::Result<_>>()?;
    seen.sort_by(f64::total_cmp);
    let at = |q: f64| seen[((seen.len() - 1) as f64 * q).round() as usize];
    println!(
        "the order showed on all {} open pages: p50 {:.0} ms, p99 {:.0} ms, last {:.0} ms after the checkout answered",
        seen.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
    Ok(())
}
