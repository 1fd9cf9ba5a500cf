//! Items as every page shows them: the card in a grid, the page of one item
//! with its photos and transparency label, and the reads other areas make of
//! the catalog (which items a party features, the brand's item choices).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::base::{
    l10n::{fmt::money, Lang},
    money::Money,
};

/// One part of a composition: "60 % organic cotton".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub percent: u8,
    pub material: String,
}

/// The facts a conscious buyer looks for. Every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub composition: Vec<Material>,
    pub country: Option<String>,
    pub recycled_pct: Option<i64>,
    pub care: Option<String>,
    pub story: Option<String>,
}

impl Label {
    pub fn is_empty(&self) -> bool {
        self.composition.is_empty()
            && self.country.is_none()
            && self.recycled_pct.is_none()
            && self.care.is_none()
            && self.story.is_none()
    }
}

/// A stored photo, in its two sizes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub id: i64,
    pub url: String,
    pub thumb_url: String,
    pub width: i64,
    pub height: i64,
}

/// An item as a card in a grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemCard {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub category: String,
    pub price: Money,
    pub stock: i64,
    /// The first photo's thumbnail, if the item has photos.
    pub thumb_url: Option<String>,
    /// Its buyers' published ratings.
    pub rating: Rating,
    /// Fans chose it in one of the brand's votes.
    #[serde(default)]
    pub chosen_by_fans: bool,
}

/// An item's published ratings (1 to 5) in figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub count: i64,
    pub sum: i64,
}

impl Rating {
    /// The average in tenths, rounded (4.46 → 45); `None` without ratings.
    pub fn tenths(self) -> Option<i64> {
        (self.count > 0).then(|| (self.sum * 20 + self.count) / (self.count * 2))
    }

    /// The average with one decimal, "4.5" or "4,5".
    pub fn average_in(self, lang: Lang) -> Option<String> {
        let t = self.tenths()?;
        let sep = match lang {
            Lang::Fr => ',',
            Lang::En => '.',
        };
        Some(format!("{}{sep}{}", t / 10, t % 10))
    }

    /// "★ 4.5 (12)" and what a screen reader says instead.
    pub fn text_in(self, lang: Lang) -> Option<(String, String)> {
        let average = self.average_in(lang)?;
        Some((
            format!("★ {average} ({})", self.count),
            crate::tr!(
                lang,
                ITEM_RATED,
                average = average.as_str(),
                count = self.count
            ),
        ))
    }
}

/// The fans' mark of an item they chose in a vote.
#[component]
pub fn FansMark(chosen: bool) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    chosen.then(|| view! { <p class="fans-mark" data-testid="fans-mark">{crate::tr!(lang, ITEM_CHOSEN_BY_FANS)}</p> })
}

/// An item's average rating, when it has one.
#[component]
pub fn RatingLine(rating: Rating) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    rating.text_in(lang).map(|(shown, said)| {
        view! { <p class="rating" data-testid="rating"><span aria-hidden="true">{shown}</span><span class="sr-only">{said}</span></p> }
    })
}

impl ItemCard {
    /// "Sold out", "Only 3 left" or nothing, in `lang`.
    pub fn stock_note_in(&self, lang: Lang) -> Option<String> {
        match self.stock {
            i64::MIN..=0 => Some(crate::tr!(lang, ITEM_SOLD_OUT)),
            n @ 1..=5 => Some(crate::tr!(lang, ITEM_ONLY_LEFT, count = n)),
            _ => None,
        }
    }
}

/// An item with everything a guest or the brand sees on its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDetail {
    pub card: ItemCard,
    pub description: String,
    pub vat_rate_bp: i64,
    pub active: bool,
    pub archived: bool,
    pub label: Label,
    pub photos: Vec<Photo>,
}

