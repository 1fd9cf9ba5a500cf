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

/// Files and probes: requests that render no page and call no server
/// function.
pub fn is_static_file(path: &str) -> bool {
    ["/pkg/", "/media/", "/l10n/", "/healthz", "/favicon"]
        .iter()
        .any(|p| path.starts_with(p))
}

/// The origins a page may reach for card payments: Stripe.js
/// (`STRIPE_JS_URL`) and Stripe's API (`STRIPE_API_BASE`), each once.
pub fn stripe_origins(js_url: &url::Url, api_base: &url::Url) -> String {
    let mut origins: Vec<String> = Vec::new();
    for url in [js_url, api_base] {
        let origin = url.origin().ascii_serialization();
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    origins.join(" ")
}

/// The Content-Security-Policy of a rendered page, allowing the inline
/// scripts and styles that carry this response's nonce, the WASM, and
/// Stripe's origins (`stripe`, from [`stripe_origins`]) for the card field.
pub fn page_csp(nonce: &str, dev_reload_port: Option<u32>, stripe: &str) -> HeaderValue {
    let reload = dev_reload_port
        .map(|p| format!(" ws://127.0.0.1:{p} ws://localhost:{p}"))
        .unwrap_or_default();
    let value = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval' {stripe}; \
         style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self' {stripe}{reload}; \
         frame-src {stripe}; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&value).expect("a CSP is a valid header value")
}

/// The policy of every other response (files, API answers).
pub const DEFAULT_CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The cookie that carries a failed form's error (and what was typed) from
/// the post to the page, instead of the address. Behind HTTPS its name has
/// the `__Host-` prefix, which a sibling domain cannot set.
pub const FORM_ERROR_COOKIE: &str = "soiree_form_error";

/// The cookie that carries a form's answer (what the server function
/// returned) from a post without JavaScript to the page it comes back to.
pub const FORM_ANSWER_COOKIE: &str = "soiree_form_answer";

/// The header in which the page's request receives that answer, as
/// `path|base64(json)`; `app::base::forms::action` reads it.
pub use app::base::forms::FORM_ANSWER_HEADER;

/// The largest answer carried in a cookie: browsers keep 4 KB per cookie.
const LARGEST_ANSWER: usize = 2800;

/// What `form_results_carried` needs: whether cookies are `Secure`, and the
/// key that signs what they carry.
#[derive(Clone)]
pub struct FormCarry {
    pub secure: bool,
    pub key: Arc<Vec<u8>>,
}

impl FormCarry {
    fn name(&self, base: &str) -> String {
        if self.secure {
            format!("__Host-{base}")
        } else {
            base.to_owned()
        }
    }

    /// `parts` joined with `|`, then the signature of them all and of the
    /// page they are for, so that a cookie set by anyone else, or meant for
    /// another page, is ignored.
    fn seal(&self, kind: &str, page: &str, parts: &[&str]) -> String {
        use base64::Engine;
        let page = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(page);
        let body = format!("{}|{page}", parts.join("|"));
        format!(
            "{body}|{}",
            hex::encode(hmac::Mac::finalize(self.mac(kind, &body)).into_bytes())
        )
    }

    /// The parts of a sealed value, when its signature holds and it is for
    /// `page`.
    fn open(&self, kind: &str, page: &str, value: &str) -> Option<Vec<String>> {
        use base64::Engine;
        use hmac::Mac;
        let (body, sig) = value.rsplit_once('|')?;
        // Compared in constant time.
        self.mac(kind, body)
            .verify_slice(&hex::decode(sig).ok()?)
            .ok()?;
        let (parts, for_page) = body.rsplit_once('|')?;
        let for_page = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(for_page)
            .ok()?;
        (for_page == page.as_bytes()).then(|| parts.split('|').map(str::to_owned).collect())
    }

