//! What one client may ask of the server: how many writes a minute, by
//! kind (past it: 429 with `Retry-After`), and how large a body may be
//! (past it: 413). The client is the connection's address, or the last
//! entry of `CLIENT_IP_HEADER` behind a reverse proxy; it is put on the
//! request ([`ClientAddr`]) for sign-in's lockout.

use std::{
    net::{IpAddr, SocketAddr},
    num::NonZeroU32,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use app::base::{client::ClientAddr, error::AppError, l10n::Lang};
use axum::{
    body::Body,
    extract::{ConnectInfo, Request, State},
    http::{header, request::Parts, HeaderName, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota};
use leptos::server_fn::ServerFn;

use crate::settings::RateLimits;

/// The largest body of a form or server function, photo uploads excepted.
pub const BODY_LIMIT: usize = 64 * 1024;
/// The largest request body: a save of an item (or a party album's
/// upload) with its 6 photos of 8 MB.
pub const UPLOAD_LIMIT: usize = 6 * app::base::photos::MAX_PHOTO_BYTES + 1024 * 1024;

/// The server functions whose input is a multipart form (photo uploads).
/// server_fn does not say which functions are multipart, so the list is
/// kept by hand; the test `a_form_sent_without_its_fields_gets_a_field_message`
/// posts a plain form to every registered function, and fails on one
/// missing here (its connection drops).
pub const MULTIPART_FNS: &[&str] = &[
    <app::catalog::pages::SaveItem as ServerFn>::PATH,
    <app::reviews::SubmitReview as ServerFn>::PATH,
    <app::album::AddAlbumPhotos as ServerFn>::PATH,
    <app::orders::making::PostUpdate as ServerFn>::PATH,
];

/// The anonymous writes that open an account or a session, or mail a link:
/// the tightest limit.
const SIGN_IN_FNS: &[&str] = &[
    <app::accounts::Login as ServerFn>::PATH,
    <app::accounts::SetFirstPassword as ServerFn>::PATH,
    <app::accounts::RequestPasswordReset as ServerFn>::PATH,
    <app::hosts::ApplyToHost as ServerFn>::PATH,
    <app::invitations::JoinEvent as ServerFn>::PATH,
    <app::bookings::AskToHost as ServerFn>::PATH,
    <app::privacy::AskForMyData as ServerFn>::PATH,
    <app::accounts::two_step::SignInCode as ServerFn>::PATH,
    <app::accounts::two_step::ConfirmTwoStep as ServerFn>::PATH,
    <app::accounts::two_step::StopTwoStep as ServerFn>::PATH,
    <app::accounts::password::ChangePassword as ServerFn>::PATH,
];

/// Which limit a request counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    SignIn,
    Write,
    Api,
    Webhook,
}

fn kind(method: &Method, path: &str) -> Option<Kind> {
    if path.starts_with("/api/v1/") {
        return Some(Kind::Api);
    }
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    if path.starts_with("/unsubscribe/") {
        // A mail provider's one-click stops arrive from a few addresses for
        // many people; the signed link is the check (`privacy::ssr`).
        None
    } else if path.starts_with("/webhooks/") {
        Some(Kind::Webhook)
    } else if SIGN_IN_FNS.contains(&path) {
        Some(Kind::SignIn)
    } else {
        Some(Kind::Write)
    }
}

/// The limiters of one server (their counts are per server: behind a load
/// balancer each server lets a client through at the configured pace).
pub struct Limiter {
    sign_in: DefaultKeyedRateLimiter<ClientAddr>,
    writes: DefaultKeyedRateLimiter<ClientAddr>,
    api: DefaultKeyedRateLimiter<ClientAddr>,
    /// Per client and target: one brand's payment webhook.
    webhooks: DefaultKeyedRateLimiter<(ClientAddr, String)>,
    client_header: Option<HeaderName>,
    /// How long a request may take to arrive and be answered (its answer's
    /// head: a live stream's body is not cut); photo uploads get ten times
    /// as long, for a slow connection.
    timeout: Duration,
    requests: AtomicU64,
}

impl Limiter {
    pub fn new(
        limits: RateLimits,
        client_header: Option<HeaderName>,
        timeout: Duration,
    ) -> Arc<Limiter> {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Arc::new(Limiter {
            sign_in: DefaultKeyedRateLimiter::keyed(quota(limits.sign_in)),
            writes: DefaultKeyedRateLimiter::keyed(quota(limits.writes)),
            api: DefaultKeyedRateLimiter::keyed(quota(limits.api)),
            webhooks: DefaultKeyedRateLimiter::keyed(quota(limits.api)),
            client_header,
            timeout,
            requests: AtomicU64::new(0),
        })
    }

    /// The client of a request: the proxy's header when one is configured
    /// and holds an address, else the connection's peer.
    fn client(&self, req: &Request) -> ClientAddr {
        let from_proxy = self.client_header.as_ref().and_then(|name| {
            req.headers()
                .get_all(name)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|entry| entry.trim().parse::<IpAddr>().ok())
                .next_back()
        });
        let peer = || {
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip())
        };
        ClientAddr::new(
            from_proxy
                .or_else(peer)
                .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
        )
    }

    /// `Err(seconds to wait)` when this request is one too many.
    fn check(&self, kind: Kind, client: ClientAddr, path: &str) -> Result<(), u64> {
        // Forget idle clients now and then, so the tables stay small.
        if self.requests.fetch_add(1, Ordering::Relaxed) % 4096 == 4095 {
            self.sign_in.retain_recent();
            self.writes.retain_recent();
            self.api.retain_recent();
            self.webhooks.retain_recent();
        }
        let checked = match kind {
            Kind::SignIn => self.sign_in.check_key(&client),
            Kind::Write => self.writes.check_key(&client),
            Kind::Api => self.api.check_key(&client),
            Kind::Webhook => self.webhooks.check_key(&(client, path.to_owned())),
        };
        checked.map_err(|not_until| {
            let clock = governor::clock::DefaultClock::default();
            not_until.wait_time_from(clock.now()).as_secs() + 1
        })
    }
}

