//! The guest list in the database.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::domain::{Answer, Rsvp, RsvpError};
use super::{
    domain::{GuestLine, RejectedLine},
    AddReport, GuestView, RsvpCounts,
};
use crate::base::l10n::Lang;
use crate::{
    base::{
        access::ssr::InvitationRow,
        account::CurrentUser,
        db::{Db, Tx},
        error::AppError,
    },
    on_db, on_tx,
};

/// Adds guests to an event of `host` in one transaction: new emails are
/// added, known ones merged (a missing name is filled in).
pub async fn add_guests(
    db: &Db,
    host: &CurrentUser,
    event_id: i64,
    guests: &[GuestLine],
    rejected: Vec<RejectedLine>,
    now: DateTime<Utc>,
) -> Result<AddReport, AppError> {
    crate::base::access::ssr::ensure_managed_open(db, host, event_id).await?;
    let (added, merged) = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let known: Vec<String> = sqlx::query_scalar("SELECT email FROM guests WHERE event_id = $1")
            .bind(event_id)
            .fetch_all(&mut *tx)
            .await?;
        let (mut added, mut merged) = (0usize, 0usize);
        for guest in guests {
            if known.iter().any(|e| e == guest.email.as_str()) {
                merged += 1;
                sqlx::query(
                    "UPDATE guests SET name = $1 WHERE event_id = $2 AND email = $3 AND name = ''",
                )
                .bind(&guest.name)
                .bind(event_id)
                .bind(guest.email.as_str())
                .execute(&mut *tx)
                .await?;
            } else {
                added += 1;
                sqlx::query("INSERT INTO guests (event_id, name, email, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(event_id)
                    .bind(&guest.name)
                    .bind(guest.email.as_str())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>((added, merged))
    })?;
    Ok(AddReport::new(added, merged, rejected))
}

#[derive(sqlx::FromRow)]
struct GuestRow {
    id: i64,
    name: String,
    email: String,
    rsvp: String,
    companions: i64,
    invited: bool,
    mail_status: Option<String>,
    note: String,
}

/// The guest list of an event its host or the brand's admin may see.
pub async fn list(
    db: &Db,
    viewer: &CurrentUser,
    event_id: i64,
) -> Result<Vec<GuestView>, AppError> {
    crate::base::access::ssr::ensure_visible(db, viewer, event_id).await?;
    let rows: Vec<GuestRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT g.id, g.name, g.email, g.rsvp, g.companions, g.invited_at IS NOT NULL AS invited, g.note,
                    (SELECT o.status FROM outbox o WHERE o.event_id = g.event_id AND o.recipient = g.email
                     ORDER BY o.id DESC LIMIT 1) AS mail_status
             FROM guests g WHERE g.event_id = $1 ORDER BY g.created_at, g.id",
        )
        .bind(event_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| GuestView {
            id: r.id,
            name: r.name,
            email: r.email,
            rsvp: r.rsvp,
            companions: r.companions,
            invited: r.invited,
            mail_failed: r.mail_status.as_deref() == Some("failed"),
            // A note is written to the host: only the host reads it.
            note: if viewer.role == crate::Role::Host {
                r.note
            } else {
                String::new()
            },
        })
        .collect())
}

