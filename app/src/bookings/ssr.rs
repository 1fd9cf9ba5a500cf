//! Booking requests, approving them into host accounts, and the single-use
//! links that let new hosts set their password.

use chrono::{DateTime, Utc};

use super::BookingRequest;
use crate::{
    base::{
        account::EmailAddress,
        db::Db,
        error::AppError,
        l10n::{fmt, page_lang, resolve::event_language},
        onboarding::{decline, onboard, Joined, Newcomer},
    },
    on_db,
};

/// Records the guest's request.
pub async fn ask_as_guest(db: &Db, guest_id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    let (brand_id, event_id, name, email): (i64, i64, String, String) = on_db!(
        db.reader(),
        |pool| {
            sqlx::query_as(
            "SELECT e.brand_id, e.id, g.name, g.email FROM guests g JOIN events e ON e.id = g.event_id WHERE g.id = $1",
        )
        .bind(guest_id)
        .fetch_one(pool)
        .await
        }
    )?;
    let name = if name.trim().is_empty() {
        email.split('@').next().unwrap_or_default().to_owned()
    } else {
        name
    };
    on_db!(db.writer(), |pool| {
        sqlx::query(crate::base::onboarding::REQUEST_SQL)
            .bind(brand_id)
            .bind(event_id)
            .bind(&name)
            .bind(email.to_lowercase())
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    DateTime<Utc>,
    String,
    String,
);

/// The brand's requests, pending first, newest first.
pub async fn list(db: &Db, brand_id: i64) -> Result<Vec<BookingRequest>, AppError> {
    let lang = page_lang();
    let rows: Vec<Row> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT b.id, b.name, b.email, e.title, u.display_name, b.created_at, b.status, e.time_zone
             FROM booking_requests b JOIN events e ON e.id = b.from_event_id JOIN users u ON u.id = e.host_id
             WHERE b.brand_id = $1
             ORDER BY CASE WHEN b.status = 'pending' THEN 0 ELSE 1 END, b.id DESC LIMIT 200",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, email, from_event, from_host, at, status, zone)| {
                let tz = crate::base::time::zone(&zone);
                BookingRequest {
                    id,
                    name,
                    email,
                    from_event,
                    from_host,
                    asked: fmt::datetime_long(lang, at, tz),
                    status,
                }
            },
        )
        .collect())
}

/// Approves or declines a pending request of the brand, and emails the
/// guest. Approving makes them a host (see [`crate::base::onboarding::onboard`]);
/// their first party will record the party they booked from.
pub async fn decide(
    db: &Db,
    config: &crate::base::state::AppConfig,
    brand_id: i64,
    id: i64,
    approve: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let found: Option<(String, String, String, String, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT b.name, b.email, b.status, br.name, b.from_event_id FROM booking_requests b
             JOIN brands br ON br.id = b.brand_id WHERE b.id = $1 AND b.brand_id = $2",
        )
        .bind(id)
        .bind(brand_id)
        .fetch_optional(pool)
        .await
    })?;
    let (name, email, status, brand, from_event) = found.ok_or(AppError::NotFound)?;
    if status != "pending" {
        return Err(AppError::invalid(
            "id",
            tr!(page_lang(), BOOKING_REQUEST_ANSWERED),
        ));
    }
    let address = EmailAddress::parse(&email, "id")?;
    if approve {
        let who = Newcomer {
            brand_id,
            name: &name,
            email: &address,
            city: "",
            joined: Joined::Booking(id),
        };
        onboard(db, config, &who, now).await?;
        return Ok(());
    }
    // A guest's mail is in the language of their party.
    let lang = event_language(db, from_event).await?;
    let text = format!(
        "{}\n\n{}\n",
        tr!(lang, MAIL_HELLO_NAME, name = &name),
        tr!(lang, BOOKING_MAIL_DECLINED, brand = &brand),
    );
    let sorry = crate::base::mail::plain(
        config,
        &name,
        &email,
        tr!(lang, BOOKING_MAIL_SUBJECT, brand = &brand),
        text,
        None,
        now,
    )?;
    Ok(decline(db, Joined::Booking(id), &sorry, now).await?)
}
