//! CSV exports of orders, order lines, parties and hosts for a period. The
//! links download directly; in the browser the page follows the download
//! row by row with a progress bar.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::{
    base::{
        auth::Gate,
        brand::BrandNav,
        l10n::{use_lang, Lang},
    },
    brand::{
        get_brand_overview,
        sentence::{pieces, slot, Piece},
        BrandOverview,
    },
    insights::{query_signal, PeriodPicker, PeriodView},
};

#[cfg(feature = "ssr")]
pub mod ssr;

/// What can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportKind {
    Orders,
    OrderLines,
    Events,
    Hosts,
}

impl ExportKind {
    pub const ALL: [ExportKind; 4] = [
        ExportKind::Orders,
        ExportKind::OrderLines,
        ExportKind::Events,
        ExportKind::Hosts,
    ];

    /// The file's name in the address.
    pub fn key(self) -> &'static str {
        match self {
            ExportKind::Orders => "orders",
            ExportKind::OrderLines => "order-lines",
            ExportKind::Events => "events",
            ExportKind::Hosts => "hosts",
        }
    }

    pub fn parse(key: &str) -> Option<ExportKind> {
        ExportKind::ALL.into_iter().find(|k| k.key() == key)
    }

    fn title(self, lang: Lang) -> String {
        match self {
            ExportKind::Orders => tr!(lang, EXPORT_ORDERS),
            ExportKind::OrderLines => tr!(lang, EXPORT_ORDER_LINES),
            ExportKind::Events => tr!(lang, EXPORT_EVENTS),
            ExportKind::Hosts => tr!(lang, EXPORT_HOSTS),
        }
    }

    fn about(self, lang: Lang) -> String {
        match self {
            ExportKind::Orders => tr!(lang, EXPORT_ORDERS_ABOUT),
            ExportKind::OrderLines => tr!(lang, EXPORT_ORDER_LINES_ABOUT),
            ExportKind::Events => tr!(lang, EXPORT_EVENTS_ABOUT),
            ExportKind::Hosts => tr!(lang, EXPORT_HOSTS_ABOUT),
        }
    }
}

/// A download in progress: rows received of the expected total.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Progress {
    Idle,
    Running(u64, u64),
    Done(u64),
    Failed(String),
}

/// The brand admin's exports.
#[component]
pub fn ExportsPage() -> impl IntoView {
    let lang = use_lang();
    let query = query_signal();
    let data = Resource::new(|| (), |_| get_brand_overview());
    view! {
        <Title text=tr!(lang, EXPORT_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/exports" children=move |_: BrandOverview| {
            let (q, _) = query.get_untracked();
            let params = crate::insights::period_params(&q);
            view! {
                <header class="page-head">
                    <h1>{tr!(lang, EXPORT_TITLE)}</h1>
                    <p class="lead">{pieces(&tr!(lang, EXPORT_LEAD, api = slot(0))).into_iter().map(|piece| match piece {
                        Piece::Text(text) => text.into_any(),
                        Piece::Slot(_) => view! { <a href="/brand/api-keys">{tr!(lang, EXPORT_LEAD_API)}</a> }.into_any(),
                    }).collect_view()}</p>
                </header>
                <PeriodPicker period=PeriodView { query: q, label: String::new(), prev_label: String::new(), error: None } />
                <ul class="exports">
                    {ExportKind::ALL.into_iter().map(|k| view! { <ExportRow kind=k params=params.clone() /> }).collect_view()}
                </ul>
            }
        } />
    }
}

#[component]
fn ExportRow(kind: ExportKind, params: String) -> impl IntoView {
    let lang = use_lang();
    let id = format!("export-{}", kind.key());
    view! {
        <li class="card export" data-testid=id>
            <h2>{kind.title(lang)}</h2>
            <p class="muted">{kind.about(lang)}</p>
            <ExportLink kind params />
        </li>
    }
}