/// Removes a guest who has not answered yet.
pub async fn remove(
    db: &Db,
    host: &CurrentUser,
    event_id: i64,
    guest_id: i64,
) -> Result<(), AppError> {
    crate::base::access::ssr::ensure_managed_open(db, host, event_id).await?;
    let rsvp: Option<String> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT rsvp FROM guests WHERE id = $1 AND event_id = $2")
            .bind(guest_id)
            .bind(event_id)
            .fetch_optional(pool)
            .await
    })?;
    match rsvp.as_deref() {
        None => return Err(AppError::NotFound),
        Some("pending") => {}
        Some(_) => {
            return Err(AppError::invalid(
                "guest",
                tr!(crate::base::l10n::page_lang(), GUEST_ERROR_ANSWERED_STAYS),
            ))
        }
    }
    on_db!(db.writer(), |pool| {
        sqlx::query("DELETE FROM guests WHERE id = $1 AND event_id = $2 AND rsvp = 'pending'")
            .bind(guest_id)
            .bind(event_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Invited / yes / maybe / no for each event of a host that has guests.
pub async fn counts_for_host(db: &Db, host_id: i64) -> Result<HashMap<i64, RsvpCounts>, AppError> {
    let rows: Vec<(i64, i64, i64, i64, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT g.event_id, COUNT(*),
                    COALESCE(SUM(CASE WHEN g.rsvp = 'yes' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN g.rsvp = 'maybe' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN g.rsvp = 'no' THEN 1 ELSE 0 END), 0)
             FROM guests g JOIN events e ON e.id = g.event_id
             WHERE e.host_id = $1 GROUP BY g.event_id",
        )
        .bind(host_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, invited, yes, maybe, no)| {
            (
                id,
                RsvpCounts {
                    invited,
                    yes,
                    maybe,
                    no,
                },
            )
        })
        .collect())
}

#[derive(sqlx::FromRow)]
pub(super) struct InviteEventRow {
    pub(super) title: String,
    pub(super) starts_at: DateTime<Utc>,
    pub(super) ends_at: DateTime<Utc>,
    pub(super) time_zone: String,
    pub(super) kind: String,
    pub(super) host_name: String,
    pub(super) host_email: String,
    pub(super) address: Option<String>,
    pub(super) video_url: Option<String>,
    pub(super) orders_close_at: DateTime<Utc>,
    pub(super) ics_sequence: i64,
    pub(super) brand_id: i64,
    pub(super) cancelled: bool,
    /// The party's language (its own, or the brand's).
    pub(super) language: String,
}

impl InviteEventRow {
    /// The party's language: its mail is written in it.
    pub(super) fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or_default()
    }

    /// What an invitation's calendar file says of the party, for a guest
    /// whose page is `link`; the caller sets the location and cancellation.
    fn facts<'a>(
        &'a self,
        lang: Lang,
        event_id: i64,
        first_name: &'a str,
        link: &'a str,
        uid_host: &'a str,
    ) -> super::invite::InviteFacts<'a> {
        super::invite::InviteFacts {
            lang,
            event_id,
            title: &self.title,
            host_first_name: first_name,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            zone: crate::base::time::zone(&self.time_zone),
            online: self.kind == "online",
            link,
            uid_host,
            host_name: &self.host_name,
            host_email: &self.host_email,
            sequence: self.ics_sequence,
            location: "",
            cancelled: false,
        }
    }

    /// The address, for a guest who said yes to a party at home: what the
    /// guest's page shows them too.
    fn address_for(&self, rsvp: &str) -> &str {
        match (self.kind.as_str(), rsvp) {
            ("online", _) => "",
            (_, "yes") => self.address.as_deref().unwrap_or_default(),
            _ => "",
        }
    }
}

/// The personal link of a guest's nonce.
pub fn link_for(config: &crate::base::state::AppConfig, nonce: &str) -> String {
    format!(
        "{}/i/{}",
        config.public_url.as_str().trim_end_matches('/'),
        super::invite::token(&config.signing_key.0, nonce)
    )
}

/// The host's first name, as mail and guest pages greet with it.
pub fn first_name(full_name: &str) -> String {
    full_name
        .split_whitespace()
        .next()
        .unwrap_or("Your host")
        .to_owned()
}

const EVENT_FACTS: &str = concat!(
    "SELECT e.title, e.starts_at, e.ends_at, e.time_zone, e.kind,
        u.display_name AS host_name, u.email AS host_email, e.address, e.video_url,
        e.orders_close_at, e.ics_sequence, e.brand_id, e.cancelled_at IS NOT NULL AS cancelled, ",
    crate::party_language_sql!(),
    " AS language
     FROM events e JOIN users u ON u.id = e.host_id JOIN brands b ON b.id = e.brand_id
     WHERE e.id = $1"
);

/// What mail about an event needs: the event (with its language), its zone
/// and its host's first name.
pub(super) async fn event_facts(
    db: &Db,
    event_id: i64,
) -> Result<(InviteEventRow, chrono_tz::Tz, String), AppError> {
    let event: InviteEventRow = on_db!(db.reader(), |pool| {
        sqlx::query_as(EVENT_FACTS)
            .bind(event_id)
            .fetch_one(pool)
            .await
    })?;
    let zone = crate::base::time::zone(&event.time_zone);
    let host = first_name(&event.host_name);
    Ok((event, zone, host))
}

/// The same, read in `tx`, which may have just changed the event.
async fn event_facts_in(
    tx: &mut Tx,
    event_id: i64,
) -> Result<(InviteEventRow, chrono_tz::Tz, String), AppError> {
    let event: InviteEventRow = on_tx!(tx, |c| sqlx::query_as(EVENT_FACTS)
        .bind(event_id)
        .fetch_one(&mut *c)
        .await?);
    let zone = crate::base::time::zone(&event.time_zone);
    let host = first_name(&event.host_name);
    Ok((event, zone, host))
}

/// Which guests an invitation run is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipients {
    /// Everyone not invited yet.
    NotYetInvited,
    /// One guest again, with the same link.
    Resend(i64),
    /// One guest with a new link; the old one stops working.
    Revoke(i64),
}

