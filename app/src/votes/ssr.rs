//! Polls in the database. Brand functions take the brand they act for;
//! guest functions take the guest behind a personal link.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{
    EventVotes, GuestPoll, OptionResult, PollForm, PollResults, PollSummary, PollTranslation,
    TranslatedOption,
};
use crate::{
    base::{
        access::ssr::InvitationRow,
        content::{self, ssr::text_sql, Kind, Texts},
        db::Db,
        error::AppError,
        l10n::Lang,
    },
    on_db, on_tx,
};

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
    let (question, options) = super::domain::parse(form, |id| names.get(&id).cloned())?;
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

/// Closes an open poll of the brand with what it will do with the
/// result, in one transaction: the winning option (most votes, the first
/// listed on a tie) is kept, and the item it names gets the fans' mark.
pub async fn close(
    db: &Db,
    brand_id: i64,
    id: i64,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let outcome = outcome.trim();
    let lang = crate::base::l10n::page_lang();
    if outcome.is_empty() {
        return Err(AppError::invalid("outcome", tr!(lang, POLL_ERROR_OUTCOME)));
    }
    if outcome.chars().count() > 1000 {
        return Err(AppError::invalid(
            "outcome",
            tr!(lang, POLL_ERROR_OUTCOME_LONG, max = 1000),
        ));
    }
    let mut tx = db.begin().await?;
    let winner: Option<(i64, Option<i64>)> = on_tx!(&mut tx, |t| sqlx::query_as(
        "SELECT o.id, o.item_id FROM poll_options o JOIN polls p ON p.id = o.poll_id
         WHERE o.poll_id = $1 AND p.brand_id = $2
           AND EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = o.poll_id)
         ORDER BY (SELECT COUNT(*) FROM poll_votes v WHERE v.option_id = o.id) DESC, o.position
         LIMIT 1"
    )
    .bind(id)
    .bind(brand_id)
    .fetch_optional(&mut *t)
    .await?);
    let closed = on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE polls SET closed_at = $1, outcome = $2, winner_option_id = $3
         WHERE id = $4 AND brand_id = $5 AND closed_at IS NULL"
    )
    .bind(now)
    .bind(outcome)
    .bind(winner.map(|w| w.0))
    .bind(id)
    .bind(brand_id)
    .execute(&mut *t)
    .await?
    .rows_affected());
    if closed == 0 {
        return Err(AppError::NotFound);
    }
    if let Some(item) = winner.and_then(|w| w.1) {
        on_tx!(&mut tx, |t| sqlx::query(
            "UPDATE items SET chosen_by_fans_at = COALESCE(chosen_by_fans_at, $1),
                card_version = card_version + 1 WHERE id = $2"
        )
        .bind(now)
        .bind(item)
        .execute(&mut *t)
        .await?
        .rows_affected());
    }
    tx.commit().await?;
    Ok(())
}

/// An option's label in SQL: in `lang` where the brand translated it (an
/// item's option takes the item's name), else as written.
fn option_label_sql(lang: Option<Lang>) -> String {
    match lang {
        Some(lang) => text_sql(
            lang,
            Kind::PollOption,
            "label",
            "o.id",
            &text_sql(lang, Kind::Item, "name", "o.item_id", "o.label"),
        ),
        None => "o.label".to_owned(),
    }
}

/// A poll's options with their votes, labelled in `lang` where the brand
/// translated them (an option naming an item takes the item's name), or
/// in the brand's words (`None`).
async fn options_with_votes(
    db: &Db,
    poll_id: i64,
    lang: Option<Lang>,
) -> Result<Vec<OptionResult>, AppError> {
    let label = option_label_sql(lang);
    let sql = format!(
        "SELECT o.id, {label}, (SELECT COUNT(*) FROM poll_votes v WHERE v.option_id = o.id)
         FROM poll_options o WHERE o.poll_id = $1 ORDER BY o.position"
    );
    let rows: Vec<(i64, String, i64)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&sql).bind(poll_id).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, label, votes)| OptionResult { id, label, votes })
        .collect())
}

/// A poll's results overall and per event, for the brand.
pub async fn results(db: &Db, brand_id: i64, id: i64) -> Result<PollResults, AppError> {
    let poll: Option<(String, Option<DateTime<Utc>>, String)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT question, closed_at, outcome FROM polls WHERE id = $1 AND brand_id = $2",
        )
        .bind(id)
        .bind(brand_id)
        .fetch_optional(pool)
        .await
    })?;
    let (question, closed, outcome) = poll.ok_or(AppError::NotFound)?;
    let options = options_with_votes(db, id, None).await?;
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
    let brand = crate::base::l10n::resolve::brand_language_of(db, brand_id).await?;
    let translation = translation(db, brand_id, id, content::translation_language(brand)).await?;
    Ok(PollResults {
        outcome,
        translation,
        id,
        question,
        open: closed.is_none(),
        total: options.iter().map(|o| o.votes).sum(),
        options,
        per_event,
    })
}

/// A guest's polls as read before their page was rendered, for the
/// page's render to reuse: the server keeps the guest's rendered page
/// while what it was made from is the same (`pages::kept`), so the page
/// must show exactly these.
#[derive(Debug, Clone)]
pub struct KeptPolls {
    pub guest_id: i64,
    pub lang: Lang,
    pub polls: Vec<GuestPoll>,
}

