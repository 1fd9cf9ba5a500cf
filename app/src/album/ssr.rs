//! The album in the database and its files: who may add (a guest who said
//! yes, once the party has begun), who sees what (the party's guests see
//! what the host shows, and their own; the host and co-hosts see all), and
//! the routes that serve the files to them only.

use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use chrono::{DateTime, Utc};

use super::{AlbumPhoto, GuestAlbum, HostAlbum};
use crate::{
    base::{
        access::ssr::{ensure_visible, invitation_kept, InvitationRow},
        account::{first_name_and_initial, CurrentUser, Role},
        db::Db,
        error::{AppError, Mistakes},
        l10n::page_lang,
        media::MediaStore,
        photos::Posted,
        state::AppState,
    },
    on_db, on_tx,
};

/// The longest caption, in characters.
pub const CAPTION_MAX: usize = 200;

#[derive(sqlx::FromRow)]
struct PhotoRow {
    id: i64,
    width: i64,
    height: i64,
    caption: String,
    by_name: String,
    state: String,
}

const PHOTO_COLUMNS: &str = "p.id, p.width, p.height, p.caption, g.name AS by_name, p.state";

fn shown(rows: Vec<PhotoRow>, base: &str) -> Vec<AlbumPhoto> {
    rows.into_iter()
        .map(|r| AlbumPhoto {
            url: format!("{base}/{}/full", r.id),
            thumb_url: format!("{base}/{}/thumb", r.id),
            id: r.id,
            width: r.width,
            height: r.height,
            caption: r.caption,
            by: first_name_and_initial(&r.by_name),
            state: r.state,
        })
        .collect()
}

/// The guest of a link, for a party that was not cancelled.
async fn guest_of(db: &Db, token: &str) -> Result<InvitationRow, AppError> {
    invitation_kept(db, token)
        .await?
        .filter(|g| g.cancelled_at.is_none())
        .ok_or(AppError::NotFound)
}

fn may_add(guest: &InvitationRow, now: DateTime<Utc>) -> bool {
    guest.rsvp == "yes" && now >= guest.starts_at
}

/// The album for the guest of `token`: what the host shows, and the
/// guest's own photos still waiting.
pub async fn guest_album(db: &Db, token: &str, now: DateTime<Utc>) -> Result<GuestAlbum, AppError> {
    let guest = guest_of(db, token).await?;
    let rows: Vec<PhotoRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(&format!(
            "SELECT {PHOTO_COLUMNS} FROM album_photos p JOIN guests g ON g.id = p.guest_id
             WHERE p.event_id = $1 AND (p.state = 'shown' OR p.guest_id = $2) ORDER BY p.id"
        ))
        .bind(guest.event_id)
        .bind(guest.guest_id)
        .fetch_all(pool)
        .await
    })?;
    let (visible, waiting): (Vec<PhotoRow>, Vec<PhotoRow>) =
        rows.into_iter().partition(|r| r.state == "shown");
    let base = format!("/i/{token}/album");
    Ok(GuestAlbum {
        may_add: may_add(&guest, now),
        title: guest.title,
        shown: shown(visible, &base),
        mine_waiting: shown(waiting, &base),
    })
}

/// Adds the photos a guest sent, all or none, waiting for the host. The
/// files are written first and removed again if the rows are not.
pub async fn add(
    db: &Db,
    media: &MediaStore,
    token: &str,
    mut posted: Posted,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let guest = guest_of(db, token).await?;
    let lang = page_lang();
    if !may_add(&guest, now) {
        return Err(AppError::invalid("photos", tr!(lang, ALBUM_ERROR_NOT_YET)));
    }
    let mut m = Mistakes::default();
    let caption = posted.text("caption").trim().to_owned();
    if caption.chars().count() > CAPTION_MAX {
        m.note("caption", tr!(lang, ALBUM_ERROR_CAPTION, max = CAPTION_MAX));
    }
    let processed = crate::base::photos::process_posted(
        &mut m,
        &mut posted,
        crate::base::photos::MAX_PHOTOS_PER_SAVE,
        true,
    )
    .await;
    m.finish()?;
    let folder = format!("private/albums/{}", guest.event_id);
    let stored = crate::base::photos::store(media, &folder, processed).await?;
    let written = async {
        let mut tx = db.begin().await?;
        for photo in &stored {
            on_tx!(&mut tx, |t| sqlx::query(
                "INSERT INTO album_photos (event_id, guest_id, display_path, thumb_path, width, height, caption, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
            )
            .bind(guest.event_id)
            .bind(guest.guest_id)
            .bind(&photo.display_path)
            .bind(&photo.thumb_path)
            .bind(i64::from(photo.width))
            .bind(i64::from(photo.height))
            .bind(&caption)
            .bind(now)
            .execute(&mut *t)
            .await?
            .rows_affected());
        }
        tx.commit().await?;
        Ok::<_, AppError>(stored.len())
    }
    .await;
    if written.is_err() {
        crate::base::photos::discard(media, &stored).await;
    }
    written
}