    fn mac(&self, kind: &str, body: &str) -> hmac::Hmac<sha2::Sha256> {
        use hmac::Mac;
        let mut mac =
            hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.key).expect("HMAC takes any key");
        mac.update(kind.as_bytes());
        mac.update(b"\n");
        mac.update(body.as_bytes());
        mac
    }

    /// A cookie that lives five minutes, or that is cleared when `value` is
    /// empty.
    fn cookie(&self, base: &str, value: &str) -> String {
        let age = if value.is_empty() { 0 } else { 300 };
        format!(
            "{}={value}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax{}",
            self.name(base),
            if self.secure { "; Secure" } else { "" }
        )
    }
}

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
///
/// Both cookies are signed with the server's key and name the page they are
/// for: only that page reads them, and a cookie planted by anyone else is
/// ignored.
pub async fn form_results_carried(
    State(carry): State<FormCarry>,
    mut req: Request,
    next: Next,
) -> Response {
    let wants_page = req.method() == Method::GET && accepts_html(&req);
    let plain_post = req.method() == Method::POST && accepts_html(&req);
    req.headers_mut().remove(FORM_ANSWER_HEADER);
    let page = req.uri().path().to_owned();
    let (error_cookie, answer_cookie) = if wants_page {
        bring_back(&carry, &mut req)
    } else {
        (false, false)
    };
    let fn_path = page;
    let mut res = next.run(req).await;
    let mut cookies = Vec::new();
    let moved = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .filter(|l| l.contains("__err="))
        .and_then(split_form_error);
    let failed = moved.is_some();
    if let Some((location, (path, err))) = moved {
        let target = path_of(&location);
        if let Ok(location) = HeaderValue::from_str(&location) {
            res.headers_mut().insert(header::LOCATION, location);
        }
        cookies.push(carry.cookie(
            FORM_ERROR_COOKIE,
            &carry.seal("error", &target, &[&path, &err]),
        ));
    } else if error_cookie {
        // Read once, whether it was for this page or not.
        cookies.push(carry.cookie(FORM_ERROR_COOKIE, ""));
    }
    let answered = plain_post
        && fn_path.starts_with("/api/")
        && !fn_path.starts_with("/api/v1/")
        && res.status().is_redirection()
        && !failed;
    if answered {
        let (carried, cookie) = answer_out(&carry, res, &fn_path).await;
        res = carried;
        cookies.extend(cookie);
    } else if answer_cookie {
        cookies.push(carry.cookie(FORM_ANSWER_COOKIE, ""));
    }
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    res
}

/// Puts a carried error back into the page's address and a carried answer
/// into its headers, when they are sealed for this page; says whether each
/// cookie was there (it is cleared either way).
fn bring_back(carry: &FormCarry, req: &mut Request) -> (bool, bool) {
    let page = req.uri().path().to_owned();
    let [error_cookie, answer_cookie] = [FORM_ERROR_COOKIE, FORM_ANSWER_COOKIE]
        .map(|base| app::base::auth::ssr::cookie_in(req.headers(), &carry.name(base)));
    let error = error_cookie
        .as_deref()
        .and_then(|v| carry.open("error", &page, v));
    if let [path, err] = error.as_deref().unwrap_or_default() {
        let uri = req.uri();
        let query = uri.query().map(|q| format!("{q}&")).unwrap_or_default();
        let path: String = url::form_urlencoded::byte_serialize(path.as_bytes()).collect();
        if let Ok(with_error) = format!("{}?{query}__path={path}&__err={err}", uri.path()).parse() {
            *req.uri_mut() = with_error;
        }
    }
    let answer = answer_cookie
        .as_deref()
        .and_then(|v| carry.open("answer", &page, v));
    if let [path, json] = answer.as_deref().unwrap_or_default() {
        if let Ok(value) = HeaderValue::from_str(&format!("{path}|{json}")) {
            req.headers_mut().insert(FORM_ANSWER_HEADER, value);
        }
    }
    (error_cookie.is_some(), answer_cookie.is_some())
}

