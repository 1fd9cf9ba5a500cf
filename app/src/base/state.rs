//! What every request handler shares: the database and the settings that
//! pages and server functions need. What is per server (the queue of
//! guests' visits) holds nothing another server needs, so several servers
//! can run on one PostgreSQL.

use std::sync::Arc;

use crate::base::{db::Db, error::AppError};

/// Settings the app itself reads (the server holds the rest).
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// The address users reach Soirée at, e.g. `https://soiree.example`.
    pub public_url: url::Url,
    /// Whether cookies carry `Secure` (on behind HTTPS).
    pub session_secure: bool,
    /// Who mail comes from.
    pub mail: crate::base::mail::MailIdentity,
    /// Signs invitation links.
    pub signing_key: SigningKey,
    /// Where item photos are stored.
    pub media: crate::base::media::MediaStore,
    /// Stripe's API (`STRIPE_API_BASE`) and Stripe.js (`STRIPE_JS_URL`).
    pub stripe_api_base: String,
    pub stripe_js_url: String,
    /// Where the server's own requests (webhooks) may go.
    pub outbound: crate::base::network::Outbound,
}

/// A secret key; never printed.
#[derive(Clone)]
pub struct SigningKey(pub Arc<Vec<u8>>);

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(***)")
    }
}

/// Shared handles, provided to every server function through context.
#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<AppConfig>,
    /// Records guests' visits off the request path.
    pub presence: crate::base::presence::Presence,
    /// The parties' item cards as guests see them, while they do not change.
    pub cards: crate::base::items::ssr::CardCache,
}

/// The app state of this request.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| anyhow::anyhow!("AppState was not provided to the request context").into())
}
