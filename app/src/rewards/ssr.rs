//! Reward rules per brand, an event's live progress, closing (rewards
//! credited exactly once), the deadline warning, booking bonuses and the
//! host credit ledger.

use chrono::{DateTime, Duration, Utc};

use super::{
    domain::{parse_form, RewardRules},
    HostCredit, LedgerEntry, RewardPanel, RewardProgress, RulesForm,
};
use crate::{
    base::{
        db::{Db, Tx},
        error::AppError,
        l10n::{fmt, page_lang, Lang},
        money::{Currency, Money},
    },
    on_db, on_tx,
};

/// The brand's rules (the brief's defaults until it changes them).
pub async fn rules(db: &Db, brand_id: i64) -> Result<RewardRules, AppError> {
    let json: Option<String> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT reward_rules FROM brands WHERE id = $1")
            .bind(brand_id)
            .fetch_one(pool)
            .await
    })?;
    Ok(json
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default())
}

/// Stores the brand's rules.
pub async fn save_rules(db: &Db, brand_id: i64, form: &RulesForm) -> Result<(), AppError> {
    let currency = crate::base::brand::ssr::currency(db, brand_id).await?;
    let rules = parse_form(form, currency)?;
    let json = serde_json::to_string(&rules).map_err(|e| anyhow::anyhow!("rules: {e}"))?;
    on_db!(db.writer(), |pool| {
        sqlx::query("UPDATE brands SET reward_rules = $1 WHERE id = $2")
            .bind(&json)
            .bind(brand_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// (qualifying sales, buying guests other than the host, awaiting payment).
/// A prize won at the party's drawing (a free order) is no purchase.
fn sales_sql() -> String {
    let counted =
        crate::base::order::OrderStatus::sql_list(crate::base::order::OrderStatus::counts_as_sale);
    format!(
        "SELECT
           CAST(COALESCE(SUM(CASE WHEN o.status IN {counted} THEN o.merchandise_cents ELSE 0 END), 0) AS BIGINT),
           COUNT(DISTINCT CASE WHEN o.status IN {counted} AND lower(o.customer_email) <> lower(u.email)
                 AND o.merchandise_cents > 0 THEN lower(o.customer_email) END),
           CAST(COALESCE(SUM(CASE WHEN o.status = 'placed' THEN o.merchandise_cents ELSE 0 END), 0) AS BIGINT)
         FROM events e JOIN users u ON u.id = e.host_id
         LEFT JOIN orders o ON o.event_id = e.id AND o.kind = 'guest'
         WHERE e.id = $1"
    )
}

#[derive(sqlx::FromRow)]
struct EventRow {
    brand_id: i64,
    host_id: i64,
    title: String,
    time_zone: String,
    orders_close_at: DateTime<Utc>,
    cancelled_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    closed_by: Option<String>,
    /// The brand's currency, the rewards'.
    currency: String,
}

async fn event_row(db: &Db, event_id: i64) -> Result<EventRow, AppError> {
    on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT brand_id, host_id, title, time_zone, orders_close_at, cancelled_at, closed_at, closed_by,
                    (SELECT b.currency FROM brands b WHERE b.id = events.brand_id) AS currency
             FROM events WHERE id = $1",
        )
        .bind(event_id)
        .fetch_optional(pool)
        .await
    })?
    .ok_or(AppError::NotFound)
}

/// What `rules` give for these figures, as the page shows it.
pub fn progress_of(
    rules: &RewardRules,
    currency: Currency,
    sales: i64,
    buyers: i64,
    awaiting: i64,
    closed: bool,
) -> RewardProgress {
    let r = rules.reward(sales, buyers, 0);
    let next = rules.tiers.iter().find(|t| t.from_cents > sales);
    RewardProgress {
        qualifying: Money::new(sales, currency),
        awaiting_payment: Money::new(awaiting, currency),
        buying_guests: buyers,
        min_buying_guests: rules.min_buying_guests,
        tier: r.tier.map(|t| t as i64 + 1),
        credit: Money::new(r.credit_cents, currency),
        half_price_items: r.half_price_items,
        next_from: next.map(|t| Money::new(t.from_cents, currency)),
        to_next: r.to_next_cents.map(|c| Money::new(c, currency)),
        next_percent_bp: next.map(|t| t.credit_bp).unwrap_or(0),
        next_items: next.map(|t| t.half_price_items).unwrap_or(0),
        closed,
    }
}

/// The live progress of an event toward its host's rewards; once closed,
/// the figures frozen in the ledger.
pub async fn progress(db: &Db, event_id: i64) -> Result<RewardProgress, AppError> {
    let event = event_row(db, event_id).await?;
    let rules = rules(db, event.brand_id).await?;
    let currency = Currency::of_db(&event.currency);
    if event.closed_at.is_some() {
        let frozen: Option<(Option<i64>, Option<i64>)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT sales_cents, buying_guests FROM host_credit_ledger WHERE kind = 'event_reward' AND event_id = $1",
            )
            .bind(event_id)
            .fetch_optional(pool)
            .await
        })?;
        if let Some((sales, buyers)) = frozen {
            return Ok(progress_of(
                &rules,
                currency,
                sales.unwrap_or(0),
                buyers.unwrap_or(0),
                0,
                true,
            ));
        }
    }
    let sql = sales_sql();
    let (sales, buyers, awaiting): (i64, i64, i64) = on_db!(db.reader(), |pool| {
        sqlx::query_as(&sql).bind(event_id).fetch_one(pool).await
    })?;
    Ok(progress_of(
        &rules,
        currency,
        sales,
        buyers,
        awaiting,
        event.closed_at.is_some(),
    ))
}

