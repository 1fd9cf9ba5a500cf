//! The brand admin's catalog pages: the list with search, filter and pages,
//! and the item form with photo uploads and the transparency label.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::{CatalogListing, CatalogQuery, ItemForm};
use crate::base::content::{language_name, TranslationFieldset};
#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::items::{ItemDetail, ItemLabel, ItemThumb};
use crate::base::l10n::{fmt::money, use_lang, Lang};
use crate::base::page::urlencode;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{error_from_url, Field, FormError},
};

/// What the item form starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemEditor {
    /// `None` for a new item.
    pub item: Option<ItemDetail>,
    pub form: ItemForm,
    pub categories: Vec<String>,
    /// The language the brand writes in, and the one it translates into.
    pub brand_lang: Lang,
    pub translation_lang: Lang,
    /// The brand's currency, the price's.
    pub currency: crate::base::money::Currency,
}

/// The brand's language and the one it translates into.
#[cfg(feature = "ssr")]
async fn brand_languages(
    db: &crate::base::db::Db,
    brand_id: i64,
) -> Result<(Lang, Lang), AppError> {
    let brand = crate::base::l10n::resolve::brand_language_of(db, brand_id).await?;
    Ok((brand, crate::base::content::translation_language(brand)))
}

/// One page of the brand's catalog.
#[server(prefix = "/api", endpoint = "catalog", input = server_fn::codec::GetUrl)]
pub async fn get_catalog(query: CatalogQuery) -> Result<CatalogListing, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let (_, translate_to) = brand_languages(&state.db, admin.brand_id).await?;
        super::ssr::list(&state.db, admin.brand_id, &query, translate_to).await
    })
    .await
}

/// An item to edit (`id` 0: a new one).
#[server(prefix = "/api", endpoint = "item_editor", input = server_fn::codec::GetUrl)]
pub async fn get_item_editor(id: i64) -> Result<ItemEditor, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let (brand_lang, translation_lang) = brand_languages(&state.db, admin.brand_id).await?;
        let currency = crate::base::brand::ssr::currency(&state.db, admin.brand_id).await?;
        let categories = super::ssr::list(
            &state.db,
            admin.brand_id,
            &CatalogQuery::default(),
            translation_lang,
        )
        .await?
        .categories;
        if id == 0 {
            return Ok(ItemEditor {
                item: None,
                form: ItemForm {
                    vat_rate: "20".into(),
                    stock: "0".into(),
                    active: true,
                    ..ItemForm::default()
                },
                categories,
                brand_lang,
                translation_lang,
                currency,
            });
        }
        let item = super::ssr::detail(&state.db, admin.brand_id, id, None).await?;
        let translation = crate::base::content::ssr::read(
            &state.db,
            crate::base::content::Kind::Item,
            id,
            translation_lang,
        )
        .await?;
        Ok(ItemEditor {
            form: super::ssr::form_of(&item, &translation),
            item: Some(item),
            categories,
            brand_lang,
            translation_lang,
            currency,
        })
    })
    .await
}

/// Creates or updates an item from a multipart form: the fields of
/// [`ItemForm`], `id` (absent or 0 for a new item) and any number of
/// `photos` files. Nothing is written unless everything is valid.
#[server(prefix = "/api", endpoint = "save_item", input = server_fn::codec::MultipartFormData)]
pub async fn save_item(data: leptos::server_fn::codec::MultipartData) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await;
        // Read the whole body even when refusing: a browser still sending
        // photos would otherwise see the connection drop, not the answer.
        let posted = ssr::read_item_post(data).await;
        let admin = admin?;
        let posted = posted?;
        let state = crate::base::state::app_state()?;
        let form = posted.form;
        let (_, translate_to) = brand_languages(&state.db, admin.brand_id).await?;
        let id = super::ssr::save_with_photos(
            &state.db,
            &state.config.media,
            admin.brand_id,
            posted.id,
            (&form, translate_to),
            posted.photos,
            posted.too_large,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect(&format!("/brand/catalog/{id}"));
        Ok(id)
    })
    .await
}

