//! Catalog values with rules, parsed once from the brand admin's form.

use super::ItemForm;
use crate::base::content::Texts;
use crate::base::error::{AppError, Mistakes};
use crate::base::items::{Label, Material};
use crate::base::l10n::{keys, page_lang, Key};

/// A message with its `max`, in the page's language.
fn with_max(key: Key, max: impl Into<i64>) -> String {
    let mut args = crate::base::l10n::FluentArgs::new();
    args.set("max", crate::base::l10n::arg(max.into()));
    crate::base::l10n::text(page_lang(), key, Some(&args))
}

const SKU_MAX: usize = 40;
const NAME_MAX: usize = 120;
const CATEGORY_MAX: usize = 60;
const DESCRIPTION_MAX: usize = 4000;
const LABEL_TEXT_MAX: usize = 1000;
/// €100,000.00: a guard against a typo with too many zeros.
const STOCK_MAX: i64 = 1_000_000;

/// A stock keeping unit: letters, digits, `-`, `_` and `.`, stored upper-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sku(String);

impl Sku {
    pub fn parse(raw: &str) -> Result<Sku, AppError> {
        let sku = raw.trim().to_uppercase();
        if sku.is_empty() {
            return Err(AppError::invalid(
                "sku",
                tr!(page_lang(), CATALOG_ERROR_SKU_EMPTY),
            ));
        }
        if sku.len() > SKU_MAX {
            return Err(AppError::invalid(
                "sku",
                tr!(page_lang(), CATALOG_ERROR_SKU_LONG, max = SKU_MAX),
            ));
        }
        if let Some(c) = sku
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        {
            return Err(AppError::invalid(
                "sku",
                tr!(
                    page_lang(),
                    CATALOG_ERROR_SKU_CHARACTER,
                    character = c.to_string()
                ),
            ));
        }
        Ok(Sku(sku))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Parses a VAT rate in percent ("20", "5.5") into basis points.
pub fn parse_vat_bp(raw: &str) -> Result<i64, AppError> {
    let raw = raw.trim().trim_end_matches('%').trim().replace(',', ".");
    let bad = || AppError::invalid("vat_rate", tr!(page_lang(), CATALOG_ERROR_VAT));
    if raw.is_empty() {
        return Err(bad());
    }
    let (whole, frac) = raw.split_once('.').unwrap_or((&raw, ""));
    if whole.is_empty()
        || whole.len() > 3
        || frac.len() > 2
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| bad())? * 10,
        _ => frac.parse().map_err(|_| bad())?,
    };
    let bp = whole * 100 + frac;
    if bp > 10_000 {
        return Err(AppError::invalid(
            "vat_rate",
            tr!(page_lang(), CATALOG_ERROR_VAT_MAX),
        ));
    }
    Ok(bp)
}

/// What a count's mistakes say: not a whole number, negative, over the
/// most (which takes `max`).
struct CountMessages {
    not_number: Key,
    negative: Key,
    too_big: Key,
}

fn parse_count(raw: &str, field: &str, says: CountMessages, max: i64) -> Result<i64, AppError> {
    let raw = raw.trim();
    let n: i64 = raw.parse().map_err(|_| {
        AppError::invalid(
            field,
            crate::base::l10n::text(page_lang(), says.not_number, None),
        )
    })?;
    if n < 0 {
        return Err(AppError::invalid(
            field,
            crate::base::l10n::text(page_lang(), says.negative, None),
        ));
    }
    if n > max {
        return Err(AppError::invalid(field, with_max(says.too_big, max)));
    }
    Ok(n)
}

/// A trimmed text of at most `max` characters; `too_long` takes `max`.
fn text(raw: &str, field: &str, too_long: Key, max: usize) -> Result<String, AppError> {
    let value = raw.trim();
    if value.chars().count() > max {
        return Err(AppError::invalid(field, with_max(too_long, max as i64)));
    }
    Ok(value.to_owned())
}

