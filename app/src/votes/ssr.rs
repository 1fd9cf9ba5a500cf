//! Polls in the database. Brand functions take the brand they act for;
//! guest functions take the guest behind a personal link.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{
    EventVotes, GuestPoll, OptionResult, PollForm, PollResults, PollSummary, MAX_OPTIONS,
    MIN_OPTIONS,
};
use crate::{
    base::{access::ssr::InvitationRow, db::Db, error::AppError},
    on_db,
};

const QUESTION_MAX: usize = 200;
const LABEL_MAX: usize = 80;

/// A checked option: its label and the item it names, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDraft {
    pub label: String,
    pub item_id: Option<i64>,
}

/// Checks a poll form. `item_name` gives the name of an item of the brand
/// (None: not the brand's).
pub fn parse(
    form: &PollForm,
    item_name: impl Fn(i64) -> Option<String>,
) -> Result<(String, Vec<OptionDraft>), AppError> {
    let question = form.question.trim();
    if question.is_empty() {
        return Err(AppError::invalid(
            "question",
            "Ask a question, e.g. Which colour should we make next?",
        ));
    }
    if question.chars().count() > QUESTION_MAX {
        return Err(AppError::invalid(
            "question",
            format!("Keep the question under {QUESTION_MAX} characters."),
        ));
    }
    let rows = form.labels.len().max(form.items.len());
    let mut options = Vec::new();
    for n in 0..rows {
        let label = form.labels.get(n).map(|l| l.trim()).unwrap_or_default();
        let item = form.items.get(n).map(|i| i.trim()).unwrap_or_default();
        let item_id = match item {
            "" => None,
            raw => {
                let id: i64 = raw
                    .parse()
                    .map_err(|_| AppError::invalid("options", "Pick items of your catalog."))?;
                let name = item_name(id)
                    .ok_or_else(|| AppError::invalid("options", "Pick items of your catalog."))?;
                Some((id, name))
            }
        };
        let label = match (label, &item_id) {
            ("", None) => continue,
            ("", Some((_, name))) => name.clone(),
            (label, _) => label.to_owned(),
        };
        if label.chars().count() > LABEL_MAX {
            return Err(AppError::invalid(
                "options",
                format!("Keep option {} under {LABEL_MAX} characters.", n + 1),
            ));
        }
        if options
            .iter()
            .any(|o: &OptionDraft| o.label.eq_ignore_ascii_case(&label))
        {
            return Err(AppError::invalid(
                "options",
                format!("“{label}” appears twice: each option must be different."),
            ));
        }
        options.push(OptionDraft {
            label,
            item_id: item_id.map(|(id, _)| id),
        });
    }
    if options.len() < MIN_OPTIONS || options.len() > MAX_OPTIONS {
        return Err(AppError::invalid(
            "options",
            format!(
                "Give between {MIN_OPTIONS} and {MAX_OPTIONS} options; there are {}.",
                options.len()
            ),
        ));
    }
    Ok((question.to_owned(), options))
}

/// The brand's polls, newest first, with their vote counts.
pub async fn list(db: &Db, brand_id: i64) -> Result<Vec<PollSummary>, AppError> {
    let rows: Vec<(i64, String, Option<DateTime<Utc>>, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT p.id, p.question, p.closed_at,
                    (SELECT COUNT(*) FROM poll_votes v WHERE v.poll_id = p.id)
             FROM polls p WHERE p.brand_id = $1 ORDER BY p.created_at DESC, p.id DESC",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, question, closed, votes)| PollSummary {
            id,
            question,
            open: closed.is_none(),
            votes,
        })
        .collect())
}