/// Archives an item of the brand, or brings it back.
#[server(prefix = "/api", endpoint = "archive_item")]
pub async fn archive_item(id: i64, archived: bool) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        super::ssr::set_archived(&state.db, admin.brand_id, id, archived, chrono::Utc::now()).await
    })
    .await
}

/// Removes a photo of an item of the brand.
#[server(prefix = "/api", endpoint = "delete_item_photo")]
pub async fn delete_item_photo(item_id: i64, photo_id: i64) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let files = super::ssr::delete_photo(&state.db, admin.brand_id, item_id, photo_id).await?;
        crate::base::photos::discard(&state.config.media, &[files]).await;
        Ok(())
    })
    .await
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::{
        base::{error::AppError, photos::Upload},
        catalog::ItemForm,
    };

    /// The parts of a posted item form.
    pub struct ItemPost {
        pub id: Option<i64>,
        pub form: ItemForm,
        pub photos: Vec<Upload>,
        /// The first photo over the size limit: its name and size.
        pub too_large: Option<(String, usize)>,
    }

    pub async fn read_item_post(
        data: leptos::server_fn::codec::MultipartData,
    ) -> Result<ItemPost, AppError> {
        let posted = crate::base::photos::read_posted(data, "photos").await?;
        let t = |name: &str| posted.text(name);
        let form = ItemForm {
            sku: t("sku"),
            name: t("name"),
            description: t("description"),
            category: t("category"),
            price: t("price"),
            vat_rate: t("vat_rate"),
            stock: t("stock"),
            active: !t("active").is_empty(),
            composition: t("composition"),
            country: t("country"),
            recycled: t("recycled"),
            care: t("care"),
            story: t("story"),
            tr_name: t("tr_name"),
            tr_description: t("tr_description"),
            tr_composition: t("tr_composition"),
            tr_care: t("tr_care"),
            tr_story: t("tr_story"),
        };
        Ok(ItemPost {
            id: t("id").trim().parse().ok().filter(|id| *id > 0),
            form,
            photos: posted.photos,
            too_large: posted.too_large,
        })
    }
}

/// Links of the brand admin's catalog list, keeping the other filters.
fn catalog_href(query: &CatalogQuery, page: i64) -> String {
    let mut url = url_query(&[
        ("q", query.q.as_str()),
        ("category", query.category.as_str()),
        ("archived", if query.archived { "1" } else { "" }),
    ]);
    if page > 1 {
        url.push_str(if url.is_empty() { "?" } else { "&" });
        url.push_str(&format!("page={page}"));
    }
    format!("/brand/catalog{url}")
}