/// Issues links and queues invitation mails in one transaction: either every
/// guest of the run gets a link and a queued mail, or nothing changes.
/// Returns how many mails were queued.
pub async fn send_invitations(
    db: &Db,
    config: &crate::base::state::AppConfig,
    host: &CurrentUser,
    event_id: i64,
    who: Recipients,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    crate::base::access::ssr::ensure_managed_open(db, host, event_id).await?;
    queue_invitations(db, config, event_id, who, now).await
}

/// Adds a guest who registered through the event's share link and mails
/// them their personal link (again, with the same link, if already listed).
/// An address already listed gets its link at most once an hour, however
/// often the form is sent for it: the form cannot be used to flood someone's
/// mailbox. The answer is the same either way.
pub async fn join_by_share_link(
    db: &Db,
    config: &crate::base::state::AppConfig,
    slug: &str,
    guest: &GuestLine,
    news: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let event_id = crate::base::access::ssr::shared_event_id(db, slug, now).await?;
    let (guest_id, sent_at): (i64, Option<DateTime<Utc>>) = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO guests (event_id, name, email, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (event_id, email) DO NOTHING",
        )
        .bind(event_id)
        .bind(&guest.name)
        .bind(guest.email.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query_as(
            "SELECT id, link_sent_at FROM guests WHERE event_id = $1 AND email = $2",
        )
        .bind(event_id)
        .bind(guest.email.as_str())
        .fetch_one(&mut *tx)
        .await?;
        let brand_id: i64 = sqlx::query_scalar("SELECT brand_id FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(crate::base::consent::news_sql(
            news,
            crate::base::consent::Source::ShareLink,
        ))
        .bind(brand_id)
        .bind(guest.email.as_str())
        .bind(news)
        .bind(now)
        .bind(crate::base::consent::Source::ShareLink.as_db())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(row)
    })?;
    if sent_at.is_some_and(|at| now - at < LINK_RESEND_EVERY) {
        tracing::info!(
            guest_id,
            "share-link sign-up: link mailed less than an hour ago"
        );
        return Ok(());
    }
    queue_invitations(db, config, event_id, Recipients::Resend(guest_id), now).await?;
    Ok(())
}

/// A share-link sign-up mails an address already listed at most this often.
pub const LINK_RESEND_EVERY: chrono::Duration = chrono::Duration::hours(1);

/// Issues links and queues invitation mails for `who`, once authorised.
async fn queue_invitations(
    db: &Db,
    config: &crate::base::state::AppConfig,
    event_id: i64,
    who: Recipients,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    use super::invite::{invitation_mail, new_nonce, token};
    use crate::base::{mail::build, tokens::hash_token};

    let (event, _, first_name) = event_facts(db, event_id).await?;
    let lang = event.lang();
    let uid_host = config.mail.message_id_host.clone();

    let (filter, guest_id) = match who {
        Recipients::NotYetInvited => ("invited_at IS NULL AND $2 = 0", 0),
        Recipients::Resend(id) | Recipients::Revoke(id) => ("id = $2", id),
    };
    let select = format!("SELECT id, name, email, token_nonce FROM guests WHERE event_id = $1 AND {filter} ORDER BY id");
    let queued = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let guests: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(&select)
            .bind(event_id)
            .bind(guest_id)
            .fetch_all(&mut *tx)
            .await?;
        for (id, name, email, nonce) in &guests {
            let nonce = match (who, nonce) {
                (Recipients::Revoke(_), _) | (_, None) => new_nonce(),
                (_, Some(existing)) => existing.clone(),
            };
            let raw = token(&config.signing_key.0, &nonce);
            let link = link_for(config, &nonce);
            let facts = event.facts(lang, event_id, &first_name, &link, &uid_host);
            let mail = build(
                &config.mail,
                &invitation_mail(&facts, name, email, now),
                now,
            )?;
            sqlx::query(
                "UPDATE guests SET token_nonce = $1, token_hash = $2, invited_at = COALESCE(invited_at, $3),
                        link_sent_at = $3
                 WHERE id = $4",
            )
            .bind(&nonce)
            .bind(hash_token(&raw))
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            crate::base::mail::insert_query(&mail)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok::<_, AppError>(guests.len())
    })?;
    // A named guest who is not on this event's list.
    if queued == 0 && guest_id != 0 {
        return Err(AppError::NotFound);
    }
    Ok(queued)
}