/// The download link: with JavaScript, the download shows its progress.
#[island(lazy)]
fn ExportLink(kind: ExportKind, params: String) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/brand/exports/{}.csv?{params}", kind.key());
    let progress = RwSignal::new(Progress::Idle);
    let on_click = {
        let href = href.clone();
        move |ev: leptos::ev::MouseEvent| {
            // With JavaScript, follow the download with a progress bar;
            // without it, the link downloads on its own.
            #[cfg(feature = "hydrate")]
            {
                ev.prevent_default();
                if matches!(progress.get_untracked(), Progress::Running(..)) {
                    return;
                }
                progress.set(Progress::Running(0, 0));
                let href = href.clone();
                leptos::task::spawn_local(async move {
                    match download::run(&href, kind.key(), progress).await {
                        Ok(rows) => progress.set(Progress::Done(rows)),
                        Err(why) => progress.set(Progress::Failed(why)),
                    }
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (ev, &href, progress);
        }
    };
    let id = format!("export-{}", kind.key());
    view! {
            <a class="button" href=href.clone() download="" on:click=on_click
                aria-describedby=format!("{id}-status")>{tr!(lang, EXPORT_DOWNLOAD, file = format!("{}.csv", kind.key()))}</a>
            <div id=format!("{id}-status") role="status" aria-live="polite" class="export-status">
                {move || match progress.get() {
                    Progress::Idle => ().into_any(),
                    Progress::Running(rows, total) => view! {
                        <progress max=total.max(1) value=rows.min(total.max(1))></progress>
                        <span>{if total > 0 { tr!(lang, EXPORT_PROGRESS_OF, rows = rows, total = total) } else { tr!(lang, EXPORT_PROGRESS, rows = rows) }}</span>
                    }.into_any(),
                    Progress::Done(rows) => view! { <span data-testid="export-done">{tr!(lang, EXPORT_DONE, rows = rows)}</span> }.into_any(),
                    Progress::Failed(why) => view! { <span class="field-error">{tr!(lang, EXPORT_FAILED, reason = why)}</span> }.into_any(),
                }}
            </div>
    }
}

/// Downloading with progress, in the browser.
#[cfg(feature = "hydrate")]
mod download {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::Progress;

    fn err<T: Into<JsValue>>(e: T) -> String {
        let e: JsValue = e.into();
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }

    /// Fetches `href`, counting rows as they arrive, then saves the file.
    pub async fn run(href: &str, key: &str, progress: RwSignal<Progress>) -> Result<u64, String> {
        let window = web_sys::window().ok_or("no window")?;
        let res: web_sys::Response = JsFuture::from(window.fetch_with_str(href))
            .await
            .map_err(err)?
            .dyn_into()
            .map_err(err)?;
        if !res.ok() {
            return Err(format!("status {}", res.status()));
        }
        let headers = res.headers();
        let total: u64 = headers
            .get("x-total-rows")
            .ok()
            .flatten()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let name = headers
            .get("content-disposition")
            .ok()
            .flatten()
            .and_then(|v| {
                v.split("filename=\"")
                    .nth(1)
                    .map(|s| s.trim_end_matches('"').to_owned())
            })
            .unwrap_or_else(|| format!("soiree-{key}.csv"));
        let body = res.body().ok_or("no body")?;
        let reader: web_sys::ReadableStreamDefaultReader =
            body.get_reader().dyn_into().map_err(err)?;
        let parts = js_sys::Array::new();
        let mut newlines: u64 = 0;
        loop {
            let chunk = JsFuture::from(reader.read()).await.map_err(err)?;
            let done = js_sys::Reflect::get(&chunk, &"done".into())
                .map_err(err)?
                .as_bool()
                .unwrap_or(true);
            if done {
                break;
            }
            let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
                .map_err(err)?
                .dyn_into()
                .map_err(err)?;
            newlines += value.to_vec().iter().filter(|b| **b == b'\n').count() as u64;
            parts.push(&value);
            // The header row is not a row of data.
            progress.set(Progress::Running(newlines.saturating_sub(1), total));
        }
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv");
        let blob =
            web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
        let document = window.document().ok_or("no document")?;
        let a: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(err)?
            .dyn_into()
            .map_err(err)?;
        a.set_href(&url);
        a.set_download(&name);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Ok(newlines.saturating_sub(1))
    }
}
