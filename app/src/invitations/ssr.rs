//! The guest list in the database.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{
    domain::{GuestLine, RejectedLine},
    AddReport, GuestView, RsvpCounts,
};
use crate::{accounts::CurrentUser, db::Db, error::AppError, events, on_db};

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
    events::ssr::ensure_owned_open(db, host, event_id).await?;
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
    Ok(AddReport {
        added,
        merged,
        rejected,
    })
}

#[derive(sqlx::FromRow)]
struct GuestRow {
    id: i64,
    name: String,
    email: String,
    rsvp: String,
    companions: i64,
}

/// The guest list of an event its host or the brand's admin may see.
pub async fn list(
    db: &Db,
    viewer: &CurrentUser,
    event_id: i64,
) -> Result<Vec<GuestView>, AppError> {
    events::ssr::ensure_visible(db, viewer, event_id).await?;
    let rows: Vec<GuestRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, name, email, rsvp, companions FROM guests WHERE event_id = $1 ORDER BY created_at, id",
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
    events::ssr::ensure_owned_open(db, host, event_id).await?;
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
                "This guest has already answered and stays on the list.",
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
