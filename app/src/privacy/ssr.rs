//! The stop link's server side: reading it, stopping the mail, and the
//! one-click POST mail clients send (RFC 8058).

use axum::{
    extract::{Path, State},
    response::{Html, IntoResponse, Response},
    routing::post,
    Router,
};
use chrono::{DateTime, Utc};

use crate::base::{
    consent::{self, Stop},
    db::Db,
    error::AppError,
    state::{AppConfig, AppState},
};

fn read(config: &AppConfig, token: &str) -> Result<Stop, AppError> {
    consent::read_stop_token(&config.signing_key.0, token).ok_or(AppError::NotFound)
}

/// The brand, the address and whether its mail is stopped.
pub async fn choice(
    db: &Db,
    config: &AppConfig,
    token: &str,
) -> Result<super::MailChoice, AppError> {
    let stop = read(config, token)?;
    let (brand, stopped) = consent::status(db, &stop).await?;
    Ok(super::MailChoice {
        brand,
        email: stop.email,
        stopped,
    })
}

/// Stops the mail of a stop link; returns the brand's name.
pub async fn stop(
    db: &Db,
    config: &AppConfig,
    token: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let stop = read(config, token)?;
    let brand = consent::stop(db, &stop, now).await?;
    tracing::info!(brand_id = stop.brand_id, "mail stopped by its link");
    Ok(brand)
}

/// `POST /unsubscribe/{token}`: the one-click stop of a mail client (no
/// cookie, no form of ours; the signed token is the authority).
pub fn router<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    Router::new()
        .route("/unsubscribe/{token}", post(one_click))
        .with_state(state)
}

async fn one_click(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let lang = crate::base::l10n::Lang::default();
    match stop(&state.db, &state.config, &token, Utc::now()).await {
        Ok(brand) => Html(format!(
            "<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>Soirée</title><p>{}</p></html>",
            tr!(lang, STOP_DONE_SHORT, brand = brand.as_str())
                .replace('&', "&amp;")
                .replace('<', "&lt;")
        ))
        .into_response(),
        Err(err) => (err.status(), err.message(lang)).into_response(),
    }
}
