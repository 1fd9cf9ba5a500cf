//! The brand dashboard against a large history (`soiree seed-load`): the
//! page as the brand admin gets it from a running release server, and the
//! leaderboard's query (figures per party, grouped per host) run in
//! process; p50 and p99 over 50 requests each, one after another.
//!
//! Driven by `scripts/bench-dashboard.sh`; see docs/BENCHMARKS.md.

use std::time::{Duration, Instant};

use app::{
    base::db::Db,
    insights::{
        domain::{leaderboard, PeriodQuery, SortBy},
        period::Period,
        ssr::{event_figures, scope},
    },
};
use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[arg(long)]
    base: String,
    #[arg(long)]
    database_url: String,
    #[arg(long, default_value_t = 50)]
    requests: usize,
    /// The dashboard's period: month or quarter.
    #[arg(long, default_value = "quarter")]
    period: String,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(what: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{what}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms over {} requests",
        percentile(&ms, 0.5),
        percentile(&ms, 0.99),
        ms.last().copied().unwrap_or(0.0),
        ms.len()
    );
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(30))
        .build()?;
    let login = client
        .post(format!("{}/api/login", cli.base))
        .header("Origin", &cli.base)
        .form(&[
            ("email", "admin@atelier-lumen.example"),
            ("password", "lumen-admin-2026"),
        ])
        .send()
        .await?;
    anyhow::ensure!(
        login.status().is_success() || login.status().is_redirection(),
        "sign-in failed: {}",
        login.status()
    );
    let url = format!("{}/brand?period={}", cli.base, cli.period);
    // One warm-up request, then the measured ones.
    let first = client.get(&url).send().await?;
    anyhow::ensure!(first.status().is_success(), "dashboard: {}", first.status());
    let html = first.text().await?;
    anyhow::ensure!(
        html.contains("data-testid=\"leaderboard\""),
        "no leaderboard on the page"
    );
    let mut page_ms = Vec::with_capacity(cli.requests);
    for _ in 0..cli.requests {
        let t = Instant::now();
        let res = client.get(&url).send().await?;
        anyhow::ensure!(res.status().is_success(), "dashboard: {}", res.status());
        let _ = res.bytes().await?;
        page_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }

    let db = Db::connect(&cli.database_url).await?;
    let now = chrono::Utc::now();
    let tz = app::base::brand::ssr::zone(&db, 1)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let q = PeriodQuery {
        period: cli.period.clone(),
        ..PeriodQuery::default()
    };
    let period = Period::resolve(
        &q,
        now.with_timezone(&tz).date_naive(),
        tz,
        app::base::l10n::Lang::En,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let (this, _) = scope(1, &period, now, None);
    let mut query_ms = Vec::with_capacity(cli.requests);
    let (mut parties, mut hosts) = (0, 0);
    for _ in 0..cli.requests {
        let t = Instant::now();
        let figures = event_figures(&db, this)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let board = leaderboard(&figures, SortBy::Conversion);
        query_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        (parties, hosts) = (figures.len(), board.len());
    }
    println!(
        "{:?}, period {} ({}): {} parties held, {} hosts on the leaderboard, page {} bytes",
        db.engine(),
        cli.period,
        period.label(app::base::l10n::Lang::En),
        parties,
        hosts,
        html.len()
    );
    report("dashboard page", page_ms);
    report("leaderboard query", query_ms);
    Ok(())
}
