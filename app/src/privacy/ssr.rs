//! The stop link's server side: reading it, stopping the mail, and the
//! one-click POST mail clients send (RFC 8058).

use axum::{
    extract::{Path, State},
    response::{Html, IntoResponse, Response},
    routing::{get, post},
    Router,
};
use chrono::{DateTime, Utc};

use crate::{
    base::{
        consent::{self, Stop},
        db::Db,
        error::AppError,
        state::{AppConfig, AppState},
    },
    on_db,
};

fn read(config: &AppConfig, token: &str) -> Result<Stop, AppError> {
    consent::read_stop_token(&config.signing_key.0, token).ok_or(AppError::NotFound)
}

/// The brand, the address and whether its mail is stopped.
pub async fn choice(
    db: &Db,
    config: &AppConfig,
    token: &str,
) -> Result<super::MailChoice, AppError> {
    let stop = read(config, token)?;
    let (brand, stopped) = consent::status(db, &stop).await?;
    Ok(super::MailChoice {
        brand,
        email: stop.email,
        stopped,
    })
}

/// Stops the mail of a stop link; returns the brand's name.
pub async fn stop(
    db: &Db,
    config: &AppConfig,
    token: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let stop = read(config, token)?;
    let brand = consent::stop(db, &stop, now).await?;
    tracing::info!(brand_id = stop.brand_id, "mail stopped by its link");
    Ok(brand)
}

/// `POST /unsubscribe/{token}`: the one-click stop of a mail client (no
/// cookie, no form of ours; the signed token is the authority).
pub fn router<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    Router::new()
        .route("/unsubscribe/{token}", post(one_click))
        .route("/i/{token}/my-data.json", get(my_data))
        .route("/brand/privacy/export", get(admin_export))
        .route(
            "/privacy/request/{token}/data.json",
            get(super::asked::download),
        )
        .with_state(state)
}

/// `GET /i/{token}/my-data.json`: the guest's own data, as a file.
async fn my_data(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let now = Utc::now();
    let exported = async {
        let inv = crate::base::access::ssr::invitation(&state.db, &token, now).await?;
        export(&state.db, inv.brand_id, &inv.guest_email, "guest", now).await
    };
    match exported.await {
        Ok(data) => attachment(&data),
        Err(err) => {
            let lang = crate::base::l10n::Lang::default();
            (err.status(), err.message(lang)).into_response()
        }
    }
}

#[derive(serde::Deserialize)]
struct ExportQuery {
    #[serde(default)]
    email: String,
}

/// `GET /brand/privacy/export?email=…`: what the admin's brand holds about
/// an address, as a file (another brand's data is never in it).
async fn admin_export(
    State(state): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<ExportQuery>,
    headers: axum::http::HeaderMap,
) -> Response {
    use crate::base::{account::Role, auth::ssr};
    let lang = crate::base::l10n::Lang::default();
    let now = Utc::now();
    let user = ssr::user_in(&state.db, &headers, now).await;
    let exported = async {
        let admin = user.ok_or(AppError::Unauthorized)?;
        if admin.role != Role::BrandAdmin {
            return Err(AppError::Forbidden);
        }
        let email = crate::base::account::EmailAddress::parse(&q.email, "email")?;
        let actor = format!("admin {}", admin.id);
        export(&state.db, admin.brand_id, email.as_str(), &actor, now).await
    };
    match exported.await {
        Ok(data) => attachment(&data),
        Err(err) => (err.status(), err.message(lang)).into_response(),
    }
}

/// A JSON export as a file to save.
pub fn attachment(data: &serde_json::Value) -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, "application/json"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"personal-data.json\"",
            ),
        ],
        serde_json::to_string_pretty(data).unwrap_or_default(),
    )
        .into_response()
}

/// The brand admin's erasure by address; answers what was erased.
pub async fn erase_for_admin(
    db: &Db,
    admin: &crate::base::account::CurrentUser,
    email: &str,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let lang = crate::base::l10n::page_lang();
    let address = crate::base::account::EmailAddress::parse(email, "email")?;
    if !confirmed {
        return Err(AppError::invalid("email", tr!(lang, ERASE_CONFIRM_NEEDED)));
    }
    let actor = format!("admin {}", admin.id);
    let done = erase(db, admin.brand_id, address.as_str(), &actor, now).await?;
    Ok(tr!(
        lang,
        PRIVACY_ERASED,
        invitations = done.invitations,
        orders = done.orders
    ))
}

