//! Guests' invitation pages kept per server (docs/ARCHITECTURE.md, "The
//! guest's page kept"). Rendering the page is most of its cost; what it is
//! made from is two statements (the invitation, read anyway for the
//! request's language, and the guest's polls). So each view reads those,
//! and when they are what the page this server rendered last for the guest
//! was made from (`app::pages::kept::InvitationInputs`), that page is sent
//! again, with a fresh CSP nonce, instead of being rendered.
//!
//! A page is kept only when rendered for a plain view: a GET of
//! `/i/{token}` with no query, no form result carried back, and no cookie
//! but the language switcher's (a signed-in person sees their name in the
//! header). Only a whole 200 page is kept: a server function that fails
//! while it renders sets another status. The pages share a memory budget
//! (`KEPT_PAGES_MB`); past it the page used longest ago goes.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use app::{
    base::{
        access::ssr::{InvitationRow, ReadInvitation},
        l10n::{resolve, Lang},
        state::AppState,
        styles::ssr::Theme,
    },
    pages::kept::InvitationInputs,
};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderName, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::middleware::FORM_ANSWER_HEADER;

/// The header that says whether a guest's page was served as kept (`hit`)
/// or rendered and kept (`miss`); pages that are never kept carry none.
pub const KEPT_HEADER: &str = "x-cache";

/// A page larger than this is not kept (a guest's page is about 60 KB).
const LARGEST_PAGE: usize = 4 * 1024 * 1024;

/// What a kept page costs besides its bytes (its inputs, the map's entry).
const ENTRY_COST: usize = 4 * 1024;

/// The guests' pages this server keeps, by the hash of their link; none
/// when keeping is off.
#[derive(Clone)]
pub struct KeptPages(Option<Arc<Mutex<Lru<Arc<Kept>>>>>);

/// One rendered page and what it was made from.
struct Kept {
    inputs: InvitationInputs,
    headers: Vec<(HeaderName, Template)>,
    body: Template,
}

impl KeptPages {
    /// Pages kept within `budget` bytes; 0 keeps none.
    pub fn new(budget: usize) -> KeptPages {
        KeptPages((budget > 0).then(|| Arc::new(Mutex::new(Lru::new(budget)))))
    }

    fn get(&self, token_hash: &str) -> Option<Arc<Kept>> {
        self.0.as_ref()?.lock().expect("kept pages").get(token_hash)
    }

    fn keep(&self, token_hash: String, page: Kept) {
        let size = page.body.len() + ENTRY_COST;
        if let Some(pages) = &self.0 {
            pages
                .lock()
                .expect("kept pages")
                .keep(token_hash, Arc::new(page), size);
        }
    }
}

/// Values by key within a budget of bytes: past it, the value used longest
/// ago goes.
struct Lru<V> {
    budget: usize,
    bytes: usize,
    /// Counts uses, to find the value used longest ago.
    clock: u64,
    values: HashMap<String, (V, usize, u64)>,
}

impl<V: Clone> Lru<V> {
    fn new(budget: usize) -> Lru<V> {
        Lru {
            budget,
            bytes: 0,
            clock: 0,
            values: HashMap::new(),
        }
    }

    fn get(&mut self, key: &str) -> Option<V> {
        self.clock += 1;
        let (value, _, used) = self.values.get_mut(key)?;
        *used = self.clock;
        Some(value.clone())
    }

    /// Keeps `value` of `size` bytes, unless it alone is over the budget.
    fn keep(&mut self, key: String, value: V, size: usize) {
        if size > self.budget {
            return;
        }
        if let Some((_, old, _)) = self.values.remove(&key) {
            self.bytes -= old;
        }
        while self.bytes + size > self.budget {
            let Some(oldest) = self
                .values
                .iter()
                .min_by_key(|(_, (_, _, used))| *used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some((_, gone, _)) = self.values.remove(&oldest) {
                self.bytes -= gone;
            }
        }
        self.clock += 1;
        self.bytes += size;
        self.values.insert(key, (value, size, self.clock));
    }
}

/// Bytes with a response's nonce taken out: the pieces around each place
/// it stood, to be joined again with another.
struct Template(Vec<Bytes>);

impl Template {
    fn cut(bytes: &Bytes, nonce: Option<&str>) -> Option<Template> {
        let text = std::str::from_utf8(bytes).ok()?;
        Some(Template(match nonce {
            Some(nonce) => text
                .split(nonce)
                .map(|piece| bytes.slice_ref(piece.as_bytes()))
                .collect(),
            None => vec![bytes.clone()],
        }))
    }

    fn fill(&self, nonce: &str) -> Vec<u8> {
        let size = self.0.iter().map(Bytes::len).sum::<usize>() + nonce.len() * self.0.len();
        let mut out = Vec::with_capacity(size);
        for (i, piece) in self.0.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(nonce.as_bytes());
            }
            out.extend_from_slice(piece);
        }
        out
    }

    fn len(&self) -> usize {
        self.0.iter().map(Bytes::len).sum()
    }
}

/// The nonce a page's Content-Security-Policy names (`'nonce-…'`).
fn nonce_of(csp: &str) -> Option<&str> {
    let start = csp.find("'nonce-")? + "'nonce-".len();
    let len = csp[start..].find('\'')?;
    Some(&csp[start..start + len]).filter(|n| !n.is_empty())
}

