//! Making-of updates in the database: posting, who may read them (the
//! buyers of the item: its orders not cancelled or refunded, its captured
//! pre-orders), reads recorded the first time a buyer's page shows one,
//! and the daily mail of what is new.

use chrono::{DateTime, Duration, Utc};

use super::{MakingPage, PostedUpdate, Update, UpdateForm};
use crate::{
    base::{
        db::Db,
        error::{AppError, Mistakes},
        l10n::{fmt, page_lang, Lang},
        media::{self, MediaStore},
        order::OrderStatus,
        photos::Posted,
        state::AppConfig,
    },
    on_db, on_tx,
};

/// The longest update, in characters.
pub const TEXT_MAX: usize = 2000;
/// A buyer gets at most one mail of updates in this time.
pub const MAIL_EVERY: Duration = Duration::days(1);

#[derive(sqlx::FromRow)]
struct UpdateRow {
    id: i64,
    item: String,
    body: String,
    photo_path: Option<String>,
    thumb_path: Option<String>,
    created_at: DateTime<Utc>,
    read: bool,
}

fn shown(lang: Lang, r: UpdateRow) -> Update {
    Update {
        id: r.id,
        item: r.item,
        body: r.body,
        photo_url: r.photo_path.as_deref().map(media::url),
        thumb_url: r.thumb_path.as_deref().map(media::url),
        date: fmt::date_long(lang, r.created_at, chrono_tz::Europe::Paris),
    }
}

/// The updates `which` (a condition on `u` binding `$1`), in order, for the
/// reader `reader`; the ones it had not read are recorded read.
async fn for_reader(db: &Db, which: &str, id: i64, reader: &str) -> Result<Vec<Update>, AppError> {
    let rows: Vec<UpdateRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&format!(
        "SELECT u.id, i.name AS item, u.body, u.photo_path, u.thumb_path, u.created_at,
                EXISTS (SELECT 1 FROM making_update_reads r WHERE r.update_id = u.id AND r.reader = $2) AS read
         FROM making_updates u JOIN items i ON i.id = u.item_id
         WHERE {which} ORDER BY u.id"
    ))
    .bind(id)
    .bind(reader)
    .fetch_all(pool)
    .await
    })?;
    let unread: Vec<i64> = rows.iter().filter(|r| !r.read).map(|r| r.id).collect();
    if !unread.is_empty() {
        let now = Utc::now();
        let mut tx = db.begin().await?;
        for update in unread {
            on_tx!(&mut tx, |t| sqlx::query(
                "INSERT INTO making_update_reads (update_id, reader, read_at) VALUES ($1, $2, $3)
                 ON CONFLICT (update_id, reader) DO NOTHING"
            )
            .bind(update)
            .bind(reader)
            .bind(now)
            .execute(&mut *t)
            .await?
            .rows_affected());
        }
        tx.commit().await?;
    }
    let lang = page_lang();
    Ok(rows.into_iter().map(|r| shown(lang, r)).collect())
}

/// The updates on the items of order `order_id` (unless it was cancelled
/// or refunded).
pub async fn for_order(db: &Db, order_id: i64) -> Result<Vec<Update>, AppError> {
    let void = OrderStatus::sql_list(OrderStatus::is_void);
    let which = format!(
        "u.campaign_id IS NULL AND u.item_id IN (SELECT l.item_id FROM order_lines l
         JOIN orders o ON o.id = l.order_id WHERE l.order_id = $1 AND o.status NOT IN {void})"
    );
    for_reader(db, &which, order_id, &format!("o:{order_id}")).await
}

/// A captured pre-order's updates: its item's, and its batch's.
const PREORDER_UPDATES: &str = "EXISTS (SELECT 1 FROM preorders p
     JOIN preorder_campaigns c ON c.id = p.campaign_id
     WHERE p.id = $1 AND p.state = 'captured' AND c.item_id = u.item_id
       AND (u.campaign_id IS NULL OR u.campaign_id = p.campaign_id))";