/// A VAT rate in basis points as percent text: 2000 → "20", 550 → "5.5".
pub fn vat_percent(bp: i64) -> String {
    let text = format!("{}.{:02}", bp / 100, bp % 100);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The hue and initials of an item's placeholder picture.
fn picture_parts(name: &str, sku: &str) -> (u32, String) {
    let hue = sku
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
        % 360;
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .take(2)
        .collect::<String>()
        .to_uppercase();
    (hue, initials)
}

/// A generated placeholder picture for an item without photos: a tinted
/// tile with the item's initials (decorative, the name is next to it).
#[component]
pub fn ItemPicture(#[prop(into)] name: String, #[prop(into)] sku: String) -> impl IntoView {
    let (hue, initials) = picture_parts(&name, &sku);
    view! {
        <svg class="item-picture" viewBox="0 0 120 90" role="presentation" aria-hidden="true" focusable="false">
            <rect width="120" height="90" fill=format!("hsl({hue} 45% 88%)") />
            <circle cx="60" cy="45" r="28" fill=format!("hsl({hue} 40% 72%)") />
            <text x="60" y="53" text-anchor="middle" font-size="22" font-family="Georgia, serif"
                fill=format!("hsl({hue} 45% 22%)")>{initials}</text>
        </svg>
    }
}

/// The item's first photo as a thumbnail, or its placeholder.
#[component]
pub fn ItemThumb(item: ItemCard) -> impl IntoView {
    match item.thumb_url {
        Some(url) => view! {
            <img class="item-photo" src=url alt="" loading="lazy" decoding="async" width="400" height="300" />
        }
        .into_any(),
        None => view! { <ItemPicture name=item.name sku=item.sku /> }.into_any(),
    }
}

/// The cards of [`ItemGrid`] are written as HTML text: a grid of a party's
/// items is the largest part of a guest's page and has nothing reactive,
/// and as text it costs a fraction of building it as views (the markup is
/// that of the components above, `ItemThumb` and `ItemPicture`).
///
/// A card's HTML before its name: the item, its picture, the heading.
fn card_head(out: &mut String, item: &ItemCard) {
    use html_escape::{
        encode_double_quoted_attribute_to_string as attr, encode_text_to_string as text,
    };
    use std::fmt::Write as _;
    out.push_str("<li class=\"item-card");
    if item.stock <= 0 {
        out.push_str(" sold-out");
    }
    out.push_str("\" data-testid=\"item-card\">");
    match &item.thumb_url {
        Some(url) => {
            out.push_str("<img class=\"item-photo\" src=\"");
            attr(url, out);
            out.push_str(
                "\" alt=\"\" loading=\"lazy\" decoding=\"async\" width=\"400\" height=\"300\">",
            );
        }
        None => {
            let (hue, initials) = picture_parts(&item.name, &item.sku);
            let _ = write!(
                out,
                "<svg class=\"item-picture\" viewBox=\"0 0 120 90\" role=\"presentation\" aria-hidden=\"true\" focusable=\"false\">\
                 <rect width=\"120\" height=\"90\" fill=\"hsl({hue} 45% 88%)\"></rect>\
                 <circle cx=\"60\" cy=\"45\" r=\"28\" fill=\"hsl({hue} 40% 72%)\"></circle>\
                 <text x=\"60\" y=\"53\" text-anchor=\"middle\" font-size=\"22\" font-family=\"Georgia, serif\" fill=\"hsl({hue} 45% 22%)\">"
            );
            text(&initials, out);
            out.push_str("</text></svg>");
        }
    }
    out.push_str("<h3>");
}

/// A card's name, linked to `link` when given; a heart first when `marked`
/// (one of the reader's favourites).
fn card_name(out: &mut String, item: &ItemCard, link: Option<&str>, marked: bool) {
    use html_escape::{
        encode_double_quoted_attribute_to_string as attr, encode_text_to_string as text,
    };
    if let Some(link) = link {
        out.push_str("<a href=\"");
        attr(link, out);
        out.push_str("\" class=\"stretched\">");
    }
    if marked {
        out.push_str("♥ ");
    }
    text(&item.name, out);
    if link.is_some() {
        out.push_str("</a>");
    }
}

/// A card's HTML after its name: category, price, stock note.
fn card_tail(out: &mut String, lang: Lang, item: &ItemCard) {
    use html_escape::encode_text_to_string as text;
    out.push_str("</h3><p class=\"muted\">");
    text(&item.category, out);
    out.push_str("</p><p class=\"price\">");
    text(money(lang, item.price), out);
    out.push_str("</p>");
    if item.chosen_by_fans {
        out.push_str("<p class=\"fans-mark\" data-testid=\"fans-mark\">");
        text(crate::tr!(lang, ITEM_CHOSEN_BY_FANS), out);
        out.push_str("</p>");
    }
    if let Some((shown, said)) = item.rating.text_in(lang) {
        out.push_str("<p class=\"rating\"><span aria-hidden=\"true\">");
        text(&shown, out);
        out.push_str("</span><span class=\"sr-only\">");
        text(&said, out);
        out.push_str("</span></p>");
    }
    if let Some(note) = item.stock_note_in(lang) {
        out.push_str("<p class=\"stock-note\" data-testid=\"stock-note\">");
        text(&note, out);
        out.push_str("</p>");
    }
    out.push_str("</li>");
}

/// Each card's HTML before and after its name, in `lang`: what a grid of
/// the same cards repeats from one request to the next.
pub fn card_parts(lang: Lang, items: &[ItemCard]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|item| {
            let (mut head, mut tail) = (String::with_capacity(512), String::with_capacity(160));
            card_head(&mut head, item);
            card_tail(&mut tail, lang, item);
            (head, tail)
        })
        .collect()
}