/// The brand's privacy log, newest first, times in the brand's zone.
pub async fn log_lines(db: &Db, brand_id: i64) -> Result<Vec<super::LogLine>, AppError> {
    let lang = crate::base::l10n::page_lang();
    let zone = crate::base::brand::ssr::zone(db, brand_id).await?;
    let rows: Vec<(DateTime<Utc>, String, String, String)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT created_at, action, actor, subject FROM privacy_log
             WHERE brand_id = $1 ORDER BY id DESC LIMIT 200",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(at, action, actor, subject)| super::LogLine {
            at: crate::base::l10n::fmt::datetime_medium(lang, at, zone),
            action: match action.as_str() {
                "erase" => tr!(lang, PRIVACY_LOG_ERASE),
                _ => tr!(lang, PRIVACY_LOG_EXPORT),
            },
            actor: if actor == "guest" {
                tr!(lang, PRIVACY_LOG_BY_GUEST)
            } else {
                actor
            },
            subject: subject.chars().take(12).collect(),
        })
        .collect())
}

/// Erases the data of the guest holding `token`, once they confirmed.
pub async fn erase_mine(
    db: &Db,
    token: &str,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<Erased, AppError> {
    let inv = crate::base::access::ssr::invitation(db, token, now).await?;
    if !confirmed {
        return Err(AppError::invalid(
            "confirm",
            tr!(crate::base::l10n::page_lang(), ERASE_CONFIRM_NEEDED),
        ));
    }
    erase(db, inv.brand_id, &inv.guest_email, "guest", now).await
}

async fn one_click(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let lang = crate::base::l10n::Lang::default();
    match stop(&state.db, &state.config, &token, Utc::now()).await {
        Ok(brand) => Html(format!(
            "<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>Soirée</title><p>{}</p></html>",
            tr!(lang, STOP_DONE_SHORT, brand = brand.as_str())
                .replace('&', "&amp;")
                .replace('<', "&lt;")
        ))
        .into_response(),
        Err(err) => (err.status(), err.message(lang)).into_response(),
    }
}

/// How a person is named in the privacy log: a hash of the brand and the
/// address, never the address.
pub fn subject(brand_id: i64, email: &str) -> String {
    crate::base::tokens::hash_token(&format!("privacy:{brand_id}:{}", email.to_lowercase()))
}

/// Writes one line of the privacy log, in the transaction of what it logs.
const LOG_SQL: &str =
    "INSERT INTO privacy_log (brand_id, subject, action, actor, created_at) VALUES ($1, $2, $3, $4, $5)";

type GuestLine = (
    String,
    DateTime<Utc>,
    String,
    String,
    String,
    i64,
    String,
    Option<DateTime<Utc>>,
);
type OrderLine = (
    i64,
    String,
    DateTime<Utc>,
    String,
    String,
    String,
    Option<String>,
    i64,
    String,
);

type Choices = Option<(
    bool,
    Option<DateTime<Utc>>,
    Option<String>,
    Option<DateTime<Utc>>,
)>;

/// What the brand holds about one address.
struct Held {
    guests: Vec<GuestLine>,
    orders: Vec<OrderLine>,
    lines: Vec<(i64, String, i64, i64)>,
    favourites: Vec<(String, String)>,
    votes: Vec<(String, String, DateTime<Utc>)>,
    choices: Choices,
    /// The brand's news mailed to the address: subject and when.
    news: Vec<(String, DateTime<Utc>)>,
}

/// Whether the brand holds anything about `email` (lowercase).
pub async fn holds(db: &Db, brand_id: i64, email: &str) -> Result<bool, AppError> {
    let held = on_db!(db.reader(), |pool| {
        sqlx::query_scalar::<_, bool>(
            "SELECT EXISTS (SELECT 1 FROM guests g JOIN events e ON e.id = g.event_id
                            WHERE e.brand_id = $1 AND g.email = $2)
                 OR EXISTS (SELECT 1 FROM orders WHERE brand_id = $1 AND customer_email = $2)
                 OR EXISTS (SELECT 1 FROM mail_choices WHERE brand_id = $1 AND email = $2)
                 OR EXISTS (SELECT 1 FROM poll_votes v JOIN polls p ON p.id = v.poll_id
                            WHERE p.brand_id = $1 AND v.voter_email = $2)
                 OR EXISTS (SELECT 1 FROM booking_requests WHERE brand_id = $1 AND email = $2)",
        )
        .bind(brand_id)
        .bind(email)
        .fetch_one(pool)
        .await
    })?;
    Ok(held)
}