/// The layer: puts the client on the request, refuses a write past its
/// limit and a body past its size.
pub async fn limits(State(limiter): State<Arc<Limiter>>, mut req: Request, next: Next) -> Response {
    let client = limiter.client(&req);
    req.extensions_mut().insert(client);
    let path = req.uri().path();
    let over = kind(req.method(), path)
        .and_then(|kind| Some(kind).zip(limiter.check(kind, client, path).err()));
    if let Some((kind, seconds)) = over {
        tracing::info!(%client, ?kind, "rate limited");
        let (parts, _) = req.into_parts();
        let mut res = refusal(&parts, AppError::TooManyRequests { seconds });
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return res;
    }
    let upload = MULTIPART_FNS.contains(&req.uri().path());
    let timeout = if upload {
        limiter.timeout * 10
    } else {
        limiter.timeout
    };
    let asker = (
        req.headers().get(header::COOKIE).cloned(),
        req.headers().get(header::ACCEPT_LANGUAGE).cloned(),
    );
    match tokio::time::timeout(timeout, admit(req, next, upload)).await {
        Ok(res) => res,
        Err(_) => {
            let lang = language_from(asker.0.as_ref(), asker.1.as_ref());
            let mut res = (
                StatusCode::REQUEST_TIMEOUT,
                AppError::TimedOut.message(lang),
            )
                .into_response();
            res.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            res
        }
    }
}

/// Refuses NULs and bodies past their size, then serves the request.
async fn admit(req: Request, next: Next, upload: bool) -> Response {
    // No stored text may hold a NUL (PostgreSQL refuses it): such input is
    // refused at the door, the same way on both engines.
    if req.uri().query().is_some_and(|q| holds_nul(q.as_bytes())) {
        let (parts, _) = req.into_parts();
        return refusal(&parts, AppError::Unreadable);
    }
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let limit = if upload { UPLOAD_LIMIT } else { BODY_LIMIT };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if let Some(length) = declared.filter(|l| *l > limit) {
        let (parts, body) = req.into_parts();
        if length <= DRAIN_LIMIT {
            let _ = read_within(body, 0).await;
        }
        return refusal(&parts, AppError::TooLarge);
    }
    // A body of known length other than a form: the HTTP layer holds it to
    // that length as it arrives.
    if declared.is_some() && !form {
        return next.run(req).await;
    }
    // A form (checked for NULs) or a body of unknown length (chunked): read
    // here, up to the limit.
    let (parts, body) = req.into_parts();
    let Some(bytes) = read_within(body, limit).await else {
        return refusal(&parts, AppError::TooLarge);
    };
    if form && holds_nul(&bytes) {
        return refusal(&parts, AppError::Unreadable);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// A NUL, raw or percent-encoded.
fn holds_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(3).any(|w| w == b"%00")
}

/// The whole body when it holds at most `limit` bytes; past it, the rest
/// is drained (see [`DRAIN_LIMIT`]) and `None` returned.
async fn read_within(body: Body, limit: usize) -> Option<Vec<u8>> {
    use futures::StreamExt;
    let mut stream = body.into_data_stream();
    let (mut kept, mut read) = (Vec::new(), 0);
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.ok()?;
        read += chunk.len();
        if read <= limit {
            kept.extend_from_slice(&chunk);
        } else if read > DRAIN_LIMIT {
            return None;
        }
    }
    (read <= limit).then_some(kept)
}