/// The HTML of a grid of `items`, each linked to `link(id)` when given and
/// marked with a heart when `marked(id)`. `parts` are the cards' HTML
/// around their names ([`card_parts`]), written anew when not given.
fn grid_html(
    lang: Lang,
    items: &[ItemCard],
    parts: &[(String, String)],
    link: Option<&dyn Fn(i64) -> String>,
    marked: &dyn Fn(i64) -> bool,
) -> String {
    let mut html = String::with_capacity(items.len() * 720);
    let kept = parts.len() == items.len();
    for (n, item) in items.iter().enumerate() {
        let link = link.map(|l| l(item.id));
        if kept {
            html.push_str(&parts[n].0);
        } else {
            card_head(&mut html, item);
        }
        card_name(&mut html, item, link.as_deref(), marked(item.id));
        if kept {
            html.push_str(&parts[n].1);
        } else {
            card_tail(&mut html, lang, item);
        }
    }
    html
}

/// A grid of item cards; each links to `href(id)` when given, and those in
/// `marked` (the reader's favourites) carry a heart. `parts` are the
/// cards' HTML around their names as the server keeps them
/// ([`ssr::CardCache`]); without them the cards are written anew.
#[component]
pub fn ItemGrid(
    #[prop(into)] items: std::sync::Arc<Vec<ItemCard>>,
    #[prop(optional, into)] href: Option<Callback<i64, String>>,
    #[prop(optional)] parts: std::sync::Arc<Vec<(String, String)>>,
    #[prop(optional)] marked: Vec<i64>,
) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let link = href.map(|h| move |id: i64| h.run(id));
    let html = grid_html(
        lang,
        &items,
        &parts,
        link.as_ref().map(|l| l as &dyn Fn(i64) -> String),
        &|id| marked.contains(&id),
    );
    view! { <ul class="item-grid" inner_html=html></ul> }
}

