//! The public home page of this deployment's brand: who it is, how a party
//! works, and a few items of the collection.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    items::{ItemCard, ItemDetail, ItemGrid, ItemLabel, ItemPhotos, RatingLine},
    l10n::{fmt::money, use_lang, Lang},
    page::NotFound,
};

/// Where a message puts a value the page renders itself (a link, code):
/// the message is written whole, with these marks as its arguments.
const MARKS: [char; 2] = ['\u{E000}', '\u{E001}'];

/// A message's text cut at its marks: the text before each mark with the
/// mark's number, then the rest (`None`).
fn around_marks(text: &str) -> Vec<(String, Option<usize>)> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        match MARKS.iter().position(|m| *m == c) {
            Some(n) => pieces.push((std::mem::take(&mut current), Some(n))),
            None => current.push(c),
        }
    }
    pieces.push((current, None));
    pieces
}

/// A VAT rate as the reader writes a decimal: `5.5` in English, `5,5` in
/// French.
fn vat_rate(lang: Lang, bp: i64) -> String {
    let rate = crate::base::items::vat_percent(bp);
    match lang {
        Lang::Fr => rate.replace('.', ","),
        Lang::En => rate,
    }
}

/// What the public home page shows of the brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandHome {
    pub name: String,
    pub tagline: String,
    pub primary_color: String,
    pub accent_color: String,
    pub items: Vec<ItemCard>,
}

/// The public home page of this deployment's brand.
#[server(prefix = "/api", endpoint = "brand_home", input = server_fn::codec::GetUrl)]
pub async fn get_brand_home() -> Result<BrandHome, AppError> {
    serve(async {
        let state = crate::base::state::app_state()?;
        let brand = crate::base::brand::ssr::home_brand(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let items = crate::catalog::ssr::featured_items(&state.db, brand.id, 8).await?;
        Ok(BrandHome {
            name: brand.name,
            tagline: brand.tagline,
            primary_color: brand.primary_color,
            accent_color: brand.accent_color,
            items,
        })
    })
    .await
}

/// One item of the brand's collection as anyone may see it: on sale and
/// not archived, or not found.
#[server(prefix = "/api", endpoint = "public_item", input = server_fn::codec::GetUrl)]
pub async fn get_public_item(
    item_id: i64,
) -> Result<(ItemDetail, crate::reviews::ItemReviews), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let brand = crate::base::brand::ssr::home_brand(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let item = crate::catalog::ssr::detail(
            &state.db,
            brand.id,
            item_id,
            Some(crate::base::l10n::page_lang()),
        )
        .await?;
        if !item.active || item.archived {
            return Err(AppError::NotFound);
        }
        let reviews = crate::reviews::ssr::of_item(&state.db, item.card.id).await?;
        Ok((item, reviews))
    })
    .await
}

/// An item of the collection for a visitor (`/items/:id`): photos, price,
/// description and label; ordering happens at a party.
#[component]
pub fn PublicItemPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::base::page::id_param("id");
    let data = Resource::new(move || id.get(), get_public_item);
    view! {
        <Title text=tr!(lang, GUEST_ITEM_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((item, reviews)) => {
                        let name = item.card.name.clone();
                        let how_to_order = around_marks(&tr!(lang, HOME_ITEM_HOW_TO_ORDER, link = MARKS[0].to_string()));
                        view! {
                            <Title text=format!("{name} · Soirée") />
                            <article class="item-page">
                                <p><a href="/#collection-title">{tr!(lang, HOME_BACK_TO_COLLECTION)}</a></p>
                                <ItemPhotos item=item.clone() />
                                <h1>{name}</h1>
                                <p class="price large">{money(lang, item.card.price)}
                                    <span class="muted">{format!(" {}", tr!(lang, GUEST_VAT_INCLUDED, rate = vat_rate(lang, item.vat_rate_bp)))}</span>
                                </p>
                                <crate::base::items::FansMark chosen=item.card.chosen_by_fans />
                                <RatingLine rating=item.card.rating />
                                {(!item.description.is_empty()).then(|| view! { <p class="description">{item.description.clone()}</p> })}
                                <p class="report">{how_to_order.into_iter().map(|(text, mark)| view! {
                                    {text}
                                    {mark.map(|_| view! { <a href="/become-a-host">{tr!(lang, HOME_ITEM_HOST_YOURSELF)}</a> })}
                                }).collect_view()}</p>
                                <ItemLabel label=item.label.clone() />
                                <crate::reviews::ItemReviewsSection reviews />
                            </article>
                        }.into_any()
                    }
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let home = Resource::new(|| (), |_| get_brand_home());
    view! {
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(brand) => view! { <BrandLanding brand /> }.into_any(),
                    Err(_) => {
                        let commands = ["soiree seed-demo", "soiree create-admin --email you@brand.example"];
                        let text = tr!(lang, HOME_NO_BRAND, seed = MARKS[0].to_string(), create = MARKS[1].to_string());
                        view! {
                            <Title text="Soirée" />
                            <section class="hero">
                                <h1>"Soirée"</h1>
                                <p class="lead">{around_marks(&text).into_iter().map(|(text, mark)| view! {
                                    {text}
                                    {mark.map(|n| view! { <code>{commands[n]}</code> })}
                                }).collect_view()}</p>
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn BrandLanding(brand: BrandHome) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=format!("{} · Soirée", brand.name) />
        <section class="hero" aria-labelledby="brand-name">
            <p class="eyebrow">{tr!(lang, HOME_EYEBROW)}</p>
            <h1 id="brand-name">{brand.name.clone()}</h1>
            <p class="lead">{brand.tagline}</p>
            <div class="actions">
                <a class="button primary" href="/become-a-host">{tr!(lang, HOME_BECOME_HOST)}</a>
                <a class="button" href="/login">{tr!(lang, HOME_SIGN_IN)}</a>
            </div>
        </section>
        <section class="how" aria-labelledby="how-title">
            <h2 id="how-title">{tr!(lang, HOME_HOW_TITLE)}</h2>
            <ol class="steps">
                <li><h3>{tr!(lang, HOME_STEP_HOST_TITLE)}</h3><p>{tr!(lang, HOME_STEP_HOST_TEXT)}</p></li>
                <li><h3>{tr!(lang, HOME_STEP_GUESTS_TITLE)}</h3><p>{tr!(lang, HOME_STEP_GUESTS_TEXT)}</p></li>
                <li><h3>{tr!(lang, HOME_STEP_ORDERS_TITLE)}</h3><p>{tr!(lang, HOME_STEP_ORDERS_TEXT)}</p></li>
            </ol>
        </section>
        <section aria-labelledby="collection-title">
            <h2 id="collection-title">{tr!(lang, HOME_COLLECTION_TITLE)}</h2>
            {if brand.items.is_empty() {
                view! { <p class="empty">{tr!(lang, HOME_CATALOG_EMPTY)}</p> }.into_any()
            } else {
                let href = Callback::new(|id: i64| format!("/items/{id}"));
                view! { <ItemGrid items=brand.items href /> }.into_any()
            }}
        </section>
    }
}
