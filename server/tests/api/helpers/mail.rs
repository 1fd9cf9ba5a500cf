//! The mail outbox as the tests read it: who was written to, about what,
//! and the links inside.

use app::on_db;

use super::{
    rows::{count_rows, count_rows_with},
    TestApp,
};

/// Every queued message, soft line breaks of quoted-printable undone.
pub async fn messages(app: &TestApp) -> Vec<String> {
    let raw: Vec<String> = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT message FROM outbox ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    raw.into_iter().map(|m| m.replace("=\r\n", "")).collect()
}

/// The latest message queued for `email`, raw as it is stored.
pub async fn latest_mail_to(app: &TestApp, email: &str) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT message FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1"
    )
    .bind(email)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The set-password link in the latest mail to `email`.
pub async fn welcome_token(app: &TestApp, email: &str) -> String {
    let mail = latest_mail_to(app, email).await.replace("=\r\n", "");
    let start = mail.find("/welcome/").expect("a welcome link") + "/welcome/".len();
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// How many mails are queued, to anyone.
pub async fn outbox_count(app: &TestApp) -> i64 {
    count_rows(app, "SELECT COUNT(*) FROM outbox").await
}

/// How many mails to `email` have a subject starting with `subject`.
pub async fn mails_to(app: &TestApp, email: &str, subject: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE recipient = $1 AND subject LIKE $2"
    )
    .bind(email)
    .bind(format!("{subject}%"))
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// How many mails told a host their party is closed, with its reward.
pub async fn reward_mails(app: &TestApp) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM outbox WHERE subject LIKE $1",
        "%is closed: your reward",
    )
    .await
}

/// The mail warning a host that orders close in two days.
pub async fn deadline_warning(app: &TestApp) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT message FROM outbox WHERE subject LIKE 'Orders for % close in 2 days'"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// (status, attempts, last error) of every queued mail, by id.
pub async fn mail_states(app: &TestApp) -> Vec<(String, i64, Option<String>)> {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT status, attempts, last_error FROM outbox ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

/// Marks the mails to `email` given up on with `error`, as the worker would
/// after its last attempt.
pub async fn give_up_on_mail_to(app: &TestApp, email: &str, error: &str) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE outbox SET status = 'failed', last_error = $1 WHERE recipient = $2"
    )
    .bind(error)
    .bind(email)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// How many digests of party news were queued for hosts.
pub async fn host_digests(app: &TestApp) -> i64 {
    count_rows_with(
        app,
        "SELECT COUNT(*) FROM outbox WHERE subject LIKE $1",
        "% at your parties",
    )
    .await
}

/// A queued message's subject and text part, decoded.
pub fn read_mail(raw: &str) -> (String, String) {
    let mail = mailparse::parse_mail(raw.as_bytes()).expect("a MIME message");
    let subject = mail
        .headers
        .iter()
        .find(|h| h.get_key().eq_ignore_ascii_case("subject"))
        .map(|h| h.get_value())
        .unwrap_or_default();
    fn text_of(part: &mailparse::ParsedMail) -> Option<String> {
        if part.ctype.mimetype == "text/plain" {
            return part.get_body().ok();
        }
        part.subparts.iter().find_map(text_of)
    }
    (subject, text_of(&mail).unwrap_or_default())
}

/// The calendar file a queued message carries, decoded and unfolded.
pub fn calendar_of(raw: &str) -> Option<String> {
    let mail = mailparse::parse_mail(raw.as_bytes()).expect("a MIME message");
    fn find(part: &mailparse::ParsedMail) -> Option<String> {
        if part.ctype.mimetype == "text/calendar" {
            return part.get_body().ok();
        }
        part.subparts.iter().find_map(find)
    }
    find(&mail).map(|ics| ics.replace("\r\n ", ""))
}

/// The latest message to `email` whose subject is LIKE `pattern`.
pub async fn latest_mail_like(app: &TestApp, email: &str, pattern: &str) -> Option<String> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT message FROM outbox WHERE recipient = $1 AND subject LIKE $2 ORDER BY id DESC LIMIT 1"
    )
    .bind(email)
    .bind(pattern)
    .fetch_optional(pool)
    .await)
    .unwrap()
}