/// The panel on the event page.
pub async fn panel(
    db: &Db,
    event_id: i64,
    may_close: bool,
    now: DateTime<Utc>,
) -> Result<RewardPanel, AppError> {
    let event = event_row(db, event_id).await?;
    let progress = progress(db, event_id).await?;
    let tz = crate::base::time::zone(&event.time_zone);
    let lang = page_lang();
    let when = |t: DateTime<Utc>| fmt::datetime_long(lang, t, tz);
    Ok(RewardPanel {
        event_id,
        progress,
        closed: event.closed_at.map(|t| {
            let date = when(t);
            // `closed_by` is stored in English: the known ones are read out.
            match event.closed_by.as_deref().unwrap_or_default() {
                BY_HOST => tr!(lang, REWARD_CLOSED_BY_HOST, date = date),
                AT_DEADLINE => tr!(lang, REWARD_CLOSED_AT_DEADLINE, date = date),
                by => tr!(lang, REWARD_CLOSED_OTHER, date = date, by = by),
            }
        }),
        deadline: when(event.orders_close_at),
        ordering_left: (event.closed_at.is_none() && now < event.orders_close_at)
            .then(|| span_in(lang, event.orders_close_at - now)),
        can_close: may_close
            && event.closed_at.is_none()
            && event.cancelled_at.is_none()
            && now >= event_start(db, event_id).await.unwrap_or(now),
    })
}

/// Who closed a party, as stored in `events.closed_by`.
pub const BY_HOST: &str = "by the host";
pub const AT_DEADLINE: &str = "automatically at the order deadline";

/// A length of time as a person says it in `lang`, to the largest two
/// units that matter: "5 days", "1 day and 3 hours", "40 minutes".
pub fn span_in(lang: Lang, d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let days_text = || tr!(lang, REWARD_SPAN_DAYS, count = days);
    let hours_text = || tr!(lang, REWARD_SPAN_HOURS, count = hours);
    let minutes_text = || tr!(lang, REWARD_SPAN_MINUTES, count = mins);
    match (days, hours, mins) {
        (0, 0, 0) => tr!(lang, REWARD_SPAN_NONE),
        (0, 0, _) => minutes_text(),
        (0, _, 0) => hours_text(),
        (0, _, _) => fmt::list_and(lang, &[hours_text(), minutes_text()]),
        (_, 0, _) => days_text(),
        (_, _, _) => fmt::list_and(lang, &[days_text(), hours_text()]),
    }
}