/// The link token's hash of a plain view of a guest's invitation page that
/// may be served as kept, with what the page is made from besides the
/// clock and the polls.
fn plain_view(req: &Request) -> Option<(String, InvitationRow, Lang, Option<Arc<str>>)> {
    let token = req.uri().path().strip_prefix("/i/")?;
    let only_language_cookie = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter(|pair| !pair.trim().is_empty())
        .all(|pair| pair.trim().split_once('=').map(|(name, _)| name) == Some(resolve::COOKIE));
    let plain = req.method() == Method::GET
        && !token.is_empty()
        && !token.contains('/')
        && req.uri().query().is_none()
        && !req.headers().contains_key(FORM_ANSWER_HEADER)
        && only_language_cookie;
    if !plain {
        return None;
    }
    let read = req.extensions().get::<ReadInvitation>()?;
    let row = read.row.clone()?;
    let lang = *req.extensions().get::<Lang>()?;
    let theme = req.extensions().get::<Theme>().map(|t| t.0.clone());
    Some((read.token_hash.clone(), row, lang, theme))
}

/// Serves a guest's invitation page as kept while what it is made from is
/// the same; renders (and keeps) it otherwise. Runs inside the language and
/// theme layers, whose reads it uses.
pub async fn invitation_pages_kept(
    State((state, kept)): State<(AppState, KeptPages)>,
    mut req: Request,
    next: Next,
) -> Response {
    if kept.0.is_none() {
        return next.run(req).await;
    }
    let Some((token_hash, row, lang, theme)) = plain_view(&req) else {
        return next.run(req).await;
    };
    let now = chrono::Utc::now();
    let inputs = match InvitationInputs::read(&state.db, row, lang, theme, now).await {
        Ok(inputs) => inputs,
        Err(_) => return next.run(req).await,
    };
    if let Some(page) = kept.get(&token_hash).filter(|p| p.inputs == inputs) {
        inputs.seen(&state.presence, now);
        return served(&page);
    }
    if let Some(polls) = inputs.kept_polls() {
        req.extensions_mut().insert(polls);
    }
    let res = next.run(req).await;
    rendered(&kept, token_hash, inputs, res).await
}

/// A kept page, with a nonce of its own.
fn served(page: &Kept) -> Response {
    let nonce = app::base::tokens::random_key();
    let mut res = Response::new(Body::from(page.body.fill(&nonce)));
    for (name, value) in &page.headers {
        if let Ok(value) = HeaderValue::from_bytes(&value.fill(&nonce)) {
            res.headers_mut().append(name.clone(), value);
        }
    }
    res.headers_mut()
        .insert(KEPT_HEADER, HeaderValue::from_static("hit"));
    res
}

/// The page just rendered, kept when it is whole and for anyone with the
/// link.
async fn rendered(
    kept: &KeptPages,
    token_hash: String,
    inputs: InvitationInputs,
    res: Response,
) -> Response {
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, LARGEST_PAGE).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!(error = %e, "a guest's page could not be read to be kept");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let nonce = parts
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .and_then(nonce_of)
        .map(str::to_owned);
    let headers: Option<Vec<(HeaderName, Template)>> = parts
        .headers
        .iter()
        .map(|(name, value)| {
            let value = Bytes::copy_from_slice(value.as_bytes());
            Template::cut(&value, nonce.as_deref()).map(|t| (name.clone(), t))
        })
        .collect();
    if let (Some(headers), Some(body)) = (headers, Template::cut(&bytes, nonce.as_deref())) {
        kept.keep(
            token_hash,
            Kept {
                inputs,
                headers,
                body,
            },
        );
        parts
            .headers
            .insert(KEPT_HEADER, HeaderValue::from_static("miss"));
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_taken_out_and_put_back_everywhere() {
        let csp = "default-src 'self'; script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'";
        assert_eq!(nonce_of(csp), Some("abc123"));
        assert_eq!(nonce_of("default-src 'self'"), None);
        let page = Bytes::from_static(
            b"<style nonce=\"abc123\"></style><p>x</p><script nonce=\"abc123\">",
        );
        let t = Template::cut(&page, Some("abc123")).unwrap();
        assert_eq!(t.0.len(), 3);
        assert_eq!(
            t.fill("zz"),
            b"<style nonce=\"zz\"></style><p>x</p><script nonce=\"zz\">".to_vec()
        );
        let plain = Template::cut(&page, None).unwrap();
        assert_eq!(plain.fill("zz"), page.to_vec());
    }

    #[test]
    fn past_the_budget_the_value_used_longest_ago_goes() {
        let mut lru = Lru::new(100);
        lru.keep("a".into(), 1, 40);
        lru.keep("b".into(), 2, 40);
        assert_eq!(lru.get("a"), Some(1));
        lru.keep("c".into(), 3, 40);
        assert_eq!(
            (lru.get("a"), lru.get("b"), lru.get("c")),
            (Some(1), None, Some(3))
        );
        assert_eq!(lru.bytes, 80);
        // Kept again under its key: replaced, not counted twice.
        lru.keep("c".into(), 4, 50);
        assert_eq!((lru.get("c"), lru.bytes), (Some(4), 90));
        // Alone over the budget: not kept, nothing lost.
        lru.keep("d".into(), 5, 101);
        assert_eq!((lru.get("d"), lru.get("a"), lru.bytes), (None, Some(1), 90));
        let mut off = Lru::new(0);
        off.keep("a".into(), 1, 1);
        assert_eq!(off.get("a"), None);
    }
}