async fn held(db: &Db, brand_id: i64, email: &str) -> Result<Held, AppError> {
    let held = on_db!(db.reader(), |pool| {
        let guests: Vec<GuestLine> = sqlx::query_as(
            "SELECT e.title, e.starts_at, g.name, g.email, g.rsvp, g.companions, g.note, g.answered_at
             FROM guests g JOIN events e ON e.id = g.event_id
             WHERE e.brand_id = $1 AND g.email = $2 ORDER BY e.starts_at",
        )
        .bind(brand_id)
        .bind(email)
        .fetch_all(pool)
        .await?;
        let orders: Vec<OrderLine> = sqlx::query_as(
            "SELECT id, COALESCE(tracking_code, ''), placed_at, status, customer_name, customer_email,
                    address, total_cents, currency
             FROM orders WHERE brand_id = $1 AND customer_email = $2 AND kind = 'guest' ORDER BY placed_at",
        )
        .bind(brand_id)
        .bind(email)
        .fetch_all(pool)
        .await?;
        let lines: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT l.order_id, l.name, l.quantity, l.line_cents FROM order_lines l
             JOIN orders o ON o.id = l.order_id
             WHERE o.brand_id = $1 AND o.customer_email = $2 AND o.kind = 'guest' ORDER BY l.id",
        )
        .bind(brand_id)
        .bind(email)
        .fetch_all(pool)
        .await?;
        let favourites: Vec<(String, String)> = sqlx::query_as(
            "SELECT e.title, i.name FROM favourites f
             JOIN guests g ON g.id = f.guest_id JOIN events e ON e.id = g.event_id
             JOIN items i ON i.id = f.item_id
             WHERE e.brand_id = $1 AND g.email = $2 ORDER BY f.created_at",
        )
        .bind(brand_id)
        .bind(email)
        .fetch_all(pool)
        .await?;
        let votes: Vec<(String, String, DateTime<Utc>)> = sqlx::query_as(
            "SELECT p.question, o.label, v.created_at FROM poll_votes v
             JOIN polls p ON p.id = v.poll_id JOIN poll_options o ON o.id = v.option_id
             WHERE p.brand_id = $1 AND v.voter_email = $2 ORDER BY v.created_at",
        )
        .bind(brand_id)
        .bind(email)
        .fetch_all(pool)
        .await?;
        let choices: Choices = sqlx::query_as(
            "SELECT news, news_answered_at, news_source, stopped_at FROM mail_choices
                 WHERE brand_id = $1 AND email = $2",
        )
        .bind(brand_id)
        .bind(email)
        .fetch_optional(pool)
        .await?;
        Ok::<_, sqlx::Error>(Held {
            guests,
            orders,
            lines,
            favourites,
            votes,
            choices,
            news: Vec::new(),
        })
    })?;
    Ok(Held {
        news: news_received(db, brand_id, email).await?,
        ..held
    })
}

/// The brand's news mailed to `email`, oldest first.
async fn news_received(
    db: &Db,
    brand_id: i64,
    email: &str,
) -> Result<Vec<(String, DateTime<Utc>)>, AppError> {
    let news = on_db!(db.reader(), |pool| sqlx::query_as(
        "SELECT n.subject, n.created_at FROM news_deliveries d
         JOIN news_mailings n ON n.id = d.mailing_id
         WHERE n.brand_id = $1 AND d.email = $2 ORDER BY n.id"
    )
    .bind(brand_id)
    .bind(email)
    .fetch_all(pool)
    .await)?;
    Ok(news)
}