fn url_query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The brand's catalog: search by name or SKU, filter by category, pages.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let lang = use_lang();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        let q = query_map.read();
        CatalogQuery {
            q: q.get("q").unwrap_or_default(),
            category: q.get("category").unwrap_or_default(),
            archived: q.get("archived").is_some_and(|v| !v.is_empty()),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    });
    let listing = Resource::new(move || query.get(), get_catalog);
    view! {
        <Title text=tr!(lang, CATALOG_PAGE_TITLE) />
        <BrandNav />
        <Gate data=listing here="/brand/catalog" children=move |l: CatalogListing| {
            let current = query.get_untracked();
            let untranslated = tr!(lang, CATALOG_UNTRANSLATED, language = language_name(lang, l.translation_lang));
            let prev = (l.page > 1).then(|| catalog_href(&current, l.page - 1));
            let next = (l.page < l.pages).then(|| catalog_href(&current, l.page + 1));
            view! {
                <header class="page-head">
                    <h1>{tr!(lang, CATALOG_TITLE)}</h1>
                    <a class="button primary" href="/brand/catalog/new">{tr!(lang, CATALOG_NEW_ITEM)}</a>
                </header>
                <form method="get" action="/brand/catalog" class="filters" role="search">
                    <div class="field">
                        <label for="q">{tr!(lang, CATALOG_SEARCH)}</label>
                        <input id="q" name="q" type="search" value=current.q.clone() />
                    </div>
                    <div class="field">
                        <label for="category">{tr!(lang, CATALOG_CATEGORY)}</label>
                        <select id="category" name="category">
                            <option value="">{tr!(lang, CATALOG_ALL_CATEGORIES)}</option>
                            {l.categories.iter().map(|c| view! {
                                <option value=c.clone() selected=*c == current.category>{c.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <label class="choice">
                        <input type="checkbox" name="archived" value="1" checked=current.archived />
                        " " {tr!(lang, CATALOG_ARCHIVED_ITEMS)}
                    </label>
                    <button type="submit" class="button">{tr!(lang, CATALOG_SHOW)}</button>
                </form>
                <p class="muted" role="status" data-testid="catalog-count">
                    {if l.pages > 1 {
                        tr!(lang, CATALOG_COUNT_PAGED, count = l.total, page = l.page, pages = l.pages)
                    } else {
                        tr!(lang, CATALOG_COUNT, count = l.total)
                    }}
                </p>
                {if l.rows.is_empty() {
                    view! { <p class="empty-state">{tr!(lang, CATALOG_EMPTY)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll">
                            <table class="catalog-table">
                                <thead><tr>
                                    <th scope="col"><span class="sr-only">{tr!(lang, CATALOG_PHOTO)}</span></th>
                                    <th scope="col">{tr!(lang, CATALOG_ITEM)}</th>
                                    <th scope="col">{tr!(lang, CATALOG_SKU)}</th>
                                    <th scope="col">{tr!(lang, CATALOG_PRICE)}</th>
                                    <th scope="col">{tr!(lang, CATALOG_STOCK)}</th>
                                    <th scope="col">{tr!(lang, CATALOG_RATING)}</th>
                                    <th scope="col">{tr!(lang, CATALOG_STATUS)}</th>
                                </tr></thead>
                                <tbody>
                                    {l.rows.into_iter().map(|r| {
                                        let untranslated = r.untranslated.then(|| view! {
                                            <br /><span class="tag" data-testid="untranslated">{untranslated.clone()}</span>
                                        });
                                        let status = if r.archived {
                                            tr!(lang, CATALOG_STATUS_ARCHIVED)
                                        } else if r.active {
                                            tr!(lang, CATALOG_STATUS_ACTIVE)
                                        } else {
                                            tr!(lang, CATALOG_STATUS_INACTIVE)
                                        };
                                        view! {
                                            <tr>
                                                <td class="thumb"><ItemThumb item=r.card.clone() /></td>
                                                <td>
                                                    <a href=format!("/brand/catalog/{}", r.card.id)>{r.card.name.clone()}</a>
                                                    <br /><span class="muted">{r.card.category.clone()}</span>
                                                    {r.card.chosen_by_fans.then(|| view! { <br /><span class="tag fans-mark">{tr!(lang, ITEM_CHOSEN_BY_FANS)}</span> })}
                                                    {untranslated}
                                                </td>
                                                <td><code>{r.card.sku.clone()}</code></td>
                                                <td class="num">{money(lang, r.card.price)}</td>
                                                <td class="num">{r.card.stock}</td>
                                                <td class="num" data-testid="catalog-rating">{match r.card.rating.text_in(lang) {
                                                    Some((shown, said)) => view! { <span aria-hidden="true">{shown}</span><span class="sr-only">{said}</span> }.into_any(),
                                                    None => view! { <span aria-hidden="true">"—"</span><span class="sr-only">{tr!(lang, CATALOG_NO_RATING)}</span> }.into_any(),
                                                }}</td>
                                                <td>{status}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
                <nav class="pager" aria-label=tr!(lang, CATALOG_PAGES)>
                    {prev.map(|href| view! { <a href=href rel="prev">{tr!(lang, CATALOG_PREVIOUS)}</a> })}
                    {next.map(|href| view! { <a href=href rel="next">{tr!(lang, CATALOG_NEXT)}</a> })}
                </nav>
            }
        } />
    }
}

const SAVE_ITEM_PATH: &str = <SaveItem as leptos::server_fn::ServerFn>::PATH;

/// Creating (`/brand/catalog/new`) or editing (`/brand/catalog/:id`) an item.
#[component]
pub fn ItemEditorPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::base::page::id_param("id");
    let archive = ServerAction::<ArchiveItem>::new();
    let delete_photo = ServerAction::<DeleteItemPhoto>::new();
    let editor = Resource::new(
        move || {
            (
                id.get(),
                archive.version().get(),
                delete_photo.version().get(),
            )
        },
        |(id, ..)| get_item_editor(id),
    );
    // A post without JavaScript comes back with its error in the address.
    let url_error = error_from_url::<SaveItem>();
    view! {
        <Title text=tr!(lang, CATALOG_ITEM_PAGE_TITLE) />
        <BrandNav />
        <Gate data=editor here="/brand/catalog" children=move |ed: ItemEditor| {
            let item_id = ed.item.as_ref().map(|i| i.card.id).unwrap_or(0);
            let photos = ed.item.as_ref().map(|i| i.photos.clone()).unwrap_or_default();
            let archived = ed.item.as_ref().is_some_and(|i| i.archived);
            let preview = ed.item.as_ref().map(|i| i.label.clone());
            view! {
                <ItemSaveForm ed=ed.clone() url_error=url_error.clone() />
                {(item_id != 0).then(move || view! {
                    <section class="form-card wide" aria-labelledby="photos-title">
                        <h2 id="photos-title">{tr!(lang, CATALOG_PHOTOS)}</h2>
                        {if photos.is_empty() {
                            view! { <p class="muted">{tr!(lang, CATALOG_NO_PHOTO)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="photo-list">
                                    {photos.clone().into_iter().enumerate().map(|(n, p)| view! {
                                        <li>
                                            <img src=p.thumb_url alt=tr!(lang, CATALOG_PHOTO_ALT, number = n + 1) width="160"
                                                height={160 * p.height / p.width.max(1)} loading="lazy" />
                                            <ActionForm action=delete_photo attr:class="inline-form">
                                                <input type="hidden" name="item_id" value=item_id />
                                                <input type="hidden" name="photo_id" value=p.id />
                                                <button type="submit" class="button link danger">{tr!(lang, CATALOG_REMOVE_PHOTO, number = n + 1)}</button>
                                            </ActionForm>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                    {preview.clone().filter(|l| !l.is_empty()).map(|label| view! {
                        <section class="form-card wide" aria-label=tr!(lang, CATALOG_LABEL_PREVIEW)>
                            <p class="eyebrow">{tr!(lang, CATALOG_AS_GUESTS_SEE)}</p>
                            <ItemLabel label />
                        </section>
                    })}
                    <section class="form-card wide" aria-labelledby="archive-title">
                        <h2 id="archive-title">{if archived { tr!(lang, CATALOG_BRING_BACK) } else { tr!(lang, CATALOG_ARCHIVE) }}</h2>
                        <ActionForm action=archive attr:class="inline-form">
                            <input type="hidden" name="id" value=item_id />
                            <input type="hidden" name="archived" value=(!archived).to_string() />
                            <button type="submit" class="button">{if archived { tr!(lang, CATALOG_BRING_ITEM_BACK) } else { tr!(lang, CATALOG_ARCHIVE_ITEM) }}</button>
                        </ActionForm>
                    </section>
                })}
            }
        } />
    }
}

/// The item's form. With JavaScript it is sent in the background, so that
/// after a refused save the form keeps what the browser holds, photos
/// included; a save that went through opens the item's page.
#[island(lazy)]
fn ItemSaveForm(ed: ItemEditor, url_error: Option<AppError>) -> impl IntoView {
    let lang = use_lang();
    let save = Action::new_local(|data: &web_sys::FormData| save_item(data.clone().into()));
    let error = Signal::derive({
        let url_error = url_error.clone();
        move || match save.value().get() {
            Some(Err(e)) => Some(e),
            Some(Ok(_)) => None,
            None => url_error.clone(),
        }
    });
    let pending = save.pending();
    let initial = url_error
        .as_ref()
        .and_then(|e| e.kept::<ItemForm>())
        .unwrap_or(ed.form.clone());
    let item_id = ed.item.as_ref().map(|i| i.card.id).unwrap_or(0);
    let title = match &ed.item {
        Some(i) => tr!(lang, CATALOG_EDIT_ITEM, name = &i.card.name),
        None => tr!(lang, CATALOG_NEW_ITEM),
    };
    let photos = ed
        .item
        .as_ref()
        .map(|i| i.photos.clone())
        .unwrap_or_default();
    let archived = ed.item.as_ref().is_some_and(|i| i.archived);
    let other = language_name(lang, ed.translation_lang);
    let in_other = move |field: String| {
        tr!(
            lang,
            CONTENT_FIELD_IN,
            field = field,
            language = other.clone()
        )
    };
    view! {
                <section class="form-card wide" aria-labelledby="item-title">
            <p><a href="/brand/catalog">{tr!(lang, CATALOG_BACK)}</a></p>
            <h1 id="item-title">{title}</h1>
            {archived.then(|| view! { <p class="report" role="status">{tr!(lang, CATALOG_ARCHIVED_NOTICE)}</p> })}
            <form method="post" action=SAVE_ITEM_PATH enctype="multipart/form-data" class="form" novalidate
                on:submit=move |ev: web_sys::SubmitEvent| {
                    use wasm_bindgen::JsCast;
                    ev.prevent_default();
                    let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
                    if let Ok(data) = web_sys::FormData::new_with_form(&form) {
                        save.dispatch_local(data);
                    }
                }>
                <FormError error />
                <input type="hidden" name="id" value=item_id />
                <fieldset>
                    <legend>{tr!(lang, CATALOG_THE_ITEM)}</legend>
                    <Field id="sku" label=tr!(lang, CATALOG_SKU) value=initial.sku.clone() hint=tr!(lang, CATALOG_SKU_HINT) error />
                    <Field id="name" label=tr!(lang, CATALOG_NAME) value=initial.name.clone() error />
                    <Field id="category" label=tr!(lang, CATALOG_CATEGORY) value=initial.category.clone() hint=tr!(lang, CATALOG_CATEGORY_HINT) list="categories" error />
                    <datalist id="categories">
                        {ed.categories.iter().map(|c| view! { <option value=c.clone()></option> }).collect_view()}
                    </datalist>
                    <Field id="description" label=tr!(lang, CATALOG_DESCRIPTION) value=initial.description.clone() rows=4 error />
                    <div class="field-row">
                        <Field id="price" label=tr!(lang, CATALOG_PRICE_LABEL, currency = ed.currency.name(lang)) value=initial.price.clone() inputmode="decimal" error />
                        <Field id="vat_rate" label=tr!(lang, CATALOG_VAT_RATE) value=initial.vat_rate.clone() inputmode="decimal" error />
                        <Field id="stock" label=tr!(lang, CATALOG_STOCK) value=initial.stock.clone() kind="number" error />
                    </div>
                    <label class="choice">
                        <input type="checkbox" name="active" value="on" checked=initial.active />
                        " " {tr!(lang, CATALOG_ACTIVE_LABEL)}
                    </label>
                </fieldset>
                <fieldset>
                    <legend>{tr!(lang, CATALOG_PHOTOS)}</legend>
                    {(!photos.is_empty()).then(|| view! {
                        <p class="muted">{tr!(lang, CATALOG_PHOTOS_ALREADY, count = photos.len())}</p>
                    })}
                    <div class="field">
                        <label for="photos">{tr!(lang, CATALOG_ADD_PHOTOS)}</label>
                        <p class="hint" id="photos-hint">{tr!(lang, CATALOG_PHOTOS_HINT)}</p>
                        <input id="photos" name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp"
                            aria-describedby=move || if error.get().and_then(|e| e.for_field("photos")).is_some() { "photos-hint photos-error" } else { "photos-hint" }
                            aria-invalid=move || error.get().and_then(|e| e.for_field("photos")).map(|_| "true") />
                        {move || error.get().and_then(|e| e.for_field("photos")).map(|msg| view! { <p class="field-error" id="photos-error">{msg}</p> })}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{tr!(lang, CATALOG_LABEL_LEGEND)}</legend>
                    <p class="hint">{tr!(lang, CATALOG_LABEL_HINT)}</p>
                    <Field id="composition" label=tr!(lang, ITEM_COMPOSITION) value=initial.composition.clone()
                        hint=tr!(lang, CATALOG_COMPOSITION_HINT) error />
                    <div class="field-row">
                        <Field id="country" label=tr!(lang, CATALOG_COUNTRY) value=initial.country.clone() error />
                        <Field id="recycled" label=tr!(lang, CATALOG_RECYCLED) value=initial.recycled.clone() inputmode="numeric" error />
                    </div>
                    <Field id="care" label=tr!(lang, CATALOG_CARE) value=initial.care.clone() rows=2 error />
                    <Field id="story" label=tr!(lang, ITEM_HOW_IT_IS_MADE) value=initial.story.clone() rows=3 error />
                </fieldset>
                <TranslationFieldset lang=lang target=ed.translation_lang
                    missing=crate::base::content::missing(
                        &[
                            ("name", &initial.name),
                            ("description", &initial.description),
                            ("composition", &initial.composition),
                            ("care", &initial.care),
                            ("story", &initial.story),
                        ],
                        &crate::base::content::Texts(vec![
                            ("name".into(), initial.tr_name.clone()),
                            ("description".into(), initial.tr_description.clone()),
                            ("composition".into(), initial.tr_composition.clone()),
                            ("care".into(), initial.tr_care.clone()),
                            ("story".into(), initial.tr_story.clone()),
                        ]),
                    )
                    .into_iter()
                    .map(|f| match f {
                        "name" => tr!(lang, CATALOG_NAME),
                        "description" => tr!(lang, CATALOG_DESCRIPTION),
                        "composition" => tr!(lang, ITEM_COMPOSITION),
                        "care" => tr!(lang, CATALOG_CARE),
                        _ => tr!(lang, ITEM_HOW_IT_IS_MADE),
                    })
                    .collect()>
                    <Field id="tr_name" label=in_other(tr!(lang, CATALOG_NAME)) value=initial.tr_name.clone() error />
                    <Field id="tr_description" label=in_other(tr!(lang, CATALOG_DESCRIPTION)) value=initial.tr_description.clone() rows=4 error />
                    <Field id="tr_composition" label=in_other(tr!(lang, ITEM_COMPOSITION)) value=initial.tr_composition.clone()
                        hint=tr!(lang, CATALOG_COMPOSITION_HINT) error />
                    <Field id="tr_care" label=in_other(tr!(lang, CATALOG_CARE)) value=initial.tr_care.clone() rows=2 error />
                    <Field id="tr_story" label=in_other(tr!(lang, ITEM_HOW_IT_IS_MADE)) value=initial.tr_story.clone() rows=3 error />
                </TranslationFieldset>
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { tr!(lang, CATALOG_SAVING) } else if item_id == 0 { tr!(lang, CATALOG_CREATE) } else { tr!(lang, CATALOG_SAVE) }}
                </button>
            </form>
        </section>
    }
}