/// The updates on the item of a captured pre-order, and on its batch.
pub async fn for_preorder(db: &Db, preorder_id: i64) -> Result<Vec<Update>, AppError> {
    for_reader(
        db,
        PREORDER_UPDATES,
        preorder_id,
        &format!("p:{preorder_id}"),
    )
    .await
}

/// Who may read an update of item `i.id`: its orders not void, its
/// captured pre-orders.
fn readers_sql() -> String {
    let void = OrderStatus::sql_list(OrderStatus::is_void);
    format!(
        "CASE WHEN u.campaign_id IS NULL THEN
            (SELECT COUNT(DISTINCT o.id) FROM orders o JOIN order_lines l ON l.order_id = o.id
             WHERE l.item_id = u.item_id AND o.status NOT IN {void})
            + (SELECT COUNT(*) FROM preorders p JOIN preorder_campaigns c ON c.id = p.campaign_id
               WHERE c.item_id = u.item_id AND p.state = 'captured')
         ELSE (SELECT COUNT(*) FROM preorders p WHERE p.campaign_id = u.campaign_id
               AND p.state = 'captured') END"
    )
}

/// The brand's updates, newest first, with their readers; its items.
pub async fn page(db: &Db, brand_id: i64) -> Result<MakingPage, AppError> {
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        DateTime<Utc>,
        i64,
        i64,
    );
    let sql = format!(
        "SELECT u.id, i.name, u.body, u.photo_path, u.thumb_path, u.created_at,
                (SELECT COUNT(*) FROM making_update_reads r WHERE r.update_id = u.id), {}
         FROM making_updates u JOIN items i ON i.id = u.item_id
         WHERE u.brand_id = $1 ORDER BY u.id DESC LIMIT 100",
        readers_sql()
    );
    type Batch = (i64, String, Option<DateTime<Utc>>);
    let (rows, items, batches): (Vec<Row>, Vec<(i64, String)>, Vec<Batch>) =
        on_db!(db.reader(), |pool| {
            let rows = sqlx::query_as(&sql).bind(brand_id).fetch_all(pool).await?;
            let items =
                sqlx::query_as("SELECT id, name FROM items WHERE brand_id = $1 ORDER BY name, id")
                    .bind(brand_id)
                    .fetch_all(pool)
                    .await?;
            let batches = sqlx::query_as(
                "SELECT c.id, i.name, c.decided_at FROM preorder_campaigns c
                 JOIN items i ON i.id = c.item_id
                 WHERE c.brand_id = $1 AND c.state = 'funded' ORDER BY c.id DESC",
            )
            .bind(brand_id)
            .fetch_all(pool)
            .await?;
            (rows, items, batches)
        });
    let lang = page_lang();
    let batches = batches
        .into_iter()
        .map(|(id, item, funded)| {
            let day = funded
                .map(|t| fmt::date_long(lang, t, chrono_tz::Europe::Paris))
                .unwrap_or_default();
            (id, tr!(lang, MAKING_BATCH_NAME, item = item, date = day))
        })
        .collect();
    Ok(MakingPage {
        batches,
        updates: rows
            .into_iter()
            .map(
                |(id, item, body, photo_path, thumb_path, created_at, read, readers)| {
                    PostedUpdate {
                        update: shown(
                            lang,
                            UpdateRow {
                                id,
                                item,
                                body,
                                photo_path,
                                thumb_path,
                                created_at,
                                read: false,
                            },
                        ),
                        read,
                        readers,
                    }
                },
            )
            .collect(),
        items,
    })
}

/// The item of a funded campaign (a production batch) of the brand.
async fn batch_item(db: &Db, brand_id: i64, campaign: i64) -> Result<Option<i64>, AppError> {
    let item: Option<i64> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
        "SELECT item_id FROM preorder_campaigns WHERE id = $1 AND brand_id = $2 AND state = 'funded'"
    )
    .bind(campaign)
    .bind(brand_id)
    .fetch_optional(pool)
    .await
    })?;
    item.map(Some).ok_or(AppError::NotFound)
}