/// Whether the event has started at `now`.
pub async fn started(db: &Db, event_id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
    Ok(event_start(db, event_id).await? <= now)
}

async fn event_start(db: &Db, event_id: i64) -> Result<DateTime<Utc>, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT starts_at FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(pool)
            .await
    })?)
}

/// Whom a host's mail goes to, and in which language.
struct Contact {
    name: String,
    email: String,
    /// The host's language, else their brand's.
    lang: Lang,
}

/// A host's name, email and language, for their mail.
async fn contact(db: &Db, user_id: i64) -> Result<Contact, AppError> {
    let (name, email, language): (String, String, String) = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT u.display_name, u.email, COALESCE(u.language, b.language) FROM users u
             JOIN brands b ON b.id = u.brand_id WHERE u.id = $1",
        )
        .bind(user_id)
        .fetch_one(pool)
        .await
    })?;
    Ok(Contact {
        name,
        email,
        lang: Lang::parse(&language).unwrap_or_default(),
    })
}

/// How closing went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// This call closed it and credited the reward.
    Now,
    /// It was closed before: nothing changed.
    Already,
}

/// Why a party was not closed.
#[derive(Debug, thiserror::Error)]
pub enum CloseError {
    #[error("This party is cancelled: there is nothing to close.")]
    Cancelled,
    #[error("closing a party: {0}")]
    Database(#[from] sqlx::Error),
    #[error("closing a party: {0:#}")]
    Unexpected(#[from] anyhow::Error),
}

impl From<CloseError> for AppError {
    fn from(err: CloseError) -> Self {
        match err {
            CloseError::Cancelled => {
                AppError::invalid("close", tr!(page_lang(), REWARD_ERROR_CANCELLED))
            }
            CloseError::Database(e) => e.into(),
            CloseError::Unexpected(e) => e.into(),
        }
    }
}

/// What a closing reads before its transaction.
fn unexpected(what: &'static str) -> impl Fn(AppError) -> CloseError {
    move |e| CloseError::Unexpected(anyhow::anyhow!("{what}: {e}"))
}

/// Closes an event: orders stop, the reward is computed from the
/// qualifying sales and written to the ledger, and the host is told, all
/// in one transaction. A second close, a concurrent one, or one after a
/// crash changes nothing: the row is guarded by `closed_at IS NULL` and the
/// ledger by a unique index.
pub async fn close(
    db: &Db,
    config: &crate::base::state::AppConfig,
    event_id: i64,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Closed, CloseError> {
    let event = event_row(db, event_id)
        .await
        .map_err(unexpected("reading the party"))?;
    if event.cancelled_at.is_some() {
        return Err(CloseError::Cancelled);
    }
    if event.closed_at.is_some() {
        return Ok(Closed::Already);
    }
    let rules = rules(db, event.brand_id)
        .await
        .map_err(unexpected("reading the reward rules"))?;
    let host = contact(db, event.host_id)
        .await
        .map_err(unexpected("reading the host"))?;
    let mut tx = db.begin().await?;
    if !claim(&mut tx, event_id, actor, now).await? {
        return Ok(Closed::Already);
    }
    let (sales, buyers, _): (i64, i64, i64) = on_tx!(&mut tx, |c| sqlx::query_as(&sales_sql())
        .bind(event_id)
        .fetch_one(&mut *c)
        .await?);
    if credit_reward(&mut tx, &event, event_id, &rules, sales, buyers, now).await? {
        let mail = closing_mail(config, &event, &host, &rules, sales, buyers, now)?;
        on_tx!(&mut tx, |c| {
            crate::base::mail::insert_query(&mail)
                .execute(&mut *c)
                .await?;
        });
    }
    on_tx!(&mut tx, |c| {
        sqlx::query(
            "DELETE FROM cart_lines WHERE cart_id IN (SELECT id FROM carts WHERE event_id = $1)",
        )
        .bind(event_id)
        .execute(&mut *c)
        .await?;
    });
    tx.commit().await?;
    Ok(Closed::Now)
}

/// Marks the party closed unless it already is (or was cancelled).
async fn claim(
    tx: &mut Tx,
    event_id: i64,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let claimed = on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE events SET closed_at = $1, closed_by = $2 WHERE id = $3 AND closed_at IS NULL AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(actor)
    .bind(event_id)
    .execute(&mut *c)
    .await?
    .rows_affected()
    });
    Ok(claimed > 0)
}

/// Writes the party's reward to the ledger, once (a unique index); true
/// when this call wrote it.
async fn credit_reward(
    tx: &mut Tx,
    event: &EventRow,
    event_id: i64,
    rules: &RewardRules,
    sales: i64,
    buyers: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let reward = rules.reward(sales, buyers, 0);
    let note = match reward.tier {
        Some(t) => format!("Tier {} reached", t + 1),
        None if buyers < rules.min_buying_guests => format!(
            "{buyers} buying guest{} of the {} needed",
            if buyers == 1 { "" } else { "s" },
            rules.min_buying_guests
        ),
        None => "Below the first tier".to_owned(),
    };
    let cohosts: Vec<i64> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT user_id FROM event_cohosts WHERE event_id = $1 ORDER BY user_id"
    )
    .bind(event_id)
    .fetch_all(&mut *c)
    .await?);
    let (host_part, each) = super::domain::split_credit(
        reward.credit_cents,
        rules.cohost_share_pct,
        cohosts.len() as i64,
    );
    let credited = on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items,
            sales_cents, buying_guests, note, created_at)
         VALUES ($1, $2, 'event_reward', $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (kind, event_id) WHERE kind IN ('event_reward', 'booking_bonus') DO NOTHING",
    )
    .bind(event.brand_id)
    .bind(event.host_id)
    .bind(event_id)
    .bind(host_part)
    .bind(reward.half_price_items)
    .bind(sales)
    .bind(buyers)
    .bind(&note)
    .bind(now)
    .execute(&mut *c)
    .await?
    .rows_affected()
    });
    if credited == 1 && each > 0 {
        for cohost in cohosts {
            share_with(tx, event, event_id, cohost, each, now).await?;
        }
    }
    Ok(credited == 1)
}

