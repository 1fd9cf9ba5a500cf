//! The live event: the items a party features (the host's selection, in the
//! host's order), the phone page guests browse, favourite and vote on, and
//! the host's full-screen presentation for a TV.

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{error::AppError, items::ItemCard, money::Money};

/// An event's live counts: no guest's personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveCounts {
    /// Guests who opened their page since shortly before the start.
    pub present: i64,
    /// Guests who said yes, with their companions.
    pub coming: i64,
    pub orders: i64,
    pub sales: Money,
}

/// The host's editor of an event's featured items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeaturedEditor {
    pub event_id: i64,
    pub can_edit: bool,
    pub items: Vec<ItemCard>,
    /// Catalog items not featured yet: (id, label).
    pub addable: Vec<(i64, String)>,
}

/// The featured items of an event, for its host (who may change them) or
/// the brand's admin.
#[server(prefix = "/api", endpoint = "featured", input = server_fn::codec::GetUrl)]
pub async fn get_featured(event_id: i64) -> Result<FeaturedEditor, AppError> {
    serve(async move {
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        crate::base::access::ssr::ensure_visible(&state.db, &user, event_id).await?;
        let can_edit = user.role == crate::base::account::Role::Host
            && crate::base::access::ssr::ensure_managed_open(&state.db, &user, event_id)
                .await
                .is_ok();
        Ok(FeaturedEditor {
            event_id,
            can_edit,
            items: ssr::featured(&state.db, event_id).await?,
            addable: if can_edit {
                ssr::addable(&state.db, user.brand_id, event_id).await?
            } else {
                Vec::new()
            },
        })
    })
    .await
}

/// Adds a catalog item to the host's event.
#[server(prefix = "/api", endpoint = "add_featured")]
pub async fn add_featured(event_id: i64, item_id: Option<i64>) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let item_id = item_id.ok_or_else(|| {
            AppError::invalid(
                "item_id",
                tr!(crate::base::l10n::page_lang(), SHOWCASE_CHOOSE_ITEM),
            )
        })?;
        ssr::add(&state.db, &host, event_id, item_id).await
    })
    .await
}

/// Removes an item from the host's event.
#[server(prefix = "/api", endpoint = "remove_featured")]
pub async fn remove_featured(event_id: i64, item_id: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::remove(&state.db, &host, event_id, item_id).await
    })
    .await
}

/// Moves an item of the host's event one place up or down.
#[server(prefix = "/api", endpoint = "move_featured")]
pub async fn move_featured(event_id: i64, item_id: i64, up: bool) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let to = if up { ssr::To::Up } else { ssr::To::Down };
        ssr::place(&state.db, &host, event_id, item_id, to).await
    })
    .await
}

/// Puts an item of the host's event at `position` (0 is the top): "Move to
/// top" and drag-and-drop.
#[server(prefix = "/api", endpoint = "place_featured")]
pub async fn place_featured(event_id: i64, item_id: i64, position: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::place(
            &state.db,
            &host,
            event_id,
            item_id,
            ssr::To::Index(position),
        )
        .await
    })
    .await
}

/// Marks (`on`) or unmarks a featured item as a favourite of the guest
/// holding `token`.
#[server(prefix = "/api", endpoint = "set_favourite")]
pub async fn set_favourite(token: String, item_id: i64, on: bool) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let guest = crate::base::access::ssr::invitation(&state.db, &token, now).await?;
        ssr::set_favourite(&state.db, guest.guest_id, guest.event_id, item_id, on, now).await
    })
    .await
}

/// The featured items' data, read once by the page (not inside its Gate,
/// which the server may render more than once).
pub fn featured_data(event_id: Memo<i64>) -> Resource<Result<FeaturedEditor, AppError>> {
    Resource::new(move || event_id.get(), get_featured)
}

/// The featured items on the host's event page: order, remove, add.
#[component]
pub fn FeaturedItemsEditor(data: Resource<Result<FeaturedEditor, AppError>>) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    view! {
        <section class="featured" aria-labelledby="featured-title">
            <h2 id="featured-title">{tr!(lang, SHOWCASE_FEATURED_TITLE)}</h2>
            <p class="hint">{tr!(lang, SHOWCASE_FEATURED_HINT)}</p>
            <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, SHOWCASE_LOADING)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(editor) => view! { <FeaturedList editor carried=crate::base::forms::Carried::here() /> }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The list itself, in the browser: dragging an item onto another puts it
