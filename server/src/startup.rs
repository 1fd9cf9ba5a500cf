//! Builds the application: the binary and the tests both call [`Application::build`].

use std::{
    sync::{Arc, OnceLock},
    time::Duration,
};

use anyhow::Context;
use app::{
    base::media::MediaStore,
    base::presence::{Presence, Visit},
    base::{
        db::Db,
        state::{AppConfig, AppState},
        styles::ssr::ThemeCache,
    },
    pages::live::ssr::PartyHub,
    shell, App,
};
use axum::serve::ListenerExt;
use axum::{
    body::{Body, Bytes},
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use leptos::{config::LeptosOptions, prelude::*};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes, ResponseOptions};
use secrecy::ExposeSecret;
use tokio::{net::TcpListener, sync::watch};
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    services::ServeDir,
    set_header::SetResponseHeaderLayer,
    trace::{DefaultOnResponse, TraceLayer},
};

use crate::{
    kept_pages::KeptPages,
    limits::{limits, Limiter, MULTIPART_FNS},
    mailer::Mailer,
    middleware::{
        form_results_carried, page_csp, same_origin_writes, stripe_origins, FormCarry,
        PublicOrigin, DEFAULT_CSP,
    },
    settings::Settings,
    workers,
};

/// A built server, bound to its port and ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    db: Db,
    port: u16,
    mailer: Mailer,
    settings: Settings,
    config: Arc<AppConfig>,
    visits: tokio::sync::mpsc::Receiver<Visit>,
    live: PartyHub,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

impl Application {
    /// Connects to the database, applies migrations and binds the address
    /// (port 0 picks a free one).
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let db = Db::connect(settings.database_url.expose_secret()).await?;
        db.migrate().await?;
        Application::build_with_db(settings, db).await
    }

    /// Like [`Application::build`], on a database the caller opened.
    pub async fn build_with_db(settings: Settings, db: Db) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("SOIREE_ADDR: cannot listen on {}", settings.addr))?;
        let port = listener.local_addr()?.port();
        let media = crate::media::store(&settings).await?;
        let config = app_config(&settings, media)?;
        let (presence, visits) = Presence::new();
        let state = AppState {
            db: db.clone(),
            config: config.clone(),
            presence,
            cards: Default::default(),
        };
        let live = app::pages::live::ssr::hub(db.clone());
        let router = router(&settings, state, live.clone())?;
        let mailer = Mailer::from_settings(&settings)?;
        Ok(Application {
            listener,
            router,
            db,
            port,
            mailer,
            settings,
            config,
            visits,
            live,
        })
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The application's database.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The settings the app and its workers read.
    pub fn config(&self) -> Arc<AppConfig> {
        self.config.clone()
    }

    /// Serves until `shutdown` completes, then lets running requests finish
    /// and stops the background workers.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let housekeeping = workers::spawn_housekeeping(
            self.db.clone(),
            self.config.media.clone(),
            Duration::from_secs(3600),
            stop_rx.clone(),
        );
        let outbox = workers::spawn_outbox(
            self.db.clone(),
            self.mailer.clone(),
            self.settings.outbox_poll,
            self.settings.outbox_retry_base,
            stop_rx.clone(),
        );
        let webhooks = workers::spawn_webhooks(
            self.db.clone(),
            self.config.outbound,
            self.settings.outbox_poll,
            self.settings.outbox_retry_base,
            stop_rx.clone(),
        );
        let closings = workers::spawn_closings(
            self.db.clone(),
            self.config.clone(),
            self.settings.schedule_every,
            stop_rx.clone(),
        );
        let mailings = workers::spawn_mailings(
            self.db.clone(),
            self.config.clone(),
            self.settings.schedule_every,
            stop_rx.clone(),
        );
        let visits = workers::spawn_visits(self.db.clone(), self.visits, stop_rx.clone());
        let changes = workers::spawn_party_changes(self.db.clone(), stop_rx);
        // Open live streams end when the server stops, or it would wait
        // for them forever.
        let live = self.live.clone();
        let shutdown = async move {
            shutdown.await;
            live.stop();
        };
        // TCP_NODELAY on every connection: a small answer (a static file, a
        // page's last bytes) goes out at once instead of waiting for the
        // peer's delayed ACK (about 40 ms on a kept-alive connection).
        let listener = self.listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!("TCP_NODELAY not set on a connection: {e}");
            }
        });
        // The routes are made into services once, here: axum would otherwise
        // rebuild the whole route table for each accepted connection (about
        // 400 KB each, which 1,000 open live pages multiply).
        let routes = self.router.with_state(());
        // The peer's address reaches the limits layer (`limits::Limiter::client`).
        axum::serve(
            listener,
            routes.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
        .context("the HTTP server stopped with an error")?;
        let _ = stop_tx.send(true);
        let _ = housekeeping.await;
        let _ = outbox.await;
        let _ = mailings.await;
        let _ = webhooks.await;
        let _ = closings.await;
        let _ = visits.await;
        let _ = changes.await;
        self.db.close().await;
        Ok(())
    }
}

