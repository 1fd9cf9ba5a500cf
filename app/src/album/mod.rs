//! Party memories: once the party has begun, guests who said yes add
//! photos to its album from their link; the host (or a co-host) chooses
//! what is shown. The album is for the party's guests only: its files are
//! not under `/media/` but served through the guest's link or the host's
//! session (`server::media`), and they go with the guest's data when it is
//! erased.

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    error::AppError,
    forms::{action, error_from_url, FormError},
    l10n::use_lang,
    page::NotFound,
};

/// A photo of the album, with the addresses it is served at for the
/// reader (the guest's link, or the host's page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlbumPhoto {
    pub id: i64,
    pub url: String,
    pub thumb_url: String,
    pub width: i64,
    pub height: i64,
    pub caption: String,
    /// First name and initial of who added it.
    pub by: String,
    /// pending, shown or hidden.
    pub state: String,
}

/// The album as a guest sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestAlbum {
    pub title: String,
    /// The photos the host shows.
    pub shown: Vec<AlbumPhoto>,
    /// The guest's own photos the host has not shown (yet).
    pub mine_waiting: Vec<AlbumPhoto>,
    /// The guest may add photos: they said yes and the party has begun.
    pub may_add: bool,
}

/// The album as its host sees it: what waits first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostAlbum {
    pub event_id: i64,
    pub title: String,
    pub photos: Vec<AlbumPhoto>,
}

/// The album of the party behind a guest's link.
#[server(prefix = "/api", endpoint = "guest_album", input = server_fn::codec::GetUrl)]
pub async fn get_guest_album(token: String) -> Result<GuestAlbum, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::guest_album(&state.db, &token, chrono::Utc::now()).await
    })
    .await
}

/// A guest adds photos (a multipart form: `token`, `caption` and up to six
/// `photos`).
#[server(prefix = "/api", endpoint = "add_album_photos", input = server_fn::codec::MultipartFormData)]
pub async fn add_album_photos(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<usize, AppError> {
    serve(async move {
        let posted = crate::base::photos::read_posted(data, "photos").await?;
        let state = crate::base::state::app_state()?;
        let token = posted.text("token");
        let added = ssr::add(
            &state.db,
            &state.config.media,
            &token,
            posted,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect(&format!("/i/{token}/album"));
        Ok(added)
    })
    .await
}

/// The album of a party, for its host or a co-host.
#[server(prefix = "/api", endpoint = "host_album", input = server_fn::codec::GetUrl)]
pub async fn get_host_album(event_id: i64) -> Result<HostAlbum, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::host_album(&state.db, &host, event_id).await
    })
    .await
}

