//! Reviews and tips in the database: who may write one (the holder of a
//! delivered order's link, for an item they paid for; a host of the
//! brand), the brand's moderation with the items' rating figures rewritten
//! in the same transaction, what pages show, and the mail that asks buyers
//! a week after delivery.

use chrono::{DateTime, Duration, Utc};

use super::{
    BuyerPage, ItemReviews, Mine, Moderation, MyTip, ReviewForm, Shown, TipForm, TipsPage,
    ToModerate, ToReview,
};
use crate::{
    base::{
        account::{first_name_and_initial, CurrentUser},
        db::Db,
        error::{AppError, Mistakes},
        items::ssr::RECOUNT_RATINGS,
        l10n::{fmt, page_lang, Lang},
        media::{self, MediaStore},
        photos::{Posted, StoredPhoto},
        state::AppConfig,
    },
    on_db, on_tx,
};

/// The longest comment, tip or answer, in characters.
pub const TEXT_MAX: usize = 2000;
/// How long after delivery the buyer is asked.
pub const ASK_AFTER: Duration = Duration::days(7);

fn state_label(lang: Lang, state: &str) -> String {
    match state {
        "published" => tr!(lang, REVIEW_STATE_PUBLISHED),
        "hidden" => tr!(lang, REVIEW_STATE_HIDDEN),
        _ => tr!(lang, REVIEW_STATE_PENDING),
    }
}

fn day(lang: Lang, t: DateTime<Utc>) -> String {
    fmt::date_long(lang, t, chrono_tz::Europe::Paris)
}

#[derive(sqlx::FromRow)]
struct OrderRow {
    id: i64,
    status: String,
    title: String,
}

async fn order_of(db: &Db, code: &str) -> Result<OrderRow, AppError> {
    let row: Option<OrderRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT o.id, o.status, e.title FROM orders o JOIN events e ON e.id = o.event_id
             WHERE o.tracking_code = $1",
        )
        .bind(code)
        .fetch_optional(pool)
        .await
    })?;
    row.ok_or(AppError::NotFound)
}

/// The items a buyer paid for in an order (a prize is not a purchase).
const BOUGHT_ITEMS: &str = "SELECT DISTINCT item_id FROM order_lines
     WHERE order_id = $1 AND unit_price_cents > 0";

/// The buyer's page: the items they paid for, with their reviews.
pub async fn buyer_page(db: &Db, code: &str) -> Result<BuyerPage, AppError> {
    let order = order_of(db, code).await?;
    let lang = page_lang();
    type Row = (
        i64,
        String,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&format!(
            "SELECT i.id, {}, r.rating, r.body, r.state, r.reply
             FROM items i LEFT JOIN reviews r ON r.item_id = i.id AND r.order_id = $1
             WHERE i.id IN ({BOUGHT_ITEMS}) ORDER BY i.name, i.id",
            crate::base::content::ssr::text_sql(
                lang,
                crate::base::content::Kind::Item,
                "name",
                "i.id",
                "i.name"
            )
        ))
        .bind(order.id)
        .fetch_all(pool)
        .await
    })?;
    Ok(BuyerPage {
        number: order.id,
        event_title: order.title,
        delivered: order.status == "delivered",
        items: rows
            .into_iter()
            .map(|(item_id, name, rating, body, state, reply)| ToReview {
                item_id,
                name,
                mine: rating.map(|rating| Mine {
                    rating,
                    body: body.unwrap_or_default(),
                    state: state_label(lang, state.as_deref().unwrap_or_default()),
                    reply: reply.unwrap_or_default(),
                }),
            })
            .collect(),
    })
}

/// The checked parts of a review form.
struct Checked {
    item_id: i64,
    rating: i64,
    comment: String,
}

