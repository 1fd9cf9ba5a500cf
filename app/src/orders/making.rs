//! The making of an order: the brand posts updates (text, a photo if it
//! likes) on an item ("the linen is being woven in Porto"); the buyers of
//! that item see them in order on their order's page (and a funded
//! pre-order's), get one mail a day at most with what is new, and the
//! brand sees how many have read each update.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{error_from_url, FormError},
    l10n::use_lang,
};

/// An update as a buyer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    pub id: i64,
    pub item: String,
    pub body: String,
    pub photo_url: Option<String>,
    pub thumb_url: Option<String>,
    pub date: String,
}

/// An update in the brand's list, with its readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedUpdate {
    pub update: Update,
    /// Buyers who opened it, and buyers who may.
    pub read: i64,
    pub readers: i64,
}

/// The brand's page: its updates, the items it may post on, and its
/// production batches (funded pre-order campaigns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MakingPage {
    pub updates: Vec<PostedUpdate>,
    pub items: Vec<(i64, String)>,
    pub batches: Vec<(i64, String)>,
}

/// The update form as typed: an item, or a batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateForm {
    pub item_id: String,
    #[serde(default)]
    pub batch: String,
    pub body: String,
}

/// The brand's updates.
#[server(prefix = "/api", endpoint = "making_updates", input = server_fn::codec::GetUrl)]
pub async fn get_making() -> Result<MakingPage, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::page(&state.db, admin.brand_id).await
    })
    .await
}

/// The brand posts an update (a multipart form: `item_id`, `body`, an
/// optional `photos` file).
#[server(prefix = "/api", endpoint = "post_making_update", input = server_fn::codec::MultipartFormData)]
pub async fn post_update(data: leptos::server_fn::codec::MultipartData) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await;
        let posted = crate::base::photos::read_posted(data, "photos").await?;
        let admin = admin?;
        let state = crate::base::state::app_state()?;
        let form = UpdateForm {
            item_id: posted.text("item_id"),
            batch: posted.text("batch"),
            body: posted.text("body"),
        };
        let id = ssr::post(
            &state.db,
            &state.config.media,
            admin.brand_id,
            &form,
            posted,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect("/brand/making");
        Ok(id)
    })
    .await
}

const POST_UPDATE_PATH: &str = <PostUpdate as leptos::server_fn::ServerFn>::PATH;

/// The updates a buyer's page shows, in order.
#[component]
pub fn MakingOf(updates: Vec<Update>) -> impl IntoView {
    let lang = use_lang();
    (!updates.is_empty()).then(|| {
        view! {
            <section class="making" aria-labelledby="making-title" data-testid="making-of">
                <h2 id="making-title">{tr!(lang, MAKING_TITLE)}</h2>
                <ol class="timeline">
                    {updates.into_iter().map(|u| view! {
                        <li data-testid="making-update">
                            <strong>{u.item.clone()}</strong>
                            <span class="muted">{format!(" · {}", u.date)}</span>
                            <p class="review-body">{u.body.clone()}</p>
                            {u.photo_url.clone().zip(u.thumb_url.clone()).map(|(full, thumb)| view! {
                                <a href=full><img class="review-photo" src=thumb alt=tr!(lang, MAKING_PHOTO_ALT, item = &u.item) width="240" loading="lazy" /></a>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}

/// The brand's making-of updates (`/brand/making`).
#[component]
pub fn MakingPageView() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| get_making());
    let url_error = error_from_url::<PostUpdate>();
    view! {
        <Title text=tr!(lang, MAKING_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/making" children=move |page: MakingPage| {
            let error = url_error.clone();
            let kept: UpdateForm = error.as_ref().and_then(|e| e.kept()).unwrap_or_default();
            let item_error = error.as_ref().and_then(|e| e.for_field("item_id"));
            let body_error = error.as_ref().and_then(|e| e.for_field("body"));
            let photo_error = error.as_ref().and_then(|e| e.for_field("photos"));
            view! {
                <header class="page-head">
                    <h1>{tr!(lang, MAKING_PAGE_TITLE)}</h1>
                    <p class="lead">{tr!(lang, MAKING_LEAD)}</p>
                </header>
                <section class="form-card wide" aria-labelledby="making-new">
                    <h2 id="making-new">{tr!(lang, MAKING_NEW)}</h2>
                    <form method="post" action=POST_UPDATE_PATH enctype="multipart/form-data" class="form" novalidate>
                        <FormError error=Signal::derive(move || error.clone()) />
                        <div class="field">
                            <label for="making-item">{tr!(lang, MAKING_ITEM)}</label>
                            <select id="making-item" name="item_id" aria-invalid=item_error.as_ref().map(|_| "true")
                                aria-describedby=item_error.as_ref().map(|_| "making-item-error")>
                                <option value="">{tr!(lang, DRAW_CHOOSE)}</option>
                                {page.items.iter().map(|(id, name)| view! { <option value=*id selected=kept.item_id == id.to_string()>{name.clone()}</option> }).collect_view()}
                            </select>
                            {item_error.map(|m| view! { <p class="field-error" id="making-item-error" role="alert">{m}</p> })}
                        </div>
                        {(!page.batches.is_empty()).then(|| view! {
                            <div class="field">
                                <label for="making-batch">{tr!(lang, MAKING_BATCH)}</label>
                                <p class="hint" id="making-batch-hint">{tr!(lang, MAKING_BATCH_HINT)}</p>
                                <select id="making-batch" name="batch" aria-describedby="making-batch-hint">
                                    <option value="">{tr!(lang, MAKING_ALL_BUYERS)}</option>
                                    {page.batches.iter().map(|(id, name)| view! { <option value=*id selected=kept.batch == id.to_string()>{name.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                        })}
                        <div class="field">
                            <label for="making-body">{tr!(lang, MAKING_BODY)}</label>
                            <textarea id="making-body" name="body" rows="4" aria-invalid=body_error.as_ref().map(|_| "true")
                                aria-describedby=body_error.as_ref().map(|_| "making-body-error")>{kept.body.clone()}</textarea>
                            {body_error.map(|m| view! { <p class="field-error" id="making-body-error" role="alert">{m}</p> })}
                        </div>
                        <div class="field">
                            <label for="making-photo">{tr!(lang, MAKING_PHOTO)}</label>
                            <input id="making-photo" name="photos" type="file" accept="image/jpeg,image/png,image/webp" aria-invalid=photo_error.as_ref().map(|_| "true")
                                aria-describedby=photo_error.as_ref().map(|_| "making-photo-error") />
                            {photo_error.map(|m| view! { <p class="field-error" id="making-photo-error" role="alert">{m}</p> })}
                        </div>
                        <button type="submit" class="button primary">{tr!(lang, MAKING_POST)}</button>
                    </form>
                </section>
                {if page.updates.is_empty() {
                    view! { <p class="empty-state">{tr!(lang, MAKING_NONE)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list" data-testid="making-updates">
                            {page.updates.into_iter().map(|p| view! {
                                <li class="card">
                                    <h2>{p.update.item.clone()}</h2>
                                    <p class="review-body">{p.update.body.clone()}</p>
                                    <p class="muted" data-testid="making-read">{format!("{} · {}", p.update.date, tr!(lang, MAKING_READ, read = p.read, readers = p.readers))}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }
        } />
    }
}

#[cfg(feature = "ssr")]
pub mod ssr;
