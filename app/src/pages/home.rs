//! The public home page of this deployment's brand: who it is, how a party
//! works, and a few items of the collection.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    items::{ItemCard, ItemDetail, ItemGrid, ItemLabel, ItemPhotos},
    page::NotFound,
};

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
pub async fn get_public_item(item_id: i64) -> Result<ItemDetail, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let brand = crate::base::brand::ssr::home_brand(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let item = crate::catalog::ssr::detail(&state.db, brand.id, item_id).await?;
        if !item.active || item.archived {
            return Err(AppError::NotFound);
        }
        Ok(item)
    })
    .await
}

/// An item of the collection for a visitor (`/items/:id`): photos, price,
/// description and label; ordering happens at a party.
#[component]
pub fn PublicItemPage() -> impl IntoView {
    let id = crate::base::page::id_param("id");
    let data = Resource::new(move || id.get(), get_public_item);
    view! {
        <Title text="Item · Soirée" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(item) => {
                        let name = item.card.name.clone();
                        view! {
                            <Title text=format!("{name} · Soirée") />
                            <article class="item-page">
                                <p><a href="/#collection-title">"← The collection"</a></p>
                                <ItemPhotos item=item.clone() />
                                <h1>{name}</h1>
                                <p class="price large">{item.card.price.to_string()}
                                    <span class="muted">{format!(" VAT included ({} %)", crate::base::items::vat_percent(item.vat_rate_bp))}</span>
                                </p>
                                {(!item.description.is_empty()).then(|| view! { <p class="description">{item.description.clone()}</p> })}
                                <p class="report">"Our items are ordered at a party, from the host's invitation. Know a host? Ask them for an invitation, or "
                                    <a href="/become-a-host">"host a party yourself"</a> "."</p>
                                <ItemLabel label=item.label.clone() />
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
    let home = Resource::new(|| (), |_| get_brand_home());
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(brand) => view! { <BrandLanding brand /> }.into_any(),
                    Err(_) => view! {
                        <Title text="Soirée" />
                        <section class="hero">
                            <h1>"Soirée"</h1>
                            <p class="lead">"No brand is set up yet. Run " <code>"soiree seed-demo"</code>
                                " for the demo brand, or " <code>"soiree create-admin --email you@brand.example"</code> "."</p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BrandLanding(brand: BrandHome) -> impl IntoView {
    view! {
        <Title text=format!("{} · Soirée", brand.name) />
        <section class="hero" aria-labelledby="brand-name">
            <p class="eyebrow">"Home parties by its fans"</p>
            <h1 id="brand-name">{brand.name.clone()}</h1>
            <p class="lead">{brand.tagline}</p>
            <div class="actions">
                <a class="button primary" href="/become-a-host">"Become a host"</a>
                <a class="button" href="/login">"Sign in as a host or brand admin"</a>
            </div>
        </section>
        <section class="how" aria-labelledby="how-title">
            <h2 id="how-title">"How it works"</h2>
            <ol class="steps">
                <li><h3>"A fan hosts"</h3><p>"Our hosts schedule an evening at home or online and invite their friends by email or a share link."</p></li>
                <li><h3>"Guests discover"</h3><p>"At the party, guests open the event on their phones, look at the collection, favourite and vote."</p></li>
                <li><h3>"Orders count for the host"</h3><p>"Every order placed from the event is a real purchase, credited to the host, with rewards everyone understands."</p></li>
            </ol>
        </section>
        <section aria-labelledby="collection-title">
            <h2 id="collection-title">"From the collection"</h2>
            {if brand.items.is_empty() {
                view! { <p class="empty">"The catalog is empty for now."</p> }.into_any()
            } else {
                let href = Callback::new(|id: i64| format!("/items/{id}"));
                view! { <ItemGrid items=brand.items href /> }.into_any()
            }}
        </section>
    }
}