/// Opens a poll; returns its id.
pub async fn create(
    db: &Db,
    brand_id: i64,
    form: &PollForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let names: HashMap<i64, String> = on_db!(db.reader(), |pool| {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT id, name FROM items WHERE brand_id = $1 AND archived_at IS NULL",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?
    .into_iter()
    .collect();
    let (question, options) = parse(form, |id| names.get(&id).cloned())?;
    let id: i64 = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO polls (brand_id, question, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(brand_id)
        .bind(&question)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for (n, option) in options.iter().enumerate() {
            sqlx::query(
                "INSERT INTO poll_options (poll_id, position, label, item_id) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(n as i64 + 1)
            .bind(&option.label)
            .bind(option.item_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// Closes or reopens a poll of the brand.
pub async fn set_open(
    db: &Db,
    brand_id: i64,
    id: i64,
    open: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let changed = on_db!(db.writer(), |pool| {
        sqlx::query(
            "UPDATE polls SET closed_at = CASE WHEN $3 THEN NULL ELSE $4 END
             WHERE id = $1 AND brand_id = $2",
        )
        .bind(id)
        .bind(brand_id)
        .bind(open)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

async fn options_with_votes(db: &Db, poll_id: i64) -> Result<Vec<OptionResult>, AppError> {
    let rows: Vec<(i64, String, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT o.id, o.label, (SELECT COUNT(*) FROM poll_votes v WHERE v.option_id = o.id)
             FROM poll_options o WHERE o.poll_id = $1 ORDER BY o.position",
        )
        .bind(poll_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, label, votes)| OptionResult { id, label, votes })
        .collect())
}

/// A poll's results overall and per event, for the brand.
pub async fn results(db: &Db, brand_id: i64, id: i64) -> Result<PollResults, AppError> {
    let poll: Option<(String, Option<DateTime<Utc>>)> = on_db!(db.reader(), |pool| {
        sqlx::query_as("SELECT question, closed_at FROM polls WHERE id = $1 AND brand_id = $2")
            .bind(id)
            .bind(brand_id)
            .fetch_optional(pool)
            .await
    })?;
    let (question, closed) = poll.ok_or(AppError::NotFound)?;
    let options = options_with_votes(db, id).await?;
    let rows: Vec<(i64, String, String, i64, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT e.id, e.title, u.display_name, v.option_id, COUNT(*)
             FROM poll_votes v JOIN events e ON e.id = v.event_id JOIN users u ON u.id = e.host_id
             WHERE v.poll_id = $1
             GROUP BY e.id, e.title, u.display_name, v.option_id
             ORDER BY e.id",
        )
        .bind(id)
        .fetch_all(pool)
        .await
    })?;
    let mut per_event: Vec<EventVotes> = Vec::new();
    for (event_id, title, host, option_id, count) in rows {
        if per_event.last().map(|e| e.event_id) != Some(event_id) {
            per_event.push(EventVotes {
                event_id,
                title,
                host,
                votes: vec![0; options.len()],
                total: 0,
            });
        }
        let entry = per_event.last_mut().expect("pushed above");
        if let Some(n) = options.iter().position(|o| o.id == option_id) {
            entry.votes[n] += count;
        }
        entry.total += count;
    }
    per_event.sort_by(|a, b| b.total.cmp(&a.total).then(a.event_id.cmp(&b.event_id)));
    Ok(PollResults {
        id,
        question,
        open: closed.is_none(),
        total: options.iter().map(|o| o.votes).sum(),
        options,
        per_event,
    })
}

/// The guest's email and the event's brand.
async fn voter(db: &Db, guest_id: i64) -> Result<(String, i64), AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT g.email, e.brand_id FROM guests g JOIN events e ON e.id = g.event_id WHERE g.id = $1",
        )
        .bind(guest_id)
        .fetch_one(pool)
        .await
    })?)
}

/// The brand's open polls for a guest, with results where they voted.
pub async fn for_guest(db: &Db, guest: &InvitationRow) -> Result<Vec<GuestPoll>, AppError> {
    let (email, brand_id) = voter(db, guest.guest_id).await?;
    let polls: Vec<(i64, String, Option<i64>)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT p.id, p.question,
                    (SELECT v.option_id FROM poll_votes v WHERE v.poll_id = p.id AND v.voter_email = $2)
             FROM polls p WHERE p.brand_id = $1 AND p.closed_at IS NULL
             ORDER BY p.created_at DESC, p.id DESC",
        )
        .bind(brand_id)
        .bind(&email)
        .fetch_all(pool)
        .await
    })?;
    let mut out = Vec::new();
    for (id, question, my_vote) in polls {
        let mut options = options_with_votes(db, id).await?;
        let total = options.iter().map(|o| o.votes).sum();
        if my_vote.is_none() {
            // No results before voting: they would sway the vote.
            for o in &mut options {
                o.votes = 0;
            }
        }
        out.push(GuestPoll {
            id,
            question,
            options,
            my_vote,
            total: if my_vote.is_some() { total } else { 0 },
        });
    }
    Ok(out)
}

