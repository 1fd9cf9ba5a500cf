//! The host's presentation on a TV (`/host/events/:id/present`): one featured
//! item per slide, the share link's QR code and a live strip of the party's
//! figures; the host chooses whether the room sees the sales and their own
//! reward progress (hidden unless they show it).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::{
    base::{
        auth::Gate,
        error::AppError,
        items::{ItemDetail, ItemLabel, ItemPicture},
    },
    pages::live::LiveFigures,
    rewards::{around_figure, RewardBar, FIGURE},
};

/// The host's slideshow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    pub event_id: i64,
    pub title: String,
    pub slides: Vec<ItemDetail>,
    /// The share link and its QR code, when the host keeps it on.
    pub share_url: Option<String>,
    pub qr_svg: Option<String>,
    pub live: LiveFigures,
    /// The party's prize drawing, when the brand offers one.
    pub draw: Option<crate::draws::DrawView>,
    /// Each slide's published reviews and tips, in the slides' order.
    pub reviews: Vec<crate::reviews::ItemReviews>,
}

/// The host's slideshow of an event.
#[server(prefix = "/api", endpoint = "presentation", input = server_fn::codec::GetUrl)]
pub async fn get_presentation(event_id: i64) -> Result<Presentation, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let (title, starts_at, slug) =
            crate::showcase::ssr::presentable(&state.db, &host, event_id).await?;
        let mut slides = Vec::new();
        for card in crate::showcase::ssr::featured(&state.db, event_id).await? {
            slides.push(
                crate::catalog::ssr::detail(
                    &state.db,
                    host.brand_id,
                    card.id,
                    Some(crate::base::l10n::page_lang()),
                )
                .await?,
            );
        }
        let share_url = slug.map(|s| {
            state
                .config
                .public_url
                .join(&format!("/s/{s}"))
                .map(|u| u.to_string())
                .unwrap_or_default()
        });
        let ids: Vec<i64> = slides.iter().map(|s| s.card.id).collect();
        let reviews = crate::reviews::ssr::published(&state.db, &ids).await?;
        Ok(Presentation {
            reviews,
            event_id,
            title,
            qr_svg: share_url.as_deref().and_then(crate::base::media::qr_svg),
            share_url,
            slides,
            live: crate::pages::live::ssr::figures(&state.db, event_id, starts_at).await?,
            draw: crate::draws::ssr::view(&state.db, event_id, chrono::Utc::now()).await?,
        })
    })
    .await
}

/// The live figures of the host's event.
#[server(prefix = "/api", endpoint = "live", input = server_fn::codec::GetUrl)]
pub async fn get_live(event_id: i64) -> Result<LiveFigures, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let (_, starts_at, _) =
            crate::showcase::ssr::presentable(&state.db, &host, event_id).await?;
        crate::pages::live::ssr::figures(&state.db, event_id, starts_at).await
    })
    .await
}

/// The host's full-screen slideshow (`/host/events/:id/present`): one item
/// per slide, arrows or buttons to move, the QR code of the share link and
/// the live strip.
#[component]
pub fn PresentationPage() -> impl IntoView {
    let query = use_query_map();
    let id = crate::base::page::id_param("id");
    let data = Resource::new(move || id.get(), get_presentation);
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, PRESENT_PAGE_TITLE) />
        <Gate data here="/host" children=move |p: Presentation| {
            let query = query.read_untracked();
            let slide = query.get("slide").and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).max(1);
            // What the room sees, chosen by the host: the sales figures (on
            // unless turned off) and the host's own reward progress (off
            // unless turned on).
            let reward = query.get("reward").as_deref() == Some("on");
            let sales = query.get("sales").as_deref() != Some("off");
            let (event_id, draw) = (p.event_id, p.draw.clone());
            view! {
                <Deck p slide reward sales />
                {draw.map(|draw| view! { <crate::draws::DrawOnScreen event_id draw /> })}
            }
        } />
    }
}

/// The address of a slide with what the room sees.
fn deck_href(slide: usize, reward: bool, sales: bool) -> String {
    format!(
        "?slide={slide}{}{}",
        if reward { "&reward=on" } else { "" },
        if sales { "" } else { "&sales=off" }
    )
}