/// The brand's open polls for a guest, with results where they voted, in
/// the page's language: those the request read already
/// ([`KeptPolls`]), else [`read_for_guest`].
pub async fn for_guest(db: &Db, guest: &InvitationRow) -> Result<Vec<GuestPoll>, AppError> {
    let lang = crate::base::l10n::page_lang();
    let kept = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<KeptPolls>().cloned())
        .filter(|k| k.guest_id == guest.guest_id && k.lang == lang);
    match kept {
        Some(kept) => Ok(kept.polls),
        None => read_for_guest(db, guest, lang).await,
    }
}

/// The brand's open polls for a guest, with results where they voted.
/// In `lang` where the brand translated them. One statement: a row per
/// option, the polls newest first.
pub async fn read_for_guest(
    db: &Db,
    guest: &InvitationRow,
    lang: Lang,
) -> Result<Vec<GuestPoll>, AppError> {
    let sql = format!(
        "SELECT p.id, {},
                (SELECT v.option_id FROM poll_votes v WHERE v.poll_id = p.id AND v.voter_email = $2),
                o.id, {},
                (SELECT COUNT(*) FROM poll_votes v WHERE v.option_id = o.id),
                p.closed_at IS NOT NULL, p.outcome, p.winner_option_id
         FROM polls p JOIN poll_options o ON o.poll_id = p.id
         WHERE p.brand_id = $1 AND (p.closed_at IS NULL OR EXISTS
            (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.voter_email = $2))
         ORDER BY p.closed_at IS NOT NULL, p.created_at DESC, p.id DESC, o.position",
        text_sql(lang, Kind::Poll, "question", "p.id", "p.question"),
        option_label_sql(Some(lang)),
    );
    type Row = (
        i64,
        String,
        Option<i64>,
        i64,
        String,
        i64,
        bool,
        String,
        Option<i64>,
    );
    let rows: Vec<Row> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&sql)
            .bind(guest.brand_id)
            .bind(&guest.guest_email)
            .fetch_all(pool)
            .await
    })?;
    let mut out: Vec<GuestPoll> = Vec::new();
    for (id, question, my_vote, option_id, label, votes, closed, outcome, winner) in rows {
        if out.last().is_none_or(|p| p.id != id) {
            out.push(GuestPoll {
                id,
                question,
                options: Vec::new(),
                my_vote,
                total: 0,
                closed,
                winner: None,
                outcome,
            });
        }
        let poll = out.last_mut().expect("pushed above");
        if winner == Some(option_id) {
            poll.winner = Some(label.clone());
        }
        // No results before voting: they would sway the vote.
        let votes = if my_vote.is_some() { votes } else { 0 };
        poll.total += votes;
        poll.options.push(OptionResult {
            id: option_id,
            label,
            votes,
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
            tr!(crate::base::l10n::page_lang(), POLL_ERROR_CANCELLED),
        ));
    }
    let (email, brand_id) = (&guest.guest_email, guest.brand_id);
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
                    tr!(crate::base::l10n::page_lang(), POLL_ERROR_CLOSED),
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
        .bind(email)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    });
    match result {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(AppError::invalid(
            &format!("poll-{poll_id}"),
            tr!(crate::base::l10n::page_lang(), POLL_ERROR_ALREADY_VOTED),
        )),
        Err(e) => Err(e.into()),
    }
}

/// A poll's question and free-text options with their translation into
/// `lang`, for the brand's form.
pub async fn translation(
    db: &Db,
    brand_id: i64,
    id: i64,
    lang: Lang,
) -> Result<PollTranslation, AppError> {
    let question: Option<String> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT question FROM polls WHERE id = $1 AND brand_id = $2")
            .bind(id)
            .bind(brand_id)
            .fetch_optional(pool)
            .await
    })?;
    let question = question.ok_or(AppError::NotFound)?;
    let options: Vec<(i64, String)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, label FROM poll_options WHERE poll_id = $1 AND item_id IS NULL ORDER BY position",
        )
        .bind(id)
        .fetch_all(pool)
        .await
    })?;
    let mut translated = Vec::new();
    for (option_id, label) in options {
        let texts = content::ssr::read(db, Kind::PollOption, option_id, lang).await?;
        translated.push(TranslatedOption {
            id: option_id,
            label,
            translation: texts.get("label"),
        });
    }
    Ok(PollTranslation {
        language: lang,
        question: content::ssr::read(db, Kind::Poll, id, lang)
            .await?
            .get("question"),
        original: question,
        options: translated,
    })
}

/// Saves a poll's translation into `lang`: the question and the labels of
/// its free-text options (`labels[n]` for the n-th), all checked first.
pub async fn save_translation(
    db: &Db,
    brand_id: i64,
    id: i64,
    lang: Lang,
    question: &str,
    labels: &[String],
) -> Result<(), AppError> {
    let current = translation(db, brand_id, id, lang).await?;
    let (question, labels) = super::domain::parse_translation(question, labels)?;
    let mut tx = db.begin().await?;
    let mut texts = Texts::default();
    texts.set("question", &question);
    content::ssr::write(&mut tx, Kind::Poll, id, lang, &texts).await?;
    for (n, option) in current.options.iter().enumerate() {
        let mut texts = Texts::default();
        texts.set(
            "label",
            labels.get(n).map(String::as_str).unwrap_or_default(),
        );
        content::ssr::write(&mut tx, Kind::PollOption, option.id, lang, &texts).await?;
    }
    tx.commit().await?;
    Ok(())
}