/// Records a guest's vote: once per person (by email) per poll.
pub async fn vote(
    db: &Db,
    guest: &InvitationRow,
    poll_id: i64,
    option_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if guest.cancelled_at.is_some() {
        return Err(AppError::invalid(
            &format!("poll-{poll_id}"),
            "This party is cancelled: voting is closed.",
        ));
    }
    let (email, brand_id) = voter(db, guest.guest_id).await?;
    let result = on_db!(db.writer(), |pool| {
        let open: Option<(Option<DateTime<Utc>>,)> = sqlx::query_as(
            "SELECT p.closed_at FROM polls p JOIN poll_options o ON o.poll_id = p.id
             WHERE p.id = $1 AND p.brand_id = $2 AND o.id = $3",
        )
        .bind(poll_id)
        .bind(brand_id)
        .bind(option_id)
        .fetch_optional(pool)
        .await?;
        match open {
            None => return Err(AppError::NotFound),
            Some((Some(_),)) => {
                return Err(AppError::invalid(
                    &format!("poll-{poll_id}"),
                    "This vote is closed.",
                ))
            }
            Some((None,)) => {}
        }
        sqlx::query(
            "INSERT INTO poll_votes (poll_id, option_id, guest_id, event_id, voter_email, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(poll_id)
        .bind(option_id)
        .bind(guest.guest_id)
        .bind(guest.event_id)
        .bind(&email)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    });
    match result {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(AppError::invalid(
            &format!("poll-{poll_id}"),
            "You have already voted in this poll: one vote per guest.",
        )),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(labels: &[&str], items: &[&str]) -> PollForm {
        PollForm {
            question: "Which colour next?".into(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
            items: items.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn names(id: i64) -> Option<String> {
        (id == 7).then(|| "Fig Leaf Candle".to_owned())
    }

    #[test]
    fn options_come_from_text_or_items() {
        let (_, options) = parse(&form(&["Sage", "", ""], &["", "7", ""]), names).unwrap();
        assert_eq!(
            options,
            vec![
                OptionDraft {
                    label: "Sage".into(),
                    item_id: None
                },
                OptionDraft {
                    label: "Fig Leaf Candle".into(),
                    item_id: Some(7)
                },
            ]
        );
    }

    #[test]
    fn two_to_six_distinct_options() {
        let err = parse(&form(&["Sage"], &[]), names).unwrap_err();
        assert!(err
            .for_field("options")
            .unwrap()
            .contains("between 2 and 6"));
        let seven = ["a", "b", "c", "d", "e", "f", "g"];
        assert!(parse(&form(&seven, &[]), names).is_err());
        assert!(parse(&form(&["Sage", "sage"], &[]), names).is_err());
        assert!(parse(&form(&["Sage", ""], &["", "8"]), names).is_err());
        let mut no_question = form(&["a", "b"], &[]);
        no_question.question = " ".into();
        assert!(parse(&no_question, names)
            .unwrap_err()
            .for_field("question")
            .is_some());
    }
}
