//! HTTP layers of our own: the cross-site request check and the security
//! headers of rendered pages.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{
        header::{COOKIE, HOST, ORIGIN, REFERER},
        HeaderValue, Method, StatusCode,
    },
    middleware::Next,
    response::{IntoResponse, Response},
};
use url::Url;

/// The origin pages are served from, as the browser names it.
#[derive(Debug, Clone)]
pub struct PublicOrigin(pub Arc<str>);

impl PublicOrigin {
    pub fn of(url: &Url) -> PublicOrigin {
        PublicOrigin(url.origin().ascii_serialization().into())
    }
}

/// Refuses cookie-carrying requests that could change state unless they are
/// POSTs from our own pages: the `Origin` (or `Referer`) must be
/// `PUBLIC_URL`'s origin or the host the request was sent to.
pub async fn same_origin_writes(
    State(public): State<PublicOrigin>,
    req: Request,
    next: Next,
) -> Response {
    let method = req.method();
    let safe = matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || !req.headers().contains_key(COOKIE) {
        return next.run(req).await;
    }
    if *method != Method::POST {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            "Signed-in changes are only accepted as POST requests.",
        )
            .into_response();
    }
    let claimed = req
        .headers()
        .get(ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|v| *v != "null")
        .map(str::to_owned)
        .or_else(|| {
            req.headers()
                .get(REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(|r| Url::parse(r).ok())
                .map(|u| u.origin().ascii_serialization())
        });
    let host = req.headers().get(HOST).and_then(|v| v.to_str().ok());
    let allowed = claimed.as_deref().is_some_and(|origin| {
        origin == &*public.0
            || host.is_some_and(|h| {
                origin
                    .split_once("://")
                    .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(h))
            })
    });
    if allowed {
        next.run(req).await
    } else {
        tracing::warn!(origin = ?claimed, "refused a cross-site write");
        (
            StatusCode::FORBIDDEN,
            "This request came from another site and was refused. Open Soirée and submit the form there.",
        )
            .into_response()
    }
}

/// The Content-Security-Policy of a rendered page, allowing the inline
/// scripts and styles that carry this response's nonce, and the WASM.
pub fn page_csp(nonce: &str, dev_reload_port: Option<u32>) -> HeaderValue {
    let reload = dev_reload_port
        .map(|p| format!(" ws://127.0.0.1:{p} ws://localhost:{p}"))
        .unwrap_or_default();
    let value = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'{reload}; \
         font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&value).expect("a CSP is a valid header value")
}

/// The policy of every other response (files, API answers).
pub const DEFAULT_CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