/// The settings the app reads, made once for the router and the workers.
fn app_config(settings: &Settings, media: MediaStore) -> anyhow::Result<Arc<AppConfig>> {
    Ok(Arc::new(AppConfig {
        public_url: settings.public_url.clone(),
        session_secure: settings.session_secure,
        mail: app::base::mail::MailIdentity {
            from: settings
                .mail_from
                .parse()
                .context("MAIL_FROM: not a mailbox like Soirée <no-reply@brand.example>")?,
            message_id_host: settings
                .public_url
                .host_str()
                .unwrap_or("localhost")
                .to_owned(),
        },
        signing_key: app::base::state::SigningKey(Arc::new(settings.signing_key()?)),
        stripe_api_base: settings.stripe_api_base.to_string(),
        stripe_js_url: settings.stripe_js_url.to_string(),
        outbound: app::base::network::Outbound {
            allow_loopback: settings.webhooks_allow_loopback,
        },
        media,
    }))
}

/// Where the built site is and how its files are named.
fn leptos_options(settings: &Settings) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("soiree")
        .site_root(settings.site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .hash_files(settings.hash_file.is_file())
        .hash_file(Arc::from(settings.hash_file.to_string_lossy().as_ref()))
        .site_addr(settings.addr)
        .env(if settings.dev {
            leptos::config::Env::DEV
        } else {
            leptos::config::Env::PROD
        })
        .reload_port(3001)
        .build()
}

fn router(settings: &Settings, state: AppState, live: PartyHub) -> anyhow::Result<Router> {
    let leptos_options = leptos_options(settings);
    let dev_reload = settings.dev.then_some(leptos_options.reload_port);

    let stripe = stripe_origins(&settings.stripe_js_url, &settings.stripe_api_base);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            // Pages get a CSP naming the nonce Leptos put on its inline scripts.
            if let (Some(nonce), Some(res)) =
                (leptos::nonce::use_nonce(), use_context::<ResponseOptions>())
            {
                res.insert_header(
                    header::CONTENT_SECURITY_POLICY,
                    page_csp(&nonce.to_string(), dev_reload, &stripe),
                );
            }
        }
    };

    let routes = page_routes();
    let server_fns = {
        let context = context.clone();
        move |req: Request<Body>| leptos_axum::handle_server_fns_with_context(context.clone(), req)
    };
    let app = Router::new()
        .route("/healthz", get(healthz).with_state(state.db.clone()))
        .route(
            "/webhooks/payments/{brand}",
            post(payment_webhook).with_state(state.clone()),
        )
        .route(
            "/webhooks/stripe/{brand}",
            post(stripe_webhook).with_state(state.clone()),
        )
        .merge(app::public_api::ssr::router(state.clone()))
        .merge(app::privacy::ssr::router(state.clone()))
        .merge(app::pages::live::ssr::router(state.clone(), live))
        .merge(app::orders::pick_list::ssr::router(state.clone()))
        .merge(app::album::ssr::router(state.clone()))
        .route(
            "/brand/exports/{file}",
            get(app::exports::ssr::export_csv).with_state(state.clone()),
        )
        .route("/api/{*fn_name}", get(server_fns.clone()).post(server_fns))
        .route(
            "/lang",
            post(crate::language::switch_language)
                .with_state((state.db.clone(), settings.session_secure)),
        )
        .route("/l10n/{file}", get(crate::language::translations))
        .nest_service("/media", crate::media::service(&state.config.media))
        .nest_service("/pkg", pkg_service(settings))
        .leptos_routes_with_context(&leptos_options, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(leptos_options)
        .layer(axum::middleware::map_response(input_errors_are_422))
        .layer(axum::middleware::from_fn(multipart_bodies_only))
        // Inside the language and theme layers: it uses their reads.
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), KeptPages::new(settings.kept_pages_bytes)),
            crate::kept_pages::invitation_pages_kept,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.db.clone(),
            crate::language::request_language,
        ))
        .layer(axum::middleware::from_fn_with_state(
            (state.db.clone(), ThemeCache::default()),
            page_theme,
        ))
        .layer(axum::middleware::from_fn_with_state(
            FormCarry {
                secure: settings.session_secure,
                key: state.config.signing_key.0.clone(),
            },
            form_results_carried,
        ));

    Ok(with_layers(app, settings))
}