/// Posts an update on an item of the brand, or on one of its batches; every mistake at once, the
/// photo written before the row and removed again if the row is not.
pub async fn post(
    db: &Db,
    media: &MediaStore,
    brand_id: i64,
    form: &UpdateForm,
    mut posted: Posted,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let lang = page_lang();
    let mut m = Mistakes::default();
    let batch = form.batch.trim().parse::<i64>().ok();
    let item_id = match batch {
        Some(campaign) => batch_item(db, brand_id, campaign).await?,
        None => form.item_id.trim().parse::<i64>().ok(),
    };
    if item_id.is_none() {
        m.note("item_id", tr!(lang, MAKING_ERROR_ITEM));
    }
    let body = form.body.trim();
    if body.is_empty() {
        m.note("body", tr!(lang, MAKING_ERROR_BODY));
    } else if body.chars().count() > TEXT_MAX {
        m.note("body", tr!(lang, REVIEW_ERROR_TOO_LONG, max = TEXT_MAX));
    }
    let processed = crate::base::photos::process_posted(&mut m, &mut posted, 1, false).await;
    m.finish()?;
    let ours: i64 = on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM items WHERE id = $1 AND brand_id = $2"
    )
    .bind(item_id.unwrap_or_default())
    .bind(brand_id)
    .fetch_one(pool)
    .await)?;
    if ours == 0 {
        return Err(AppError::NotFound);
    }
    let stored = crate::base::photos::store(media, "making", processed).await?;
    let photo = stored.first();
    let written = on_db!(db.writer(), |pool| {
        sqlx::query_scalar(
        "INSERT INTO making_updates (brand_id, item_id, campaign_id, body, photo_path, thumb_path, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(brand_id)
    .bind(item_id)
    .bind(batch)
    .bind(body)
    .bind(photo.map(|p| p.display_path.clone()))
    .bind(photo.map(|p| p.thumb_path.clone()))
    .bind(now)
    .fetch_one(pool)
    .await
    });
    match written {
        Ok(id) => Ok(id),
        Err(e) => {
            crate::base::photos::discard(media, &stored).await;
            Err(e.into())
        }
    }
}

#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    name: String,
    email: String,
    code: String,
    event_id: Option<i64>,
    language: String,
    since: DateTime<Utc>,
}

/// The buyers with updates they were not mailed, and not mailed in the
/// last day: orders (from when placed) and captured pre-orders (from when
/// captured). `kind` is `o` or `p`.
fn due_sql(kind: &str) -> String {
    let void = OrderStatus::sql_list(OrderStatus::is_void);
    match kind {
        "o" => format!(
            "SELECT o.id, o.customer_name AS name, o.customer_email AS email, o.tracking_code AS code,
                    o.event_id, COALESCE(e.language, b.language) AS language,
                    COALESCE(o.making_mailed_at, o.placed_at) AS since
             FROM orders o JOIN events e ON e.id = o.event_id JOIN brands b ON b.id = o.brand_id
             WHERE o.status NOT IN {void} AND o.tracking_code IS NOT NULL
               AND (o.making_mailed_at IS NULL OR o.making_mailed_at <= $1)
               AND EXISTS (SELECT 1 FROM making_updates u JOIN order_lines l ON l.item_id = u.item_id
                           WHERE l.order_id = o.id AND u.campaign_id IS NULL
                             AND u.created_at > COALESCE(o.making_mailed_at, o.placed_at))
             ORDER BY o.id LIMIT 200"
        ),
        _ => "SELECT p.id, p.name, p.email, p.code, p.event_id, b.language,
                    COALESCE(p.making_mailed_at, p.settled_at) AS since
             FROM preorders p JOIN preorder_campaigns c ON c.id = p.campaign_id JOIN brands b ON b.id = c.brand_id
             WHERE p.state = 'captured' AND (p.making_mailed_at IS NULL OR p.making_mailed_at <= $1)
               AND EXISTS (SELECT 1 FROM making_updates u WHERE u.item_id = c.item_id
                           AND (u.campaign_id IS NULL OR u.campaign_id = p.campaign_id)
                           AND u.created_at > COALESCE(p.making_mailed_at, p.settled_at))
             ORDER BY p.id LIMIT 200"
            .to_owned(),
    }
}