/// Writes a co-host's share of the party's credit to their ledger, once.
async fn share_with(
    tx: &mut Tx,
    event: &EventRow,
    event_id: i64,
    cohost: i64,
    cents: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, note, created_at)
             VALUES ($1, $2, 'cohost_share', $3, $4, 0, $5, $6)
             ON CONFLICT (event_id, host_id) WHERE kind = 'cohost_share' DO NOTHING",
        )
        .bind(event.brand_id)
        .bind(cohost)
        .bind(event_id)
        .bind(cents)
        .bind(format!("Co-host's share of {}", event.title))
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

fn link(config: &crate::base::state::AppConfig, path: &str) -> Result<String, AppError> {
    Ok(config
        .public_url
        .join(path)
        .map_err(|e| anyhow::anyhow!("link {path}: {e}"))?
        .to_string())
}

fn simple_mail(
    config: &crate::base::state::AppConfig,
    to: (&str, &str),
    subject: String,
    text: String,
    event_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<crate::base::mail::QueuedMail, AppError> {
    Ok(crate::base::mail::build(
        &config.mail,
        &crate::base::mail::OutgoingMail {
            to_name: to.0.to_owned(),
            to_email: to.1.to_owned(),
            subject,
            html: crate::base::mail::text_to_html(&text),
            text,
            attachments: vec![],
            event_id,
            reply_to: None,
            unsubscribe: None,
        },
        now,
    )?)
}

fn closing_mail(
    config: &crate::base::state::AppConfig,
    event: &EventRow,
    host: &Contact,
    rules: &RewardRules,
    sales: i64,
    buyers: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<crate::base::mail::QueuedMail> {
    let lang = host.lang;
    let currency = Currency::of_db(&event.currency);
    let r = rules.reward(sales, buyers, 0);
    let outcome = if r.tier.is_some() {
        format!(
            "{}\n{}",
            tr!(
                lang,
                REWARD_MAIL_EARNED,
                credit = fmt::money(lang, Money::new(r.credit_cents, currency)),
                items = r.half_price_items
            ),
            link(config, "/host/credit").unwrap_or_default()
        )
    } else if buyers < rules.min_buying_guests {
        tr!(
            lang,
            REWARD_MAIL_TOO_FEW,
            needed = rules.min_buying_guests,
            buyers = buyers
        )
    } else {
        tr!(lang, REWARD_MAIL_BELOW)
    };
    let text = format!(
        "{}\n\n{}\n\n{outcome}\n",
        tr!(lang, MAIL_HELLO_NAME, name = &host.name),
        tr!(
            lang,
            REWARD_MAIL_CLOSED,
            party = &event.title,
            sales = fmt::money(lang, Money::new(sales, currency)),
            buyers = buyers
        ),
    );
    crate::base::mail::plain(
        config,
        &host.name,
        &host.email,
        tr!(lang, REWARD_MAIL_CLOSED_SUBJECT, party = &event.title),
        text,
        None,
        now,
    )
}

/// How far ahead of the deadline the host is warned.
pub const WARN_BEFORE: Duration = Duration::days(2);

/// Warns hosts whose order deadline is within two days, closes events
/// whose deadline has passed, and credits booking bonuses. Each step is
/// claimed with a guarded UPDATE or a unique index, so several servers may
/// run it at once. Returns what it did.
pub async fn run_due(
    db: &Db,
    config: &crate::base::state::AppConfig,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let mut done = Vec::new();
    let warn: Vec<i64> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT id FROM events WHERE cancelled_at IS NULL AND closed_at IS NULL AND deadline_warned_at IS NULL
             AND orders_close_at > $1 AND orders_close_at <= $2 ORDER BY id LIMIT 200",
        )
        .bind(now)
        .bind(now + WARN_BEFORE)
        .fetch_all(pool)
        .await
    })?;
    for id in warn {
        if warn_host(db, config, id, now).await? {
            done.push(format!("warned the host of event {id}"));
        }
    }
    let due: Vec<i64> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT id FROM events WHERE cancelled_at IS NULL AND closed_at IS NULL AND orders_close_at <= $1
             ORDER BY id LIMIT 200",
        )
        .bind(now)
        .fetch_all(pool)
        .await
    })?;
    for id in due {
        if close(db, config, id, AT_DEADLINE, now).await? == Closed::Now {
            done.push(format!("closed event {id}"));
        }
    }
    for (booked, origin) in booking_bonuses_due(db, now).await? {
        if credit_booking(db, config, booked, origin, now).await? {
            done.push(format!("booking bonus for event {booked}"));
        }
    }
    Ok(done)
}