fn check(form: &ReviewForm) -> (Mistakes, Option<Checked>) {
    let lang = page_lang();
    let mut m = Mistakes::default();
    let rating = form
        .rating
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|r| (1..=5).contains(r));
    if rating.is_none() {
        m.note("rating", tr!(lang, REVIEW_ERROR_RATING));
    }
    let comment = form.comment.trim().to_owned();
    if comment.is_empty() {
        m.note("comment", tr!(lang, REVIEW_ERROR_COMMENT));
    } else if comment.chars().count() > TEXT_MAX {
        m.note("comment", tr!(lang, REVIEW_ERROR_TOO_LONG, max = TEXT_MAX));
    }
    let item_id = form.item_id.trim().parse::<i64>().ok();
    let checked = match (item_id, rating) {
        (Some(item_id), Some(rating)) => Some(Checked {
            item_id,
            rating,
            comment,
        }),
        _ => None,
    };
    (m, checked)
}

/// Stores a buyer's review of an item of their delivered order: pending
/// until the brand publishes it; a second one of the same item keeps the
/// first. Every mistake at once; the photo is written before the row and
/// removed again when the row is not.
pub async fn submit(
    db: &Db,
    media: &MediaStore,
    form: &ReviewForm,
    mut posted: Posted,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let order = order_of(db, form.code.trim()).await?;
    let lang = page_lang();
    if order.status != "delivered" {
        return Err(AppError::invalid(
            "rating",
            tr!(lang, REVIEW_AFTER_DELIVERY),
        ));
    }
    let (mut m, checked) = check(form);
    let processed = crate::base::photos::process_posted(&mut m, &mut posted, 1, false).await;
    m.finish()?;
    let Some(c) = checked else {
        return Err(AppError::NotFound);
    };
    let stored = crate::base::photos::store(media, "reviews", processed).await?;
    match insert(db, &order, &c, stored.first(), now).await {
        Ok(true) => Ok(()),
        Ok(false) => {
            crate::base::photos::discard(media, &stored).await;
            Ok(())
        }
        Err(e) => {
            crate::base::photos::discard(media, &stored).await;
            Err(e)
        }
    }
}

