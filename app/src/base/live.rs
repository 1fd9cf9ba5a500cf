//! Figures pushed to open pages as server-sent events. On the server, a
//! [`ssr::LiveHub`] keeps one follower per party watched on this server: it
//! reads the party's figures once per change (announced by
//! `Db::party_changed`) and hands them to every open stream of the party.
//! In the browser, [`on_pushed`] hands each message to the page.

use serde::de::DeserializeOwned;

/// Where the host's pages (and the brand's admin) hear a party's figures.
pub fn host_url(event_id: i64) -> String {
    format!("/live/host/{event_id}")
}

/// Where a guest's page hears their party's figures.
pub fn guest_url(token: &str) -> String {
    format!("/live/guest/{token}")
}

/// Calls `on` with each JSON message of the event stream at `url` while the
/// calling component lives (in the browser; nothing on the server). The
/// browser reconnects by itself after a lost connection.
#[allow(unused_variables)]
pub fn on_pushed<T: DeserializeOwned + 'static>(url: String, on: impl Fn(T) + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::on_cleanup;
        use wasm_bindgen::{closure::Closure, JsCast};
        let Ok(source) = web_sys::EventSource::new(&url) else {
            return;
        };
        let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |message: web_sys::MessageEvent| {
                if let Some(Ok(value)) = message
                    .data()
                    .as_string()
                    .map(|text| serde_json::from_str::<T>(&text))
                {
                    on(value);
                }
            },
        );
        source.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        let open = send_wrapper::SendWrapper::new((source, handler));
        on_cleanup(move || open.0.close());
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::{
        collections::HashMap,
        convert::Infallible,
        future::Future,
        pin::Pin,
        sync::{Arc, Mutex},
        time::Duration,
    };

    use axum::response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    };
    use futures::{Stream, StreamExt};
    use serde::Serialize;
    use tokio::sync::{broadcast::error::RecvError, watch};

    use crate::base::{db::Db, error::AppError};

    /// Changes this close together are read once.
    const SETTLE: Duration = Duration::from_millis(100);

    /// Reads a party's figures.
    pub type Reader<F> = fn(Db, i64) -> Pin<Box<dyn Future<Output = Result<F, AppError>> + Send>>;

    type Latest<F> = watch::Sender<Option<F>>;

    /// The parties open streams watch on this server, each with its latest
    /// figures; and whether the server is stopping (open streams then end,
    /// so that it can).
    pub struct LiveHub<F> {
        db: Db,
        read: Reader<F>,
        parties: Arc<Mutex<HashMap<i64, Latest<F>>>>,
        stopping: watch::Sender<bool>,
    }

    impl<F> Clone for LiveHub<F> {
        fn clone(&self) -> Self {
            LiveHub {
                db: self.db.clone(),
                read: self.read,
                parties: self.parties.clone(),
                stopping: self.stopping.clone(),
            }
        }
    }

    impl<F: Clone + Send + Sync + 'static> LiveHub<F> {
        pub fn new(db: Db, read: Reader<F>) -> Self {
            LiveHub {
                db,
                read,
                parties: Arc::default(),
                stopping: watch::channel(false).0,
            }
        }

        /// The figures of `event_id`, kept current while the receiver lives.
        pub fn watch(&self, event_id: i64) -> watch::Receiver<Option<F>> {
            let mut parties = self.parties.lock().expect("live parties");
            if let Some(latest) = parties.get(&event_id) {
                return latest.subscribe();
            }
            let (latest, watching) = watch::channel(None);
            parties.insert(event_id, latest.clone());
            tokio::spawn(self.clone().follow(event_id, latest));
            watching
        }

        /// How many parties have a follower.
        pub fn followed(&self) -> usize {
            self.parties.lock().expect("live parties").len()
        }

        /// Ends every open stream: the server is stopping.
        pub fn stop(&self) {
            self.stopping.send_replace(true);
        }

        /// An answer that streams `shown(figures)` of `event_id`: the
        /// current ones, then each change, until the page closes or the
        /// server stops.
        pub fn stream<T: Serialize + 'static>(
            &self,
            event_id: i64,
            shown: fn(&F) -> T,
        ) -> Response {
            let mut stopping = self.stopping.subscribe();
            let stream = changes(self.watch(event_id))
                .map(move |f| Event::default().json_data(shown(&f)))
                .filter_map(|e| async move { e.ok().map(Ok::<_, Infallible>) })
                .take_until(async move {
                    let _ = stopping.wait_for(|s| *s).await;
                });
            let mut res = Sse::new(stream)
                .keep_alive(KeepAlive::new().interval(Duration::from_secs(20)))
                .into_response();
            res.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            res
        }

        /// Drops the follower of `event_id` when no stream watches it any
        /// more; false when one started watching meanwhile.
        fn forget(&self, event_id: i64, latest: &Latest<F>) -> bool {
            let mut parties = self.parties.lock().expect("live parties");
            if latest.receiver_count() > 0 {
                return false;
            }
            parties.remove(&event_id);
            true
        }

        /// Reads the party's figures, then again after each of its changes,
        /// until no stream watches it.
        async fn follow(self, event_id: i64, latest: Latest<F>) {
            let mut changes = self.db.party_changes();
            loop {
                match (self.read)(self.db.clone(), event_id).await {
                    Ok(now) => {
                        latest.send_replace(Some(now));
                    }
                    Err(e) => tracing::warn!(event_id, error = %e, "live figures not read"),
                }
                loop {
                    tokio::select! {
                        heard = changes.recv() => match heard {
                            Ok(id) if id == event_id => break,
                            Ok(_) => {}
                            // Missed some: one of them may be this party's.
                            Err(RecvError::Lagged(_)) => break,
                            Err(RecvError::Closed) => return,
                        },
                        () = latest.closed() => {
                            if self.forget(event_id, &latest) {
                                return;
                            }
                        }
                    }
                }
                tokio::time::sleep(SETTLE).await;
            }
        }
    }

    /// The figures as they are, then each time they change.
    fn changes<F: Clone + Send + Sync + 'static>(
        watching: watch::Receiver<Option<F>>,
    ) -> impl Stream<Item = F> {
        futures::stream::unfold((watching, true), |(mut watching, first)| async move {
            if !first {
                watching.changed().await.ok()?;
            }
            loop {
                let now = watching.borrow_and_update().clone();
                if let Some(now) = now {
                    return Some((now, (watching, false)));
                }
                watching.changed().await.ok()?;
            }
        })
    }
}