/// The slides in the browser: the arrow keys, the buttons and the toggles
/// change the slide in place (the address follows, so a reload keeps it),
/// and the strip shows each change the server pushes. Without JavaScript
/// the same buttons are links.
#[island(lazy)]
fn Deck(p: Presentation, slide: usize, reward: bool, sales: bool) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let total = p.slides.len();
    let (slide, show_reward, show_sales) = (
        RwSignal::new(slide),
        RwSignal::new(reward),
        RwSignal::new(sales),
    );
    let href = move || deck_href(slide.get(), show_reward.get(), show_sales.get());
    // The address follows what the room sees.
    Effect::new(move |first: Option<()>| {
        let to = href();
        if first.is_some() {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
            }
        }
    });
    let go = move |to: usize| {
        if total > 0 {
            slide.set(to.clamp(1, total));
        }
    };
    // The first figures come with the page; the server pushes each change.
    let pushed = RwSignal::new(None::<LiveFigures>);
    let event_id = p.event_id;
    Effect::new(move |_| {
        crate::base::live::on_pushed(crate::base::live::host_url(event_id), move |f| {
            pushed.set(Some(f))
        })
    });
    Effect::new(move |_| {
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            let now = slide.get_untracked();
            match ev.key().as_str() {
                "ArrowRight" | "PageDown" | " " => go(now + 1),
                "ArrowLeft" | "PageUp" => go(now.saturating_sub(1)),
                "Home" => go(1),
                "End" => go(usize::MAX),
                _ => return,
            }
            ev.prevent_default();
        });
        on_cleanup(move || handle.remove());
    });
    // A link that changes the deck in place once the page runs its script.
    let in_place = |change: fn(RwSignal<usize>, RwSignal<bool>, RwSignal<bool>, usize)| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            change(slide, show_reward, show_sales, total);
        }
    };
    let slides = p.slides.clone();
    let reviews = p.reviews.clone();
    let initial = p.live;
    view! {
        <div class="presentation" data-testid="presentation">
            <header class="presentation-head">
                <h1 class="sr-only">{tr!(lang, PRESENT_HEADING, title = &p.title)}</h1>
                <a class="button small" data-testid="toggle-sales"
                    href=move || deck_href(slide.get(), show_reward.get(), !show_sales.get())
                    on:click=in_place(|_, _, sales, _| sales.update(|s| *s = !*s))>
                    {move || if show_sales.get() { tr!(lang, PRESENT_HIDE_SALES) } else { tr!(lang, PRESENT_SHOW_SALES) }}</a>
                <a class="button small" data-testid="toggle-reward"
                    href=move || deck_href(slide.get(), !show_reward.get(), show_sales.get())
                    on:click=in_place(|_, reward, _, _| reward.update(|r| *r = !*r))>
                    {move || if show_reward.get() { tr!(lang, PRESENT_HIDE_REWARD) } else { tr!(lang, PRESENT_SHOW_REWARD) }}</a>
                <a href=format!("/host/events/{}", p.event_id) class="button small">{tr!(lang, PRESENT_LEAVE)}</a>
                <button type="button" class="button small" on:click=move |_| {
                    if let Some(root) = document().document_element() {
                        let _ = root.request_fullscreen();
                    }
                }>{tr!(lang, PRESENT_FULL_SCREEN)}</button>
            </header>
            {move || {
                let n = slide.get().min(total.max(1));
                match slides.get(n - 1).cloned() {
                    None => view! {
                        <section class="slide empty">
                            <h2>{tr!(lang, PRESENT_EMPTY_TITLE)}</h2>
                            <p>{tr!(lang, PRESENT_EMPTY_TEXT)}</p>
                        </section>
                    }.into_any(),
                    Some(item) => {
                        let photo = item.photos.first().cloned();
                        let name = item.card.name.clone();
                        view! {
                            <section class="slide" aria-roledescription="slide" aria-label=tr!(lang, PRESENT_SLIDE_LABEL, n = n, total = total) data-testid="slide">
                                <div class="slide-photo">
                                    {match photo {
                                        Some(p) => view! { <img src=p.url alt=name.clone() width=p.width height=p.height /> }.into_any(),
                                        None => view! { <ItemPicture name=name.clone() sku=item.card.sku.clone() /> }.into_any(),
                                    }}
                                </div>
                                <div class="slide-text">
                                    <p class="eyebrow" data-testid="slide-position">{format!("{n} / {total}")}</p>
                                    <h2 data-testid="slide-name">{name.clone()}</h2>
                                    <p class="price large">{crate::base::l10n::fmt::money(lang, item.card.price)}</p>
                                    <crate::base::items::FansMark chosen=item.card.chosen_by_fans />
                                    <crate::base::items::RatingLine rating=item.card.rating />
                                    {item.card.stock_note_in(lang).map(|n| view! { <p class="stock-note">{n}</p> })}
                                    <crate::reviews::SlideQuotes reviews=reviews.get(n - 1).cloned().unwrap_or_default() />
                                    <ItemLabel label=item.label.clone() />
                                </div>
                            </section>
                        }.into_any()
                    }
                }
            }}
            <div class="presentation-side">
                {p.qr_svg.clone().map(|svg| view! {
                    <aside class="qr-corner" aria-label=tr!(lang, PRESENT_ORDER_FROM_PHONE)>
                        <div class="qr" role="img" aria-label=tr!(lang, PRESENT_QR) inner_html=svg></div>
                        <p>{tr!(lang, PRESENT_SCAN)}</p>
                    </aside>
                })}
                <nav class="slide-controls" aria-label=tr!(lang, PRESENT_SLIDES)>
                    <a class="button" href=move || deck_href(slide.get().saturating_sub(1).max(1), show_reward.get(), show_sales.get())
                        aria-disabled=move || (slide.get() <= 1).then_some("true")
                        on:click=in_place(|slide, _, _, total| slide.update(|n| *n = n.saturating_sub(1).clamp(1, total.max(1))))>{tr!(lang, PRESENT_PREVIOUS)}</a>
                    <a class="button" href=move || deck_href((slide.get() + 1).min(total.max(1)), show_reward.get(), show_sales.get())
                        aria-disabled=move || (slide.get() >= total).then_some("true")
                        on:click=in_place(|slide, _, _, total| slide.update(|n| *n = (*n + 1).min(total.max(1))))>{tr!(lang, PRESENT_NEXT)}</a>
                </nav>
            </div>
            <footer class="live-strip" aria-live="polite" data-testid="live-strip">
                {move || {
                    let figures = pushed.get().unwrap_or(initial);
                    view! { <LiveStrip figures reward=show_reward.into() sales=show_sales.into() /> }
                }}
            </footer>
        </div>
    }
}

/// The strip under the slides: who is here and coming, then what the host
/// chose to show: the orders and sales, and their reward progress.
#[component]
fn LiveStrip(figures: LiveFigures, reward: Signal<bool>, sales: Signal<bool>) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    // A message with its figure in bold.
    let bold = |text: String, figure: String| {
        let (before, after) = around_figure(&text);
        view! { {before}<strong>{figure}</strong>{after} }
    };
    let counts = figures.counts;
    view! {
        <span data-testid="live-present">{bold(tr!(lang, PRESENT_GUESTS_HERE, count = counts.present, figure = FIGURE), counts.present.to_string())}</span>
        <span>{bold(tr!(lang, PRESENT_COMING, count = counts.coming, figure = FIGURE), counts.coming.to_string())}</span>
        {move || sales.get().then(|| view! {
            <span data-testid="live-orders">{bold(tr!(lang, PRESENT_ORDERS, count = counts.orders, figure = FIGURE), counts.orders.to_string())}</span>
            <span data-testid="live-sales">{bold(tr!(lang, PRESENT_SALES, figure = FIGURE), crate::base::l10n::fmt::money(lang, counts.sales))}</span>
        })}
        {move || reward.get().then(|| view! { <RewardBar progress=figures.reward /> })}
    }
}