/// The review's row, if the item is one the buyer paid for; `false` when
/// they had reviewed it already.
async fn insert(
    db: &Db,
    order: &OrderRow,
    c: &Checked,
    photo: Option<&StoredPhoto>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let bought: Option<(i64, String)> = on_tx!(&mut tx, |t| sqlx::query_as(&format!(
        "SELECT o.brand_id, o.customer_name FROM orders o
         WHERE o.id = $1 AND $2 IN ({})",
        BOUGHT_ITEMS.replace("$1", "o.id")
    ))
    .bind(order.id)
    .bind(c.item_id)
    .fetch_optional(&mut *t)
    .await?);
    let (brand_id, name) = bought.ok_or(AppError::NotFound)?;
    let added = on_tx!(&mut tx, |t| {
        sqlx::query(
        "INSERT INTO reviews (brand_id, item_id, kind, order_id, author, rating, body, photo_path, thumb_path, created_at)
         VALUES ($1, $2, 'review', $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (order_id, item_id) DO NOTHING"
    )
    .bind(brand_id)
    .bind(c.item_id)
    .bind(order.id)
    .bind(first_name_and_initial(&name))
    .bind(c.rating)
    .bind(&c.comment)
    .bind(photo.map(|p| p.display_path.clone()))
    .bind(photo.map(|p| p.thumb_path.clone()))
    .bind(now)
    .execute(&mut *t)
    .await?
    .rows_affected()
    });
    tx.commit().await?;
    Ok(added == 1)
}

/// The host's page: the brand's active items and the host's tips.
pub async fn tips_page(db: &Db, host: &CurrentUser) -> Result<TipsPage, AppError> {
    let lang = page_lang();
    type Tip = (String, String, String, String);
    let (items, tips): (Vec<(i64, String)>, Vec<Tip>) = on_db!(db.reader(), |pool| {
        let items = sqlx::query_as(
            "SELECT id, name FROM items WHERE brand_id = $1 AND active = TRUE ORDER BY name, id",
        )
        .bind(host.brand_id)
        .fetch_all(pool)
        .await?;
        let tips = sqlx::query_as(
                "SELECT i.name, r.body, r.state, r.reply FROM reviews r JOIN items i ON i.id = r.item_id
                 WHERE r.host_id = $1 AND r.kind = 'tip' ORDER BY r.id DESC",
            )
            .bind(host.id)
            .fetch_all(pool)
            .await?;
        (items, tips)
    });
    Ok(TipsPage {
        items,
        mine: tips
            .into_iter()
            .map(|(item, body, state, reply)| MyTip {
                item,
                body,
                state: state_label(lang, &state),
                reply,
            })
            .collect(),
    })
}

/// Stores the host's tip on an item of their brand; a new tip on the same
/// item replaces theirs and waits for the brand again.
pub async fn save_tip(
    db: &Db,
    host: &CurrentUser,
    form: &TipForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let lang = page_lang();
    let mut m = Mistakes::default();
    let item_id = form.item_id.trim().parse::<i64>().ok();
    if item_id.is_none() {
        m.note("item_id", tr!(lang, TIP_ERROR_ITEM));
    }
    let body = form.body.trim();
    if body.is_empty() {
        m.note("body", tr!(lang, TIP_ERROR_BODY));
    } else if body.chars().count() > TEXT_MAX {
        m.note("body", tr!(lang, REVIEW_ERROR_TOO_LONG, max = TEXT_MAX));
    }
    m.finish()?;
    let item_id = item_id.unwrap_or_default();
    let mut tx = db.begin().await?;
    let ours: i64 = on_tx!(&mut tx, |t| sqlx::query_scalar(
        "SELECT COUNT(*) FROM items WHERE id = $1 AND brand_id = $2 AND active = TRUE"
    )
    .bind(item_id)
    .bind(host.brand_id)
    .fetch_one(&mut *t)
    .await?);
    if ours == 0 {
        return Err(AppError::NotFound);
    }
    on_tx!(&mut tx, |t| sqlx::query(
        "INSERT INTO reviews (brand_id, item_id, kind, host_id, author, body, created_at)
         VALUES ($1, $2, 'tip', $3, $4, $5, $6)
         ON CONFLICT (host_id, item_id) DO UPDATE SET body = $5, author = $4, state = 'pending',
            created_at = $6, moderated_at = NULL"
    )
    .bind(host.brand_id)
    .bind(item_id)
    .bind(host.id)
    .bind(first_name_and_initial(&host.display_name))
    .bind(body)
    .bind(now)
    .execute(&mut *t)
    .await?
    .rows_affected());
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    item_id: i64,
    item: String,
    kind: String,
    author: String,
    rating: Option<i64>,
    body: String,
    photo_path: Option<String>,
    thumb_path: Option<String>,
    state: String,
    reply: String,
    created_at: DateTime<Utc>,
}

/// The brand's reviews and tips in `state` (pending unless published or
/// hidden is asked), oldest pending first, else newest first.
pub async fn moderation(db: &Db, brand_id: i64, state: &str) -> Result<Moderation, AppError> {
    let state = match state {
        "published" | "hidden" => state,
        _ => "pending",
    };
    let order = if state == "pending" {
        "r.id"
    } else {
        "r.id DESC"
    };
    let (rows, pending): (Vec<EntryRow>, i64) = on_db!(db.reader(), |pool| {
        let rows = sqlx::query_as(&format!(
            "SELECT r.id, r.item_id, i.name AS item, r.kind, r.author, r.rating, r.body, r.photo_path, r.thumb_path,
                    r.state, r.reply, r.created_at
             FROM reviews r JOIN items i ON i.id = r.item_id
             WHERE r.brand_id = $1 AND r.state = $2 ORDER BY {order} LIMIT 200"
        ))
        .bind(brand_id)
        .bind(state)
        .fetch_all(pool)
        .await?;
        let pending = sqlx::query_scalar(
            "SELECT COUNT(*) FROM reviews WHERE brand_id = $1 AND state = 'pending'",
        )
        .bind(brand_id)
        .fetch_one(pool)
        .await?;
        (rows, pending)
    });
    let lang = page_lang();
    Ok(Moderation {
        state: state.to_owned(),
        pending,
        entries: rows
            .into_iter()
            .map(|r| ToModerate {
                id: r.id,
                item: r.item,
                tip: r.kind == "tip",
                author: r.author,
                rating: r.rating,
                body: r.body,
                photo_url: r.photo_path.as_deref().map(media::url),
                thumb_url: r.thumb_path.as_deref().map(media::url),
                state: r.state,
                reply: r.reply,
                date: day(lang, r.created_at),
            })
            .collect(),
    })
}

/// Publishes or hides one of the brand's reviews or tips; the item's
/// rating figures follow in the same transaction.
pub async fn set_state(
    db: &Db,
    brand_id: i64,
    id: i64,
    state: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if !matches!(state, "published" | "hidden") {
        return Err(AppError::invalid(
            "state",
            tr!(page_lang(), MODERATION_ERROR_STATE),
        ));
    }
    let mut tx = db.begin().await?;
    let changed = on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE reviews SET state = $1, moderated_at = $2 WHERE id = $3 AND brand_id = $4"
    )
    .bind(state)
    .bind(now)
    .bind(id)
    .bind(brand_id)
    .execute(&mut *t)
    .await?
    .rows_affected());
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    on_tx!(&mut tx, |t| sqlx::query(&format!(
        "{RECOUNT_RATINGS} AND id = (SELECT item_id FROM reviews WHERE id = $2)"
    ))
    .bind(brand_id)
    .bind(id)
    .execute(&mut *t)
    .await?
    .rows_affected());
    tx.commit().await?;
    Ok(())
}