fn promotion_mail(
    lang: Lang,
    event_id: i64,
    title: &str,
    name: &str,
    email: &str,
    link: &str,
) -> crate::base::mail::OutgoingMail {
    let hello = hello(lang, name);
    let body = tr!(lang, MAIL_PROMOTED_BODY, title = title);
    let details = tr!(lang, MAIL_PROMOTED_DETAILS);
    crate::base::mail::OutgoingMail {
        to_name: name.to_owned(),
        to_email: email.to_owned(),
        subject: tr!(lang, MAIL_PROMOTED_SUBJECT, title = title),
        text: format!("{hello}\n\n{body}\n\n{details}\n{link}\n"),
        html: format!(
            "<p>{}</p><p>{}</p><p><a href=\"{}\">{}</a></p>",
            hello.replace('<', "&lt;"),
            body.replace('<', "&lt;"),
            link.replace('"', "%22"),
            details.trim_end_matches([':', ' ', '\u{a0}']),
        ),
        attachments: vec![],
        event_id: Some(event_id),
        reply_to: None,
        unsubscribe: None,
    }
}

/// Which mailing of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mailing {
    /// 24 hours before the start (unless the host chose otherwise), to
    /// guests who answered yes or maybe, and a nudge to those who have not
    /// answered.
    Reminder,
    /// The same, 2 days before the start, if the host chose it.
    EarlyReminder,
    /// After the end, with the link to order, to guests who answered yes or maybe.
    ThankYou,
    /// 2 days before the order deadline, after the party, to invited
    /// guests who have not ordered.
    LastCall,
}

impl Mailing {
    /// The events it is due for at `$1` (now; `$2` is a day later, `$3`
    /// two days), and the UPDATE that claims one (`$1` now, `$2` the event).
    fn due_and_claim(self) -> (&'static str, &'static str) {
        match self {
            Mailing::Reminder => (
                "SELECT id FROM events WHERE cancelled_at IS NULL AND reminders_sent_at IS NULL
                 AND reminders IN ('day', 'both') AND starts_at > $1 AND starts_at <= $2 AND $3 = $3",
                "UPDATE events SET reminders_sent_at = $1 WHERE id = $2 AND reminders_sent_at IS NULL",
            ),
            Mailing::EarlyReminder => (
                "SELECT id FROM events WHERE cancelled_at IS NULL AND early_reminders_sent_at IS NULL
                 AND reminders IN ('early', 'both') AND starts_at > $2 AND starts_at <= $3 AND $1 = $1",
                "UPDATE events SET early_reminders_sent_at = $1 WHERE id = $2 AND early_reminders_sent_at IS NULL",
            ),
            Mailing::ThankYou => (
                "SELECT id FROM events WHERE cancelled_at IS NULL AND thanks_sent_at IS NULL
                 AND ends_at <= $1 AND orders_close_at > $1 AND $2 = $2 AND $3 = $3",
                "UPDATE events SET thanks_sent_at = $1 WHERE id = $2 AND thanks_sent_at IS NULL",
            ),
            Mailing::LastCall => (
                "SELECT id FROM events WHERE cancelled_at IS NULL AND closed_at IS NULL
                 AND last_call_sent_at IS NULL AND ends_at <= $1 AND orders_close_at > $1
                 AND orders_close_at <= $3 AND $2 = $2",
                "UPDATE events SET last_call_sent_at = $1 WHERE id = $2 AND last_call_sent_at IS NULL",
            ),
        }
    }

    /// Which of the party's guests it goes to (`g`).
    fn guests(self) -> &'static str {
        match self {
            Mailing::Reminder | Mailing::EarlyReminder => "g.rsvp IN ('yes', 'maybe', 'pending')",
            Mailing::ThankYou => "g.rsvp IN ('yes', 'maybe')",
            Mailing::LastCall => {
                "NOT EXISTS (SELECT 1 FROM orders o WHERE o.guest_id = g.id
                   AND o.status NOT IN ('cancelled', 'refunded'))"
            }
        }
    }
}

/// Queues the reminders, thank-yous and last calls that are due at `now`.
/// Each event is claimed by one UPDATE, so several servers never send them
/// twice. Returns how many mails were queued.
pub async fn send_due_mailings(
    db: &Db,
    config: &crate::base::state::AppConfig,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let mut queued = 0;
    for mailing in [
        Mailing::EarlyReminder,
        Mailing::Reminder,
        Mailing::ThankYou,
        Mailing::LastCall,
    ] {
        let (due, claim) = mailing.due_and_claim();
        let events: Vec<i64> = on_db!(db.reader(), |pool| sqlx::query_scalar(due)
            .bind(now)
            .bind(now + chrono::Duration::hours(24))
            .bind(now + chrono::Duration::hours(48))
            .fetch_all(pool)
            .await)?;
        for event_id in events {
            queued += send_mailing(db, config, event_id, mailing, claim, now).await?;
        }
    }
    Ok(queued)
}

/// "Hello Ana,", or "Hello," for a guest without a name.
pub(super) fn hello(lang: Lang, name: &str) -> String {
    if name.is_empty() {
        tr!(lang, MAIL_HELLO)
    } else {
        tr!(lang, MAIL_HELLO_NAME, name = name)
    }
}

