//! Building messages and moving them through the outbox.

use chrono::{DateTime, Duration, Utc};
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};

use crate::{
    base::{db::Db, error::AppError},
    on_db,
};

/// Who mail comes from and the host name for Message-IDs.
#[derive(Debug, Clone)]
pub struct MailIdentity {
    pub from: Mailbox,
    pub message_id_host: String,
}

/// An email to queue: multipart text + HTML, with optional attachments.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to_name: String,
    pub to_email: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// (file name, content type, content)
    pub attachments: Vec<(String, String, Vec<u8>)>,
    pub event_id: Option<i64>,
    /// Who answers reach, (name, email): the host of a party's mail; the
    /// sender when `None`.
    pub reply_to: Option<(String, String)>,
    /// A non-transactional mail's stop link (`base::consent::stop_url`):
    /// sent as `List-Unsubscribe` with one-click (RFC 8058).
    pub unsubscribe: Option<String>,
}

impl OutgoingMail {
    /// A plain mail to one person: the text, and the same as HTML; the
    /// caller sets what else it carries.
    pub fn text(name: &str, email: &str, subject: String, text: String) -> OutgoingMail {
        OutgoingMail {
            to_name: name.to_owned(),
            to_email: email.to_owned(),
            subject,
            html: text_to_html(&text),
            text,
            attachments: vec![],
            event_id: None,
            reply_to: None,
            unsubscribe: None,
        }
    }
}

/// A message ready to store: its bytes never change between retries.
#[derive(Debug, Clone)]
pub struct QueuedMail {
    pub event_id: Option<i64>,
    pub sender: String,
    pub recipient: String,
    pub subject: String,
    pub message: String,
    pub message_id: String,
    pub created_at: DateTime<Utc>,
}

/// Formats `mail` into a complete message with a fresh Message-ID.
pub fn build(
    identity: &MailIdentity,
    mail: &OutgoingMail,
    now: DateTime<Utc>,
) -> anyhow::Result<QueuedMail> {
    let to_email: lettre::Address = mail.to_email.parse()?;
    let to = Mailbox::new(
        (!mail.to_name.is_empty()).then(|| mail.to_name.clone()),
        to_email,
    );
    let message_id = format!(
        "<{}@{}>",
        crate::base::tokens::random_hex::<16>(),
        identity.message_id_host
    );
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(mail.text.clone()))
        .singlepart(SinglePart::html(mail.html.clone()));
    let body = if mail.attachments.is_empty() {
        alternative
    } else {
        let mut mixed = MultiPart::mixed().multipart(alternative);
        for (name, content_type, bytes) in &mail.attachments {
            mixed = mixed.singlepart(
                Attachment::new(name.clone())
                    .body(bytes.clone(), ContentType::parse(content_type)?),
            );
        }
        mixed
    };
    let mut message = lettre::Message::builder()
        .from(identity.from.clone())
        .to(to.clone());
    if let Some((name, email)) = &mail.reply_to {
        message = message.reply_to(Mailbox::new(
            (!name.is_empty()).then(|| name.clone()),
            email.parse()?,
        ));
    }
    if let Some(link) = &mail.unsubscribe {
        use lettre::message::header::{HeaderName, HeaderValue};
        message = message
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{link}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    let message = message
        .subject(mail.subject.clone())
        .message_id(Some(message_id.clone()))
        .date(now.into())
        .multipart(body)?;
    Ok(QueuedMail {
        event_id: mail.event_id,
        sender: identity.from.email.to_string(),
        recipient: to.email.to_string(),
        subject: mail.subject.clone(),
        message: String::from_utf8(message.formatted())?,
        message_id,
        created_at: now,
    })
}

/// A plain mail to one person (text, and the same as HTML), ready for the
/// outbox; about party `event_id` when it is one (the guest list shows how its
/// delivery went).
pub fn plain(
    config: &crate::base::state::AppConfig,
    name: &str,
    email: &str,
    subject: String,
    text: String,
    event_id: Option<i64>,
    now: DateTime<Utc>,
) -> anyhow::Result<QueuedMail> {
    let mut mail = OutgoingMail::text(name, email, subject, text);
    mail.event_id = event_id;
    build(&config.mail, &mail, now)
}