/// there, and every form's change shows in place.
#[island(lazy)]
fn FeaturedList(editor: FeaturedEditor, carried: crate::base::forms::Carried) -> impl IntoView {
    carried.provide();
    let event_id = editor.event_id;
    let add = ServerAction::<AddFeatured>::new();
    let remove = ServerAction::<RemoveFeatured>::new();
    let shift = ServerAction::<MoveFeatured>::new();
    let place = ServerAction::<PlaceFeatured>::new();
    let data = RwSignal::new(Ok::<_, AppError>(editor));
    crate::base::islands::reload_on(
        data,
        move || {
            add.version().get()
                + remove.version().get()
                + shift.version().get()
                + place.version().get()
        },
        move || get_featured(event_id),
    );
    // The item being dragged, by id: dropping it on another puts it there.
    let dragged = RwSignal::new(None::<i64>);
    // Dragging needs JavaScript: items become draggable once it runs.
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let add_error = crate::base::forms::LastForm::of_page().error(add);
    let lang = crate::base::l10n::use_lang();
    view! {
                {move || {
                    match data.get() {
                        Ok(f) => {
                            let count = f.items.len();
                            view! {
                                <p class="muted" data-testid="featured-count">
                                    {tr!(lang, SHOWCASE_FEATURED_COUNT, count = count)}
                                </p>
                                {f.can_edit.then(|| view! {
                                    <p><a class="button" href=format!("/host/events/{}/present", f.event_id)>{tr!(lang, SHOWCASE_PRESENT)}</a></p>
                                })}
                                <ol class="featured-list">
                                    {f.items.into_iter().enumerate().map(|(n, item)| {
                                        let id = item.id;
                                        let up_label = tr!(lang, SHOWCASE_MOVE_UP, name = &item.name);
                                        let down_label = tr!(lang, SHOWCASE_MOVE_DOWN, name = &item.name);
                                        let remove_label = tr!(lang, SHOWCASE_REMOVE_ITEM, name = &item.name);
                                        let top_label = tr!(lang, SHOWCASE_MOVE_TO_TOP, name = &item.name);
                                        let can_edit = f.can_edit;
                                        view! {
                                            <li data-testid="featured-item" draggable=move || (can_edit && running.get()).then_some("true")
                                                class:dragging=move || dragged.get() == Some(id)
                                                on:dragstart=move |_| dragged.set(Some(id))
                                                on:dragend=move |_| dragged.set(None)
                                                on:dragover=move |ev| if dragged.get_untracked().is_some() { ev.prevent_default() }
                                                on:drop=move |ev| {
                                                    ev.prevent_default();
                                                    if let Some(moving) = dragged.get_untracked().filter(|m| *m != id) {
                                                        place.dispatch(PlaceFeatured { event_id, item_id: moving, position: n as i64 });
                                                    }
                                                    dragged.set(None);
                                                }>
                                                <crate::base::items::ItemThumb item=item.clone() />
                                                <span class="featured-name">{item.name.clone()}</span>
                                                <span class="muted">{crate::base::l10n::fmt::money(lang, item.price)}</span>
                                                {f.can_edit.then(|| view! {
                                                    <span class="featured-actions">
                                                        {(n > 1).then(|| view! {
                                                            <ActionForm action=place attr:class="inline-form">
                                                                <input type="hidden" name="event_id" value=event_id />
                                                                <input type="hidden" name="item_id" value=id />
                                                                <input type="hidden" name="position" value="0" />
                                                                <button type="submit" class="button small" aria-label=top_label>{tr!(lang, SHOWCASE_TOP)}</button>
                                                            </ActionForm>
                                                        })}
                                                        <ActionForm action=shift attr:class="inline-form">
                                                            <input type="hidden" name="event_id" value=event_id />
                                                            <input type="hidden" name="item_id" value=id />
                                                            <input type="hidden" name="up" value="true" />
                                                            <button type="submit" class="button small" disabled=n == 0 aria-label=up_label>"↑"</button>
                                                        </ActionForm>
                                                        <ActionForm action=shift attr:class="inline-form">
                                                            <input type="hidden" name="event_id" value=event_id />
                                                            <input type="hidden" name="item_id" value=id />
                                                            <input type="hidden" name="up" value="false" />
                                                            <button type="submit" class="button small" disabled=n + 1 == count aria-label=down_label>"↓"</button>
                                                        </ActionForm>
                                                        <ActionForm action=remove attr:class="inline-form">
                                                            <input type="hidden" name="event_id" value=event_id />
                                                            <input type="hidden" name="item_id" value=id />
                                                            <button type="submit" class="button small danger" aria-label=remove_label>{tr!(lang, SHOWCASE_REMOVE)}</button>
                                                        </ActionForm>
                                                    </span>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                                {(f.can_edit && !f.addable.is_empty()).then(|| view! {
                                    <ActionForm action=add attr:class="form add-item">
                                        <input type="hidden" name="event_id" value=event_id />
                                        <div class="field">
                                            <label for="add-item">{tr!(lang, SHOWCASE_ADD_LABEL)}</label>
                                            <select id="add-item" name="item_id">
                                                {f.addable.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                                            </select>
                                            {move || add_error.get().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
                                        </div>
                                        <button type="submit" class="button">{tr!(lang, SHOWCASE_ADD)}</button>
                                    </ActionForm>
                                })}
                            }.into_any()
                        }
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                }}
    }
}