fn optional(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

/// Parses a composition: parts separated by commas, semicolons or lines,
/// each "60% organic cotton" or "organic cotton 60%". The parts must add up
/// to 100 %. Empty input means no composition.
pub fn parse_composition(raw: &str) -> Result<Vec<Material>, AppError> {
    parse_composition_of(raw, "composition")
}

/// [`parse_composition`] of the form's `field`.
fn parse_composition_of(raw: &str, field: &str) -> Result<Vec<Material>, AppError> {
    let mut parts = Vec::new();
    for part in raw
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let bad = || {
            AppError::invalid(
                field,
                tr!(page_lang(), CATALOG_ERROR_COMPOSITION_PART, part = part),
            )
        };
        let (percent, material) = if let Some((n, rest)) = part.split_once('%') {
            let n = n.trim();
            if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() {
                (n.to_owned(), rest.trim().to_owned())
            } else {
                // "organic cotton 60%"
                let (material, n) = n.rsplit_once(char::is_whitespace).ok_or_else(bad)?;
                if !rest.trim().is_empty() {
                    return Err(bad());
                }
                (n.trim().to_owned(), material.trim().to_owned())
            }
        } else {
            return Err(bad());
        };
        let percent: u8 = percent.parse().map_err(|_| bad())?;
        if percent == 0 || percent > 100 {
            return Err(AppError::invalid(
                field,
                tr!(page_lang(), CATALOG_ERROR_COMPOSITION_PERCENT, part = part),
            ));
        }
        if material.is_empty() || material.chars().count() > 60 {
            return Err(bad());
        }
        parts.push(Material { percent, material });
    }
    if parts.is_empty() {
        return Ok(parts);
    }
    let total: u32 = parts.iter().map(|p| u32::from(p.percent)).sum();
    if total != 100 {
        return Err(AppError::invalid(
            field,
            tr!(page_lang(), CATALOG_ERROR_COMPOSITION_TOTAL, total = total),
        ));
    }
    Ok(parts)
}

/// The canonical text of a composition, as stored.
pub fn composition_text(parts: &[Material]) -> String {
    parts
        .iter()
        .map(|p| format!("{}% {}", p.percent, p.material))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A valid item, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    pub sku: Sku,
    pub name: String,
    pub description: String,
    pub category: String,
    pub price_cents: i64,
    pub vat_rate_bp: i64,
    pub stock: i64,
    pub active: bool,
    pub label: Label,
    /// The texts in the brand's other language, by field.
    pub translation: Texts,
}

impl ItemDraft {
    /// Checks the form; the price reads in the brand's `currency`.
    pub fn parse(
        form: &ItemForm,
        currency: crate::base::money::Currency,
    ) -> Result<ItemDraft, AppError> {
        // Every field is checked, so the form shows all its mistakes at once.
        let mut m = Mistakes::default();
        let sku = m.check(Sku::parse(&form.sku));
        let name = m.check(required(
            &form.name,
            "name",
            NAME_MAX,
            keys::CATALOG_ERROR_NAME_LONG,
            keys::CATALOG_ERROR_NAME,
        ));
        let category = m.check(required(
            &form.category,
            "category",
            CATEGORY_MAX,
            keys::CATALOG_ERROR_CATEGORY_LONG,
            keys::CATALOG_ERROR_CATEGORY,
        ));
        let description = m.check(text(
            &form.description,
            "description",
            keys::CATALOG_ERROR_DESCRIPTION_LONG,
            DESCRIPTION_MAX,
        ));
        let price_cents = m.check(crate::base::money::parse_cents(
            &form.price,
            "price",
            currency,
        ));
        let vat_rate_bp = m.check(parse_vat_bp(&form.vat_rate));
        let stock = m.check(parse_count(
            &form.stock,
            "stock",
            CountMessages {
                not_number: keys::CATALOG_ERROR_STOCK_NUMBER,
                negative: keys::CATALOG_ERROR_STOCK_NEGATIVE,
                too_big: keys::CATALOG_ERROR_STOCK_MAX,
            },
            STOCK_MAX,
        ));
        let label = m.check(parse_label(form));
        let translation = parse_translation(form, &mut m);
        m.finish()?;
        match (
            sku,
            name,
            category,
            description,
            price_cents,
            vat_rate_bp,
            stock,
            label,
        ) {
            (
                Some(sku),
                Some(name),
                Some(category),
                Some(description),
                Some(price_cents),
                Some(vat_rate_bp),
                Some(stock),
                Some(label),
            ) => Ok(ItemDraft {
                sku,
                name,
                description,
                category,
                price_cents,
                vat_rate_bp,
                stock,
                active: form.active,
                label,
                translation,
            }),
            _ => Err(AppError::Internal),
        }
    }
}