/// `Ok` if `user` runs the party (its host or a co-host).
async fn ensure_runs(db: &Db, user: &CurrentUser, event_id: i64) -> Result<(), AppError> {
    ensure_visible(db, user, event_id).await?;
    if user.role != Role::Host {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Every photo of the album for its host or a co-host, waiting ones first.
pub async fn host_album(db: &Db, user: &CurrentUser, event_id: i64) -> Result<HostAlbum, AppError> {
    ensure_runs(db, user, event_id).await?;
    let (title, rows): (String, Vec<PhotoRow>) = on_db!(db.reader(), |pool| {
        let title = sqlx::query_scalar("SELECT title FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(pool)
            .await?;
        let rows = sqlx::query_as(&format!(
            "SELECT {PHOTO_COLUMNS} FROM album_photos p JOIN guests g ON g.id = p.guest_id
             WHERE p.event_id = $1
             ORDER BY CASE p.state WHEN 'pending' THEN 0 ELSE 1 END, p.id"
        ))
        .bind(event_id)
        .fetch_all(pool)
        .await?;
        (title, rows)
    });
    Ok(HostAlbum {
        event_id,
        title,
        photos: shown(rows, &format!("/host/events/{event_id}/album")),
    })
}

/// The host shows a photo of their party's album, or hides it.
pub async fn set_shown(
    db: &Db,
    user: &CurrentUser,
    (event_id, photo_id): (i64, i64),
    show: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    ensure_runs(db, user, event_id).await?;
    let changed = on_db!(db.writer(), |pool| sqlx::query(
        "UPDATE album_photos SET state = $1, moderated_at = $2 WHERE id = $3 AND event_id = $4"
    )
    .bind(if show { "shown" } else { "hidden" })
    .bind(now)
    .bind(photo_id)
    .bind(event_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Where a photo's file of `size` (full or thumb) is, if `condition`
/// (on `p`, binding `$2` and `$3`) lets the reader see it.
async fn file_path(
    db: &Db,
    photo_id: i64,
    size: &str,
    condition: &str,
    (a, b): (i64, i64),
) -> Result<Option<String>, AppError> {
    let column = match size {
        "full" => "display_path",
        "thumb" => "thumb_path",
        _ => return Ok(None),
    };
    Ok(on_db!(db.reader(), |pool| sqlx::query_scalar(&format!(
        "SELECT p.{column} FROM album_photos p WHERE p.id = $1 AND {condition}"
    ))
    .bind(photo_id)
    .bind(a)
    .bind(b)
    .fetch_optional(pool)
    .await)?)
}

/// A photo's file for the guest of `token`: one the host shows, or theirs.
pub async fn guest_file(
    db: &Db,
    token: &str,
    photo_id: i64,
    size: &str,
) -> Result<Option<String>, AppError> {
    let Ok(guest) = guest_of(db, token).await else {
        return Ok(None);
    };
    file_path(
        db,
        photo_id,
        size,
        "p.event_id = $2 AND (p.state = 'shown' OR p.guest_id = $3)",
        (guest.event_id, guest.guest_id),
    )
    .await
}

/// A photo's file for the host or a co-host of its party.
pub async fn host_file(
    db: &Db,
    user: &CurrentUser,
    (event_id, photo_id): (i64, i64),
    size: &str,
) -> Result<Option<String>, AppError> {
    if ensure_runs(db, user, event_id).await.is_err() {
        return Ok(None);
    }
    file_path(
        db,
        photo_id,
        size,
        "p.event_id = $2 AND $3 = $3",
        (event_id, 0),
    )
    .await
}

/// The bytes of a file found for its reader, kept by their browser only.
async fn send_file(media: &MediaStore, found: Result<Option<String>, AppError>) -> Response {
    let path = match found {
        Ok(Some(path)) => path,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(%err, "album photo");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let read = async {
        media
            .store()
            .get(&object_store::path::Path::from(path.as_str()))
            .await?
            .bytes()
            .await
    };
    match read.await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("private, max-age=86400"),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(object_store::Error::NotFound { .. }) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(%err, "album photo: cannot read {path}");
            StatusCode::BAD_GATEWAY.into_response()
        }
    }
}

async fn guest_photo(
    State(state): State<AppState>,
    Path((token, id, size)): Path<(String, String, String)>,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let found = guest_file(&state.db, &token, id, &size).await;
    send_file(&state.config.media, found).await
}

async fn host_photo(
    State(state): State<AppState>,
    Path((event, id, size)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let (Ok(event), Ok(id)) = (event.parse::<i64>(), id.parse::<i64>()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(user) = crate::base::auth::ssr::user_in(&state.db, &headers, Utc::now()).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let found = host_file(&state.db, &user, (event, id), &size).await;
    send_file(&state.config.media, found).await
}

/// The album's file routes: through a guest's link, or for the host.
pub fn router<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    Router::new()
        .route("/i/{token}/album/{id}/{size}", get(guest_photo))
        .route("/host/events/{event}/album/{id}/{size}", get(host_photo))
        .with_state(state)
}
