//! Kits: named selections of the brand's items that hosts start a party
//! from (the brand's promotion kit).

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    content::{Texts, TranslationFieldset},
    error::AppError,
    forms::{Field, FormError},
};

/// The kit form as typed: the chosen items in catalog order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitForm {
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub items: Vec<i64>,
    /// The name and description in the brand's other language (empty: not
    /// translated).
    #[serde(default)]
    pub tr_name: String,
    #[serde(default)]
    pub tr_description: String,
}

/// A kit in a list or a picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitSummary {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub items: i64,
}

/// What the kit form starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitEditor {
    pub id: i64,
    pub form: KitForm,
    /// The brand's active items: (id, "Category · Name (SKU)").
    pub choices: Vec<(i64, String)>,
    /// The language the brand translates into.
    pub translation_lang: crate::base::l10n::Lang,
}

/// The brand's kits (brand admins and hosts: hosts pick one for a party).
#[server(prefix = "/api", endpoint = "kits", input = server_fn::codec::GetUrl)]
pub async fn get_kits() -> Result<Vec<KitSummary>, AppError> {
    serve(async move {
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        // Hosts read the kits in their language; the brand, in its words.
        let lang = (user.role != crate::base::account::Role::BrandAdmin)
            .then(crate::base::l10n::page_lang);
        ssr::list(&state.db, user.brand_id, lang).await
    })
    .await
}

/// A kit to edit (`id` 0: a new one).
#[server(prefix = "/api", endpoint = "kit_editor", input = server_fn::codec::GetUrl)]
pub async fn get_kit_editor(id: i64) -> Result<KitEditor, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let brand_lang =
            crate::base::l10n::resolve::brand_language_of(&state.db, admin.brand_id).await?;
        let translation_lang = crate::base::content::translation_language(brand_lang);
        let form = if id == 0 {
            KitForm::default()
        } else {
            ssr::form(&state.db, admin.brand_id, id, translation_lang).await?
        };
        let choices = crate::base::items::ssr::choices(&state.db, admin.brand_id, None).await?;
        Ok(KitEditor {
            id,
            form,
            choices,
            translation_lang,
        })
    })
    .await
}

