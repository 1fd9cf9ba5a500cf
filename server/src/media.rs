//! The media store the settings name (a folder, or an S3 bucket) and
//! `GET /media/…`, which serves its files. Their names are random and never
//! reused, so browsers may keep them for a year.

use std::sync::Arc;

use anyhow::Context;
use app::base::media::MediaStore;
use axum::{
    body::Body,
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use futures::TryStreamExt;
use object_store::{aws::AmazonS3Builder, GetOptions, ObjectStore};
use secrecy::ExposeSecret;
use tower_http::services::ServeDir;

use crate::{
    settings::{S3Settings, Settings},
    startup::{files_kept, FOR_A_YEAR},
};

/// The store the settings name. A bucket is checked before the server
/// starts, so a wrong name, address or key stops start-up with a line that
/// says so.
pub async fn store(settings: &Settings) -> anyhow::Result<MediaStore> {
    let Some(s3) = &settings.media_s3 else {
        return MediaStore::folder(settings.media_dir.clone()).context("MEDIA_DIR");
    };
    let bucket = s3_bucket(s3)?;
    // Listing a folder answers for any bucket that exists and lets us in.
    let folder = object_store::path::Path::from("items");
    let check = bucket.list_with_delimiter(Some(&folder));
    match tokio::time::timeout(std::time::Duration::from_secs(30), check).await {
        Ok(Ok(_)) => Ok(MediaStore::bucket(bucket)),
        Ok(Err(e)) => Err(anyhow::anyhow!(
            "MEDIA_S3_BUCKET: cannot use the bucket {:?}: {e}",
            s3.bucket
        )),
        Err(_) => Err(anyhow::anyhow!(
            "MEDIA_S3_BUCKET: the bucket {:?} did not answer within 30 s",
            s3.bucket
        )),
    }
}

fn s3_bucket(s3: &S3Settings) -> anyhow::Result<Arc<dyn ObjectStore>> {
    let mut builder = AmazonS3Builder::new()
        .with_bucket_name(&s3.bucket)
        .with_region(&s3.region);
    if let Some(endpoint) = &s3.endpoint {
        builder = builder
            .with_endpoint(endpoint.as_str().trim_end_matches('/'))
            .with_allow_http(endpoint.scheme() == "http");
    }
    if let Some((id, secret)) = &s3.keys {
        builder = builder
            .with_access_key_id(id)
            .with_secret_access_key(secret.expose_secret());
    }
    let bucket = builder.build().context("MEDIA_S3_BUCKET")?;
    Ok(Arc::new(bucket))
}

/// `GET /media/…`: from the folder (straight from disk), or from the bucket
/// through this server, so pages name their photos the same way whichever
/// store holds them.
/// Files under `private/` (party albums) are never served here: their
/// areas serve them to their readers only.
pub fn service(media: &MediaStore) -> Router {
    let public = match media.local_folder() {
        Some(folder) => files_kept(ServeDir::new(folder), FOR_A_YEAR),
        None => Router::new()
            .route("/{*path}", get(from_store))
            .with_state(media.clone()),
    };
    Router::new()
        .route("/private", get(not_served))
        .route("/private/{*path}", get(not_served))
        .merge(public)
}

async fn not_served() -> StatusCode {
    StatusCode::NOT_FOUND
}

async fn from_store(
    State(media): State<MediaStore>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Ok(location) = object_store::path::Path::parse(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let options = GetOptions {
        if_none_match: headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        ..GetOptions::default()
    };
    let found = match media.store().get_opts(&location, options).await {
        Ok(found) => found,
        Err(object_store::Error::NotFound { .. }) => return StatusCode::NOT_FOUND.into_response(),
        Err(object_store::Error::NotModified { .. }) => {
            return StatusCode::NOT_MODIFIED.into_response()
        }
        Err(e) => {
            tracing::error!("media: cannot read {path}: {e}");
            return StatusCode::BAD_GATEWAY.into_response();
        }
    };
    let (size, e_tag) = (found.meta.size, found.meta.e_tag.clone());
    let body = Body::from_stream(found.into_stream().map_err(std::io::Error::other));
    let mut res = Response::new(body);
    let kind = mime_guess::from_path(&path).first_or_octet_stream();
    let set = res.headers_mut();
    set.insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    if let Some(tag) = e_tag.and_then(|t| HeaderValue::from_str(&t).ok()) {
        set.insert(header::ETAG, tag);
    }
    if let Ok(kind) = HeaderValue::from_str(kind.essence_str()) {
        set.insert(header::CONTENT_TYPE, kind);
    }
    set.insert(header::CACHE_CONTROL, HeaderValue::from_static(FOR_A_YEAR));
    res
}