/// The brand's answer to one of its reviews or tips.
pub async fn reply(
    db: &Db,
    brand_id: i64,
    id: i64,
    reply: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reply = reply.trim();
    if reply.chars().count() > TEXT_MAX {
        return Err(AppError::invalid(
            "reply",
            tr!(page_lang(), REVIEW_ERROR_TOO_LONG, max = TEXT_MAX),
        ));
    }
    let changed = on_db!(db.writer(), |pool| sqlx::query(
        "UPDATE reviews SET reply = $1, moderated_at = $2 WHERE id = $3 AND brand_id = $4"
    )
    .bind(reply)
    .bind(now)
    .bind(id)
    .bind(brand_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The published reviews and tips of `items`, in their order: the ten
/// newest reviews and five newest tips of each. One statement.
pub async fn published(db: &Db, items: &[i64]) -> Result<Vec<ItemReviews>, AppError> {
    if items.is_empty() {
        return Ok(vec![]);
    }
    let list: Vec<String> = items.iter().map(i64::to_string).collect();
    let rows: Vec<EntryRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&format!(
            "SELECT r.id, r.item_id, '' AS item, r.kind, r.author, r.rating, r.body,
                    r.photo_path, r.thumb_path, r.state, r.reply, r.created_at
             FROM reviews r WHERE r.item_id IN ({}) AND r.state = 'published'
             ORDER BY r.id DESC LIMIT 500",
            list.join(",")
        ))
        .fetch_all(pool)
        .await
    })?;
    let lang = page_lang();
    let mut out = vec![ItemReviews::default(); items.len()];
    for r in rows {
        let Some(at) = items.iter().position(|i| *i == r.item_id) else {
            continue;
        };
        let tip = r.kind == "tip";
        let list = if tip {
            &mut out[at].tips
        } else {
            &mut out[at].reviews
        };
        if list.len() >= if tip { 5 } else { 10 } {
            continue;
        }
        list.push(Shown {
            id: r.id,
            tip,
            author: r.author,
            rating: r.rating,
            body: r.body,
            photo_url: r.photo_path.as_deref().map(media::url),
            thumb_url: r.thumb_path.as_deref().map(media::url),
            reply: r.reply,
            date: day(lang, r.created_at),
        });
    }
    Ok(out)
}