/// "Saturday, 5 December 2026 at 19:00 (Europe/Paris)".
fn party_when(lang: Lang, event: &InviteEventRow, zone: chrono_tz::Tz) -> String {
    format!(
        "{} ({})",
        crate::base::l10n::fmt::datetime_long(lang, event.starts_at, zone),
        zone.name()
    )
}

/// A mail about `event` to one of its guests, answered to the host; a
/// non-transactional one carries its stop link (`unsubscribe`).
pub(super) fn guest_outgoing(
    event: &InviteEventRow,
    event_id: i64,
    (name, email): (&str, &str),
    subject: String,
    text: String,
    unsubscribe: Option<String>,
) -> crate::base::mail::OutgoingMail {
    let mut mail = crate::base::mail::OutgoingMail::text(name, email, subject, text);
    mail.event_id = Some(event_id);
    mail.reply_to = Some((event.host_name.clone(), event.host_email.clone()));
    mail.unsubscribe = unsubscribe;
    mail
}

/// The same, built for the outbox.
#[allow(clippy::too_many_arguments)]
fn guest_mail(
    config: &crate::base::state::AppConfig,
    event: &InviteEventRow,
    event_id: i64,
    to: (&str, &str),
    subject: String,
    text: String,
    unsubscribe: Option<String>,
    now: DateTime<Utc>,
) -> Result<crate::base::mail::QueuedMail, AppError> {
    let mail = guest_outgoing(event, event_id, to, subject, text, unsubscribe);
    Ok(crate::base::mail::build(&config.mail, &mail, now)?)
}

/// What a mailing says to one guest, who answered `rsvp`: its subject
/// and text, without the greeting and the stop footer.
fn mailing_words(
    lang: Lang,
    mailing: Mailing,
    rsvp: &str,
    event: &InviteEventRow,
    (host, when, link): (&str, &str, &str),
) -> (String, String) {
    let title = event.title.as_str();
    let pending = rsvp == "pending";
    match mailing {
        Mailing::Reminder | Mailing::EarlyReminder if pending => (
            tr!(lang, MAIL_NUDGE_SUBJECT, title = title),
            format!(
                "{}\n\n{}\n{link}\n",
                tr!(
                    lang,
                    MAIL_NUDGE_BODY,
                    title = title,
                    host = host,
                    when = when
                ),
                tr!(lang, MAIL_INVITE_ANSWER_HERE),
            ),
        ),
        Mailing::Reminder | Mailing::EarlyReminder => {
            let subject = if mailing == Mailing::Reminder {
                tr!(lang, MAIL_REMINDER_SUBJECT, title = title)
            } else {
                tr!(lang, MAIL_REMINDER_EARLY_SUBJECT, title = title)
            };
            // A guest who said yes to an online party gets its video link.
            let video = match (&event.video_url, event.kind.as_str(), rsvp) {
                (Some(url), "online", "yes") if !url.is_empty() => {
                    format!("\n{}\n{url}\n", tr!(lang, MAIL_REMINDER_VIDEO))
                }
                _ => String::new(),
            };
            let body = tr!(
                lang,
                MAIL_REMINDER_BODY,
                title = title,
                host = host,
                when = when
            );
            let details = tr!(lang, MAIL_REMINDER_DETAILS);
            (subject, format!("{body}\n{video}\n{details}\n{link}\n"))
        }
        Mailing::ThankYou => (
            tr!(lang, MAIL_THANKS_SUBJECT, title = title),
            format!(
                "{}\n{link}\n\n{}\n{link}#host-your-own\n",
                tr!(lang, MAIL_THANKS_BODY, title = title, host = host),
                tr!(lang, MAIL_THANKS_HOST_YOUR_OWN),
            ),
        ),
        Mailing::LastCall => {
            let zone = crate::base::time::zone(&event.time_zone);
            let deadline = crate::base::l10n::fmt::datetime_long(lang, event.orders_close_at, zone);
            (
                tr!(lang, MAIL_LAST_CALL_SUBJECT, title = title),
                format!(
                    "{}\n{link}\n",
                    tr!(
                        lang,
                        MAIL_LAST_CALL_BODY,
                        title = title,
                        host = host,
                        deadline = deadline.as_str()
                    ),
                ),
            )
        }
    }
}