/// Sends the deadline warning once.
async fn warn_host(
    db: &Db,
    config: &crate::base::state::AppConfig,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let event = event_row(db, event_id).await?;
    let p = progress(db, event_id).await?;
    let host = contact(db, event.host_id).await?;
    let lang = host.lang;
    let tz = crate::base::time::zone(&event.time_zone);
    let mut text = format!(
        "{}\n\n{}\n\n{}",
        tr!(lang, MAIL_HELLO_NAME, name = &host.name),
        tr!(
            lang,
            REWARD_MAIL_WARN,
            party = &event.title,
            deadline = fmt::datetime_long(lang, event.orders_close_at, tz)
        ),
        tr!(
            lang,
            REWARD_MAIL_WARN_SALES,
            sales = fmt::money(lang, p.qualifying),
            buyers = p.buying_guests,
            needed = p.min_buying_guests
        ),
    );
    if let Some(more) = p.to_next {
        text.push(' ');
        text.push_str(&tr!(
            lang,
            REWARD_MAIL_WARN_NEXT,
            amount = fmt::money(lang, more)
        ));
    }
    if p.awaiting_payment.minor() > 0 {
        text.push_str("\n\n");
        text.push_str(&tr!(
            lang,
            REWARD_MAIL_AWAITING,
            amount = fmt::money(lang, p.awaiting_payment)
        ));
    }
    text.push_str(&format!(
        "\n\n{}\n{}\n",
        tr!(lang, REWARD_MAIL_WARN_REMIND),
        link(config, &format!("/host/events/{event_id}"))?
    ));
    let mail = simple_mail(
        config,
        (&host.name, &host.email),
        tr!(lang, REWARD_MAIL_WARN_SUBJECT, party = &event.title),
        text,
        Some(event_id),
        now,
    )?;
    let sent = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let claimed = sqlx::query(
            "UPDATE events SET deadline_warned_at = $1 WHERE id = $2 AND deadline_warned_at IS NULL",
        )
        .bind(now)
        .bind(event_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 1 {
            crate::base::mail::insert_query(&mail)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        claimed == 1
    });
    Ok(sent)
}

