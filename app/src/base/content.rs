//! The brand's own words in several languages: items, kits and polls are
//! written in the brand's default language (their rows' columns), and each
//! text may have a translation into the other language (the `translations`
//! table). A reader gets the text of their language where there is one,
//! else the brand's; the brand's forms show which translations are missing.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::l10n::Lang;

/// What a translation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Item,
    Kit,
    Poll,
    PollOption,
}

impl Kind {
    /// The value stored in `translations.kind`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Item => "item",
            Kind::Kit => "kit",
            Kind::Poll => "poll",
            Kind::PollOption => "poll_option",
        }
    }
}

/// The texts of one thing in one language, by field, as a form shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts(pub Vec<(String, String)>);

impl Texts {
    /// The text of `field`, empty when there is none.
    pub fn get(&self, field: &str) -> String {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    }

    /// Sets `field` (trimmed); an empty text removes it.
    pub fn set(&mut self, field: &str, text: &str) {
        self.0.retain(|(f, _)| f != field);
        let text = text.trim();
        if !text.is_empty() {
            self.0.push((field.to_owned(), text.to_owned()));
        }
    }
}

/// The fields, of those the brand wrote (`(field, brand's text)`), that
/// have no translation in `translated`: what the form says is missing.
pub fn missing<'a>(written: &[(&'a str, &str)], translated: &Texts) -> Vec<&'a str> {
    written
        .iter()
        .filter(|(field, text)| !text.trim().is_empty() && translated.get(field).is_empty())
        .map(|(field, _)| *field)
        .collect()
}

/// The language a brand that writes in `brand` translates into.
pub fn translation_language(brand: Lang) -> Lang {
    match brand {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    }
}

/// The name of `language` in the reader's `lang`: "anglais", "French".
pub fn language_name(lang: Lang, language: Lang) -> String {
    tr!(lang, CONTENT_LANGUAGE_NAME, language = language.code())
}

/// The part of a brand's form that holds its texts in `target`, the other
/// language, saying which of those the brand wrote are `missing` (their
/// labels).
#[component]
pub fn TranslationFieldset(
    lang: Lang,
    target: Lang,
    missing: Vec<String>,
    children: Children,
) -> impl IntoView {
    let name = language_name(lang, target);
    view! {
        <fieldset class="translation" data-testid="translation">
            <legend>{tr!(lang, CONTENT_TRANSLATION_LEGEND, language = name.clone())}</legend>
            <p class="hint">{tr!(lang, CONTENT_TRANSLATION_HINT, language = name.clone())}</p>
            {(!missing.is_empty()).then(|| view! {
                <p class="translation-missing" role="note" data-testid="translation-missing">
                    {tr!(lang, CONTENT_MISSING, language = name.clone(), fields = missing.join(", "))}
                </p>
            })}
            {children()}
        </fieldset>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::{Kind, Texts};
    use crate::{
        base::{
            db::{Db, Tx},
            error::AppError,
            l10n::Lang,
        },
        on_db, on_tx,
    };

    /// SQL for the text of `field` of the thing whose id is `id_sql`, in
    /// `lang`, falling back to `base_sql` (the brand's text). `lang` and
    /// `kind` are the program's own constants, never a reader's input.
    pub fn text_sql(lang: Lang, kind: Kind, field: &str, id_sql: &str, base_sql: &str) -> String {
        debug_assert!(field.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        format!(
            "COALESCE((SELECT t.text FROM translations t WHERE t.kind = '{kind}' AND t.ref_id = {id_sql}
               AND t.language = '{lang}' AND t.field = '{field}'), {base_sql})",
            kind = kind.code(),
            lang = lang.code(),
        )
    }

    /// SQL that is true when the thing whose id is `id_sql` has no
    /// translation of `field` into `lang`.
    pub fn missing_sql(lang: Lang, kind: Kind, field: &str, id_sql: &str) -> String {
        format!(
            "NOT EXISTS (SELECT 1 FROM translations t WHERE t.kind = '{kind}' AND t.ref_id = {id_sql}
               AND t.language = '{lang}' AND t.field = '{field}')",
            kind = kind.code(),
            lang = lang.code(),
        )
    }

    /// The translations of one thing into `lang`.
    pub async fn read(db: &Db, kind: Kind, id: i64, lang: Lang) -> Result<Texts, AppError> {
        let rows: Vec<(String, String)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT field, text FROM translations
                 WHERE kind = $1 AND ref_id = $2 AND language = $3 ORDER BY field",
            )
            .bind(kind.code())
            .bind(id)
            .bind(lang.code())
            .fetch_all(pool)
            .await
        })?;
        Ok(Texts(rows))
    }

    /// Replaces the translations of one thing into `lang` by `texts`, in
    /// the caller's transaction.
    pub async fn write(
        tx: &mut Tx,
        kind: Kind,
        id: i64,
        lang: Lang,
        texts: &Texts,
    ) -> Result<(), sqlx::Error> {
        on_tx!(tx, |c| {
            sqlx::query(
                "DELETE FROM translations WHERE kind = $1 AND ref_id = $2 AND language = $3",
            )
            .bind(kind.code())
            .bind(id)
            .bind(lang.code())
            .execute(&mut *c)
            .await?;
        });
        for (field, text) in &texts.0 {
            on_tx!(tx, |c| {
                sqlx::query(
                    "INSERT INTO translations (kind, ref_id, language, field, text)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(kind.code())
                .bind(id)
                .bind(lang.code())
                .bind(field)
                .bind(text)
                .execute(&mut *c)
                .await?;
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_the_brand_wrote_without_translation_is_missing() {
        let mut t = Texts::default();
        t.set("name", "  Fig leaf candle ");
        t.set("story", "   ");
        assert_eq!(t.get("name"), "Fig leaf candle");
        assert_eq!(t.get("story"), "");
        let written = [
            ("name", "Bougie"),
            ("description", "Cire de soja"),
            ("care", ""),
        ];
        assert_eq!(missing(&written, &t), vec!["description"]);
        assert_eq!(translation_language(Lang::Fr), Lang::En);
        assert_eq!(translation_language(Lang::En), Lang::Fr);
    }
}
