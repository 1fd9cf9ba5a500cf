//! HTTP layers of our own: the cross-site request check, the security
//! headers of rendered pages, and the results of forms posted without
//! JavaScript carried back to their page.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{
        header::{self, COOKIE, HOST, ORIGIN, REFERER},
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

/// The cookie that carries a failed form's error (and what was typed) from
/// the post to the page, instead of the address.
pub const FORM_ERROR_COOKIE: &str = "soiree_form_error";

/// The cookie that carries a form's answer (what the server function
/// returned) from a post without JavaScript to the page it comes back to.
pub const FORM_ANSWER_COOKIE: &str = "soiree_form_answer";

/// The header in which the page's request receives that answer, as the
/// cookie holds it; `app::base::forms::action` reads it.
pub use app::base::forms::FORM_ANSWER_HEADER;

/// The largest answer carried in a cookie: browsers keep 4 KB per cookie.
const LARGEST_ANSWER: usize = 3000;

/// Forms posted without JavaScript go to the server function and come back
/// to their page by a redirect, which carries neither the answer nor, in a
/// clean way, the error:
///
/// - A failure comes back with the error, and what was typed, in the
///   address (`?__path=…&__err=…`): names, emails and addresses would sit in
///   the history, in logs and in the Referer of the next click. This moves
///   them to a short-lived HttpOnly cookie on the way out, and back into the
///   page's request on the way in, so the page shows the same messages and
///   kept values with a clean address.
/// - A success comes back with nothing, so the page could not say what was
///   done ("3 guests added; 1 line skipped"). The answer (the redirect's
///   body) goes the same way, and reaches the page as a request header.
pub async fn form_results_carried(
    State(secure): State<bool>,
    mut req: Request,
    next: Next,
) -> Response {
    let wants_page = req.method() == Method::GET && accepts_html(&req);
    let plain_post = req.method() == Method::POST && accepts_html(&req);
    req.headers_mut().remove(FORM_ANSWER_HEADER);
    let carried = wants_page
        .then(|| app::base::auth::ssr::cookie_in(req.headers(), FORM_ERROR_COOKIE))
        .flatten();
    if let Some((path, err)) = carried.as_deref().and_then(|v| v.split_once('|')) {
        let uri = req.uri();
        let query = uri.query().map(|q| format!("{q}&")).unwrap_or_default();
        let path: String = url::form_urlencoded::byte_serialize(path.as_bytes()).collect();
        if let Ok(with_error) = format!("{}?{query}__path={path}&__err={err}", uri.path()).parse() {
            *req.uri_mut() = with_error;
        }
    }
    let answer = wants_page
        .then(|| app::base::auth::ssr::cookie_in(req.headers(), FORM_ANSWER_COOKIE))
        .flatten();
    if let Some(value) = answer.as_deref() {
        if let Ok(value) = HeaderValue::from_str(value) {
            req.headers_mut().insert(FORM_ANSWER_HEADER, value);
        }
    }
    let fn_path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let mut cookies = Vec::new();
    let moved = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .filter(|l| l.contains("__err="))
        .and_then(split_form_error);
    let failed = moved.is_some();
    match (moved, carried) {
        (Some((location, value)), _) => {
            if let Ok(location) = HeaderValue::from_str(&location) {
                res.headers_mut().insert(header::LOCATION, location);
            }
            cookies.push(short_cookie(FORM_ERROR_COOKIE, &value, secure));
        }
        (None, Some(_)) => cookies.push(short_cookie(FORM_ERROR_COOKIE, "", secure)),
        (None, None) => {}
    }
    let answered = plain_post
        && fn_path.starts_with("/api/")
        && !fn_path.starts_with("/api/v1/")
        && res.status().is_redirection()
        && !failed;
    if answered {
        // The browser follows the redirect and never reads its body.
        let (mut parts, body) = res.into_parts();
        let bytes = axum::body::to_bytes(body, LARGEST_ANSWER).await.ok();
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        // server_fn leaves an empty query (`/page?`) where it took its own
        // parameters out of the address.
        let tidy = parts
            .headers
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .and_then(|l| l.strip_suffix('?'))
            .and_then(|l| HeaderValue::from_str(l).ok());
        if let Some(tidy) = tidy {
            parts.headers.insert(header::LOCATION, tidy);
        }
        res = Response::from_parts(parts, axum::body::Body::empty());
        if let Some(bytes) = bytes.filter(|b| !b.is_empty()) {
            cookies.push(short_cookie(
                FORM_ANSWER_COOKIE,
                &answer_to_cookie(&fn_path, &bytes),
                secure,
            ));
        }
    } else if answer.is_some() {
        cookies.push(short_cookie(FORM_ANSWER_COOKIE, "", secure));
    }
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    res
}

fn accepts_html(req: &Request) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"))
}

/// A cookie that lives five minutes, or that is cleared when `value` is empty.
fn short_cookie(name: &str, value: &str, secure: bool) -> String {
    let age = if value.is_empty() { 0 } else { 300 };
    format!(
        "{name}={value}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// `path|answer` with the answer in URL-safe base64, which a cookie holds.
fn answer_to_cookie(path: &str, answer: &[u8]) -> String {
    use base64::Engine;
    format!(
        "{path}|{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(answer)
    )
}

/// `location` without its `__path` and `__err`, and the cookie value
/// `path|err` that carries them.
fn split_form_error(location: &str) -> Option<(String, String)> {
    let base = url::Url::parse("http://relative.invalid").ok()?;
    let mut url = base.join(location).ok()?;
    let (mut path, mut err) = (None, None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter_map(|(k, v)| match k.as_ref() {
            "__path" => {
                path = Some(v.into_owned());
                None
            }
            "__err" => {
                err = Some(v.into_owned());
                None
            }
            _ => Some((k.into_owned(), v.into_owned())),
        })
        .collect();
    let (path, err) = (path?, err?);
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    let clean = if url.host_str() == Some("relative.invalid") {
        url[url::Position::BeforePath..].to_owned()
    } else {
        url.to_string()
    };
    // The error is URL-safe base64 and the path plain: both fit a cookie.
    Some((clean, format!("{path}|{err}")))
}

#[cfg(test)]
mod form_error_tests {
    use super::split_form_error;

    #[test]
    fn the_error_leaves_the_address_and_the_rest_stays() {
        let (clean, value) = split_form_error(
            "http://127.0.0.1:3000/i/tok/cart?x=1&__path=%2Fapi%2Fplace_order&__err=eyJJbn",
        )
        .unwrap();
        assert_eq!(clean, "http://127.0.0.1:3000/i/tok/cart?x=1");
        assert_eq!(value, "/api/place_order|eyJJbn");
        let (clean, _) = split_form_error("/login?__path=%2Fapi%2Flogin&__err=abc").unwrap();
        assert_eq!(clean, "/login");
        assert!(split_form_error("/login?next=/host").is_none());
    }
}