/// Mails each buyer what is new in the making of their items, at most
/// once a day: the buyer's mark and the mail in one transaction. Returns
/// how many were mailed.
pub async fn mail_due(db: &Db, config: &AppConfig, now: DateTime<Utc>) -> Result<usize, AppError> {
    let cutoff = now - MAIL_EVERY;
    let mut mailed = 0;
    for kind in ["o", "p"] {
        let due: Vec<Due> = on_db!(db.reader(), |pool| sqlx::query_as(&due_sql(kind))
            .bind(cutoff)
            .fetch_all(pool)
            .await)?;
        for buyer in due {
            if mail_one(db, config, kind, &buyer, (cutoff, now)).await? {
                mailed += 1;
            }
        }
    }
    Ok(mailed)
}

async fn mail_one(
    db: &Db,
    config: &AppConfig,
    kind: &str,
    buyer: &Due,
    (cutoff, now): (DateTime<Utc>, DateTime<Utc>),
) -> Result<bool, AppError> {
    let (table, which, path) = match kind {
        "o" => (
            "orders",
            "u.campaign_id IS NULL
             AND u.item_id IN (SELECT item_id FROM order_lines WHERE order_id = $1)",
            "o",
        ),
        _ => ("preorders", PREORDER_UPDATES, "p"),
    };
    let news: Vec<(String, String)> = on_db!(db.reader(), |pool| sqlx::query_as(&format!(
        "SELECT i.name, u.body FROM making_updates u JOIN items i ON i.id = u.item_id
         WHERE {which} AND u.created_at > $2 ORDER BY u.id"
    ))
    .bind(buyer.id)
    .bind(buyer.since)
    .fetch_all(pool)
    .await)?;
    if news.is_empty() {
        return Ok(false);
    }
    let lang = Lang::parse(&buyer.language).unwrap_or_default();
    let link = format!(
        "{}/{path}/{}",
        config.public_url.as_str().trim_end_matches('/'),
        buyer.code
    );
    let lines: Vec<String> = news
        .iter()
        .map(|(item, body)| format!("{item}: {body}"))
        .collect();
    let text = format!(
        "{}\n\n{}\n\n{}\n\n{link}\n",
        tr!(lang, MAIL_HELLO_NAME, name = buyer.name.as_str()),
        tr!(lang, MAKING_MAIL_INTRO),
        lines.join("\n\n"),
    );
    let mail = crate::base::mail::plain(
        config,
        &buyer.name,
        &buyer.email,
        tr!(lang, MAKING_MAIL_SUBJECT),
        text,
        buyer.event_id,
        now,
    )?;
    let mut tx = db.begin().await?;
    let claimed = on_tx!(&mut tx, |t| sqlx::query(&format!(
        "UPDATE {table} SET making_mailed_at = $1 WHERE id = $2
         AND (making_mailed_at IS NULL OR making_mailed_at <= $3)"
    ))
    .bind(now)
    .bind(buyer.id)
    .bind(cutoff)
    .execute(&mut *t)
    .await?
    .rows_affected());
    if claimed == 1 {
        on_tx!(&mut tx, |t| crate::base::mail::insert_query(&mail)
            .execute(&mut *t)
            .await?
            .rows_affected());
    }
    tx.commit().await?;
    Ok(claimed == 1)
}
