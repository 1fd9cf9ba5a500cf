//! The catalog in the database. Every function takes the brand it acts for:
//! another brand's item is `NotFound`.

use chrono::{DateTime, Utc};

use super::{
    domain::{composition_text, parse_composition, ItemDraft},
    CatalogListing, CatalogQuery, CatalogRow, ItemForm,
};
use crate::{
    base::{
        content::{
            ssr::{missing_sql, text_sql},
            Kind, Texts,
        },
        db::{Db, Tx},
        error::AppError,
        items::{
            ssr::{card_columns_in, ItemCardRow, CARD_COLUMNS},
            vat_percent, ItemCard, ItemDetail, Label, Photo,
        },
        l10n::Lang,
        media::{self, MediaStore},
        photos::StoredPhoto,
    },
    on_db, on_tx,
};

/// The texts of an item a brand may translate, as its form names them.
pub const TRANSLATED_FIELDS: [&str; 5] = ["name", "description", "composition", "care", "story"];

/// Items per page in the brand's catalog list.
pub const PAGE_SIZE: i64 = 20;

/// The first `limit` active items of a brand, by category and name, named
/// in the page's language.
pub async fn featured_items(db: &Db, brand_id: i64, limit: i64) -> Result<Vec<ItemCard>, AppError> {
    let sql = format!(
        "SELECT {} FROM items i
         WHERE i.brand_id = $1 AND i.active = TRUE AND i.archived_at IS NULL
         ORDER BY i.category, i.name LIMIT $2",
        card_columns_in(crate::base::l10n::page_lang())
    );
    let rows: Vec<ItemCardRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&sql)
            .bind(brand_id)
            .bind(limit)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().map(ItemCard::from).collect())
}

/// A `LIKE` pattern that matches `text` anywhere, with `%`, `_` and `\`
/// taken literally (used with `ESCAPE '\'`).
pub fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[derive(sqlx::FromRow)]
struct ListRow {
    #[sqlx(flatten)]
    card: ItemCardRow,
    active: bool,
    archived: bool,
    untranslated: bool,
}

