//! The live event: the items a party features (the host's selection, in the
//! host's order), the phone page guests browse, favourite and vote on, and
//! the host's full-screen presentation for a TV.

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::error::ssr::serve;
use crate::{
    accounts::Gate,
    catalog::{ItemCard, ItemDetail, ItemGrid, ItemLabel, ItemPhotos, ItemPicture},
    error::AppError,
    money::Money,
    votes::{GuestPoll, GuestPolls, Vote},
};

/// The host's editor of an event's featured items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeaturedEditor {
    pub event_id: i64,
    pub can_edit: bool,
    pub items: Vec<ItemCard>,
    /// Catalog items not featured yet: (id, label).
    pub addable: Vec<(i64, String)>,
}

/// What a guest's phone shows of the party's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Showcase {
    pub items: Vec<ItemCard>,
    pub favourites: Vec<i64>,
    pub polls: Vec<GuestPoll>,
    /// Opened with a personal link (favourites and votes), not a share link.
    pub personal: bool,
}

/// One featured item as a guest sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowcaseItem {
    pub event_title: String,
    pub item: ItemDetail,
    pub favourite: bool,
    pub personal: bool,
}

/// The party's figures for the presentation: counts only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveFigures {
    /// Guests who opened their page since shortly before the start.
    pub present: i64,
    /// Guests who said yes, with their companions.
    pub coming: i64,
    pub orders: i64,
    pub sales: Money,
    /// Toward the host's next reward.
    pub reward: crate::rewards::RewardProgress,
}

/// The host's slideshow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    pub event_id: i64,
    pub title: String,
    pub slides: Vec<ItemDetail>,
    /// The share link and its QR code, when the host keeps it on.
    pub share_url: Option<String>,
    pub qr_svg: Option<String>,
    pub live: LiveFigures,
}

/// The featured items of an event, for its host (who may change them) or
/// the brand's admin.
#[server(prefix = "/api", endpoint = "featured", input = server_fn::codec::GetUrl)]
pub async fn get_featured(event_id: i64) -> Result<FeaturedEditor, AppError> {
    serve(async move {
        let user = crate::accounts::ssr::require_user().await?;
        let state = crate::state::app_state()?;
        crate::events::ssr::ensure_visible(&state.db, &user, event_id).await?;
        let can_edit = user.role == crate::accounts::Role::Host
            && crate::events::ssr::ensure_owned_open(&state.db, &user, event_id)
                .await
                .is_ok();
        Ok(FeaturedEditor {
            event_id,
            can_edit,
            items: ssr::featured(&state.db, event_id, false).await?,
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
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let item_id = item_id
            .ok_or_else(|| AppError::invalid("item_id", "Choose an item of the catalog to add."))?;
        ssr::add(&state.db, &host, event_id, item_id).await
    })
    .await
}

/// Removes an item from the host's event.
#[server(prefix = "/api", endpoint = "remove_featured")]
pub async fn remove_featured(event_id: i64, item_id: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        ssr::remove(&state.db, &host, event_id, item_id).await
    })
    .await
}

/// Moves an item of the host's event one place up or down.
#[server(prefix = "/api", endpoint = "move_featured")]
pub async fn move_featured(event_id: i64, item_id: i64, up: bool) -> Result<(), AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        ssr::shift(&state.db, &host, event_id, item_id, up).await
    })
    .await
}

/// The party's items for the guest holding `token`, with their favourites
/// and the brand's open votes.
#[server(prefix = "/api", endpoint = "guest_showcase", input = server_fn::codec::GetUrl)]
pub async fn get_guest_showcase(token: String) -> Result<Showcase, AppError> {
    serve(async move {
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        let guest = crate::invitations::ssr::find_by_token(&state.db, &token, now).await?;
        ssr::seen(&state.db, guest.guest_id, now).await?;
        Ok(Showcase {
            items: ssr::featured(&state.db, guest.event_id, true).await?,
            favourites: ssr::favourites(&state.db, guest.guest_id).await?,
            polls: crate::votes::ssr::for_guest(&state.db, &guest).await?,
            personal: true,
        })
    })
    .await
}

