//! The host's digest: at most one email an hour listing the new answers,
//! notes and orders of their parties. On by default; the host turns it off
//! (or on again) from their dashboard.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::error::AppError;

/// Turns the signed-in host's digest on or off.
#[server(prefix = "/api", endpoint = "set_digest")]
pub async fn set_digest(on: bool) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::set_enabled(&state.db, host.id, on, chrono::Utc::now()).await
    })
    .await
}

/// The digest switch on the host's dashboard; `on` is the stored choice.
#[component]
pub fn DigestSwitch(on: bool, act: ServerAction<SetDigest>) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    view! {
        <section class="digest" aria-labelledby="digest-title">
            <h2 id="digest-title">{tr!(lang, DIGEST_TITLE)}</h2>
            <p data-testid="digest-state">{if on {
                tr!(lang, DIGEST_ON)
            } else {
                tr!(lang, DIGEST_OFF)
            }}</p>
            <ActionForm action=act attr:class="inline-form">
                <input type="hidden" name="on" value=(!on).to_string() />
                <button type="submit" class="button small">{if on { tr!(lang, DIGEST_TURN_OFF) } else { tr!(lang, DIGEST_TURN_ON) }}</button>
            </ActionForm>
            <crate::base::forms::FormError error=Signal::derive(move || act.value().get().and_then(Result::err)) />
        </section>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Duration, Utc};

    use crate::{
        base::{
            db::Db,
            error::AppError,
            l10n::{fmt, Lang},
            money::{Currency, Money},
            state::AppConfig,
        },
        on_db, on_tx,
    };

    /// The shortest time between two digests of one host.
    pub const EVERY: Duration = Duration::hours(1);

    /// Stores the host's choice. Turning it on starts from now: the next
    /// digest holds what happens from here, not the whole past.
    pub async fn set_enabled(
        db: &Db,
        host_id: i64,
        on: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        on_db!(db.writer(), |pool| sqlx::query(
            "UPDATE users SET digest_enabled = $1,
                digest_sent_at = CASE WHEN $1 AND NOT digest_enabled THEN $2 ELSE digest_sent_at END
             WHERE id = $3 AND role = 'host'"
        )
        .bind(on)
        .bind(now)
        .bind(host_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Whether the host gets the digest.
    pub async fn enabled(db: &Db, host_id: i64) -> Result<bool, AppError> {
        Ok(on_db!(db.reader(), |pool| sqlx::query_scalar(
            "SELECT digest_enabled FROM users WHERE id = $1"
        )
        .bind(host_id)
        .fetch_one(pool)
        .await)?)
    }

    /// One answer (with its note) since the last digest.
    #[derive(Debug, sqlx::FromRow)]
    struct AnswerLine {
        event_id: i64,
        title: String,
        name: String,
        email: String,
        rsvp: String,
        companions: i64,
        note: String,
    }

    /// One order since the last digest.
    #[derive(Debug, sqlx::FromRow)]
    struct OrderLine {
        event_id: i64,
        title: String,
        customer_name: String,
        total_cents: i64,
        currency: String,
    }

    #[derive(Debug, sqlx::FromRow)]
    struct Due {
        id: i64,
        display_name: String,
        email: String,
        time_zone: String,
        digest_sent_at: Option<DateTime<Utc>>,
        /// The host's language, else their brand's: the digest's.
        language: String,
    }

    /// How far back a host's first digest looks.
    pub const FIRST_LOOK_BACK: Duration = Duration::hours(24);

    /// Queues the digests due at `now`: one per host who has it on, whose
    /// last one is an hour old or more (or who never had one), and whose
    /// parties had news since (a first digest looks back a day). Each is
    /// claimed by one UPDATE, so two servers never send it twice. Returns
    /// how many were queued.
    pub async fn send_due(
        db: &Db,
        config: &AppConfig,
        now: DateTime<Utc>,
    ) -> Result<usize, AppError> {
        // Only hosts with news since their last digest: a quiet host costs
        // nothing per pass.
        let due: Vec<Due> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
            "SELECT u.id, u.display_name, u.email, u.time_zone, u.digest_sent_at,
                    COALESCE(u.language, b.language) AS language
             FROM users u JOIN brands b ON b.id = u.brand_id
             WHERE u.role = 'host' AND u.digest_enabled AND u.suspended_at IS NULL
               AND (u.digest_sent_at IS NULL OR u.digest_sent_at <= $1)
               AND (EXISTS (SELECT 1 FROM guests g JOIN events e ON e.id = g.event_id
                            WHERE e.host_id = u.id AND g.answered_at > COALESCE(u.digest_sent_at, $2)
                              AND g.answered_at <= $3)
                 OR EXISTS (SELECT 1 FROM orders o JOIN events e ON e.id = o.event_id
                            WHERE e.host_id = u.id AND o.kind = 'guest' AND o.placed_at > COALESCE(u.digest_sent_at, $2)
                              AND o.placed_at <= $3))"
        )
        .bind(now - EVERY)
        .bind(now - FIRST_LOOK_BACK)
        .bind(now)
        .fetch_all(pool)
        .await
        })?;
        let mut queued = 0;
        for host in due {
            if send_one(db, config, &host, now).await? {
                queued += 1;
            }
        }
        Ok(queued)
    }

    async fn send_one(
        db: &Db,
        config: &AppConfig,
        host: &Due,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let since = host.digest_sent_at.unwrap_or(now - FIRST_LOOK_BACK);
        let answers: Vec<AnswerLine> = on_db!(db.reader(), |pool| sqlx::query_as(
            "SELECT e.id AS event_id, e.title, g.name, g.email, g.rsvp, g.companions, g.note
             FROM guests g JOIN events e ON e.id = g.event_id
             WHERE e.host_id = $1 AND g.answered_at > $2 AND g.answered_at <= $3
             ORDER BY e.starts_at, e.id, g.answered_at, g.id"
        )
        .bind(host.id)
        .bind(since)
        .bind(now)
        .fetch_all(pool)
        .await)?;
        let orders: Vec<OrderLine> = on_db!(db.reader(), |pool| sqlx::query_as(
            "SELECT e.id AS event_id, e.title, o.customer_name, o.total_cents, o.currency
             FROM orders o JOIN events e ON e.id = o.event_id
             WHERE e.host_id = $1 AND o.kind = 'guest' AND o.placed_at > $2 AND o.placed_at <= $3
             ORDER BY e.starts_at, e.id, o.placed_at, o.id"
        )
        .bind(host.id)
        .bind(since)
        .bind(now)
        .fetch_all(pool)
        .await)?;
        if answers.is_empty() && orders.is_empty() {
            return Ok(false);
        }
        let zone = crate::base::time::zone(&host.time_zone);
        let lang = Lang::parse(&host.language).unwrap_or_default();
        let text = digest_text(
            lang,
            config,
            host,
            &answers,
            &orders,
            fmt::datetime_long(lang, since, zone),
        );
        let mail = crate::base::mail::build(
            &config.mail,
            &crate::base::mail::OutgoingMail {
                to_name: host.display_name.clone(),
                to_email: host.email.clone(),
                subject: subject(lang, answers.len(), orders.len()),
                html: crate::base::mail::text_to_html(&text),
                text,
                attachments: vec![],
                event_id: None,
                reply_to: None,
                unsubscribe: None,
            },
            now,
        )?;
        let mut tx = db.begin().await?;
        // Claimed only if no other server sent it since this one read it.
        let claim = match host.digest_sent_at {
            Some(_) => "UPDATE users SET digest_sent_at = $1 WHERE id = $2 AND digest_sent_at = $3",
            None => "UPDATE users SET digest_sent_at = $1 WHERE id = $2 AND digest_sent_at IS NULL AND $3 = $3",
        };
        let claimed = on_tx!(&mut tx, |c| sqlx::query(claim)
            .bind(now)
            .bind(host.id)
            .bind(since)
            .execute(&mut *c)
            .await?
            .rows_affected());
        if claimed == 0 {
            // Another server sent it.
            return Ok(false);
        }
        on_tx!(&mut tx, |c| {
            crate::base::mail::insert_query(&mail)
                .execute(&mut *c)
                .await?;
        });
        tx.commit().await?;
        Ok(true)
    }

    /// "2 new answers and 1 order at your parties".
    fn subject(lang: Lang, answers: usize, orders: usize) -> String {
        match (answers, orders) {
            (a, 0) => tr!(lang, DIGEST_SUBJECT_ANSWERS, answers = a),
            (0, o) => tr!(lang, DIGEST_SUBJECT_ORDERS, orders = o),
            (a, o) => tr!(lang, DIGEST_SUBJECT_BOTH, answers = a, orders = o),
        }
    }

    /// The digest's text, party by party.
    fn digest_text(
        lang: Lang,
        config: &AppConfig,
        host: &Due,
        answers: &[AnswerLine],
        orders: &[OrderLine],
        since: String,
    ) -> String {
        let base = config.public_url.as_str().trim_end_matches('/');
        let mut events: Vec<(i64, &str)> = answers
            .iter()
            .map(|a| (a.event_id, a.title.as_str()))
            .chain(orders.iter().map(|o| (o.event_id, o.title.as_str())))
            .collect();
        events.dedup_by_key(|e| e.0);
        let mut seen = std::collections::HashSet::new();
        events.retain(|e| seen.insert(e.0));
        let hello = match host.display_name.split_whitespace().next() {
            Some(first) => tr!(lang, MAIL_HELLO_NAME, name = first),
            None => tr!(lang, DIGEST_HELLO_THERE),
        };
        let mut text = format!("{hello}\n\n{}\n", tr!(lang, DIGEST_SINCE, since = since));
        for (event_id, title) in events {
            text.push_str(&format!("\n{title}\n"));
            for a in answers.iter().filter(|a| a.event_id == event_id) {
                let who = if a.name.trim().is_empty() {
                    &a.email
                } else {
                    &a.name
                };
                let plus = if a.companions > 0 {
                    format!(" (+{})", a.companions)
                } else {
                    String::new()
                };
                let answer = tr!(lang, DIGEST_ANSWER, who = who, rsvp = a.rsvp.as_str());
                text.push_str(&format!("- {answer}{plus}"));
                if !a.note.trim().is_empty() {
                    text.push_str(&tr!(lang, DIGEST_WROTE, note = a.note.trim()));
                }
                text.push('\n');
            }
            for o in orders.iter().filter(|o| o.event_id == event_id) {
                let ordered = tr!(
                    lang,
                    DIGEST_ORDER,
                    name = o.customer_name.as_str(),
                    amount = fmt::money(
                        lang,
                        Money::new(o.total_cents, Currency::of_db(&o.currency))
                    )
                );
                text.push_str(&format!("- {ordered}\n"));
            }
            let link = format!("{base}/host/events/{event_id}");
            text.push_str(&format!("{}\n", tr!(lang, DIGEST_SEE_PARTY, link = link)));
        }
        let link = format!("{base}/host");
        text.push_str(&format!("\n{}\n", tr!(lang, DIGEST_FOOTER, link = link)));
        text
    }
}