/// One page of the brand's catalog, filtered; each row says whether its
/// name or description lacks a translation into `translate_to`.
pub async fn list(
    db: &Db,
    brand_id: i64,
    query: &CatalogQuery,
    translate_to: Lang,
) -> Result<CatalogListing, AppError> {
    let pattern = contains_pattern(&query.q);
    let filter = "i.brand_id = $1
        AND (LOWER(i.name) LIKE $2 ESCAPE '\\' OR LOWER(i.sku) LIKE $2 ESCAPE '\\')
        AND ($3 = '' OR i.category = $3)
        AND ((i.archived_at IS NOT NULL) = $4)";
    let count_sql = format!("SELECT COUNT(*) FROM items i WHERE {filter}");
    let page_sql = format!(
        "SELECT {CARD_COLUMNS}, i.active, (i.archived_at IS NOT NULL) AS archived,
                ({} OR (i.description <> '' AND {})) AS untranslated
         FROM items i WHERE {filter} ORDER BY i.category, i.name, i.id LIMIT $5 OFFSET $6",
        missing_sql(translate_to, Kind::Item, "name", "i.id"),
        missing_sql(translate_to, Kind::Item, "description", "i.id"),
    );
    let page = query.page.max(1);
    let (total, rows, categories): (i64, Vec<ListRow>, Vec<String>) = on_db!(db.reader(), |pool| {
        let total: i64 = sqlx::query_scalar(&count_sql)
            .bind(brand_id)
            .bind(&pattern)
            .bind(&query.category)
            .bind(query.archived)
            .fetch_one(pool)
            .await?;
        let rows = sqlx::query_as(&page_sql)
            .bind(brand_id)
            .bind(&pattern)
            .bind(&query.category)
            .bind(query.archived)
            .bind(PAGE_SIZE)
            .bind((page - 1) * PAGE_SIZE)
            .fetch_all(pool)
            .await?;
        let categories = sqlx::query_scalar(
            "SELECT DISTINCT category FROM items WHERE brand_id = $1 ORDER BY category",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await?;
        (total, rows, categories)
    });
    Ok(CatalogListing {
        rows: rows
            .into_iter()
            .map(|r| CatalogRow {
                card: r.card.into(),
                active: r.active,
                archived: r.archived,
                untranslated: r.untranslated,
            })
            .collect(),
        total,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        categories,
        translation_lang: translate_to,
    })
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    card: ItemCardRow,
    description: String,
    vat_rate_bp: i64,
    active: bool,
    archived_at: Option<DateTime<Utc>>,
    label_composition: Option<String>,
    label_country: Option<String>,
    label_recycled_pct: Option<i64>,
    label_care: Option<String>,
    label_story: Option<String>,
    favourite: bool,
}

#[derive(sqlx::FromRow)]
struct PhotoRow {
    id: i64,
    display_path: String,
    thumb_path: String,
    width: i64,
    height: i64,
}

/// Where an item is read from: the brand's catalog, or the items a party
/// features and still sells (with whether the guest marked it).
#[derive(Debug, Clone, Copy)]
pub enum Within {
    Brand(i64),
    Party {
        event_id: i64,
        guest_id: Option<i64>,
    },
}

/// One item of the brand, with its label and photos: in `lang` where the
/// brand translated it (what guests, hosts and visitors read), or in the
/// brand's own words (`None`: its catalog).
pub async fn detail(
    db: &Db,
    brand_id: i64,
    item_id: i64,
    lang: Option<Lang>,
) -> Result<ItemDetail, AppError> {
    Ok(read_detail(db, Within::Brand(brand_id), item_id, lang)
        .await?
        .0)
}

/// One item a party features, in the page's language, and whether the
/// guest (if any) marked it; `NotFound` for an item the party does not
/// feature or no longer sells. Two statements: the item, its photos.
pub async fn party_detail(
    db: &Db,
    event_id: i64,
    guest_id: Option<i64>,
    item_id: i64,
) -> Result<(ItemDetail, bool), AppError> {
    let within = Within::Party { event_id, guest_id };
    read_detail(db, within, item_id, Some(crate::base::l10n::page_lang())).await
}

async fn read_detail(
    db: &Db,
    within: Within,
    item_id: i64,
    lang: Option<Lang>,
) -> Result<(ItemDetail, bool), AppError> {
    let in_lang = |field: &str, column: &str| match lang {
        Some(lang) => text_sql(lang, Kind::Item, field, "i.id", column),
        None => column.to_owned(),
    };
    let from = match within {
        Within::Brand(_) => "FALSE AS favourite FROM items i WHERE i.id = $1 AND i.brand_id = $2",
        Within::Party { .. } => {
            "EXISTS (SELECT 1 FROM favourites f WHERE f.guest_id = $3 AND f.item_id = i.id) AS favourite
             FROM items i JOIN event_items ei ON ei.item_id = i.id
             WHERE i.id = $1 AND ei.event_id = $2 AND i.active = TRUE"
        }
    };
    let sql = format!(
        "SELECT {}, {} AS description, i.vat_rate_bp, i.active, i.archived_at,
                {} AS label_composition, i.label_country, i.label_recycled_pct,
                {} AS label_care, {} AS label_story, {from}",
        match lang {
            Some(lang) => card_columns_in(lang),
            None => CARD_COLUMNS.to_owned(),
        },
        in_lang("description", "i.description"),
        in_lang("composition", "i.label_composition"),
        in_lang("care", "i.label_care"),
        in_lang("story", "i.label_story"),
    );
    let (row, photos): (Option<DetailRow>, Vec<PhotoRow>) = on_db!(db.reader(), |pool| {
        let query = sqlx::query_as(&sql).bind(item_id);
        let query = match within {
            Within::Brand(brand_id) => query.bind(brand_id),
            Within::Party { event_id, guest_id } => query.bind(event_id).bind(guest_id),
        };
        let row: Option<DetailRow> = query.fetch_optional(pool).await?;
        if row.is_none() {
            return Err(AppError::NotFound);
        }
        let photos = sqlx::query_as(
            "SELECT id, display_path, thumb_path, width, height FROM item_photos
             WHERE item_id = $1 ORDER BY position, id",
        )
        .bind(item_id)
        .fetch_all(pool)
        .await?;
        (row, photos)
    });
    let row = row.ok_or(AppError::NotFound)?;
    let favourite = row.favourite;
    let detail = ItemDetail {
        description: row.description,
        vat_rate_bp: row.vat_rate_bp,
        active: row.active,
        archived: row.archived_at.is_some(),
        label: Label {
            // Stored text was checked on the way in; a row that no longer
            // parses shows no composition rather than failing the page.
            composition: row
                .label_composition
                .as_deref()
                .and_then(|c| parse_composition(c).ok())
                .unwrap_or_default(),
            country: row.label_country,
            recycled_pct: row.label_recycled_pct,
            care: row.label_care,
            story: row.label_story,
        },
        photos: photos
            .into_iter()
            .map(|p| Photo {
                id: p.id,
                url: media::url(&p.display_path),
                thumb_url: media::url(&p.thumb_path),
                width: p.width,
                height: p.height,
            })
            .collect(),
        card: row.card.into(),
    };
    Ok((detail, favourite))
}

/// The stored values of an item and its translation, to fill its form.
pub fn form_of(item: &ItemDetail, translation: &Texts) -> ItemForm {
    let cents = item.card.price.minor();
    ItemForm {
        tr_name: translation.get("name"),
        tr_description: translation.get("description"),
        tr_composition: translation.get("composition"),
        tr_care: translation.get("care"),
        tr_story: translation.get("story"),
        sku: item.card.sku.clone(),
        name: item.card.name.clone(),
        description: item.description.clone(),
        category: item.card.category.clone(),
        price: format!("{}.{:02}", cents / 100, cents % 100),
        vat_rate: vat_percent(item.vat_rate_bp),
        stock: item.card.stock.to_string(),
        active: item.active,
        composition: composition_text(&item.label.composition),
        country: item.label.country.clone().unwrap_or_default(),
        recycled: item
            .label
            .recycled_pct
            .map(|n| n.to_string())
            .unwrap_or_default(),
        care: item.label.care.clone().unwrap_or_default(),
        story: item.label.story.clone().unwrap_or_default(),
    }
}

fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// Creates (`item_id` None) or updates an item of the brand with its
/// translation into `translate_to`, and appends the stored photos, in one
/// transaction. A SKU already used by another item of the brand is refused.
pub async fn save(
    db: &Db,
    brand_id: i64,
    item_id: Option<i64>,
    (draft, translate_to): (&ItemDraft, Lang),
    photos: &[StoredPhoto],
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let result = async {
        let mut tx = db.begin().await?;
        let Some(id) = write_item(&mut tx, brand_id, item_id, draft, now).await? else {
            return Ok(None);
        };
        crate::base::content::ssr::write(&mut tx, Kind::Item, id, translate_to, &draft.translation)
            .await?;
        let next: i64 = on_tx!(&mut tx, |c| sqlx::query_scalar(
            "SELECT COALESCE(MAX(position), 0) FROM item_photos WHERE item_id = $1",
        )
        .bind(id)
        .fetch_one(&mut *c)
        .await?);
        for (n, photo) in photos.iter().enumerate() {
            on_tx!(&mut tx, |c| {
                sqlx::query(
                    "INSERT INTO item_photos (item_id, position, display_path, thumb_path, width, height, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(next + 1 + n as i64)
                .bind(&photo.display_path)
                .bind(&photo.thumb_path)
                .bind(i64::from(photo.width))
                .bind(i64::from(photo.height))
                .bind(now)
                .execute(&mut *c)
                .await?;
            });
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Some(id))
    }
    .await;
    match result {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(AppError::NotFound),
        Err(e) if is_unique_violation(&e) => Err(AppError::invalid(
            "sku",
            tr!(
                crate::base::l10n::page_lang(),
                CATALOG_ERROR_SKU_TAKEN,
                sku = draft.sku.as_str()
            ),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Inserts the item (`item_id` None) or updates it if it is the brand's;
/// its id, or `None` when it is not.
async fn write_item(
    tx: &mut Tx,
    brand_id: i64,
    item_id: Option<i64>,
    draft: &ItemDraft,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let label = &draft.label;
    let composition = (!label.composition.is_empty()).then(|| composition_text(&label.composition));
    let insert = "INSERT INTO items (brand_id, sku, name, description, category, price_cents,
            vat_rate_bp, stock, active, label_composition, label_country, label_recycled_pct,
            label_care, label_story, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id";
    let update = "UPDATE items SET sku = $2, name = $3, description = $4, category = $5,
            price_cents = $6, vat_rate_bp = $7, stock = $8, active = $9, label_composition = $10,
            label_country = $11, label_recycled_pct = $12, label_care = $13, label_story = $14,
            updated_at = $15
         WHERE brand_id = $1 AND id = $16 RETURNING id";
    Ok(on_tx!(tx, |c| sqlx::query_scalar(if item_id.is_some() {
        update
    } else {
        insert
    })
    .bind(brand_id)
    .bind(draft.sku.as_str())
    .bind(&draft.name)
    .bind(&draft.description)
    .bind(&draft.category)
    .bind(draft.price_cents)
    .bind(draft.vat_rate_bp)
    .bind(draft.stock)
    .bind(draft.active)
    .bind(&composition)
    .bind(&label.country)
    .bind(label.recycled_pct)
    .bind(&label.care)
    .bind(&label.story)
    .bind(now)
    .bind(item_id.unwrap_or_default())
    .fetch_optional(&mut *c)
    .await?))
}

/// Archives an item (it leaves the catalog list, kits and parties keep
/// showing it) or brings it back.
pub async fn set_archived(
    db: &Db,
    brand_id: i64,
    item_id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let changed = on_db!(db.writer(), |pool| {
        sqlx::query(
            "UPDATE items SET archived_at = CASE WHEN $3 THEN $4 ELSE NULL END, updated_at = $4
             WHERE id = $1 AND brand_id = $2",
        )
        .bind(item_id)
        .bind(brand_id)
        .bind(archived)
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

/// Deletes a photo of an item of the brand; returns its files to remove.
pub async fn delete_photo(
    db: &Db,
    brand_id: i64,
    item_id: i64,
    photo_id: i64,
) -> Result<StoredPhoto, AppError> {
    let row: Option<(String, String)> = on_db!(db.writer(), |pool| {
        sqlx::query_as(
            "DELETE FROM item_photos WHERE id = $1 AND item_id = $2
               AND item_id IN (SELECT id FROM items WHERE brand_id = $3)
             RETURNING display_path, thumb_path",
        )
        .bind(photo_id)
        .bind(item_id)
        .bind(brand_id)
        .fetch_optional(pool)
        .await
    })?;
    let (display_path, thumb_path) = row.ok_or(AppError::NotFound)?;
    Ok(StoredPhoto {
        display_path,
        thumb_path,
        width: 0,
        height: 0,
    })
}

/// Checks the form and the photos, writes the photo files, then the item,
/// all or nothing: when the database refuses, the files are removed again.
#[allow(clippy::too_many_arguments)]
pub async fn save_with_photos(
    db: &Db,
    media: &MediaStore,
    brand_id: i64,
    item_id: Option<i64>,
    (form, translate_to): (&ItemForm, Lang),
    uploads: Vec<crate::base::photos::Upload>,
    too_large: Option<(String, usize)>,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let currency = crate::base::brand::ssr::currency(db, brand_id).await?;
    let draft = ItemDraft::parse(form, currency)?;
    if let Some((name, size)) = too_large {
        return Err(AppError::invalid(
            "photos",
            crate::base::photos::too_large(crate::base::l10n::page_lang(), &name, size),
        ));
    }
    let processed = crate::base::photos::process_all(uploads).await?;
    let stored = crate::base::photos::store(media, "items", processed).await?;
    match save(db, brand_id, item_id, (&draft, translate_to), &stored, now).await {
        Ok(id) => Ok(id),
        Err(e) => {
            crate::base::photos::discard(media, &stored).await;
            Err(e)
        }
    }
}