async fn send_mailing(
    db: &Db,
    config: &crate::base::state::AppConfig,
    event_id: i64,
    mailing: Mailing,
    claim: &str,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let (event, zone, host) = event_facts(db, event_id).await?;
    let (lang, brand_id) = (event.lang(), event.brand_id);
    let when = party_when(lang, &event, zone);
    // Not transactional: not to an address that stopped the brand's mail.
    let select = format!(
        "SELECT g.name, g.email, g.token_nonce, g.rsvp FROM guests g
         WHERE g.event_id = $1 AND g.token_nonce IS NOT NULL AND {} AND {} ORDER BY g.id",
        mailing.guests(),
        crate::base::consent::NOT_STOPPED
    );
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let claimed = sqlx::query(claim)
            .bind(now)
            .bind(event_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if claimed == 0 {
            // Another server took it.
            return Ok(0);
        }
        let guests: Vec<(String, String, String, String)> = sqlx::query_as(&select)
            .bind(event_id)
            .fetch_all(&mut *tx)
            .await?;
        for (name, email, nonce, rsvp) in &guests {
            let link = link_for(config, nonce);
            let (subject, text) = mailing_words(lang, mailing, rsvp, &event, (&host, &when, &link));
            let stop = crate::base::consent::stop_url(config, brand_id, email);
            let text = format!(
                "{}\n\n{text}\n--\n{}\n{stop}\n",
                hello(lang, name),
                tr!(lang, MAIL_STOP_FOOTER)
            );
            let mail = guest_mail(
                config,
                &event,
                event_id,
                (name, email),
                subject,
                text,
                Some(stop),
                now,
            )?;
            crate::base::mail::insert_query(&mail)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok::<_, AppError>(guests.len())
    })
}

/// The guests a change of the party is told to: invited, with a link, who
/// said yes or maybe; with `pending`, those who have not answered or wait
/// for a place too.
async fn guests_to_tell(
    tx: &mut Tx,
    event_id: i64,
    pending: bool,
) -> Result<Vec<(String, String, String, String)>, AppError> {
    let answers = if pending {
        "('yes', 'maybe', 'pending', 'waiting')"
    } else {
        "('yes', 'maybe')"
    };
    let sql = format!(
        "SELECT name, email, token_nonce, rsvp FROM guests
         WHERE event_id = $1 AND invited_at IS NOT NULL AND token_nonce IS NOT NULL
           AND rsvp IN {answers} ORDER BY id"
    );
    Ok(on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&mut *c)
        .await?))
}

/// What changed about a party that its guests are told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A new time or place: the guests who said yes or maybe get an
    /// updated invitation.
    Moved,
    /// Called off: every invited guest who did not decline is told that
    /// the party is off and its orders cancelled, the paid ones refunded.
    Cancelled,
}

/// A change's subject and its two paragraphs, for a guest whose calendar
/// file says `facts`.
fn change_words(
    lang: Lang,
    change: Change,
    event: &InviteEventRow,
    facts: &super::invite::InviteFacts,
    (host, when): (&str, &str),
) -> (String, String, String) {
    let title = event.title.as_str();
    match change {
        Change::Moved => {
            let place = match (facts.online, facts.location) {
                (true, _) => tr!(lang, MAIL_INVITE_ONLINE),
                (false, "") => tr!(lang, MAIL_INVITE_AT_HOME),
                (false, address) => tr!(lang, MAIL_MOVED_AT, address = address),
            };
            (
                tr!(lang, MAIL_MOVED_SUBJECT, title = title),
                tr!(
                    lang,
                    MAIL_MOVED_BODY,
                    host = host,
                    title = title,
                    when = when,
                    place = place.as_str()
                ),
                tr!(lang, MAIL_MOVED_CALENDAR),
            )
        }
        Change::Cancelled => (
            tr!(lang, MAIL_CANCELLED_SUBJECT, title = title),
            tr!(
                lang,
                MAIL_CANCELLED_BODY,
                host = host,
                title = title,
                when = when
            ),
            tr!(lang, MAIL_CANCELLED_ORDERS),
        ),
    }
}

/// Queues, in the transaction `tx` that moved or cancelled the party, a
/// mail to each guest the change concerns, with a calendar file of the
/// party's UID and its raised SEQUENCE (cancelled: `STATUS:CANCELLED`),
/// which moves or removes the entry in their calendar. The address goes
/// only to those who said yes, as on their page. Returns how many were
/// queued.
pub async fn tell_guests(
    tx: &mut Tx,
    config: &crate::base::state::AppConfig,
    event_id: i64,
    change: Change,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let (event, zone, host) = event_facts_in(tx, event_id).await?;
    let lang = event.lang();
    let when = party_when(lang, &event, zone);
    let uid_host = config.mail.message_id_host.clone();
    let guests = guests_to_tell(tx, event_id, change == Change::Cancelled).await?;
    for (name, email, nonce, rsvp) in &guests {
        let link = link_for(config, nonce);
        let mut facts = event.facts(lang, event_id, &host, &link, &uid_host);
        facts.location = event.address_for(rsvp);
        facts.cancelled = change == Change::Cancelled;
        let (subject, body, then) = change_words(lang, change, &event, &facts, (&host, &when));
        let text = format!(
            "{}\n\n{body}\n\n{then}\n\n{}\n",
            hello(lang, name),
            tr!(lang, MAIL_YOUR_PAGE, link = link.as_str()),
        );
        let mut mail = guest_outgoing(&event, event_id, (name, email), subject, text, None);
        mail.attachments
            .push(super::invite::calendar_file(&facts, now));
        let mail = crate::base::mail::build(&config.mail, &mail, now)?;
        on_tx!(tx, |c| {
            crate::base::mail::insert_query(&mail)
                .execute(&mut *c)
                .await?;
        });
    }
    Ok(guests.len())
}