/// The party's items for a visitor of its share link.
#[server(prefix = "/api", endpoint = "shared_showcase", input = server_fn::codec::GetUrl)]
pub async fn get_shared_showcase(slug: String) -> Result<Showcase, AppError> {
    serve(async move {
        let state = crate::state::app_state()?;
        let event_id =
            crate::events::ssr::shared_event_id(&state.db, &slug, chrono::Utc::now()).await?;
        Ok(Showcase {
            items: ssr::featured(&state.db, event_id, true).await?,
            favourites: Vec::new(),
            polls: Vec::new(),
            personal: false,
        })
    })
    .await
}

/// One featured item, through a personal link (`token`) or a share link
/// (`slug`). An item the party does not feature is not found.
#[server(prefix = "/api", endpoint = "showcase_item", input = server_fn::codec::GetUrl)]
pub async fn get_showcase_item(
    token: String,
    slug: String,
    item_id: i64,
) -> Result<ShowcaseItem, AppError> {
    serve(async move {
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        let (event_id, guest_id) = if !token.is_empty() {
            let guest = crate::invitations::ssr::find_by_token(&state.db, &token, now).await?;
            (guest.event_id, Some(guest.guest_id))
        } else {
            (
                crate::events::ssr::shared_event_id(&state.db, &slug, now).await?,
                None,
            )
        };
        let item = ssr::featured_item(&state.db, event_id, item_id).await?;
        let favourite = match guest_id {
            Some(g) => ssr::favourites(&state.db, g).await?.contains(&item_id),
            None => false,
        };
        let event_title: String = crate::on_db!(state.db.reader(), |pool| {
            sqlx::query_scalar("SELECT title FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_one(pool)
                .await
        })?;
        Ok(ShowcaseItem {
            event_title,
            item,
            favourite,
            personal: guest_id.is_some(),
        })
    })
    .await
}

/// Marks (`on`) or unmarks a featured item as a favourite of the guest
/// holding `token`.
#[server(prefix = "/api", endpoint = "set_favourite")]
pub async fn set_favourite(token: String, item_id: i64, on: bool) -> Result<(), AppError> {
    serve(async move {
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        let guest = crate::invitations::ssr::find_by_token(&state.db, &token, now).await?;
        ssr::set_favourite(&state.db, guest.guest_id, guest.event_id, item_id, on, now).await
    })
    .await
}

/// The host's slideshow of an event.
#[server(prefix = "/api", endpoint = "presentation", input = server_fn::codec::GetUrl)]
pub async fn get_presentation(event_id: i64) -> Result<Presentation, AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let (title, starts_at, slug) = ssr::presentable(&state.db, &host, event_id).await?;
        let mut slides = Vec::new();
        for card in ssr::featured(&state.db, event_id, false).await? {
            slides.push(crate::catalog::ssr::detail(&state.db, host.brand_id, card.id).await?);
        }
        let share_url = slug.map(|s| {
            state
                .config
                .public_url
                .join(&format!("/s/{s}"))
                .map(|u| u.to_string())
                .unwrap_or_default()
        });
        Ok(Presentation {
            event_id,
            title,
            qr_svg: share_url.as_deref().and_then(crate::events::ssr::qr_svg),
            share_url,
            slides,
            live: ssr::live(&state.db, event_id, starts_at).await?,
        })
    })
    .await
}

/// The live figures of the host's event.
#[server(prefix = "/api", endpoint = "live", input = server_fn::codec::GetUrl)]
pub async fn get_live(event_id: i64) -> Result<LiveFigures, AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let (_, starts_at, _) = ssr::presentable(&state.db, &host, event_id).await?;
        ssr::live(&state.db, event_id, starts_at).await
    })
    .await
}