/// The host shows or hides a photo.
#[server(prefix = "/api", endpoint = "show_album_photo")]
pub async fn show_album_photo(event_id: i64, photo_id: i64, shown: bool) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::set_shown(
            &state.db,
            &host,
            (event_id, photo_id),
            shown,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

const ADD_PHOTOS_PATH: &str = <AddAlbumPhotos as leptos::server_fn::ServerFn>::PATH;

/// A grid of album photos, each linking to its full size.
#[component]
fn PhotoGrid(photos: Vec<AlbumPhoto>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="album-grid">
            {photos.into_iter().map(|p| {
                let alt = if p.caption.is_empty() { tr!(lang, ALBUM_PHOTO_BY, name = &p.by) } else { p.caption.clone() };
                view! {
                    <li data-testid="album-photo">
                        <a href=p.url.clone()><img src=p.thumb_url.clone() alt=alt width="240" height={240 * p.height / p.width.max(1)} loading="lazy" /></a>
                        {(!p.caption.is_empty()).then(|| view! { <p>{p.caption.clone()}</p> })}
                        <p class="muted">{tr!(lang, ALBUM_PHOTO_BY, name = &p.by)}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The party's album for a guest (`/i/:token/album`).
#[component]
pub fn GuestAlbumPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let data = Resource::new(token, get_guest_album);
    let url_error = error_from_url::<AddAlbumPhotos>();
    view! {
        <Title text=tr!(lang, ALBUM_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || {
                let url_error = url_error.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(album) => {
                            let photo_error = url_error.as_ref().and_then(|e| e.for_field("photos"));
                            let caption_error = url_error.as_ref().and_then(|e| e.for_field("caption"));
                            let error = url_error.clone();
                            view! {
                                <article class="album">
                                    <p><a href=format!("/i/{}", token())>{format!("← {}", album.title)}</a></p>
                                    <h1>{tr!(lang, ALBUM_TITLE)}</h1>
                                    <p class="lead">{tr!(lang, ALBUM_LEAD)}</p>
                                    {if album.shown.is_empty() {
                                        view! { <p class="empty-state">{tr!(lang, ALBUM_EMPTY)}</p> }.into_any()
                                    } else {
                                        view! { <PhotoGrid photos=album.shown.clone() /> }.into_any()
                                    }}
                                    {(!album.mine_waiting.is_empty()).then(|| view! {
                                        <h2>{tr!(lang, ALBUM_MINE_WAITING)}</h2>
                                        <PhotoGrid photos=album.mine_waiting.clone() />
                                    })}
                                    {(!album.may_add).then(|| view! { <p class="muted">{tr!(lang, ALBUM_WHO_ADDS)}</p> })}
                                    {album.may_add.then(|| view! {
                                        <section class="form-card wide" aria-labelledby="album-add">
                                            <h2 id="album-add">{tr!(lang, ALBUM_ADD)}</h2>
                                            <form method="post" action=ADD_PHOTOS_PATH enctype="multipart/form-data" class="form" novalidate>
                                                <FormError error=Signal::derive(move || error.clone()) />
                                                <input type="hidden" name="token" value=token() />
                                                <div class="field">
                                                    <label for="album-photos">{tr!(lang, ALBUM_PHOTOS)}</label>
                                                    <p class="hint" id="album-photos-hint">{tr!(lang, ALBUM_PHOTOS_HINT)}</p>
                                                    <input id="album-photos" name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp"
                                                        aria-describedby=if photo_error.is_some() { "album-photos-hint album-photos-error" } else { "album-photos-hint" }
                                                        aria-invalid=photo_error.as_ref().map(|_| "true") />
                                                    {photo_error.clone().map(|m| view! { <p class="field-error" id="album-photos-error" role="alert">{m}</p> })}
                                                </div>
                                                <div class="field">
                                                    <label for="album-caption">{tr!(lang, ALBUM_CAPTION)}</label>
                                                    <input id="album-caption" name="caption" type="text" maxlength="200"
                                                        aria-invalid=caption_error.as_ref().map(|_| "true") />
                                                    {caption_error.clone().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                                </div>
                                                <button type="submit" class="button primary">{tr!(lang, ALBUM_SEND)}</button>
                                            </form>
                                        </section>
                                    })}
                                </article>
                            }.into_any()
                        }
                        Err(_) => view! { <NotFound /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The party's album for its host (`/host/events/:id/album`): show or
/// hide each photo.
#[component]
pub fn HostAlbumPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::base::page::id_param("id");
    let show = action::<ShowAlbumPhoto>();
    let data = Resource::new(
        move || (id.get(), show.version().get()),
        |(id, _)| get_host_album(id),
    );
    let error = Signal::derive(move || show.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, ALBUM_TITLE) />
        <Gate data here="/host" children=move |album: HostAlbum| {
            view! {
                <header class="page-head">
                    <p><a href=format!("/host/events/{}", album.event_id)>{format!("← {}", album.title)}</a></p>
                    <h1>{tr!(lang, ALBUM_TITLE)}</h1>
                    <p class="lead">{tr!(lang, ALBUM_HOST_LEAD)}</p>
                </header>
                <FormError error />
                {if album.photos.is_empty() {
                    view! { <p class="empty-state">{tr!(lang, ALBUM_EMPTY)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="album-grid">
                            {album.photos.into_iter().map(|p| {
                                let shown = p.state == "shown";
                                let state = match p.state.as_str() {
                                    "shown" => tr!(lang, ALBUM_STATE_SHOWN),
                                    "hidden" => tr!(lang, ALBUM_STATE_HIDDEN),
                                    _ => tr!(lang, ALBUM_STATE_PENDING),
                                };
                                view! {
                                    <li data-testid="album-photo">
                                        <a href=p.url.clone()><img src=p.thumb_url.clone() alt=tr!(lang, ALBUM_PHOTO_BY, name = &p.by) width="240" height={240 * p.height / p.width.max(1)} loading="lazy" /></a>
                                        {(!p.caption.is_empty()).then(|| view! { <p>{p.caption.clone()}</p> })}
                                        <p class="muted">{format!("{} · {}", tr!(lang, ALBUM_PHOTO_BY, name = &p.by), state)}</p>
                                        <ActionForm action=show attr:class="inline-form">
                                            <input type="hidden" name="event_id" value=album.event_id />
                                            <input type="hidden" name="photo_id" value=p.id />
                                            <input type="hidden" name="shown" value=(!shown).to_string() />
                                            <button type="submit" class=if shown { "button" } else { "button primary" }>
                                                {if shown { tr!(lang, ALBUM_HIDE) } else { tr!(lang, ALBUM_SHOW) }}
                                            </button>
                                        </ActionForm>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }
        } />
    }
}