/// Booked events that have been held and not yet credited: (booked, origin).
async fn booking_bonuses_due(db: &Db, now: DateTime<Utc>) -> Result<Vec<(i64, i64)>, AppError> {
    type Row = (i64, DateTime<Utc>, i64, DateTime<Utc>, i64);
    let rows: Vec<Row> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT b.id, b.starts_at, o.id, o.ends_at, o.brand_id FROM events b JOIN events o ON o.id = b.booked_from_event_id
             WHERE b.cancelled_at IS NULL AND b.ends_at <= $1 AND b.ends_at > $2
             AND NOT EXISTS (SELECT 1 FROM host_credit_ledger l WHERE l.kind = 'booking_bonus' AND l.event_id = b.id)",
        )
        .bind(now)
        .bind(now - Duration::days(400))
        .fetch_all(pool)
        .await
    })?;
    let mut due = Vec::new();
    for (booked, starts, origin, origin_ends, brand) in rows {
        let rules = rules(db, brand).await?;
        if starts <= origin_ends + Duration::days(rules.booking_window_days)
            && rules.booking_bonus_items > 0
        {
            due.push((booked, origin));
        }
    }
    Ok(due)
}

/// Adds the booking bonus to the original host, once per booked event.
async fn credit_booking(
    db: &Db,
    config: &crate::base::state::AppConfig,
    booked: i64,
    origin: i64,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let o = event_row(db, origin).await?;
    let b = event_row(db, booked).await?;
    let rules = rules(db, o.brand_id).await?;
    let host = contact(db, o.host_id).await?;
    let lang = host.lang;
    let (booked_host,): (String,) = on_db!(db.reader(), |pool| {
        sqlx::query_as("SELECT display_name FROM users WHERE id = $1")
            .bind(b.host_id)
            .fetch_one(pool)
            .await
    })?;
    let items = rules.booking_bonus_items;
    let text = format!(
        "{}\n\n{}\n{}\n",
        tr!(lang, MAIL_HELLO_NAME, name = &host.name),
        tr!(
            lang,
            REWARD_MAIL_BOOKING,
            host = &booked_host,
            origin = &o.title,
            party = &b.title,
            items = items
        ),
        link(config, "/host/credit")?
    );
    let mail = simple_mail(
        config,
        (&host.name, &host.email),
        tr!(lang, REWARD_MAIL_BOOKING_SUBJECT),
        text,
        None,
        now,
    )?;
    let note = format!("{booked_host} held \"{}\"", b.title);
    let credited = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let n = sqlx::query(
            "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, note, created_at)
             VALUES ($1, $2, 'booking_bonus', $3, 0, $4, $5, $6)
             ON CONFLICT (kind, event_id) WHERE kind IN ('event_reward', 'booking_bonus') DO NOTHING",
        )
        .bind(o.brand_id)
        .bind(o.host_id)
        .bind(booked)
        .bind(items)
        .bind(&note)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 1 {
            crate::base::mail::insert_query(&mail)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        n == 1
    });
    Ok(credited)
}

/// A host's balance: credit cents and half-price items.
pub async fn balance(db: &Db, host_id: i64) -> Result<(i64, i64), AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(credit_cents), 0) AS BIGINT), CAST(COALESCE(SUM(half_price_items), 0) AS BIGINT)
             FROM host_credit_ledger WHERE host_id = $1",
        )
        .bind(host_id)
        .fetch_one(pool)
        .await
    })?)
}