/// A refused body up to this size is read (and dropped) before the answer:
/// a client still sending would otherwise meet a closed connection instead
/// of the 413 that says what to fix. A larger one has the connection cut.
const DRAIN_LIMIT: usize = 4 * 1024 * 1024;

/// The answer to a refused request, in the form its sender reads: a server
/// function's JSON error (shown in its form), the API's error object, or a
/// short page for a form posted without JavaScript.
fn refusal(parts: &Parts, err: AppError) -> Response {
    let lang = language(parts);
    let status = err.status();
    let message = err.message(lang);
    let path = parts.uri.path();
    if path.starts_with("/api/v1/") {
        let code = match err {
            AppError::TooLarge => "too_large",
            _ => "rate_limited",
        };
        let body = serde_json::json!({ "error": { "code": code, "message": message } });
        return (status, axum::Json(body)).into_response();
    }
    let wants_html = parts
        .headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if path.starts_with("/api/") && !wants_html {
        let body = serde_json::to_string(&err).unwrap_or_default();
        return (
            status,
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
    if wants_html {
        let page = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>Soirée</title></head><body><main><h1>{}</h1></main></body></html>",
            escape(&message)
        );
        return (status, axum::response::Html(page)).into_response();
    }
    (status, message).into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The language of a refusal, read without the database: the language
/// cookie, then `Accept-Language`, then French.
fn language(parts: &Parts) -> Lang {
    language_from(
        parts.headers.get(header::COOKIE),
        parts.headers.get(header::ACCEPT_LANGUAGE),
    )
}

fn language_from(cookie: Option<&HeaderValue>, accept: Option<&HeaderValue>) -> Lang {
    let mut cookies = axum::http::HeaderMap::new();
    if let Some(cookie) = cookie {
        cookies.insert(header::COOKIE, cookie.clone());
    }
    app::base::auth::ssr::cookie_in(&cookies, app::base::l10n::resolve::COOKIE)
        .and_then(|c| Lang::parse(&c))
        .or_else(|| {
            accept
                .and_then(|v| v.to_str().ok())
                .and_then(app::base::l10n::resolve::accept_language)
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_sorted_by_what_they_risk() {
        let post = Method::POST;
        assert_eq!(kind(&post, "/api/login"), Some(Kind::SignIn));
        assert_eq!(kind(&post, "/api/join_event"), Some(Kind::SignIn));
        assert_eq!(kind(&post, "/api/add_to_cart"), Some(Kind::Write));
        assert_eq!(kind(&post, "/lang"), Some(Kind::Write));
        assert_eq!(kind(&post, "/webhooks/payments/3"), Some(Kind::Webhook));
        assert_eq!(kind(&Method::GET, "/api/v1/orders"), Some(Kind::Api));
        assert_eq!(kind(&Method::GET, "/e/abc"), None);
        assert_eq!(kind(&Method::GET, "/api/me"), None);
        assert_eq!(kind(&post, "/unsubscribe/1.abc.def"), None);
    }

    #[test]
    fn nuls_are_found_raw_or_encoded() {
        assert!(holds_nul(b"slug=ab%00cd"));
        assert!(holds_nul(b"slug=ab\0cd"));
        assert!(!holds_nul(b"slug=ab%2500cd&n=100"));
    }
}