/// What the share link `slug` shows of its party: no address, no guest list.
pub async fn shared_event(
    db: &Db,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<super::SharedEventView, AppError> {
    #[derive(sqlx::FromRow)]
    struct Shared {
        title: String,
        starts_at: DateTime<Utc>,
        time_zone: String,
        kind: String,
        display_name: String,
        share_enabled: bool,
        cancelled_at: Option<DateTime<Utc>>,
        closed_at: Option<DateTime<Utc>>,
        orders_close_at: DateTime<Utc>,
    }
    let shared: Option<Shared> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT e.title, e.starts_at, e.time_zone, e.kind, u.display_name, e.share_enabled,
                    e.cancelled_at, e.closed_at, e.orders_close_at
             FROM events e JOIN users u ON u.id = e.host_id WHERE e.share_slug = $1",
        )
        .bind(slug)
        .fetch_optional(pool)
        .await
    })?;
    let s = shared
        .filter(|s| {
            crate::base::access::ssr::share_open(
                s.share_enabled,
                s.cancelled_at,
                s.closed_at,
                s.orders_close_at,
                now,
            )
        })
        .ok_or(AppError::NotFound)?;
    let row = (s.title, s.starts_at, s.time_zone, s.kind, s.display_name);
    let zone = crate::base::time::zone(&row.2);
    Ok(super::SharedEventView {
        title: row.0,
        host_first_name: first_name(&row.4),
        when: crate::base::l10n::fmt::datetime_long(crate::base::l10n::page_lang(), row.1, zone),
        time_zone: row.2,
        online: row.3 == "online",
    })
}

/// Why an answer was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    #[error("no such invitation")]
    NotFound,
    #[error("This party is cancelled.")]
    Cancelled,
    #[error("The party has started: answers are closed.")]
    Started,
    #[error("{0}")]
    Invalid(#[from] RsvpError),
    #[error("answering: {0}")]
    Database(#[from] sqlx::Error),
    #[error("answering: {0:#}")]
    Unexpected(#[from] anyhow::Error),
}

/// The refusal the guest reads, in the page's language.
impl From<AnswerError> for AppError {
    fn from(err: AnswerError) -> Self {
        let lang = crate::base::l10n::page_lang();
        match err {
            AnswerError::NotFound => AppError::NotFound,
            AnswerError::Cancelled => AppError::invalid("rsvp", tr!(lang, GUEST_ERROR_CANCELLED)),
            AnswerError::Started => AppError::invalid("rsvp", tr!(lang, GUEST_ERROR_STARTED)),
            AnswerError::Invalid(e) => AppError::invalid(e.field(), e.message(lang)),
            AnswerError::Database(e) => e.into(),
            AnswerError::Unexpected(e) => e.into(),
        }
    }
}

/// Records a guest's answer. A yes that does not fit the capacity (guests
/// plus companions) goes on the waiting list; a place that frees up moves
/// the first waiting guests up, and they are told by email, in the same
/// transaction. Returns the stored answer (`yes`, `waiting`, `maybe` or
/// `no`).
pub async fn answer(
    db: &Db,
    config: &crate::base::state::AppConfig,
    raw_token: &str,
    rsvp: &Rsvp,
    now: DateTime<Utc>,
) -> Result<String, AnswerError> {
    let inv = crate::base::access::ssr::invitation(db, raw_token, now)
        .await
        .map_err(|e| match e {
            AppError::NotFound => AnswerError::NotFound,
            other => AnswerError::Unexpected(anyhow::anyhow!("reading the invitation: {other}")),
        })?;
    if inv.cancelled_at.is_some() {
        return Err(AnswerError::Cancelled);
    }
    if now >= inv.starts_at {
        return Err(AnswerError::Started);
    }
    rsvp.check()?;
    let mut tx = db.begin().await?;
    let stored = record_answer(&mut tx, &inv, rsvp, now).await?;
    crate::base::consent::record_news(
        &mut tx,
        inv.brand_id,
        &inv.guest_email,
        rsvp.news,
        crate::base::consent::Source::Rsvp,
        now,
    )
    .await?;
    let promoted = move_up_waiting(&mut tx, config, &inv, now).await?;
    tx.party_changed(inv.event_id).await?;
    tx.commit().await?;
    for id in promoted {
        tracing::info!(
            guest_id = id,
            event_id = inv.event_id,
            "moved up from the waiting list"
        );
    }
    Ok(stored.to_owned())
}

/// Stores the guest's answer: a yes beyond the capacity waits. Answers of
/// one event are serialised (a row lock on PostgreSQL; the single writer
/// already does it on SQLite).
async fn record_answer(
    tx: &mut Tx,
    inv: &InvitationRow,
    rsvp: &Rsvp,
    now: DateTime<Utc>,
) -> Result<&'static str, sqlx::Error> {
    let (capacity, taken_by_others): (i64, i64) = on_tx!(tx, |c| {
        sqlx::query("UPDATE events SET updated_at = updated_at WHERE id = $1")
            .bind(inv.event_id)
            .execute(&mut *c)
            .await?;
        sqlx::query_as(
            "SELECT (SELECT capacity FROM events WHERE id = $1),
                    (SELECT CAST(COALESCE(SUM(1 + companions), 0) AS BIGINT) FROM guests
                      WHERE event_id = $1 AND rsvp = 'yes' AND id <> $2)",
        )
        .bind(inv.event_id)
        .bind(inv.guest_id)
        .fetch_one(&mut *c)
        .await?
    });
    let stored = match rsvp.answer {
        Answer::Yes if taken_by_others + 1 + rsvp.companions > capacity => "waiting",
        other => other.as_db(),
    };
    // Keep a waiting guest's place in the queue if they confirm again.
    let answered_at = if stored == "waiting" && inv.rsvp == "waiting" {
        None
    } else {
        Some(now)
    };
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE guests SET rsvp = $1, companions = $2, note = $3, answered_at = COALESCE($4, answered_at) WHERE id = $5",
        )
        .bind(stored)
        .bind(rsvp.companions)
        .bind(&rsvp.note)
        .bind(answered_at)
        .bind(inv.guest_id)
        .execute(&mut *c)
        .await?;
    });
    Ok(stored)
}

