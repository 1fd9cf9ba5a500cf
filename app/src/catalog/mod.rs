//! The brand's catalog: items with prices in cents, VAT, stock, photos and a
//! transparency label; kits of items that hosts start their parties from.

#[cfg(feature = "ssr")]
pub mod domain;
pub mod kits;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

use serde::{Deserialize, Serialize};

use crate::base::items::ItemCard;

/// The item form as typed. Amounts are euros as text, the VAT rate percent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemForm {
    pub sku: String,
    pub name: String,
    pub description: String,
    pub category: String,
    pub price: String,
    pub vat_rate: String,
    pub stock: String,
    pub active: bool,
    pub composition: String,
    pub country: String,
    pub recycled: String,
    pub care: String,
    pub story: String,
    /// The same texts in the brand's other language (empty: not
    /// translated, readers get the brand's words).
    pub tr_name: String,
    pub tr_description: String,
    pub tr_composition: String,
    pub tr_care: String,
    pub tr_story: String,
}

/// The brand's catalog list: a search, a category, archived or current
/// items, and the page (from 1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogQuery {
    pub q: String,
    pub category: String,
    pub archived: bool,
    pub page: i64,
}

/// One line of the brand's catalog list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogRow {
    pub card: ItemCard,
    pub active: bool,
    pub archived: bool,
    /// The name or description has no translation.
    pub untranslated: bool,
}

/// One page of the brand's catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogListing {
    pub rows: Vec<CatalogRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub categories: Vec<String>,
    /// The language the brand translates into.
    pub translation_lang: crate::base::l10n::Lang,
}
