//! Background workers that run inside every `soiree serve` process. Each one
//! is safe to run on several instances at once.

use std::time::Duration;

use app::base::{network::Outbound, presence::Visit};
use app::{
    base::{db::Db, mail as outbox},
    on_db,
};
use chrono::Utc;
use tokio::sync::{mpsc, watch};

use crate::mailer::Mailer;

const BATCH: i64 = 50;
const SEND_CONCURRENCY: usize = 8;

/// Works a leased queue (see `app::base::queue`): every `poll`, one pass
/// claims due rows and handles them; a full batch is followed at once by
/// the next pass. Used twice: the mail outbox and the webhook deliveries.
fn spawn_queue<F, Fut>(
    name: &'static str,
    poll: Duration,
    mut stop: watch::Receiver<bool>,
    mut pass: F,
) -> tokio::task::JoinHandle<()>
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = anyhow::Result<usize>> + Send,
{
    tokio::spawn(async move {
        loop {
            match pass().await {
                // A full batch: there may be more waiting, go again at once.
                Ok(n) if n >= BATCH as usize => continue,
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!(queue = name, error = ?err, "queue pass failed; will retry")
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// Handles claimed rows several at a time; every outcome is recorded.
async fn work<T, F, Fut>(claimed: Vec<T>, handle: F) -> anyhow::Result<usize>
where
    F: Fn(T) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    use futures::StreamExt;
    let n = claimed.len();
    let results: Vec<anyhow::Result<()>> = futures::stream::iter(claimed)
        .map(handle)
        .buffer_unordered(SEND_CONCURRENCY)
        .collect()
        .await;
    results.into_iter().collect::<anyhow::Result<()>>()?;
    Ok(n)
}

/// Sends due mail from the outbox every `poll`; a failed send is retried
/// with backoff from `retry_base`, and given up after a day.
pub fn spawn_outbox(
    db: Db,
    mailer: Mailer,
    poll: Duration,
    retry_base: Duration,
    stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    spawn_queue("outbox", poll, stop, move || {
        let (db, mailer) = (db.clone(), mailer.clone());
        async move { deliver_due(&db, &mailer, retry_base).await }
    })
}

/// Sends one claimed mail and records the outcome.
async fn deliver_one(
    db: &Db,
    mailer: &Mailer,
    mail: &outbox::ClaimedMail,
    base: chrono::Duration,
) -> anyhow::Result<()> {
    match mailer
        .send(
            &mail.sender,
            &mail.recipient,
            &mail.message_id,
            mail.message.as_bytes(),
        )
        .await
    {
        Ok(()) => {
            outbox::mark_sent(db, mail.id, Utc::now())
                .await
                .map_err(|e| anyhow::anyhow!("marking mail {} sent: {e}", mail.id))?;
            tracing::debug!(mail_id = mail.id, attempts = mail.attempts, "mail sent");
        }
        Err(err) => {
            tracing::warn!(mail_id = mail.id, attempts = mail.attempts, error = %err, "mail not sent; will retry");
            outbox::mark_failed_attempt(db, mail, &format!("{err:#}"), base, Utc::now())
                .await
                .map_err(|e| anyhow::anyhow!("recording a failed send of mail {}: {e}", mail.id))?;
        }
    }
    Ok(())
}

/// One pass: claims due mail and sends it. Returns how many were claimed.
pub async fn deliver_due(db: &Db, mailer: &Mailer, retry_base: Duration) -> anyhow::Result<usize> {
    let claimed = outbox::claim_due(db, Utc::now(), BATCH)
        .await
        .map_err(|e| anyhow::anyhow!("claiming outbox rows: {e}"))?;
    let base = chrono::Duration::from_std(retry_base)?;
    work(claimed, |mail| async move {
        deliver_one(db, mailer, &mail, base).await
    })
    .await
}

/// Delivers due order events to the brands' back offices every `poll`,
/// with backoff from `retry_base`, given up after a day.
pub fn spawn_webhooks(
    db: Db,
    outbound: Outbound,
    poll: Duration,
    retry_base: Duration,
    stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    let client = WebhookClient::new(outbound);
    spawn_queue("webhooks", poll, stop, move || {
        let (db, client) = (db.clone(), client.clone());
        async move { deliver_due_webhooks(&db, &client, retry_base).await }
    })
}

/// The HTTP client for webhooks: short timeouts, no redirects, and only
/// public addresses (every name resolves through `Outbound`'s resolver;
/// an address written as an IP is checked before sending).
#[derive(Clone)]
pub struct WebhookClient {
    http: reqwest::Client,
    outbound: Outbound,
}

impl WebhookClient {
    pub fn new(outbound: Outbound) -> WebhookClient {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(outbound.resolver())
            .no_proxy()
            .user_agent("Soiree-Webhooks/1")
            .build()
            .expect("a plain HTTP client builds");
        WebhookClient { http, outbound }
    }
}

/// What is kept of a back office's answer: its first 1,000 bytes, read no
/// further (a huge or endless answer costs nothing), its headers never.
const ANSWER_KEPT: usize = 1000;

async fn read_capped(mut response: reqwest::Response) -> String {
    let mut kept = Vec::new();
    while kept.len() < ANSWER_KEPT {
        match response.chunk().await {
            Ok(Some(chunk)) => kept.extend_from_slice(&chunk),
            _ => break,
        }
    }
    kept.truncate(ANSWER_KEPT);
    String::from_utf8_lossy(&kept).into_owned()
}

/// One pass: claims due deliveries and sends them. Returns how many.
pub async fn deliver_due_webhooks(
    db: &Db,
    client: &WebhookClient,
    retry_base: Duration,
) -> anyhow::Result<usize> {
    use app::webhooks::ssr as hooks;
    let claimed = hooks::claim_due(db, Utc::now(), BATCH)
        .await
        .map_err(|e| anyhow::anyhow!("claiming webhook deliveries: {e}"))?;
    let base = chrono::Duration::from_std(retry_base)?;
    work(claimed, |hook| async move {
        let attempt = send_webhook(db, client, &hook).await;
        if let Some(err) = &attempt.error {
            tracing::warn!(delivery = hook.id, attempts = hook.attempts, error = %err, "webhook not delivered; will retry");
        }
        hooks::record(db, &hook, &attempt, base, Utc::now())
            .await
            .map_err(|e| anyhow::anyhow!("recording webhook delivery {}: {e}", hook.id))
    })
    .await
}

/// Sends one delivery, signed like the inbound payment webhook:
/// `Soiree-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
async fn send_webhook(
    db: &Db,
    client: &WebhookClient,
    hook: &app::webhooks::ssr::ClaimedHook,
) -> app::webhooks::ssr::Attempt {
    use app::webhooks::ssr::Attempt;
    let failed = |error: String| Attempt {
        status: None,
        body: String::new(),
        error: Some(error),
    };
    let (url, secret) = match app::webhooks::ssr::target(db, hook.brand_id).await {
        Ok(t) => t,
        Err(e) => return failed(format!("reading the brand's webhook settings: {e}")),
    };
    let Some(url) = url.filter(|u| !u.is_empty()) else {
        return failed(app::webhooks::ssr::NO_ADDRESS.into());
    };
    let Some(secret) = secret.filter(|s| !s.is_empty()) else {
        return failed(app::webhooks::ssr::NO_SECRET.into());
    };
    // A name is checked as it resolves; an address written as an IP here.
    let literal = url::Url::parse(&url).ok().and_then(|u| match u.host() {
        Some(url::Host::Ipv4(v4)) => Some(std::net::IpAddr::V4(v4)),
        Some(url::Host::Ipv6(v6)) => Some(std::net::IpAddr::V6(v6)),
        _ => None,
    });
    if let Some(ip) = literal.filter(|ip| !client.outbound.allows(*ip)) {
        return failed(format!("{ip} is not a public address: refused"));
    }
    let timestamp = Utc::now().timestamp();
    let signature =
        app::orders::payment::ssr::sign(secret.as_bytes(), timestamp, hook.payload.as_bytes());
    let sent = client
        .http
        .post(&url)
        .header("Content-Type", "application/json")
        .header("Soiree-Event", &hook.event_type)
        .header("Soiree-Delivery", &hook.event_key)
        .header("Soiree-Timestamp", timestamp.to_string())
        .header("Soiree-Signature", signature)
        .body(hook.payload.clone())
        .send()
        .await;
    match sent {
        Ok(response) => {
            let status = response.status().as_u16();
            let body = read_capped(response).await;
            Attempt {
                status: Some(status),
                error: (!(200..300).contains(&status)).then(|| {
                    format!(
                        "HTTP {status}: {}",
                        body.chars().take(200).collect::<String>()
                    )
                }),
                body,
            }
        }
        Err(err) => failed(sent_error(&err)),
    }
}

/// A failed send in a sentence, with its cause (a refused address reads
/// as such, not as reqwest's bare "error sending request").
fn sent_error(err: &reqwest::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Every `every`: warns hosts 2 days before their order deadline, closes
/// events at the deadline (rewards credited once), captures or releases
/// the pre-orders of decided campaigns, credits booking
/// bonuses once booked events are held, cancels card orders left unpaid
/// for 30 minutes, and cancels the unpaid orders of a cancelled party that
/// a crash left placed.
pub fn spawn_closings(
    db: Db,
    config: std::sync::Arc<app::base::state::AppConfig>,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match app::rewards::ssr::run_due(&db, &config, Utc::now()).await {
                Ok(done) if done.is_empty() => {}
                Ok(done) => tracing::info!(?done, "deadlines handled"),
                Err(err) => tracing::warn!(error = %err, "closing pass failed; will retry"),
            }
            match app::orders::card::ssr::expire_unpaid(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(orders = n, "unpaid card orders cancelled"),
                Err(err) => tracing::warn!(error = %err, "expiring card orders failed; will retry"),
            }
            match app::orders::change::ssr::refund_pending(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(changes = n, "changed orders refunded after a wait"),
                Err(err) => {
                    tracing::warn!(error = %err, "refunding changed orders failed; will retry")
                }
            }
            match app::orders::preorder::ssr::settle(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(preorders = n, "pre-orders captured or released"),
                Err(err) => tracing::warn!(error = %err, "settling pre-orders failed; will retry"),
            }
            match app::orders::transfer::ssr::remind_and_expire(&db, &config, Utc::now()).await {
                Ok(pass) if pass == Default::default() => {}
                Ok(pass) => tracing::info!(?pass, "unpaid transfers reminded or cancelled"),
                Err(err) => {
                    tracing::warn!(error = %err, "unpaid transfers pass failed; will retry")
                }
            }
            match app::pages::host_event::ssr::finish_cancellations(&db, &config, Utc::now()).await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(parties = n, "cancellations finished after a stop"),
                Err(err) => {
                    tracing::warn!(error = %err, "finishing cancellations failed; will retry")
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// Queues due event reminders, thank-yous, host digests and review
/// requests every `every`.
pub fn spawn_mailings(
    db: Db,
    config: std::sync::Arc<app::base::state::AppConfig>,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match app::invitations::ssr::send_due_mailings(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(queued = n, "event reminders and thank-yous queued"),
                Err(err) => tracing::warn!(error = %err, "event mailings failed; will retry"),
            }
            match app::events::digest::ssr::send_due(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(queued = n, "host digests queued"),
                Err(err) => tracing::warn!(error = %err, "host digests failed; will retry"),
            }
            match app::orders::making::ssr::mail_due(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(buyers = n, "making-of updates mailed"),
                Err(err) => tracing::warn!(error = %err, "making-of mail failed; will retry"),
            }
            match app::reviews::ssr::ask_due(&db, &config, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(asked = n, "buyers asked for reviews"),
                Err(err) => tracing::warn!(error = %err, "asking for reviews failed; will retry"),
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// Writes guests' visits as pages queue them (see
/// `app::base::presence::Presence`); on `stop`, writes what is queued.
pub fn spawn_visits(
    db: Db,
    mut queue: mpsc::Receiver<Visit>,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let stopped = async move {
            let _ = stop.wait_for(|s| *s).await;
        };
        app::base::presence::record_visits(&db, &mut queue, stopped).await;
    })
}

/// Hears the party changes every server announces (PostgreSQL's LISTEN)
/// for this server's live pages, until `stop`.
pub fn spawn_party_changes(db: Db, mut stop: watch::Receiver<bool>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let stopped = async move {
            let _ = stop.wait_for(|s| *s).await;
        };
        db.listen_for_changes(stopped).await;
    })
}

/// Deletes expired sessions and old sign-in failures, and removes the
/// files of the media trash, every `every`.
pub fn spawn_housekeeping(
    db: Db,
    media: app::base::media::MediaStore,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(err) = housekeeping(&db).await {
                tracing::warn!(error = ?err, "housekeeping failed; will retry");
            }
            match app::base::photos::empty_trash(&db, &media).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(files = n, "erased media files removed"),
                Err(err) => {
                    tracing::warn!(error = %err, "emptying the media trash failed; will retry")
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// One housekeeping pass: expired sessions and sign-in failures go, and
/// guests who never answered are forgotten past their brand's retention.
pub async fn housekeeping(db: &Db) -> anyhow::Result<u64> {
    use app::{
        accounts::ssr::LOCKOUT_WINDOW,
        base::auth::ssr::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT},
    };
    let now = Utc::now();
    let deleted = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let sessions =
            sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(now - IDLE_TIMEOUT)
                .bind(now - ABSOLUTE_TIMEOUT)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let failures = sqlx::query("DELETE FROM login_failures WHERE failed_at < $1")
            .bind(now - LOCKOUT_WINDOW)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok::<_, sqlx::Error>(sessions + failures)
    })?;
    if deleted > 0 {
        tracing::info!(
            deleted,
            "housekeeping removed expired sessions and sign-in failures"
        );
    }
    let forgotten = app::privacy::ssr::forget_silent_guests(db, now)
        .await
        .map_err(|e| anyhow::anyhow!("forgetting silent guests: {e}"))?;
    Ok(deleted + forgotten)
}