/// One item's published reviews and tips.
pub async fn of_item(db: &Db, item_id: i64) -> Result<ItemReviews, AppError> {
    Ok(published(db, &[item_id])
        .await?
        .into_iter()
        .next()
        .unwrap_or_default())
}

#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    brand_id: i64,
    customer_name: String,
    customer_email: String,
    tracking_code: String,
    title: String,
    language: String,
    stopped: bool,
}

/// Asks the buyers of orders delivered a week ago or more for their
/// reviews, once per order (the order's mark and the mail in one
/// transaction); an address that stopped the brand's mail is marked and
/// not written to. Returns how many were asked.
pub async fn ask_due(db: &Db, config: &AppConfig, now: DateTime<Utc>) -> Result<usize, AppError> {
    let due: Vec<Due> = on_db!(db.reader(), |pool| {
        sqlx::query_as(concat!(
            "SELECT o.id, o.brand_id, o.customer_name, o.customer_email, o.tracking_code, e.title, ",
            crate::party_language_sql!(),
            " AS language,
                EXISTS (SELECT 1 FROM mail_choices m WHERE m.brand_id = o.brand_id
                        AND m.email = o.customer_email AND m.stopped_at IS NOT NULL) AS stopped
             FROM orders o JOIN events e ON e.id = o.event_id JOIN brands b ON b.id = o.brand_id
             WHERE o.status = 'delivered' AND o.review_asked_at IS NULL AND o.merchandise_cents > 0
               AND o.tracking_code IS NOT NULL
               AND (SELECT MAX(c.changed_at) FROM order_status_changes c
                    WHERE c.order_id = o.id AND c.status = 'delivered') <= $1
             ORDER BY o.id LIMIT 200"
        ))
        .bind(now - ASK_AFTER)
        .fetch_all(pool)
        .await
    })?;
    let mut asked = 0;
    for order in due {
        let mut tx = db.begin().await?;
        let claimed = on_tx!(&mut tx, |t| sqlx::query(
            "UPDATE orders SET review_asked_at = $1 WHERE id = $2 AND review_asked_at IS NULL"
        )
        .bind(now)
        .bind(order.id)
        .execute(&mut *t)
        .await?
        .rows_affected());
        if claimed == 1 && !order.stopped {
            let mail = ask_mail(config, &order, now)?;
            on_tx!(&mut tx, |t| crate::base::mail::insert_query(&mail)
                .execute(&mut *t)
                .await?
                .rows_affected());
            asked += 1;
        }
        tx.commit().await?;
    }
    Ok(asked)
}

/// The mail that asks for reviews, in the party's language, with its stop
/// link.
fn ask_mail(
    config: &AppConfig,
    order: &Due,
    now: DateTime<Utc>,
) -> Result<crate::base::mail::QueuedMail, AppError> {
    let lang = Lang::parse(&order.language).unwrap_or_default();
    let link = format!(
        "{}/o/{}/review",
        config.public_url.as_str().trim_end_matches('/'),
        order.tracking_code
    );
    let stop = crate::base::consent::stop_url(config, order.brand_id, &order.customer_email);
    let text = format!(
        "{}\n\n{}\n{link}\n\n--\n{}\n{stop}\n",
        tr!(lang, MAIL_HELLO_NAME, name = order.customer_name.as_str()),
        tr!(lang, REVIEW_MAIL_BODY, party = order.title.as_str()),
        tr!(lang, MAIL_STOP_FOOTER),
    );
    let subject = tr!(lang, REVIEW_MAIL_SUBJECT, party = order.title.as_str());
    let mut mail = crate::base::mail::OutgoingMail::text(
        &order.customer_name,
        &order.customer_email,
        subject,
        text,
    );
    mail.unsubscribe = Some(stop);
    Ok(crate::base::mail::build(&config.mail, &mail, now)?)
}
