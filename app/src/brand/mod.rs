//! The brand: its public home page and the brand admin's dashboard.

pub mod settings;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::error::ssr::serve;
use crate::{
    catalog::{ItemCard, ItemGrid},
    error::AppError,
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

/// The brand admin dashboard's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandOverview {
    pub brand_name: String,
    pub admin_name: String,
    pub hosts: i64,
    pub active_items: i64,
}

/// The public home page of this deployment's brand.
#[server(prefix = "/api", endpoint = "brand_home", input = server_fn::codec::GetUrl)]
pub async fn get_brand_home() -> Result<BrandHome, AppError> {
    serve(async {
        let state = crate::state::app_state()?;
        let brand = ssr::home_brand(&state.db)
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

/// The brand admin's overview of their brand.
#[server(prefix = "/api", endpoint = "brand_overview", input = server_fn::codec::GetUrl)]
pub async fn get_brand_overview() -> Result<BrandOverview, AppError> {
    serve(async {
        let admin = crate::accounts::ssr::require_brand_admin().await?;
        let state = crate::state::app_state()?;
        ssr::overview(&state.db, &admin).await
    })
    .await
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
                view! { <ItemGrid items=brand.items /> }.into_any()
            }}
        </section>
    }
}

/// The brand admin's sections, at the top of their pages.
#[component]
pub fn BrandNav() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let current = move |prefix: &'static str| {
        let path = location.pathname.get();
        let on = if prefix == "/brand" {
            path == "/brand"
        } else {
            path.starts_with(prefix)
        };
        on.then_some("page")
    };
    view! {
        <nav class="section-nav" aria-label="Brand">
            <a href="/brand" aria-current=move || current("/brand")>"Dashboard"</a>
            <a href="/brand/hosts" aria-current=move || current("/brand/hosts")>"Hosts"</a>
            <a href="/brand/catalog" aria-current=move || current("/brand/catalog")>"Catalog"</a>
            <a href="/brand/orders" aria-current=move || current("/brand/orders")>"Orders"</a>
            <a href="/brand/kits" aria-current=move || current("/brand/kits")>"Kits"</a>
            <a href="/brand/votes" aria-current=move || current("/brand/votes")>"Votes"</a>
            <a href="/brand/bookings" aria-current=move || current("/brand/bookings")>"Bookings"</a>
            <a href="/brand/webhooks" aria-current=move || current("/brand/webhooks")>"Webhooks"</a>
            <a href="/brand/exports" aria-current=move || current("/brand/exports")>"Exports"</a>
            <a href="/brand/settings" aria-current=move || current("/brand/settings")>"Settings"</a>
        </nav>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::BrandOverview;
    use crate::{accounts::CurrentUser, db::Db, error::AppError, on_db};

    /// A brand row.
    #[derive(Debug, sqlx::FromRow)]
    pub struct Brand {
        pub id: i64,
        pub slug: String,
        pub name: String,
        pub tagline: String,
        pub primary_color: String,
        pub accent_color: String,
    }

    /// `#rrggbb`, or the fallback: brand colours go into a stylesheet.
    fn css_color(value: &str, fallback: &'static str) -> String {
        let ok = value.len() == 7
            && value.starts_with('#')
            && value[1..].chars().all(|c| c.is_ascii_hexdigit());
        if ok {
            value.to_owned()
        } else {
            fallback.to_owned()
        }
    }

    /// The stylesheet that gives pages the brand's colours (served as
    /// `/theme.css`, so no inline style is needed under the CSP).
    pub async fn theme_css(db: &Db) -> Result<String, AppError> {
        let brand = home_brand(db).await?;
        let (primary, soft) = brand
            .map(|b| (b.primary_color, b.accent_color))
            .unwrap_or_default();
        Ok(format!(
            ":root {{ --brand: {}; --brand-soft: {}; }}\n",
            css_color(&primary, "#5b2a86"),
            css_color(&soft, "#f4ecfa"),
        ))
    }

    /// The brand this deployment presents on its home page: the first one.
    pub async fn home_brand(db: &Db) -> Result<Option<Brand>, AppError> {
        Ok(on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT id, slug, name, tagline, primary_color, accent_color FROM brands ORDER BY id LIMIT 1",
            )
            .fetch_optional(pool)
            .await
        })?)
    }

    /// Figures for the brand admin's dashboard.
    pub async fn overview(db: &Db, admin: &CurrentUser) -> Result<BrandOverview, AppError> {
        let (brand_name, hosts): (String, i64) = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT b.name, (SELECT COUNT(*) FROM users u WHERE u.brand_id = b.id AND u.role = 'host')
                 FROM brands b WHERE b.id = $1",
            )
            .bind(admin.brand_id)
            .fetch_one(pool)
            .await
        })?;
        let active_items = crate::catalog::ssr::count_active_items(db, admin.brand_id).await?;
        Ok(BrandOverview {
            brand_name,
            admin_name: admin.display_name.clone(),
            hosts,
            active_items,
        })
    }
}