#[derive(sqlx::FromRow)]
struct LedgerRow {
    kind: String,
    event_id: Option<i64>,
    order_id: Option<i64>,
    credit_cents: i64,
    half_price_items: i64,
    note: String,
    created_at: DateTime<Utc>,
    title: Option<String>,
}

/// The host's ledger, newest first, with the balance.
pub async fn credit(db: &Db, host_id: i64) -> Result<HostCredit, AppError> {
    let (cents, items) = balance(db, host_id).await?;
    let rows: Vec<LedgerRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT l.kind, l.event_id, l.order_id, l.credit_cents, l.half_price_items, l.note, l.created_at, e.title
             FROM host_credit_ledger l LEFT JOIN events e ON e.id = l.event_id
             WHERE l.host_id = $1 ORDER BY l.id DESC",
        )
        .bind(host_id)
        .fetch_all(pool)
        .await
    })?;
    let (zone, currency): (String, String) = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT u.time_zone, b.currency FROM users u JOIN brands b ON b.id = u.brand_id WHERE u.id = $1",
        )
        .bind(host_id)
        .fetch_one(pool)
        .await
    })?;
    let tz = crate::base::time::zone(&zone);
    let currency = Currency::of_db(&currency);
    let lang = page_lang();
    Ok(HostCredit {
        balance: Money::new(cents, currency),
        half_price_items: items,
        entries: rows
            .into_iter()
            .map(|r| LedgerEntry {
                when: fmt::date_long(lang, r.created_at, tz),
                is_reward: r.kind == "event_reward",
                what: match r.kind.as_str() {
                    "event_reward" => tr!(
                        lang,
                        CREDIT_LEDGER_REWARD,
                        party = r.title.unwrap_or_default(),
                        note = note_in(lang, &r.note)
                    ),
                    "booking_bonus" => {
                        tr!(lang, CREDIT_LEDGER_BOOKING, note = note_in(lang, &r.note))
                    }
                    "cohost_share" => tr!(
                        lang,
                        CREDIT_LEDGER_COHOST_SHARE,
                        party = r.title.clone().unwrap_or_default()
                    ),
                    "restored" => tr!(
                        lang,
                        CREDIT_LEDGER_RESTORED,
                        order = r.order_id.unwrap_or_default().to_string()
                    ),
                    _ => tr!(
                        lang,
                        CREDIT_LEDGER_SPENT,
                        order = r.order_id.unwrap_or_default().to_string()
                    ),
                },
                event_id: r.event_id,
                credit: Money::new(r.credit_cents, currency),
                half_price_items: r.half_price_items,
            })
            .collect(),
    })
}

/// A ledger note in `lang`. Notes are stored in English, as
/// [`credit_reward`] and [`credit_booking`] write them: the known ones are
/// read out, any other is shown as stored.
fn note_in(lang: Lang, note: &str) -> String {
    if note == "Below the first tier" {
        return tr!(lang, CREDIT_NOTE_BELOW);
    }
    if let Some(tier) = note
        .strip_prefix("Tier ")
        .and_then(|n| n.strip_suffix(" reached"))
        .and_then(|n| n.parse::<i64>().ok())
    {
        return tr!(lang, CREDIT_NOTE_TIER, tier = tier);
    }
    let buyers = note
        .strip_suffix(" needed")
        .and_then(|n| n.split_once(" of the "))
        .and_then(|(had, needed)| {
            let had = had
                .strip_suffix(" buying guests")
                .or_else(|| had.strip_suffix(" buying guest"))?;
            Some((had.parse::<i64>().ok()?, needed.parse::<i64>().ok()?))
        });
    if let Some((had, needed)) = buyers {
        return tr!(lang, CREDIT_NOTE_BUYERS, count = had, needed = needed);
    }
    if let Some((host, party)) = note
        .split_once(" held \"")
        .and_then(|(host, rest)| Some((host, rest.strip_suffix('"')?)))
    {
        return tr!(lang, CREDIT_NOTE_HELD, host = host, party = party);
    }
    note.to_owned()
}
