//! Guests' visits to their page, recorded off the request path: a view
//! only queues a visit when one is due, and a worker writes them. The
//! party's "guests here" count reads what is written.

use chrono::{DateTime, Duration, Utc};

use crate::{
    base::{access::ssr::InvitationRow, db::Db},
    on_db,
};

/// Guests count as present when they opened their page from this long
/// before the start.
pub const PRESENT_FROM: Duration = Duration::hours(2);
/// A guest's visit is written at most this often.
const SEEN_EVERY: Duration = Duration::hours(1);
/// Two views this close (queued before the first was written) are one visit.
const DUPLICATE_VISIT: Duration = Duration::minutes(1);

/// A guest's visit waiting to be written: the guest, their event, when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub guest_id: i64,
    pub event_id: i64,
    pub at: DateTime<Utc>,
}

/// Records guests' visits off the request path: a page view only queues a
/// visit, and only when one is due ([`visit_due`]); [`record_visits`]
/// writes them. A full queue drops the visit: the next view brings it back.
#[derive(Debug, Clone)]
pub struct Presence(tokio::sync::mpsc::Sender<Visit>);

/// Visits queued at most; past this, views are not recorded until the
/// writer catches up.
const QUEUED_VISITS: usize = 10_000;

impl Presence {
    /// A recorder and the queue its writer reads.
    pub fn new() -> (Presence, tokio::sync::mpsc::Receiver<Visit>) {
        let (tx, rx) = tokio::sync::mpsc::channel(QUEUED_VISITS);
        (Presence(tx), rx)
    }

    /// Notes that the guest of `row` opened their page at `now`.
    pub fn saw(&self, row: &InvitationRow, now: DateTime<Utc>) {
        if visit_due(row.last_seen_at, row.starts_at, now) {
            let _ = self.0.try_send(Visit {
                guest_id: row.guest_id,
                event_id: row.event_id,
                at: now,
            });
        }
    }
}

/// Whether a visit at `now` is worth writing, given the one recorded last:
/// at most once an hour, and at once when the party's "present" window
/// opened since (so the live count of guests there stays right).
pub fn visit_due(
    last: Option<DateTime<Utc>>,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    let window = starts_at - PRESENT_FROM;
    match last {
        None => true,
        Some(last) => now - last >= SEEN_EVERY || (last < window && window <= now),
    }
}

/// Writes queued visits in batches until the queue closes; once `stop`
/// completes, what is queued is written and no more is taken. The parties
/// of a written batch are announced (their guests here changed).
pub async fn record_visits(
    db: &Db,
    queue: &mut tokio::sync::mpsc::Receiver<Visit>,
    stop: impl std::future::Future<Output = ()>,
) {
    let mut stop = std::pin::pin!(stop);
    let mut stopping = false;
    loop {
        let first = tokio::select! {
            v = queue.recv() => v,
            () = &mut stop, if !stopping => {
                stopping = true;
                queue.close();
                continue;
            }
        };
        let Some(first) = first else { break };
        let mut batch = vec![first];
        while batch.len() < 500 {
            match queue.try_recv() {
                Ok(v) => batch.push(v),
                Err(_) => break,
            }
        }
        match write_visits(db, &batch).await {
            Ok(()) => {
                let mut parties: Vec<i64> = batch.iter().map(|v| v.event_id).collect();
                parties.sort_unstable();
                parties.dedup();
                for id in parties {
                    db.party_changed(id).await;
                }
            }
            Err(e) => tracing::warn!(error = %e, visits = batch.len(), "guest visits not recorded"),
        }
    }
}

/// One transaction for a batch of visits; a later visit never moves a
/// guest's time back.
async fn write_visits(db: &Db, batch: &[Visit]) -> Result<(), sqlx::Error> {
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        for v in batch {
            sqlx::query(
                "UPDATE guests SET last_seen_at = $1
                 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)",
            )
            .bind(v.at)
            .bind(v.guest_id)
            .bind(v.at - DUPLICATE_VISIT)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    })
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    #[test]
    fn a_visit_is_written_hourly_and_when_the_party_window_opens() {
        let starts = Utc.with_ymd_and_hms(2026, 12, 5, 19, 0, 0).unwrap();
        let days_before = starts - Duration::days(2);
        assert!(visit_due(None, starts, days_before), "a first visit");
        assert!(!visit_due(
            Some(days_before),
            starts,
            days_before + Duration::minutes(59)
        ));
        assert!(visit_due(
            Some(days_before),
            starts,
            days_before + Duration::hours(1)
        ));
        // Seen 2 h 30 before the start, back 45 min later: now "present".
        let before_window = starts - Duration::minutes(150);
        assert!(visit_due(
            Some(before_window),
            starts,
            before_window + Duration::minutes(45)
        ));
        // Seen inside the window already: hourly again.
        let inside = starts - Duration::minutes(90);
        assert!(!visit_due(
            Some(inside),
            starts,
            inside + Duration::minutes(30)
        ));
    }
}
