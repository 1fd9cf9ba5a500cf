//! The brand's catalog: items with prices in cents, VAT and stock.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// An item as a card in a grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemCard {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub category: String,
    pub price: Money,
    pub stock: i64,
}

impl ItemCard {
    /// "Sold out", "Only 3 left" or nothing.
    pub fn stock_note(&self) -> Option<String> {
        match self.stock {
            0 => Some("Sold out".to_owned()),
            n @ 1..=5 => Some(format!("Only {n} left")),
            _ => None,
        }
    }
}

/// A generated placeholder picture for an item until photos exist: a tinted
/// tile with the item's initials (decorative, the name is next to it).
#[component]
pub fn ItemPicture(#[prop(into)] name: String, #[prop(into)] sku: String) -> impl IntoView {
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
    view! {
        <svg class="item-picture" viewBox="0 0 120 90" role="presentation" aria-hidden="true" focusable="false">
            <rect width="120" height="90" fill=format!("hsl({hue} 45% 88%)") />
            <circle cx="60" cy="45" r="28" fill=format!("hsl({hue} 40% 72%)") />
            <text x="60" y="53" text-anchor="middle" font-size="22" font-family="Georgia, serif"
                fill=format!("hsl({hue} 45% 22%)")>{initials}</text>
        </svg>
    }
}

/// A grid of item cards.
#[component]
pub fn ItemGrid(items: Vec<ItemCard>) -> impl IntoView {
    view! {
        <ul class="item-grid">
            {items.into_iter().map(|item| {
                let note = item.stock_note();
                view! {
                    <li class="item-card">
                        <ItemPicture name=item.name.clone() sku=item.sku.clone() />
                        <h3>{item.name}</h3>
                        <p class="muted">{item.category}</p>
                        <p class="price">{item.price.to_string()}</p>
                        {note.map(|n| view! { <p class="stock-note">{n}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::ItemCard;
    use crate::{db::Db, error::AppError, money::Money, on_db};

    #[derive(sqlx::FromRow)]
    struct ItemCardRow {
        id: i64,
        sku: String,
        name: String,
        category: String,
        price_cents: i64,
        stock: i64,
    }

    /// The first `limit` active items of a brand, by category and name.
    pub async fn featured_items(
        db: &Db,
        brand_id: i64,
        limit: i64,
    ) -> Result<Vec<ItemCard>, AppError> {
        let rows: Vec<ItemCardRow> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT id, sku, name, category, price_cents, stock FROM items
                 WHERE brand_id = $1 AND active = TRUE ORDER BY category, name LIMIT $2",
            )
            .bind(brand_id)
            .bind(limit)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|r| ItemCard {
                id: r.id,
                sku: r.sku,
                name: r.name,
                category: r.category,
                price: Money::eur(r.price_cents),
                stock: r.stock,
            })
            .collect())
    }

    /// How many active items a brand has.
    pub async fn count_active_items(db: &Db, brand_id: i64) -> Result<i64, AppError> {
        Ok(on_db!(db.reader(), |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM items WHERE brand_id = $1 AND active = TRUE")
                .bind(brand_id)
                .fetch_one(pool)
                .await
        })?)
    }
}