/// Creates (`id` 0) or changes a kit of the brand.
#[server(prefix = "/api", endpoint = "save_kit")]
pub async fn save_kit(id: i64, form: KitForm) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let brand_lang =
            crate::base::l10n::resolve::brand_language_of(&state.db, admin.brand_id).await?;
        let translate_to = crate::base::content::translation_language(brand_lang);
        let id = ssr::save(
            &state.db,
            admin.brand_id,
            id,
            (&form, translate_to),
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect("/brand/kits");
        Ok(id)
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{KitForm, KitSummary};
    use crate::{
        base::{
            content::{self, ssr::text_sql, Kind},
            db::{Db, Tx},
            error::AppError,
            l10n::Lang,
        },
        on_db, on_tx,
    };

    /// The brand's kits by name, with how many items each holds, in `lang`
    /// where the brand translated them (`None`: its own words).
    pub async fn list(
        db: &Db,
        brand_id: i64,
        lang: Option<Lang>,
    ) -> Result<Vec<KitSummary>, AppError> {
        let in_lang = |field: &str, column: &str| match lang {
            Some(lang) => text_sql(lang, Kind::Kit, field, "k.id", column),
            None => column.to_owned(),
        };
        let sql = format!(
            "SELECT k.id, {}, {},
                    (SELECT COUNT(*) FROM kit_items ki WHERE ki.kit_id = k.id)
             FROM kits k WHERE k.brand_id = $1 ORDER BY k.name",
            in_lang("name", "k.name"),
            in_lang("description", "k.description"),
        );
        let rows: Vec<(i64, String, String, i64)> = on_db!(db.reader(), |pool| {
            sqlx::query_as(&sql).bind(brand_id).fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|(id, name, description, items)| KitSummary {
                id,
                name,
                description,
                items,
            })
            .collect())
    }

    /// A kit of the brand as its form, with its translation into `lang`.
    pub async fn form(db: &Db, brand_id: i64, id: i64, lang: Lang) -> Result<KitForm, AppError> {
        let (kit, items): (Option<(String, String)>, Vec<i64>) = on_db!(db.reader(), |pool| {
            let kit = sqlx::query_as(
                "SELECT name, description FROM kits WHERE id = $1 AND brand_id = $2",
            )
            .bind(id)
            .bind(brand_id)
            .fetch_optional(pool)
            .await?;
            let items = sqlx::query_scalar(
                "SELECT item_id FROM kit_items WHERE kit_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(pool)
            .await?;
            (kit, items)
        });
        let (name, description) = kit.ok_or(AppError::NotFound)?;
        let translation = content::ssr::read(db, Kind::Kit, id, lang).await?;
        Ok(KitForm {
            name,
            description,
            items,
            tr_name: translation.get("name"),
            tr_description: translation.get("description"),
        })
    }

    /// Whether every item is the brand's.
    async fn all_ours(tx: &mut Tx, brand_id: i64, items: &[i64]) -> Result<bool, sqlx::Error> {
        let mut owned = 0i64;
        for item in items {
            owned += on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM items WHERE id = $1 AND brand_id = $2",
            )
            .bind(item)
            .bind(brand_id)
            .fetch_one(&mut *c)
            .await?);
        }
        Ok(owned == items.len() as i64)
    }

    /// The new kit's id, or the edited one's if it is the brand's.
    async fn upsert(
        tx: &mut Tx,
        brand_id: i64,
        id: i64,
        name: &str,
        description: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let sql = if id == 0 {
            "INSERT INTO kits (brand_id, name, description, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $4) RETURNING id"
        } else {
            "UPDATE kits SET name = $2, description = $3, updated_at = $4
             WHERE brand_id = $1 AND id = $5 RETURNING id"
        };
        Ok(on_tx!(tx, |c| {
            let q = sqlx::query_scalar(sql)
                .bind(brand_id)
                .bind(name)
                .bind(description)
                .bind(now);
            let q = if id == 0 { q } else { q.bind(id) };
            q.fetch_optional(&mut *c).await?
        }))
    }

    /// Saves a kit of the brand (new when `id` is 0): its name, description
    /// and items in order, in one transaction.
    pub async fn save(
        db: &Db,
        brand_id: i64,
        id: i64,
        (form, translate_to): (&KitForm, Lang),
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        // Another brand's kit is not found, whatever the form says.
        if id != 0 {
            let mine: Option<i64> = on_db!(db.reader(), |pool| {
                sqlx::query_scalar("SELECT id FROM kits WHERE id = $1 AND brand_id = $2")
                    .bind(id)
                    .bind(brand_id)
                    .fetch_optional(pool)
                    .await
            })?;
            mine.ok_or(AppError::NotFound)?;
        }
        let (name, description, items, translation) = crate::catalog::domain::parse_kit(form)?;
        let mut tx = db.begin().await?;
        if !all_ours(&mut tx, brand_id, &items).await? {
            return Err(AppError::invalid(
                "items",
                tr!(crate::base::l10n::page_lang(), KIT_ERROR_FOREIGN_ITEMS),
            ));
        }
        let kit_id = match upsert(&mut tx, brand_id, id, &name, &description, now).await {
            Ok(Some(kit_id)) => kit_id,
            Ok(None) => return Err(AppError::NotFound),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(AppError::invalid(
                    "name",
                    tr!(
                        crate::base::l10n::page_lang(),
                        KIT_ERROR_NAME_TAKEN,
                        name = &name
                    ),
                ))
            }
            Err(e) => return Err(e.into()),
        };
        on_tx!(&mut tx, |c| {
            sqlx::query("DELETE FROM kit_items WHERE kit_id = $1")
                .bind(kit_id)
                .execute(&mut *c)
                .await?;
            for (position, item) in items.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO kit_items (kit_id, item_id, position) VALUES ($1, $2, $3)",
                )
                .bind(kit_id)
                .bind(item)
                .bind(position as i64 + 1)
                .execute(&mut *c)
                .await?;
            }
        });
        content::ssr::write(&mut tx, Kind::Kit, kit_id, translate_to, &translation).await?;
        tx.commit().await?;
        Ok(kit_id)
    }
}

type KitList = Vec<KitSummary>;