/// A server function refuses a form it cannot read as its input (a field
/// left out, a value of the wrong kind) before its body runs, and server_fn
/// answers such errors 500. The error says the person has something to fix:
/// it answers 422, as every other mistake in a form does.
async fn input_errors_are_422(res: Response) -> Response {
    let from_server_fn = res
        .headers()
        .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER);
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR || !from_server_fn {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if bytes.starts_with(b"{\"Invalid\"") || bytes.as_ref() == b"\"Unreadable\"" {
        parts.status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// server_fn panics on a body to a multipart function that is not multipart
/// with a boundary, and the connection drops without an answer: refuse such
/// a body first, as a form that could not be read.
async fn multipart_bodies_only(req: Request, next: axum::middleware::Next) -> Response {
    let path = req.uri().path();
    if req.method() == axum::http::Method::POST && MULTIPART_FNS.contains(&path) {
        let boundary = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .filter(|v| v.starts_with("multipart/form-data"))
            .and_then(|v| v.split_once("boundary="))
            .is_some_and(|(_, b)| !b.trim_matches('"').is_empty());
        if !boundary {
            let body =
                serde_json::to_string(&app::base::error::AppError::Unreadable).unwrap_or_default();
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                [
                    (header::CONTENT_TYPE, "application/json".to_owned()),
                    (
                        HeaderName::from_static(leptos::server_fn::error::SERVER_FN_ERROR_HEADER),
                        path.to_owned(),
                    ),
                ],
                body,
            )
                .into_response();
        }
    }
    next.run(req).await
}

/// The pages' routes, listed once per process. Listing renders the app
/// while a process-wide flag of Leptos (`SuppressResourceLoad`) holds every
/// resource created meanwhile pending for good: a page that another server
/// of the same process rendered at that moment never answered (the tests
/// build hundreds of servers in one process, and about one first page in a
/// hundred hung). Every build waits here until the one listing is done.
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The HTTP layers of every response: a request id, tracing, compression,
/// security headers, the same-origin check of cookie-carrying writes, a
/// time limit, and the limits of one client (rate and body size).
fn with_layers(app: Router, settings: &Settings) -> Router {
    let public_origin = PublicOrigin::of(&settings.public_url);
    let hsts = settings.public_url.scheme() == "https";
    let limiter = Limiter::new(
        settings.rate_limits,
        settings.client_ip_header.clone(),
        settings.request_timeout,
    );
    let layers = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<Body>| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    let path = loggable_path(req.uri().path());
                    tracing::info_span!("request", request_id = %id, method = %req.method(), path = %path)
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(axum::middleware::from_fn_with_state(hsts, store_and_transport))
        .layer(axum::middleware::from_fn_with_state(public_origin, same_origin_writes))
        .layer(axum::middleware::from_fn_with_state(limiter, limits));
    app.layer(layers)
}

/// Behind HTTPS (`hsts`), tells browsers to come back only that way for a
/// year. Pages, server functions and API answers may carry personal data:
/// unless they say otherwise, no cache keeps them (`no-store`); files keep
/// their own cache rules.
async fn store_and_transport(
    State(hsts): State<bool>,
    req: Request<Body>,
    next: axum::middleware::Next,
) -> Response {
    let dynamic = !crate::middleware::is_static_file(req.uri().path());
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if dynamic && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

/// `GET /pkg/…`: the WASM, JS and CSS cargo-leptos built, as brotli or
/// gzip files made at build time when the browser takes them. Named after
/// their content (`hash-files`), they are kept for a year; under plain
/// names (a debug build without a hash file) they are checked each time.
fn pkg_service(settings: &Settings) -> Router {
    let cache = if settings.hash_file.is_file() {
        FOR_A_YEAR
    } else {
        "no-cache"
    };
    let files = ServeDir::new(settings.site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    files_kept(files, cache)
}

pub(crate) const FOR_A_YEAR: &str = "public, max-age=31536000, immutable";

/// Serves `files`, found ones with `Cache-Control: cache`.
pub(crate) fn files_kept(files: ServeDir, cache: &'static str) -> Router {
    let cache =
        move |res: &http::Response<tower_http::services::fs::ServeFileSystemResponseBody>| {
            res.status()
                .is_success()
                .then(|| HeaderValue::from_static(cache))
        };
    Router::new().fallback_service(
        ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                cache,
            ))
            .service(files),
    )
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
async fn healthz(State(db): State<Db>) -> Response {
    match tokio::time::timeout(Duration::from_secs(3), db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ok").into_response(),
        Ok(Err(err)) => {
            tracing::warn!(error = ?err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database timed out").into_response(),
    }
}

/// `POST /webhooks/payments/{brand}`: a payment service reports a payment.
/// Signed with the brand's secret (`Soiree-Signature: v1=<hex>` over
/// `<Soiree-Timestamp>.<body>`), within 5 minutes, each event id once.
async fn payment_webhook(
    State(state): State<AppState>,
    Path(brand): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    use app::orders::payment::ssr::receive;
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let result = receive(
        &state.db,
        &state.config,
        &brand,
        &header("soiree-timestamp"),
        &header("soiree-signature"),
        &body,
        chrono::Utc::now(),
    )
    .await;
    webhook_answer(&brand, result)
}

/// `POST /webhooks/stripe/{brand}`: Stripe reports a card payment.
async fn stripe_webhook(
    State(state): State<AppState>,
    Path(brand): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let result = app::orders::card::ssr::receive(
        &state.db,
        &state.config,
        &brand,
        signature,
        &body,
        chrono::Utc::now(),
    )
    .await;
    webhook_answer(&brand, result)
}

/// A payment webhook's answer: 2xx when done (or already done), 401 for a
/// bad signature, 400 for a body that cannot be read, 404 for an unknown
/// brand or order, 500 when the sender should try again.
fn webhook_answer(
    brand: &str,
    result: Result<app::orders::payment::ssr::Outcome, app::orders::payment::ssr::WebhookError>,
) -> Response {
    use app::orders::payment::ssr::{Outcome, WebhookError};
    let (status, message) = match &result {
        Ok(Outcome::Paid) => (StatusCode::OK, "processed".to_owned()),
        Ok(Outcome::Ignored) => (StatusCode::OK, "ignored".to_owned()),
        Ok(Outcome::Duplicate) => (StatusCode::OK, "duplicate".to_owned()),
        Err(e @ (WebhookError::BadSignature | WebhookError::Stale)) => {
            (StatusCode::UNAUTHORIZED, e.to_string())
        }
        Err(e @ WebhookError::Malformed(_)) => (StatusCode::BAD_REQUEST, e.to_string()),
        Err(e @ (WebhookError::UnknownBrand | WebhookError::UnknownOrder)) => {
            (StatusCode::NOT_FOUND, e.to_string())
        }
        Err(e @ WebhookError::Internal) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    if let Err(e) = &result {
        tracing::warn!(brand, error = %e, "payment webhook refused");
    }
    (status, axum::Json(serde_json::json!({ "status": message }))).into_response()
}

/// The path of a request as the log shows it: a secret it carries (a
/// guest's link, a share link, an order's tracking code, a set-password
/// link, a guest's live stream) is cut to its first four characters, enough
/// to tell two apart, too few to use.
pub fn loggable_path(path: &str) -> String {
    const SECRET_AFTER: [&str; 8] = [
        "/i/",
        "/s/",
        "/o/",
        "/welcome/",
        "/reset/",
        "/unsubscribe/",
        "/privacy/request/",
        "/live/guest/",
    ];
    let Some(prefix) = SECRET_AFTER.iter().find(|p| path.starts_with(**p)) else {
        return path.to_owned();
    };
    let rest = &path[prefix.len()..];
    let (secret, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let kept: String = secret.chars().take(4).collect();
    let cut = if kept.len() < secret.len() { "…" } else { "" };
    format!("{prefix}{kept}{cut}{tail}")
}

/// Puts the brand's colours, which every page carries in its head, in the
/// request's extensions (read at most once a minute, see [`ThemeCache`]).
async fn page_theme(
    State((db, cache)): State<(Db, ThemeCache)>,
    mut req: Request<Body>,
    next: axum::middleware::Next,
) -> Response {
    if !crate::middleware::is_static_file(req.uri().path()) {
        let theme = cache.theme(&db).await;
        req.extensions_mut().insert(theme);
    }
    next.run(req).await
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing running requests");
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn logged_paths_keep_no_usable_secret() {
        let token = "Zk3vQ9xLr2mWp8sT1uYc4nB7dE0fGhJkLq5aR6oI-_w";
        assert_eq!(loggable_path(&format!("/i/{token}")), "/i/Zk3v…");
        assert_eq!(
            loggable_path(&format!("/i/{token}/items/12")),
            "/i/Zk3v…/items/12"
        );
        assert_eq!(loggable_path(&format!("/s/{token}/cart")), "/s/Zk3v…/cart");
        assert_eq!(loggable_path(&format!("/o/{token}")), "/o/Zk3v…");
        assert_eq!(
            loggable_path(&format!("/welcome/{token}")),
            "/welcome/Zk3v…"
        );
        assert_eq!(loggable_path(&format!("/reset/{token}")), "/reset/Zk3v…");
        assert_eq!(
            loggable_path(&format!("/privacy/request/{token}/data.json")),
            "/privacy/request/Zk3v…/data.json"
        );
        assert_eq!(
            loggable_path(&format!("/live/guest/{token}")),
            "/live/guest/Zk3v…"
        );
        assert_eq!(loggable_path("/i/ab"), "/i/ab");
        assert_eq!(loggable_path("/host/events/3"), "/host/events/3");
        assert_eq!(loggable_path("/items/4"), "/items/4");
        assert_eq!(loggable_path("/i/é€ü😀xyz"), "/i/é€ü😀…");
    }
}