/// A successful plain post's redirect, without its body, and the cookie
/// that carries the body (the server function's answer) to the page.
async fn answer_out(carry: &FormCarry, res: Response, fn_path: &str) -> (Response, Option<String>) {
    // The browser follows the redirect and never reads its body.
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, LARGEST_ANSWER).await;
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_TYPE);
    // server_fn leaves an empty query (`/page?`) where it took its own
    // parameters out of the address.
    let location = parts
        .headers
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .map(|l| l.strip_suffix('?').unwrap_or(l).to_owned());
    if let Some(tidy) = location
        .as_deref()
        .and_then(|l| HeaderValue::from_str(l).ok())
    {
        parts.headers.insert(header::LOCATION, tidy);
    }
    let res = Response::from_parts(parts, axum::body::Body::empty());
    let cookie = match (bytes, location) {
        (Ok(bytes), Some(location)) if !bytes.is_empty() => {
            use base64::Engine;
            let json = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
            let sealed = carry.seal("answer", &path_of(&location), &[fn_path, &json]);
            Some(carry.cookie(FORM_ANSWER_COOKIE, &sealed))
        }
        (Err(_), _) => {
            tracing::warn!(
                path = fn_path,
                "a form's answer is too large to carry back to its page"
            );
            None
        }
        _ => None,
    };
    (res, cookie)
}

/// The path of a redirect's target (`/host/events/3`).
fn path_of(location: &str) -> String {
    let base = url::Url::parse("http://relative.invalid").expect("a valid base");
    base.join(location)
        .map(|u| u.path().to_owned())
        .unwrap_or_default()
}

fn accepts_html(req: &Request) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"))
}

/// `location` without its `__path` and `__err`, and those two.
fn split_form_error(location: &str) -> Option<(String, (String, String))> {
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
    Some((clean, (path, err)))
}

#[cfg(test)]
mod form_error_tests {
    use std::sync::Arc;

    use super::{split_form_error, FormCarry};

    #[test]
    fn the_error_leaves_the_address_and_the_rest_stays() {
        let (clean, value) = split_form_error(
            "http://127.0.0.1:3000/i/tok/cart?x=1&__path=%2Fapi%2Fplace_order&__err=eyJJbn",
        )
        .unwrap();
        assert_eq!(clean, "http://127.0.0.1:3000/i/tok/cart?x=1");
        assert_eq!(value, ("/api/place_order".into(), "eyJJbn".into()));
        let (clean, _) = split_form_error("/login?__path=%2Fapi%2Flogin&__err=abc").unwrap();
        assert_eq!(clean, "/login");
        assert!(split_form_error("/login?next=/host").is_none());
    }

    #[test]
    fn a_carried_result_opens_only_with_our_key_on_its_page() {
        let carry = FormCarry {
            secure: true,
            key: Arc::new(b"a key".to_vec()),
        };
        let sealed = carry.seal(
            "answer",
            "/brand/settings",
            &["/api/new_brand_secret", "InNlY3JldCI"],
        );
        assert_eq!(
            carry.open("answer", "/brand/settings", &sealed),
            Some(vec![
                "/api/new_brand_secret".to_owned(),
                "InNlY3JldCI".to_owned()
            ])
        );
        assert_eq!(carry.open("answer", "/host", &sealed), None, "another page");
        assert_eq!(
            carry.open("error", "/brand/settings", &sealed),
            None,
            "another kind"
        );
        let forged = sealed.replace("InNlY3JldCI", "ImZvcmdlZCI");
        assert_eq!(
            carry.open("answer", "/brand/settings", &forged),
            None,
            "changed"
        );
        let other = FormCarry {
            secure: true,
            key: Arc::new(b"their key".to_vec()),
        };
        assert_eq!(
            other.open("answer", "/brand/settings", &sealed),
            None,
            "another key"
        );
        assert!(carry
            .cookie("soiree_form_answer", &sealed)
            .starts_with("__Host-soiree_form_answer="));
    }
}
