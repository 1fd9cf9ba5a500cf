//! The language of each request, the switcher that changes it, and the
//! translation files the browser loads (docs/ARCHITECTURE.md, "Languages").

use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    Form,
};
use chrono::Utc;
use serde::Deserialize;

use app::base::{
    db::Db,
    l10n::{resolve, Lang},
};

/// Resolves the language of a page or server-function request
/// ([`resolve::for_request`]) and puts it in the request's extensions,
/// where the app reads it. Static files need none.
pub async fn request_language(State(db): State<Db>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if !crate::middleware::is_static_file(path) {
        // A GET to a guest's page reads its invitation once, here: the
        // language comes from it and the page's readers reuse it.
        let read = if req.method() == axum::http::Method::GET {
            resolve::invitation_of(&db, req.headers(), path).await
        } else {
            None
        };
        let lang = resolve::for_request(&db, req.headers(), path, read.as_ref()).await;
        req.extensions_mut().insert(lang);
        if let Some(read) = read {
            req.extensions_mut().insert(read);
        }
    }
    next.run(req).await
}

#[derive(Deserialize)]
pub struct Switch {
    lang: String,
    #[serde(default)]
    back: String,
}

/// `POST /lang`: the switcher's form. Remembers the choice in a cookie (and
/// as a signed-in person's preference), then goes back to the page.
pub async fn switch_language(
    State((db, secure)): State<(Db, bool)>,
    headers: axum::http::HeaderMap,
    Form(form): Form<Switch>,
) -> Response {
    let Some(lang) = Lang::parse(&form.lang) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "Choose fr or en.").into_response();
    };
    if let Some(raw) =
        app::base::auth::ssr::cookie_in(&headers, app::base::auth::ssr::SESSION_COOKIE)
    {
        if let Ok(Some(user)) = app::base::auth::ssr::session_user(&db, &raw, Utc::now()).await {
            if let Err(e) = resolve::save_preference(&db, user.id, lang).await {
                tracing::warn!(error = %e, "could not save a language preference");
            }
        }
    }
    let back = local_path(&form.back).unwrap_or("/");
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        resolve::COOKIE,
        lang.code(),
        if secure { "; Secure" } else { "" }
    );
    let mut res = (StatusCode::SEE_OTHER, [(header::LOCATION, back.to_owned())]).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// A path on this site: it starts with one `/` and holds no backslash or
/// control character, so a redirect to it cannot leave the site.
fn local_path(raw: &str) -> Option<&str> {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && !raw.chars().any(char::is_control);
    ok.then_some(raw)
}

/// `GET /l10n/<lang>.ftl`: a language's translations, for the browser to
/// load before it hydrates a page. The page names it with the file's hash,
/// so it may be kept for a year.
pub async fn translations(Path(file): Path<String>) -> Response {
    let Some(lang) = file.strip_suffix(".ftl").and_then(Lang::parse) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (text, _) = app::base::l10n::source(lang);
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_on_this_site_are_gone_back_to() {
        assert_eq!(local_path("/i/abc?x=1"), Some("/i/abc?x=1"));
        for bad in [
            "",
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "/a\nb",
            "evil",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }
}