/// The transparency label of an item; nothing when it has none.
#[component]
pub fn ItemLabel(label: Label) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    (!label.is_empty()).then(|| {
        view! {
            <section class="item-label" aria-labelledby="label-title" data-testid="item-label">
                <h2 id="label-title">{crate::tr!(lang, ITEM_LABEL_TITLE)}</h2>
                <dl>
                    {(!label.composition.is_empty()).then(|| view! {
                        <dt>{crate::tr!(lang, ITEM_COMPOSITION)}</dt>
                        <dd>
                            <ul class="composition">
                                {label.composition.iter().map(|m| view! {
                                    <li>
                                        <meter class="bar" min="0" max="100" value=m.percent aria-hidden="true"></meter>
                                        <strong>{format!("{} %", m.percent)}</strong> " " {m.material.clone()}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </dd>
                    })}
                    {label.recycled_pct.map(|n| view! { <dt>{crate::tr!(lang, ITEM_RECYCLED_CONTENT)}</dt><dd>{format!("{n} %")}</dd> })}
                    {label.country.clone().map(|c| view! { <dt>{crate::tr!(lang, ITEM_MADE_IN)}</dt><dd>{c}</dd> })}
                    {label.care.clone().map(|c| view! { <dt>{crate::tr!(lang, ITEM_CARE)}</dt><dd>{c}</dd> })}
                    {label.story.clone().map(|s| view! { <dt>{crate::tr!(lang, ITEM_HOW_IT_IS_MADE)}</dt><dd>{s}</dd> })}
                </dl>
            </section>
        }
    })
}

/// An item's photos, large, with its placeholder when it has none.
#[component]
pub fn ItemPhotos(item: ItemDetail) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    if item.photos.is_empty() {
        return view! {
            <div class="item-photos"><ItemPicture name=item.card.name sku=item.card.sku /></div>
        }
        .into_any();
    }
    let name = item.card.name.clone();
    let count = item.photos.len();
    view! {
        <div class="item-photos">
            {item.photos.into_iter().enumerate().map(|(i, p)| {
                let alt = if count == 1 { name.clone() } else { crate::tr!(lang, ITEM_PHOTO_ALT, name = &name, number = i + 1, count = count) };
                view! {
                    <img src=p.url alt=alt width=p.width height=p.height
                        loading=if i == 0 { "eager" } else { "lazy" } decoding="async" />
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

/// SQL of the stamp of a party's cards as guests see them: its active
/// items in order, each with its stock and `card_version` (which database
/// triggers bump on every change of what a card shows: migration 0030),
/// as one text, `''` when it features none. `$event` is the SQL of the
/// event's id. A macro, so that queries stay `&'static str` through
/// `concat!`; the same SQL on both engines (SQLite 3.44 and later have
/// `string_agg` with `ORDER BY`).
#[macro_export]
macro_rules! cards_stamp_sql {
    ($event:literal) => {
        concat!(
            "(SELECT COALESCE(string_agg(CAST(i.id AS TEXT) || ':' || CAST(i.stock AS TEXT) || ':'
                 || CAST(i.card_version AS TEXT), ',' ORDER BY ei.position, i.id), '')
              FROM event_items ei JOIN items i ON i.id = ei.item_id
              WHERE ei.event_id = ",
            $event,
            " AND i.active = TRUE)"
        )
    };
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::{
        collections::HashMap,
        sync::{Arc, Mutex},
    };

    use super::ItemCard;
    use crate::{
        base::{
            content::{ssr::text_sql, Kind},
            db::Db,
            error::AppError,
            l10n::Lang,
            media,
            money::{Currency, Money},
        },
        on_db,
    };

    /// The columns of [`ItemCardRow`], for `items` aliased as `i`, with
    /// the brand's own words (its catalog).
    pub const CARD_COLUMNS: &str = "i.id, i.sku, i.name, i.category, i.price_cents, i.stock,
        (SELECT p.thumb_path FROM item_photos p WHERE p.item_id = i.id
         ORDER BY p.position, p.id LIMIT 1) AS thumb_path,
        (SELECT b.currency FROM brands b WHERE b.id = i.brand_id) AS currency,
        i.rating_count, i.rating_sum, (i.chosen_by_fans_at IS NOT NULL) AS chosen_by_fans";

    /// Rewrites the published rating figures of the brand `$1`'s items
    /// (add `AND id = …` for some of them), on the transaction that changed
    /// their reviews; their cards are read again ([`CardCache`]).
    pub const RECOUNT_RATINGS: &str = "UPDATE items SET card_version = card_version + 1,
        rating_count = (SELECT COUNT(*) FROM reviews r WHERE r.item_id = items.id
                        AND r.kind = 'review' AND r.state = 'published'),
        rating_sum = (SELECT COALESCE(SUM(r.rating), 0) FROM reviews r WHERE r.item_id = items.id
                      AND r.kind = 'review' AND r.state = 'published')
        WHERE brand_id = $1";

    /// [`CARD_COLUMNS`] with the name in `lang` where the brand wrote it
    /// (what guests and hosts read).
    pub fn card_columns_in(lang: Lang) -> String {
        format!(
            "i.id, i.sku, {} AS name, i.category, i.price_cents, i.stock,
             (SELECT p.thumb_path FROM item_photos p WHERE p.item_id = i.id
              ORDER BY p.position, p.id LIMIT 1) AS thumb_path,
             (SELECT b.currency FROM brands b WHERE b.id = i.brand_id) AS currency,
             i.rating_count, i.rating_sum, (i.chosen_by_fans_at IS NOT NULL) AS chosen_by_fans",
            text_sql(lang, Kind::Item, "name", "i.id", "i.name")
        )
    }

    #[derive(Debug, sqlx::FromRow)]
    pub struct ItemCardRow {
        pub id: i64,
        pub sku: String,
        pub name: String,
        pub category: String,
        pub price_cents: i64,
        pub stock: i64,
        pub thumb_path: Option<String>,
        /// The brand's currency, the price's.
        pub currency: String,
        pub rating_count: i64,
        pub rating_sum: i64,
        pub chosen_by_fans: bool,
    }

    impl From<ItemCardRow> for ItemCard {
        fn from(r: ItemCardRow) -> Self {
            ItemCard {
                id: r.id,
                sku: r.sku,
                name: r.name,
                category: r.category,
                price: Money::new(r.price_cents, Currency::of_db(&r.currency)),
                stock: r.stock,
                thumb_url: r.thumb_path.as_deref().map(media::url),
                rating: super::Rating {
                    count: r.rating_count,
                    sum: r.rating_sum,
                },
                chosen_by_fans: r.chosen_by_fans,
            }
        }
    }

    /// The card of an item the event features (and still sells), or
    /// `NotFound`: a guest never reaches another party's items.
    pub async fn featured_card(
        db: &Db,
        event_id: i64,
        item_id: i64,
        lang: Lang,
    ) -> Result<ItemCard, AppError> {
        let sql = format!(
            "SELECT {} FROM event_items ei JOIN items i ON i.id = ei.item_id
             WHERE ei.event_id = $1 AND ei.item_id = $2 AND i.active = TRUE",
            card_columns_in(lang)
        );
        let row: Option<ItemCardRow> = on_db!(db.reader(), |pool| {
            sqlx::query_as(&sql)
                .bind(event_id)
                .bind(item_id)
                .fetch_optional(pool)
                .await
        })?;
        row.map(ItemCard::from).ok_or(AppError::NotFound)
    }

    /// A party's featured cards as its guests see them (active items only),
    /// with their HTML around the names, kept by each server per party and
    /// language. A request reads only the cards' stamp, one short text
    /// ([`crate::cards_stamp_sql`]), and reads the cards again when it
    /// differs. Every server checks the stamp against
    /// the database, so several servers on one PostgreSQL never show a
    /// stale card.
    #[derive(Debug, Clone, Default)]
    pub struct CardCache(Arc<Mutex<Parties>>);

    /// The cards kept, by party and language.
    type Parties = HashMap<(i64, Lang), Arc<PartyCards>>;

    /// One party's cards in one language, and the stamp they were read at.
    #[derive(Debug)]
    pub struct PartyCards {
        stamp: String,
        pub items: Arc<Vec<ItemCard>>,
        /// Each card's HTML before and after its name ([`super::card_parts`]).
        pub parts: Arc<Vec<(String, String)>>,
    }

    /// Parties kept per server (about 40 KB each for 40 cards, so at most
    /// about 40 MB); past it the cache starts again (a party's cards are
    /// read again at its next view).
    const KEPT_PARTIES: usize = 1024;

    impl CardCache {
        /// The active items `event_id` features, in its order, named in
        /// `lang`.
        pub async fn party(
            &self,
            db: &Db,
            event_id: i64,
            lang: Lang,
        ) -> Result<Arc<PartyCards>, AppError> {
            let stamp: String = on_db!(db.reader(), |pool| {
                sqlx::query_scalar(concat!("SELECT ", crate::cards_stamp_sql!("$1")))
                    .bind(event_id)
                    .fetch_one(pool)
                    .await
            })?;
            self.party_at(db, event_id, lang, &stamp).await
        }

        /// [`CardCache::party`] where the request already read the stamp
        /// ([`crate::cards_stamp_sql`]), as the invitation row does.
        pub async fn party_at(
            &self,
            db: &Db,
            event_id: i64,
            lang: Lang,
            stamp: &str,
        ) -> Result<Arc<PartyCards>, AppError> {
            let kept = self.lock().get(&(event_id, lang)).cloned();
            if let Some(kept) = kept.filter(|k| k.stamp == stamp) {
                return Ok(kept);
            }
            // Read after the stamp: a change in between leaves cards newer
            // than their stamp, which the next request reads again.
            let items = featured_cards(db, event_id, lang, true).await?;
            let cards = Arc::new(PartyCards {
                stamp: stamp.to_owned(),
                parts: Arc::new(super::card_parts(lang, &items)),
                items: Arc::new(items),
            });
            let mut kept = self.lock();
            if kept.len() >= KEPT_PARTIES {
                kept.clear();
            }
            kept.insert((event_id, lang), cards.clone());
            Ok(cards)
        }

        fn lock(&self) -> std::sync::MutexGuard<'_, Parties> {
            self.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        }
    }

    /// The cards of the items `event_id` features, in its order, named in
    /// `lang`; with `active_only`, only those guests can order.
    pub async fn featured_cards(
        db: &Db,
        event_id: i64,
        lang: Lang,
        active_only: bool,
    ) -> Result<Vec<ItemCard>, AppError> {
        let sql = format!(
            "SELECT {} FROM event_items ei JOIN items i ON i.id = ei.item_id
             WHERE ei.event_id = $1 AND ($2 = FALSE OR i.active = TRUE)
             ORDER BY ei.position, i.id",
            card_columns_in(lang)
        );
        let rows: Vec<ItemCardRow> = on_db!(db.reader(), |pool| {
            sqlx::query_as(&sql)
                .bind(event_id)
                .bind(active_only)
                .fetch_all(pool)
                .await
        })?;
        Ok(rows.into_iter().map(ItemCard::from).collect())
    }

    /// Active, not archived items of the brand for a picker: (id, label),
    /// named in `lang` where the brand wrote it (`None`: the brand's own
    /// words, for its own forms).
    pub async fn choices(
        db: &Db,
        brand_id: i64,
        lang: Option<Lang>,
    ) -> Result<Vec<(i64, String)>, AppError> {
        let name = match lang {
            Some(lang) => text_sql(lang, Kind::Item, "name", "i.id", "i.name"),
            None => "i.name".to_owned(),
        };
        let sql = format!(
            "SELECT id, name, sku, category FROM (
               SELECT i.id, {name} AS name, i.sku, i.category FROM items i
               WHERE i.brand_id = $1 AND i.active = TRUE AND i.archived_at IS NULL
             ) AS c ORDER BY category, name"
        );
        let rows: Vec<(i64, String, String, String)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(&sql).bind(brand_id).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|(id, name, sku, category)| (id, format!("{category} · {name} ({sku})")))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(name: &str, thumb: Option<&str>, stock: i64) -> ItemCard {
        ItemCard {
            id: 7,
            sku: "LIN-01".into(),
            name: name.into(),
            category: "Linge <de> maison".into(),
            price: Money::eur(2900),
            stock,
            thumb_url: thumb.map(str::to_owned),
            rating: Rating::default(),
            chosen_by_fans: false,
        }
    }

    #[test]
    fn an_average_rating_rounds_to_one_decimal() {
        assert_eq!(Rating::default().tenths(), None);
        let r = Rating { count: 3, sum: 13 };
        assert_eq!(r.tenths(), Some(43));
        assert_eq!(r.average_in(Lang::Fr).as_deref(), Some("4,3"));
        assert_eq!(
            Rating { count: 2, sum: 9 }.average_in(Lang::En).as_deref(),
            Some("4.5")
        );
        assert_eq!(
            Rating { count: 1, sum: 5 }.average_in(Lang::En).as_deref(),
            Some("5.0")
        );
    }

    #[test]
    fn a_card_escapes_what_the_brand_wrote() {
        let out = grid_html(
            Lang::En,
            &[card(
                "Nappe \"<b>lin</b>\" & co",
                Some("/media/a\".webp"),
                0,
            )],
            &[],
            Some(&|id| format!("/i/t/items/{id}")),
            &|_| false,
        );
        assert!(
            out.starts_with("<li class=\"item-card sold-out\" data-testid=\"item-card\">"),
            "{out}"
        );
        assert!(
            out.contains("Nappe \"&lt;b&gt;lin&lt;/b&gt;\" &amp; co"),
            "{out}"
        );
        assert!(out.contains("src=\"/media/a&quot;.webp\""), "{out}");
        assert!(
            out.contains("<a href=\"/i/t/items/7\" class=\"stretched\">"),
            "{out}"
        );
        assert!(out.contains("Linge &lt;de&gt; maison"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
    }

    #[test]
    fn a_card_without_photo_draws_its_initials() {
        let out = grid_html(Lang::En, &[card("nappe lin", None, 5)], &[], None, &|_| {
            false
        });
        assert!(out.contains("<svg class=\"item-picture\""), "{out}");
        assert!(out.contains(">NL</text></svg>"), "{out}");
        assert!(out.contains("<h3>nappe lin</h3>"), "{out}");
        assert!(!out.contains("sold-out"), "{out}");
    }
}