/// A plain-text mail body as HTML: escaped, blank lines as paragraphs.
pub fn text_to_html(text: &str) -> String {
    format!(
        "<p>{}</p>",
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace("\n\n", "</p><p>")
            .replace('\n', "<br>")
    )
}

/// The INSERT of one queued mail, to run on the caller's transaction.
pub const INSERT_SQL: &str =
    "INSERT INTO outbox (event_id, sender, recipient, subject, message, message_id,
        next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";

/// Binds a queued mail to [`INSERT_SQL`] for either engine.
pub fn insert_query<'q, DB>(
    mail: &'q QueuedMail,
) -> sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>
where
    DB: sqlx::Database,
    Option<i64>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    sqlx::query(INSERT_SQL)
        .bind(mail.event_id)
        .bind(mail.sender.as_str())
        .bind(mail.recipient.as_str())
        .bind(mail.subject.as_str())
        .bind(mail.message.as_str())
        .bind(mail.message_id.as_str())
        .bind(mail.created_at)
}

/// Queues one mail on its own (for mail that no other write causes).
pub async fn enqueue(db: &Db, mail: &QueuedMail) -> Result<(), AppError> {
    on_db!(db.writer(), |pool| insert_query(mail)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A mail the worker has claimed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClaimedMail {
    pub id: i64,
    pub sender: String,
    pub recipient: String,
    pub message: String,
    pub message_id: String,
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
}

/// Claims up to `limit` due mails for this worker (see [`crate::base::queue`]).
pub async fn claim_due(
    db: &Db,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<ClaimedMail>, AppError> {
    crate::base::queue::OUTBOX.claim(db, now, limit).await
}

/// Records that the SMTP server accepted the mail.
pub async fn mark_sent(db: &Db, id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    on_db!(db.writer(), |pool| {
        sqlx::query(
        "UPDATE outbox SET status = 'sent', sent_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2"
    )
    .bind(now)
    .bind(id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Records a failed attempt: retried later, or failed after a day.
pub async fn mark_failed_attempt(
    db: &Db,
    mail: &ClaimedMail,
    error: &str,
    base: Duration,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (status, next) =
        crate::base::queue::after_failure(mail.attempts, mail.created_at, base, now);
    let error: String = error.chars().take(500).collect();
    on_db!(db.writer(), |pool| {
        sqlx::query(
        "UPDATE outbox SET status = $1, next_attempt_at = $2, locked_until = NULL, last_error = $3 WHERE id = $4"
    )
    .bind(status)
    .bind(next)
    .bind(&error)
    .bind(mail.id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_message_is_multipart_with_its_message_id() {
        let identity = MailIdentity {
            from: "Soirée <no-reply@soiree.example>".parse().unwrap(),
            message_id_host: "soiree.example".into(),
        };
        let mail = OutgoingMail {
            to_name: "Ana Lima".into(),
            to_email: "ana@example.com".into(),
            subject: "You're invited".into(),
            text: "Plain words".into(),
            html: "<p>Rich words</p>".into(),
            attachments: vec![(
                "invite.ics".into(),
                "text/calendar; method=PUBLISH".into(),
                b"BEGIN:VCALENDAR".to_vec(),
            )],
            event_id: None,
            reply_to: Some(("Camille Martin".into(), "camille@example.com".into())),
            unsubscribe: None,
        };
        let q = build(&identity, &mail, Utc::now()).unwrap();
        assert!(q.message_id.ends_with("@soiree.example>"));
        assert!(q.message.contains(&format!("Message-ID: {}", q.message_id)));
        assert!(q.message.contains("multipart/mixed"));
        assert!(q.message.contains("multipart/alternative"));
        assert!(q.message.contains("text/calendar"));
        assert_eq!(q.recipient, "ana@example.com");
        assert!(q
            .message
            .contains("Reply-To: \"Camille Martin\" <camille@example.com>"));
    }
}