/// The reviews the address (`email`) wrote of the brand's items, oldest
/// first, as the data download gives them.
async fn reviews_written(
    db: &Db,
    brand_id: i64,
    email: &str,
) -> Result<serde_json::Value, AppError> {
    let sql = format!(
        "SELECT i.name, r.rating, r.body, r.state, r.reply, r.created_at FROM reviews r
         JOIN items i ON i.id = r.item_id
         WHERE r.brand_id = $1 AND r.order_id IN ({BUYER_ORDERS}) ORDER BY r.id"
    );
    type Row = (String, Option<i64>, String, String, String, DateTime<Utc>);
    let rows: Vec<Row> = on_db!(db.reader(), |pool| sqlx::query_as(&sql)
        .bind(brand_id)
        .bind(email)
        .fetch_all(pool)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|(item, rating, body, state, reply, at)| {
            serde_json::json!({
                "item": item, "rating": rating, "comment": body, "state": state,
                "brand_reply": reply, "written_at": at.to_rfc3339(),
            })
        })
        .collect())
}

fn as_json(held: &Held, email: &str, now: DateTime<Utc>) -> serde_json::Value {
    use serde_json::json;
    let iso = |at: DateTime<Utc>| at.to_rfc3339();
    json!({
        "email": email,
        "exported_at": iso(now),
        "invitations": held.guests.iter().map(|(title, starts, name, address, rsvp, companions, note, answered)| json!({
            "party": title, "starts_at": iso(*starts), "name": name, "email": address,
            "answer": rsvp, "companions": companions, "note": note, "answered_at": answered.map(iso),
        })).collect::<Vec<_>>(),
        "orders": held.orders.iter().map(|(id, code, placed, status, name, address, home, total, currency)| json!({
            "tracking_code": code, "placed_at": iso(*placed), "status": status, "name": name,
            "email": address, "delivery_address": home, "total_minor_units": total, "currency": currency,
            "lines": held.lines.iter().filter(|l| l.0 == *id).map(|(_, item, qty, cents)| json!({
                "item": item, "quantity": qty, "minor_units": cents,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "favourites": held.favourites.iter().map(|(party, item)| json!({ "party": party, "item": item })).collect::<Vec<_>>(),
        "votes": held.votes.iter().map(|(question, answer, at)| json!({ "question": question, "answer": answer, "at": iso(*at) })).collect::<Vec<_>>(),
        "mail": held.choices.clone().map(|(news, answered, source, stopped)| json!({
            "news": news, "news_answered_at": answered.map(iso), "news_asked_on": source,
            "stopped_at": stopped.map(iso),
        })),
        "news_received": held.news.iter().map(|(subject, at)| json!({ "subject": subject, "sent_at": iso(*at) })).collect::<Vec<_>>(),
    })
}

/// Everything Soirée holds about `email` for `brand_id`: answers and notes,
/// orders and their lines, favourites, votes, mail choices, the prize
/// credit left, the reviews written. The export is logged.
pub async fn export(
    db: &Db,
    brand_id: i64,
    email: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<serde_json::Value, AppError> {
    let email = email.trim().to_lowercase();
    let mut data = as_json(&held(db, brand_id, &email).await?, &email, now);
    data["prize_credit_minor_units"] = crate::base::guest_credit::balance(db, brand_id, &email)
        .await?
        .into();
    data["reviews"] = reviews_written(db, brand_id, &email).await?;
    on_db!(db.writer(), |pool| sqlx::query(LOG_SQL)
        .bind(brand_id)
        .bind(subject(brand_id, &email))
        .bind("export")
        .bind(actor)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(data)
}

/// Makes guest rows anonymous (add the WHERE): the answer stays, the
/// person and their link go. Erasure and retention both use it.
const ANONYMOUS_GUESTS: &str =
    "UPDATE guests SET name = '', note = '', token_hash = NULL, token_nonce = NULL,
        email = 'erased-' || CAST(id AS TEXT) || '@erased.invalid'";

/// What an erasure changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    pub invitations: u64,
    pub orders: u64,
}

/// What an erasure removes outright (or, for booking requests, makes
/// anonymous), each statement bound to the brand (`$1`) and the address
/// (`$2`): favourites, carts, votes, mail choices, data requests and news
/// with their mails, the party mails, the actor of order changes, their
/// reviews and their party album photos (the files to the media trash),
/// and the prize credit they had left.
fn removals() -> Vec<String> {
    let guests = "SELECT g.id FROM guests g JOIN events e ON e.id = g.event_id
                  WHERE e.brand_id = $1 AND g.email = $2";
    vec![
        format!("DELETE FROM favourites WHERE guest_id IN ({guests})"),
        format!(
            "DELETE FROM cart_lines WHERE cart_id IN (SELECT c.id FROM carts c
             WHERE c.owner IN (SELECT 'guest:' || CAST(id AS TEXT) FROM ({guests}) AS erased))"
        ),
        "DELETE FROM poll_votes WHERE voter_email = $2
         AND poll_id IN (SELECT id FROM polls WHERE brand_id = $1)"
            .to_owned(),
        "DELETE FROM mail_choices WHERE brand_id = $1 AND email = $2".to_owned(),
        "DELETE FROM outbox WHERE recipient = $2 AND message_id IN
         (SELECT mail_id FROM privacy_requests WHERE brand_id = $1 AND email = $2)"
            .to_owned(),
        "DELETE FROM privacy_requests WHERE brand_id = $1 AND email = $2".to_owned(),
        "DELETE FROM outbox WHERE recipient = $2 AND message_id IN
         (SELECT d.message_id FROM news_deliveries d JOIN news_mailings n ON n.id = d.mailing_id
          WHERE n.brand_id = $1 AND d.email = $2)"
            .to_owned(),
        "DELETE FROM news_deliveries WHERE email = $2
         AND mailing_id IN (SELECT id FROM news_mailings WHERE brand_id = $1)"
            .to_owned(),
        "DELETE FROM outbox WHERE recipient = $2
         AND event_id IN (SELECT id FROM events WHERE brand_id = $1)"
            .to_owned(),
        "UPDATE booking_requests SET name = '', email = 'erased-' || CAST(id AS TEXT) || '@erased.invalid'
         WHERE brand_id = $1 AND email = $2"
            .to_owned(),
    "UPDATE order_status_changes SET actor = 'guest (erased)'
         WHERE actor = 'guest ' || $2
         AND order_id IN (SELECT id FROM orders WHERE brand_id = $1)"
            .to_owned(),
        format!(
            "INSERT INTO media_trash (path, created_at)
             SELECT path, CURRENT_TIMESTAMP FROM (
                SELECT photo_path AS path FROM reviews WHERE order_id IN ({BUYER_ORDERS})
                UNION SELECT thumb_path FROM reviews WHERE order_id IN ({BUYER_ORDERS})
             ) AS photos WHERE path IS NOT NULL ON CONFLICT (path) DO NOTHING"
        ),
        format!("DELETE FROM reviews WHERE order_id IN ({BUYER_ORDERS})"),
        format!(
            "INSERT INTO media_trash (path, created_at)
             SELECT path, CURRENT_TIMESTAMP FROM (
                SELECT display_path AS path FROM album_photos WHERE guest_id IN ({guests})
                UNION SELECT thumb_path FROM album_photos WHERE guest_id IN ({guests})
             ) AS photos WHERE path IS NOT NULL ON CONFLICT (path) DO NOTHING"
        ),
        format!("DELETE FROM album_photos WHERE guest_id IN ({guests})"),
        "DELETE FROM guest_credits WHERE brand_id = $1 AND email = $2".to_owned(),
    ]
}

/// The orders of the address (`$2`) at the brand (`$1`).
const BUYER_ORDERS: &str = "SELECT id FROM orders WHERE brand_id = $1 AND customer_email = $2";

/// Erases `email` from `brand_id`'s data, in one transaction: names,
/// address, notes, favourites, votes, carts, mail choices and the mail sent
/// go; the invitations stay as anonymous answers and the orders as
/// anonymous sales, so the host's figures do not change; the guest's links
/// stop working. The erasure is logged, by a hash of the address.
pub async fn erase(
    db: &Db,
    brand_id: i64,
    email: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Erased, AppError> {
    let email = email.trim().to_lowercase();
    let marker = "erased@erased.invalid";
    let subject = subject(brand_id, &email);
    let erased = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        for sql in removals() {
            sqlx::query(&sql)
                .bind(brand_id)
                .bind(&email)
                .execute(&mut *tx)
                .await?;
        }
        // Their reviews went: the items' published figures follow.
        sqlx::query(crate::base::items::ssr::RECOUNT_RATINGS)
            .bind(brand_id)
            .execute(&mut *tx)
            .await?;
        let invitations = sqlx::query(&format!(
            "{ANONYMOUS_GUESTS} WHERE email = $2
             AND event_id IN (SELECT id FROM events WHERE brand_id = $1)"
        ))
        .bind(brand_id)
        .bind(&email)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let orders = sqlx::query(
            "UPDATE orders SET customer_name = 'Erased', address = NULL,
                    customer_email = 'erased-' || CAST(id AS TEXT) || '@erased.invalid'
             WHERE brand_id = $1 AND customer_email = $2",
        )
        .bind(brand_id)
        .bind(&email)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // The back office already has these events; the copies kept here
        // lose the address.
        sqlx::query(
            "UPDATE webhook_deliveries SET payload = REPLACE(payload, $2, $3) WHERE brand_id = $1",
        )
        .bind(brand_id)
        .bind(&email)
        .bind(marker)
        .execute(&mut *tx)
        .await?;
        sqlx::query(LOG_SQL)
            .bind(brand_id)
            .bind(&subject)
            .bind("erase")
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Erased {
            invitations,
            orders,
        })
    })?;
    tracing::info!(brand_id, ?erased, "a person's data erased");
    Ok(erased)
}

/// Retention: guests who never answered are made anonymous once their
/// party is older than their brand's `retention_months` (12 at most), with
/// their favourites, carts and the mails sent to them. Returns how many.
pub async fn forget_silent_guests(db: &Db, now: DateTime<Utc>) -> Result<u64, AppError> {
    let brands: Vec<(i64, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as("SELECT id, retention_months FROM brands")
            .fetch_all(pool)
            .await
    })?;
    let mut forgotten = 0;
    for (brand_id, months) in brands {
        let months = u32::try_from(months.clamp(1, 12)).unwrap_or(12);
        let Some(cutoff) = now.checked_sub_months(chrono::Months::new(months)) else {
            continue;
        };
        forgotten += on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            let silent = "SELECT g.id FROM guests g JOIN events e ON e.id = g.event_id
                          WHERE e.brand_id = $1 AND e.starts_at < $2 AND g.rsvp = 'pending'
                            AND g.email NOT LIKE 'erased-%'";
            for sql in [
                format!("DELETE FROM favourites WHERE guest_id IN ({silent})"),
                format!(
                    "DELETE FROM carts WHERE owner IN
                     (SELECT 'guest:' || CAST(id AS TEXT) FROM ({silent}) AS silent)"
                ),
                format!(
                    "DELETE FROM outbox WHERE EXISTS
                     (SELECT 1 FROM guests g2 WHERE g2.id IN ({silent})
                      AND g2.email = outbox.recipient AND g2.event_id = outbox.event_id)"
                ),
            ] {
                sqlx::query(&sql)
                    .bind(brand_id)
                    .bind(cutoff)
                    .execute(&mut *tx)
                    .await?;
            }
            let n = sqlx::query(&format!("{ANONYMOUS_GUESTS} WHERE id IN ({silent})"))
                .bind(brand_id)
                .bind(cutoff)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n)
        })?;
    }
    if forgotten > 0 {
        tracing::info!(forgotten, "guests who never answered made anonymous");
    }
    Ok(forgotten)
}

/// The privacy notice of the brand of `slug`, or of the home page's brand.
pub async fn notice(db: &Db, slug: Option<&str>) -> Result<super::Notice, AppError> {
    let row: Option<(String, String, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT name, slug, retention_months FROM brands
             WHERE slug = $1 OR $1 = '' ORDER BY id LIMIT 1",
        )
        .bind(slug.unwrap_or_default())
        .fetch_optional(pool)
        .await
    })?;
    let (brand, slug, retention_months) = row.ok_or(AppError::NotFound)?;
    Ok(super::Notice {
        brand,
        slug,
        retention_months,
    })
}
