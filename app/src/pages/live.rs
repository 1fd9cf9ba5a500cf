//! The party's figures pushed live to open pages (server-sent events): the
//! host's presentation strip and reward bar (`/live/host/{event}`) and a
//! guest's page (`/live/guest/{token}`). They combine the showcase's counts
//! and the host's reward progress, so they live above the areas.

use serde::{Deserialize, Serialize};

use crate::{rewards::RewardProgress, showcase::LiveCounts};

/// The party's figures for the host and the presentation: counts only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveFigures {
    #[serde(flatten)]
    pub counts: LiveCounts,
    /// Toward the host's next reward.
    pub reward: RewardProgress,
}

/// What a guest's page shows live of the party: how many are here, coming
/// and have ordered; no amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestFigures {
    pub present: i64,
    pub coming: i64,
    pub orders: i64,
}

impl From<&LiveFigures> for GuestFigures {
    fn from(f: &LiveFigures) -> Self {
        GuestFigures {
            present: f.counts.present,
            coming: f.counts.coming,
            orders: f.counts.orders,
        }
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use axum::{
        extract::{Path, State},
        http::{HeaderMap, StatusCode},
        response::{IntoResponse, Response},
        routing::get,
        Router,
    };

    use super::{GuestFigures, LiveFigures};
    use crate::base::{error::AppError, live::ssr::LiveHub, state::AppState};

    /// The parties this server streams figures of.
    pub type PartyHub = LiveHub<LiveFigures>;

    /// The hub of a server on `db`.
    pub fn hub(db: crate::base::db::Db) -> PartyHub {
        LiveHub::new(db, |db, id| Box::pin(figures_now(db, id)))
    }

    /// The live figures of an event: its counts and the host's reward progress.
    pub async fn figures(
        db: &crate::base::db::Db,
        event_id: i64,
        starts_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<LiveFigures, AppError> {
        Ok(LiveFigures {
            counts: crate::showcase::ssr::live_counts(db, event_id, starts_at).await?,
            reward: crate::rewards::ssr::progress(db, event_id).await?,
        })
    }

    /// The live figures of an event as they are now.
    pub async fn figures_now(
        db: crate::base::db::Db,
        event_id: i64,
    ) -> Result<LiveFigures, AppError> {
        let starts_at: Option<chrono::DateTime<chrono::Utc>> =
            crate::on_db!(db.reader(), |pool| {
                sqlx::query_scalar("SELECT starts_at FROM events WHERE id = $1")
                    .bind(event_id)
                    .fetch_optional(pool)
                    .await
            })?;
        figures(&db, event_id, starts_at.ok_or(AppError::NotFound)?).await
    }

    /// `/live/…`: the streams of live figures.
    pub fn router<S: Clone + Send + Sync + 'static>(state: AppState, hub: PartyHub) -> Router<S> {
        Router::new()
            .route("/live/host/{event_id}", get(host_stream))
            .route("/live/guest/{token}", get(guest_stream))
            .with_state((state, hub))
    }

    /// `GET /live/host/{event_id}`: the party's figures for its host (or the
    /// brand's admin), each change as one message of JSON.
    async fn host_stream(
        State((state, hub)): State<(AppState, PartyHub)>,
        Path(event_id): Path<i64>,
        headers: HeaderMap,
    ) -> Response {
        let now = chrono::Utc::now();
        let Some(viewer) = crate::base::auth::ssr::user_in(&state.db, &headers, now).await else {
            return StatusCode::UNAUTHORIZED.into_response();
        };
        if crate::base::access::ssr::ensure_visible(&state.db, &viewer, event_id)
            .await
            .is_err()
        {
            return StatusCode::NOT_FOUND.into_response();
        }
        hub.stream(event_id, |f| *f)
    }

    /// `GET /live/guest/{token}`: what the guest holding the link sees live
    /// of their party (no amounts).
    async fn guest_stream(
        State((state, hub)): State<(AppState, PartyHub)>,
        Path(token): Path<String>,
    ) -> Response {
        let hash = crate::base::tokens::hash_token(&token);
        let row = crate::base::access::ssr::read_invitation(&state.db, &hash).await;
        let Ok(Some(guest)) = row else {
            return StatusCode::NOT_FOUND.into_response();
        };
        hub.stream(guest.event_id, |f| GuestFigures::from(f))
    }
}