/// The translated texts, each checked as its original is; a composition is
/// stored in its canonical form. Mistakes are noted on the `tr_` fields.
fn parse_translation(form: &ItemForm, m: &mut Mistakes) -> Texts {
    let mut texts = Texts::default();
    let plain = [
        (
            "name",
            "tr_name",
            &form.tr_name,
            NAME_MAX,
            keys::CATALOG_ERROR_NAME_LONG,
        ),
        (
            "description",
            "tr_description",
            &form.tr_description,
            DESCRIPTION_MAX,
            keys::CATALOG_ERROR_DESCRIPTION_LONG,
        ),
        (
            "care",
            "tr_care",
            &form.tr_care,
            LABEL_TEXT_MAX,
            keys::CATALOG_ERROR_CARE_LONG,
        ),
        (
            "story",
            "tr_story",
            &form.tr_story,
            LABEL_TEXT_MAX,
            keys::CATALOG_ERROR_STORY_LONG,
        ),
    ];
    for (name, field, raw, max, too_long) in plain {
        if let Some(value) = m.check(text(raw, field, too_long, max)) {
            texts.set(name, &value);
        }
    }
    if let Some(parts) = m.check(parse_composition_of(&form.tr_composition, "tr_composition")) {
        texts.set("composition", &composition_text(&parts));
    }
    texts
}

/// A text that must not be empty.
fn required(
    raw: &str,
    field: &str,
    max: usize,
    too_long: Key,
    empty: Key,
) -> Result<String, AppError> {
    let value = text(raw, field, too_long, max)?;
    if value.is_empty() {
        return Err(AppError::invalid(
            field,
            crate::base::l10n::text(page_lang(), empty, None),
        ));
    }
    Ok(value)
}

/// The transparency label, with every part's mistakes noted together.
fn parse_label(form: &ItemForm) -> Result<Label, AppError> {
    let mut m = Mistakes::default();
    let composition = m.check(parse_composition(&form.composition));
    let recycled_pct = match form.recycled.trim().trim_end_matches('%').trim() {
        "" => Some(None),
        n => m
            .check(parse_count(
                n,
                "recycled",
                CountMessages {
                    not_number: keys::CATALOG_ERROR_RECYCLED_NUMBER,
                    negative: keys::CATALOG_ERROR_RECYCLED_NEGATIVE,
                    too_big: keys::CATALOG_ERROR_RECYCLED_MAX,
                },
                100,
            ))
            .map(Some),
    };
    let country = m.check(text(
        &form.country,
        "country",
        keys::CATALOG_ERROR_COUNTRY_LONG,
        80,
    ));
    let care = m.check(text(
        &form.care,
        "care",
        keys::CATALOG_ERROR_CARE_LONG,
        LABEL_TEXT_MAX,
    ));
    let story = m.check(text(
        &form.story,
        "story",
        keys::CATALOG_ERROR_STORY_LONG,
        LABEL_TEXT_MAX,
    ));
    m.finish()?;
    match (composition, recycled_pct, country, care, story) {
        (Some(composition), Some(recycled_pct), Some(country), Some(care), Some(story)) => {
            Ok(Label {
                composition,
                country: optional(country),
                recycled_pct,
                care: optional(care),
                story: optional(story),
            })
        }
        _ => Err(AppError::Internal),
    }
}

/// The longest kit name and description, in characters.
const KIT_NAME_MAX: usize = 80;
const KIT_DESCRIPTION_MAX: usize = 2000;