/// Seats may have freed up: moves waiting guests up, first come first
/// served, and queues their mail. Returns their ids.
async fn move_up_waiting(
    tx: &mut Tx,
    config: &crate::base::state::AppConfig,
    inv: &InvitationRow,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, AnswerError> {
    type Waiting = (i64, String, String, i64, Option<String>);
    let (mut taken, capacity, waiting): (i64, i64, Vec<Waiting>) = on_tx!(tx, |c| {
        let (taken, capacity): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT CAST(COALESCE(SUM(1 + companions), 0) AS BIGINT) FROM guests
                      WHERE event_id = $1 AND rsvp = 'yes'),
                    (SELECT capacity FROM events WHERE id = $1)",
        )
        .bind(inv.event_id)
        .fetch_one(&mut *c)
        .await?;
        let waiting = sqlx::query_as(
            "SELECT id, name, email, companions, token_nonce FROM guests
             WHERE event_id = $1 AND rsvp = 'waiting' ORDER BY answered_at, id",
        )
        .bind(inv.event_id)
        .fetch_all(&mut *c)
        .await?;
        (taken, capacity, waiting)
    });
    let code: String = on_tx!(tx, |c| {
        sqlx::query_scalar(concat!(
            "SELECT ",
            crate::party_language_sql!(),
            " FROM events e JOIN brands b ON b.id = e.brand_id WHERE e.id = $1"
        ))
        .bind(inv.event_id)
        .fetch_one(&mut *c)
        .await?
    });
    let lang = Lang::parse(&code).unwrap_or_default();
    let mut promoted = Vec::new();
    for (id, name, email, their_companions, nonce) in waiting {
        if taken + 1 + their_companions > capacity {
            break;
        }
        taken += 1 + their_companions;
        let link = nonce
            .map(|n| {
                format!(
                    "{}/i/{}",
                    config.public_url.as_str().trim_end_matches('/'),
                    super::invite::token(&config.signing_key.0, &n)
                )
            })
            .unwrap_or_default();
        let mail = crate::base::mail::build(
            &config.mail,
            &promotion_mail(lang, inv.event_id, &inv.title, &name, &email, &link),
            now,
        )?;
        on_tx!(tx, |c| {
            sqlx::query("UPDATE guests SET rsvp = 'yes' WHERE id = $1")
                .bind(id)
                .execute(&mut *c)
                .await?;
            crate::base::mail::insert_query(&mail)
                .execute(&mut *c)
                .await?;
        });
        promoted.push(id);
    }
    Ok(promoted)
}