/// The brand's kits.
#[component]
pub fn KitsPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let kits = Resource::new(|| (), |_| get_kits());
    view! {
        <Title text=tr!(lang, KIT_LIST_PAGE_TITLE) />
        <BrandNav />
        <Gate data=kits here="/brand/kits" children=move |kits: KitList| view! {
            <header class="page-head">
                <h1>{tr!(lang, KIT_LIST_TITLE)}</h1>
                <p class="lead">{tr!(lang, KIT_LIST_LEAD)}</p>
                <a class="button primary" href="/brand/kits/new">{tr!(lang, KIT_NEW)}</a>
            </header>
            {if kits.is_empty() {
                view! { <p class="empty-state">{tr!(lang, KIT_LIST_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list">
                        {kits.into_iter().map(|k| view! {
                            <li class="card">
                                <h2><a href=format!("/brand/kits/{}", k.id)>{k.name}</a></h2>
                                <p class="muted">{tr!(lang, KIT_ITEMS_COUNT, count = k.items)}</p>
                                <p>{k.description}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        } />
    }
}

/// Creating (`/brand/kits/new`) or editing (`/brand/kits/:id`) a kit.
#[component]
pub fn KitEditorPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let id = crate::base::page::id_param("id");
    let editor = Resource::new(move || id.get(), get_kit_editor);
    let save = ServerAction::<SaveKit>::new();
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, KIT_PAGE_TITLE) />
        <BrandNav />
        <Gate data=editor here="/brand/kits" children=move |ed: KitEditor| {
            let initial = error.get_untracked().and_then(|e| e.kept::<KitForm>()).unwrap_or(ed.form.clone());
            let chosen = initial.items.clone();
            let other = crate::base::content::language_name(lang, ed.translation_lang);
            let in_other = move |field: String| tr!(lang, CONTENT_FIELD_IN, field = field, language = other.clone());
            view! {
                <section class="form-card wide" aria-labelledby="kit-title">
                    <p><a href="/brand/kits">{tr!(lang, KIT_BACK)}</a></p>
                    <h1 id="kit-title">{if ed.id == 0 { tr!(lang, KIT_NEW) } else { tr!(lang, KIT_EDIT, name = &ed.form.name) }}</h1>
                    <ActionForm action=save attr:class="form" attr:novalidate="">
                        <FormError error />
                        <input type="hidden" name="id" value=ed.id />
                        <Field id="name" name="form[name]" label=tr!(lang, KIT_NAME) value=initial.name.clone() error />
                        <Field id="description" name="form[description]" label=tr!(lang, KIT_DESCRIPTION) value=initial.description.clone() rows=3 error />
                        <TranslationFieldset lang=lang target=ed.translation_lang
                            missing=crate::base::content::missing(
                                &[("name", &initial.name), ("description", &initial.description)],
                                &Texts(vec![
                                    ("name".into(), initial.tr_name.clone()),
                                    ("description".into(), initial.tr_description.clone()),
                                ]),
                            )
                            .into_iter()
                            .map(|f| if f == "name" { tr!(lang, KIT_NAME) } else { tr!(lang, KIT_DESCRIPTION) })
                            .collect()>
                            <Field id="tr_name" name="form[tr_name]" label=in_other(tr!(lang, KIT_NAME)) value=initial.tr_name.clone() error />
                            <Field id="tr_description" name="form[tr_description]" label=in_other(tr!(lang, KIT_DESCRIPTION)) value=initial.tr_description.clone() rows=3 error />
                        </TranslationFieldset>
                        <fieldset class="field" aria-describedby="items-error">
                            <legend>{tr!(lang, KIT_ITEMS)}</legend>
                            {move || error.get().and_then(|e| e.for_field("items")).map(|msg| view! { <p class="field-error" id="items-error">{msg}</p> })}
                            <ul class="check-list">
                                {ed.choices.iter().map(|(item, label)| {
                                    let checked = chosen.contains(item);
                                    view! {
                                        <li><label class="choice">
                                            <input type="checkbox" name="form[items][]" value=*item checked=checked />
                                            " " {label.clone()}
                                        </label></li>
                                    }
                                }).collect_view()}
                            </ul>
                        </fieldset>
                        <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr!(lang, KIT_SAVE)}</button>
                    </ActionForm>
                </section>
            }
        } />
    }
}
