//! Page helpers shared by the areas' components.

use leptos::prelude::*;
use leptos_meta::Title;

/// The route parameter `name` as an id; 0 when absent or not a number
/// (which no row has, so the page answers not found).
pub fn id_param(name: &'static str) -> Memo<i64> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    })
}

/// Percent-encodes a query value.
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The page for unknown addresses; answers with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=format!("{} · Soirée", tr!(lang, NOT_FOUND_TITLE)) />
        <section class="notice">
            <h1>{tr!(lang, NOT_FOUND_TITLE)}</h1>
            <p>{tr!(lang, NOT_FOUND_TEXT)}</p>
            <p><a href="/">{tr!(lang, GO_HOME)}</a></p>
        </section>
    }
}