/// A kit form with its rules checked: a name, a short description and
/// at least one item, each once.
/// A kit's name, description, items and translation, all checked.
pub fn parse_kit(
    form: &super::kits::KitForm,
) -> Result<(String, String, Vec<i64>, Texts), AppError> {
    let mut m = Mistakes::default();
    let name = form.name.trim();
    if name.is_empty() {
        m.note("name", tr!(page_lang(), KIT_ERROR_NAME));
    } else if name.chars().count() > KIT_NAME_MAX {
        m.note(
            "name",
            with_max(keys::KIT_ERROR_NAME_LONG, KIT_NAME_MAX as i64),
        );
    }
    let description = form.description.trim();
    if description.chars().count() > KIT_DESCRIPTION_MAX {
        m.note(
            "description",
            with_max(keys::KIT_ERROR_DESCRIPTION_LONG, KIT_DESCRIPTION_MAX as i64),
        );
    }
    let mut items = form.items.clone();
    let mut seen = std::collections::HashSet::new();
    items.retain(|i| seen.insert(*i));
    if items.is_empty() {
        m.note("items", tr!(page_lang(), KIT_ERROR_NO_ITEMS));
    }
    let mut translation = Texts::default();
    if let Some(value) = m.check(text(
        &form.tr_name,
        "tr_name",
        keys::KIT_ERROR_NAME_LONG,
        KIT_NAME_MAX,
    )) {
        translation.set("name", &value);
    }
    if let Some(value) = m.check(text(
        &form.tr_description,
        "tr_description",
        keys::KIT_ERROR_DESCRIPTION_LONG,
        KIT_DESCRIPTION_MAX,
    )) {
        translation.set("description", &value);
    }
    m.finish()?;
    Ok((name.to_owned(), description.to_owned(), items, translation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_form_shows_all_its_mistakes_at_once() {
        let form = ItemForm {
            sku: String::new(),
            name: "  ".into(),
            price: "abc".into(),
            vat_rate: "20".into(),
            stock: "-1".into(),
            composition: "60% cotton".into(),
            recycled: "140".into(),
            ..ItemForm::default()
        };
        let err = ItemDraft::parse(&form, crate::base::money::Currency::Eur).unwrap_err();
        for field in [
            "sku",
            "name",
            "category",
            "price",
            "stock",
            "composition",
            "recycled",
        ] {
            assert!(
                err.for_field(field).is_some(),
                "no message for {field}: {err:?}"
            );
        }
        assert!(err.for_field("vat_rate").is_none());
    }

    #[test]
    fn vat_in_basis_points() {
        assert_eq!(parse_vat_bp("20").unwrap(), 2000);
        assert_eq!(parse_vat_bp("5.5 %").unwrap(), 550);
        assert_eq!(parse_vat_bp("0").unwrap(), 0);
        assert!(parse_vat_bp("101").is_err());
        assert!(parse_vat_bp("-5").is_err());
        assert!(parse_vat_bp("").is_err());
    }

    #[test]
    fn composition_must_add_up_to_100() {
        let parts = parse_composition("60% organic cotton, 40 % recycled polyester").unwrap();
        assert_eq!(
            composition_text(&parts),
            "60% organic cotton, 40% recycled polyester"
        );
        let parts = parse_composition("linen 100%").unwrap();
        assert_eq!(composition_text(&parts), "100% linen");
        assert!(parse_composition("").unwrap().is_empty());
        let err = parse_composition("60% cotton; 30% wool").unwrap_err();
        // Without a request, the page's language is French.
        assert_eq!(
            err.for_field("composition").unwrap(),
            tr!(
                crate::base::l10n::Lang::Fr,
                CATALOG_ERROR_COMPOSITION_TOTAL,
                total = 90
            )
        );
        assert!(parse_composition("cotton").is_err());
        assert!(parse_composition("0% cotton, 100% wool").is_err());
        assert!(parse_composition("150% cotton").is_err());
    }

    #[test]
    fn sku_is_normalised() {
        assert_eq!(Sku::parse(" can-fig-220 ").unwrap().as_str(), "CAN-FIG-220");
        assert!(Sku::parse("").is_err());
        assert!(Sku::parse("CAN FIG").is_err());
        assert!(Sku::parse(&"A".repeat(41)).is_err());
    }
}