/// The featured items on the host's event page: order, remove, add.
#[component]
pub fn FeaturedItemsEditor(event_id: i64) -> impl IntoView {
    let add = ServerAction::<AddFeatured>::new();
    let remove = ServerAction::<RemoveFeatured>::new();
    let shift = ServerAction::<MoveFeatured>::new();
    let data = Resource::new(
        move || {
            (
                add.version().get(),
                remove.version().get(),
                shift.version().get(),
            )
        },
        move |_| get_featured(event_id),
    );
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    view! {
        <section class="featured" aria-labelledby="featured-title">
            <h2 id="featured-title">"Featured items"</h2>
            <Transition fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(f) => {
                            let count = f.items.len();
                            view! {
                                <p class="muted" data-testid="featured-count">
                                    {format!("{count} item{} in your order: guests see them like this.", if count == 1 { "" } else { "s" })}
                                </p>
                                {f.can_edit.then(|| view! {
                                    <p><a class="button" href=format!("/host/events/{}/present", f.event_id)>"Present on a TV"</a></p>
                                })}
                                <ol class="featured-list">
                                    {f.items.into_iter().enumerate().map(|(n, item)| {
                                        let id = item.id;
                                        let up_label = format!("Move {} up", item.name);
                                        let down_label = format!("Move {} down", item.name);
                                        let remove_label = format!("Remove {}", item.name);
                                        view! {
                                            <li data-testid="featured-item">
                                                <crate::catalog::ItemThumb item=item.clone() />
                                                <span class="featured-name">{item.name.clone()}</span>
                                                <span class="muted">{item.price.to_string()}</span>
                                                {f.can_edit.then(|| view! {
                                                    <span class="featured-actions">
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
                                                            <button type="submit" class="button small danger" aria-label=remove_label>"Remove"</button>
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
                                            <label for="add-item">"Add an item from the catalog"</label>
                                            <select id="add-item" name="item_id">
                                                {f.addable.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                                            </select>
                                            {move || add_error.get().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
                                        </div>
                                        <button type="submit" class="button">"Add"</button>
                                    </ActionForm>
                                })}
                            }.into_any()
                        }
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The grid of a party's items, linking to each item's page under `base`
/// (`/i/<token>` or `/s/<slug>`); favourites carry a mark.
#[component]
fn ShowcaseGrid(base: String, showcase: Showcase) -> impl IntoView {
    let favourites = showcase.favourites.clone();
    let count = showcase.items.len();
    view! {
        <section class="showcase" aria-labelledby="showcase-title">
            <h2 id="showcase-title">"The collection"</h2>
            <p><a class="button" href=format!("{base}/cart")>"Your cart and checkout"</a></p>
            {if count == 0 {
                view! { <p class="muted">"The host has not picked the items yet. Come back soon!"</p> }.into_any()
            } else {
                let href = Callback::new(move |id: i64| format!("{base}/items/{id}"));
                let items: Vec<ItemCard> = showcase.items.into_iter().map(|mut i| {
                    if favourites.contains(&i.id) {
                        i.name = format!("♥ {}", i.name);
                    }
                    i
                }).collect();
                view! { <ItemGrid items href /> }.into_any()
            }}
        </section>
    }
}

/// A guest's view of the party's items and the brand's votes, on their
/// invitation page.
#[component]
pub fn GuestShowcase(token: String) -> impl IntoView {
    let vote = ServerAction::<Vote>::new();
    let t = token.clone();
    let data = Resource::new(
        move || vote.version().get(),
        move |_| get_guest_showcase(t.clone()),
    );
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">"Loading the collection…"</p> }>
            {
                let token = token.clone();
                move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        data.await.ok().map(|s| {
                            let polls = s.polls.clone();
                            view! {
                                <ShowcaseGrid base=format!("/i/{token}") showcase=s />
                                <GuestPolls token=token.clone() polls on_voted=vote />
                            }
                        })
                    })
                }
            }
        </Transition>
    }
}

/// The party's items on its public share page.
#[component]
pub fn SharedShowcase(slug: String) -> impl IntoView {
    let s = slug.clone();
    let data = Resource::new(|| (), move |_| get_shared_showcase(s.clone()));
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the collection…"</p> }>
            {
                let slug = slug.clone();
                move || {
                    let slug = slug.clone();
                    Suspend::new(async move {
                        data.await.ok().map(|s| view! { <ShowcaseGrid base=format!("/s/{slug}") showcase=s /> })
                    })
                }
            }
        </Suspense>
    }
}

/// One item of the party (`/i/:token/items/:item` or `/s/:slug/items/:item`):
/// photos, price, stock, description, label and the favourite button.
#[component]
pub fn ShowcaseItemPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let item_id = move || {
        params
            .read()
            .get("item")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let favourite = ServerAction::<SetFavourite>::new();
    let data = Resource::new(
        move || (token(), slug(), item_id(), favourite.version().get()),
        |(token, slug, item, _)| get_showcase_item(token, slug, item),
    );
    view! {
        <Title text="Item · Soirée" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(s) => {
                        let back = if s.personal { format!("/i/{}", token()) } else { format!("/s/{}", slug()) };
                        let note = s.item.card.stock_note();
                        let name = s.item.card.name.clone();
                        view! {
                            <Title text=format!("{name} · Soirée") />
                            <article class="item-page">
                                <p><a href=format!("{back}#showcase-title")>{format!("← {}", s.event_title)}</a></p>
                                <ItemPhotos item=s.item.clone() />
                                <h1>{name.clone()}</h1>
                                <p class="price large">{s.item.card.price.to_string()}
                                    <span class="muted">{format!(" VAT included ({} %)", crate::catalog::vat_percent(s.item.vat_rate_bp))}</span>
                                </p>
                                {note.map(|n| view! { <p class="stock-note" data-testid="stock-note">{n}</p> })}
                                {(!s.item.description.is_empty()).then(|| view! { <p class="description">{s.item.description.clone()}</p> })}
                                <crate::orders::AddToCart item_id=s.item.card.id stock=s.item.card.stock />
                                {s.personal.then(|| view! {
                                    <ActionForm action=favourite attr:class="inline-form">
                                        <input type="hidden" name="token" value=token() />
                                        <input type="hidden" name="item_id" value=s.item.card.id />
                                        <input type="hidden" name="on" value=(!s.favourite).to_string() />
                                        <button type="submit" class="button" aria-pressed=s.favourite.to_string() data-testid="favourite">
                                            {if s.favourite { "♥ In your favourites" } else { "♡ Add to favourites" }}
                                        </button>
                                    </ActionForm>
                                })}
                                <ItemLabel label=s.item.label.clone() />
                            </article>
                        }.into_any()
                    }
                    Err(_) => view! { <crate::NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// How often the live strip asks for new figures.
const LIVE_REFRESH_MS: u64 = 5_000;

/// The host's full-screen slideshow (`/host/events/:id/present`): one item
/// per slide, arrows or buttons to move, the QR code of the share link and
/// the live strip.
#[component]
pub fn PresentationPage() -> impl IntoView {
    let query = use_query_map();
    let id = crate::id_param("id");
    let slide = Memo::new(move |_| {
        query
            .read()
            .get("slide")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1)
    });
    let data = Resource::new(move || id.get(), get_presentation);
    let tick = RwSignal::new(0u64);
    let live = Resource::new(move || (id.get(), tick.get()), |(id, _)| get_live(id));
    // Refresh the strip in the browser; the first figures come with the page.
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(
            move || tick.update(|t| *t += 1),
            std::time::Duration::from_millis(LIVE_REFRESH_MS),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    let count = RwSignal::new(0usize);
    let navigate = use_navigate();
    let go = move |to: usize| {
        let total = count.get_untracked();
        if total == 0 {
            return;
        }
        let to = to.clamp(1, total);
        navigate(
            &format!("/host/events/{}/present?slide={to}", id.get_untracked()),
            leptos_router::NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let keys = go.clone();
    Effect::new(move |_| {
        let keys = keys.clone();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            let now = slide.get_untracked();
            match ev.key().as_str() {
                "ArrowRight" | "PageDown" | " " => keys(now + 1),
                "ArrowLeft" | "PageUp" => keys(now.saturating_sub(1)),
                "Home" => keys(1),
                "End" => keys(usize::MAX),
                _ => return,
            }
            ev.prevent_default();
        });
        on_cleanup(move || handle.remove());
    });
    view! {
        <Title text="Presentation · Soirée" />
        <Gate data here="/host" children=move |p: Presentation| {
            count.set(p.slides.len());
            let total = p.slides.len();
            let slides = p.slides.clone();
            let initial = p.live;
            view! {
                <div class="presentation" data-testid="presentation">
                    <header class="presentation-head">
                        <h1 class="sr-only">{format!("Presentation of {}", p.title)}</h1>
                        <a href=format!("/host/events/{}", p.event_id) class="button small">"Leave"</a>
                        <button type="button" class="button small" on:click=move |_| {
                            if let Some(root) = document().document_element() {
                                let _ = root.request_fullscreen();
                            }
                        }>"Full screen"</button>
                    </header>
                    {move || {
                        let n = slide.get().min(total.max(1));
                        match slides.get(n - 1).cloned() {
                            None => view! {
                                <section class="slide empty">
                                    <h2>"No items to show yet"</h2>
                                    <p>"Add items to the party first."</p>
                                </section>
                            }.into_any(),
                            Some(item) => {
                                let photo = item.photos.first().cloned();
                                let name = item.card.name.clone();
                                view! {
                                    <section class="slide" aria-roledescription="slide" aria-label=format!("{n} of {total}") data-testid="slide">
                                        <div class="slide-photo">
                                            {match photo {
                                                Some(p) => view! { <img src=p.url alt=name.clone() width=p.width height=p.height /> }.into_any(),
                                                None => view! { <ItemPicture name=name.clone() sku=item.card.sku.clone() /> }.into_any(),
                                            }}
                                        </div>
                                        <div class="slide-text">
                                            <p class="eyebrow" data-testid="slide-position">{format!("{n} / {total}")}</p>
                                            <h2 data-testid="slide-name">{name.clone()}</h2>
                                            <p class="price large">{item.card.price.to_string()}</p>
                                            {item.card.stock_note().map(|n| view! { <p class="stock-note">{n}</p> })}
                                            <ItemLabel label=item.label.clone() />
                                        </div>
                                    </section>
                                }.into_any()
                            }
                        }
                    }}
                    <nav class="slide-controls" aria-label="Slides">
                        <a class="button" href=move || format!("?slide={}", slide.get().saturating_sub(1).max(1))
                            aria-disabled=move || (slide.get() <= 1).then_some("true")>"← Previous"</a>
                        <a class="button" href=move || format!("?slide={}", (slide.get() + 1).min(total.max(1)))
                            aria-disabled=move || (slide.get() >= total).then_some("true")>"Next →"</a>
                    </nav>
                    {p.qr_svg.clone().map(|svg| view! {
                        <aside class="qr-corner" aria-label="Order from your phone">
                            <div class="qr" role="img" aria-label="QR code of the party page" inner_html=svg></div>
                            <p>"Scan to see the items and order"</p>
                        </aside>
                    })}
                    <footer class="live-strip" aria-live="polite" data-testid="live-strip">
                        <Transition fallback=move || view! { <LiveStrip figures=initial /> }>
                            {move || Suspend::new(async move {
                                let figures = live.await.unwrap_or(initial);
                                view! { <LiveStrip figures /> }
                            })}
                        </Transition>
                    </footer>
                </div>
            }
        } />
    }
}

#[component]
fn LiveStrip(figures: LiveFigures) -> impl IntoView {
    let plural = |n: i64, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    view! {
        <span data-testid="live-present"><strong>{figures.present}</strong> {plural(figures.present, " guest here", " guests here")}</span>
        <span><strong>{figures.coming}</strong> " coming"</span>
        <span data-testid="live-orders"><strong>{figures.orders}</strong> {plural(figures.orders, " order", " orders")}</span>
        <span data-testid="live-sales"><strong>{figures.sales.to_string()}</strong> " in sales"</span>
        <crate::rewards::RewardBar progress=figures.reward />
    }
}
