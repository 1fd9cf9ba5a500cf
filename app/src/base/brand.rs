//! Brand facts every area reads: the brand's name, time zone and shipping
//! rule, the brand this deployment presents, and the brand admin's
//! navigation.

use leptos::prelude::*;

/// The brand admin's sections, at the top of their pages.
#[component]
pub fn BrandNav() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
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
        <nav class="section-nav" aria-label=tr!(lang, BRAND_NAV_LABEL)>
            <a href="/brand" aria-current=move || current("/brand")>{tr!(lang, BRAND_NAV_DASHBOARD)}</a>
            <a href="/brand/hosts" aria-current=move || current("/brand/hosts")>{tr!(lang, BRAND_NAV_HOSTS)}</a>
            <a href="/brand/catalog" aria-current=move || current("/brand/catalog")>{tr!(lang, BRAND_NAV_CATALOG)}</a>
            <a href="/brand/orders" aria-current=move || current("/brand/orders")>{tr!(lang, BRAND_NAV_ORDERS)}</a>
            <a href="/brand/kits" aria-current=move || current("/brand/kits")>{tr!(lang, BRAND_NAV_KITS)}</a>
            <a href="/brand/reviews" aria-current=move || current("/brand/reviews")>{tr!(lang, BRAND_NAV_REVIEWS)}</a>
            <a href="/brand/votes" aria-current=move || current("/brand/votes")>{tr!(lang, BRAND_NAV_VOTES)}</a>
            <a href="/brand/preorders" aria-current=move || current("/brand/preorders")>{tr!(lang, BRAND_NAV_PREORDERS)}</a>
            <a href="/brand/making" aria-current=move || current("/brand/making")>{tr!(lang, BRAND_NAV_MAKING)}</a>
            <a href="/brand/draws" aria-current=move || current("/brand/draws")>{tr!(lang, BRAND_NAV_DRAWS)}</a>
            <a href="/brand/bookings" aria-current=move || current("/brand/bookings")>{tr!(lang, BRAND_NAV_BOOKINGS)}</a>
            <a href="/brand/webhooks" aria-current=move || current("/brand/webhooks")>{tr!(lang, BRAND_NAV_WEBHOOKS)}</a>
            <a href="/brand/api-keys" aria-current=move || current("/brand/api-keys")>{tr!(lang, BRAND_NAV_API_KEYS)}</a>
            <a href="/brand/exports" aria-current=move || current("/brand/exports")>{tr!(lang, BRAND_NAV_EXPORTS)}</a>
            <a href="/brand/news" aria-current=move || current("/brand/news")>{tr!(lang, BRAND_NAV_NEWS)}</a>
            <a href="/brand/privacy" aria-current=move || current("/brand/privacy")>{tr!(lang, BRAND_NAV_PRIVACY)}</a>
            <a href="/brand/settings" aria-current=move || current("/brand/settings")>{tr!(lang, BRAND_NAV_SETTINGS)}</a>
            <a href="/account/two-step" aria-current=move || current("/account/two-step")>{tr!(lang, BRAND_NAV_TWO_STEP)}</a>
        </nav>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use crate::{
        base::{
            db::Db,
            error::AppError,
            money::{Currency, Money},
            order::ShippingRule,
        },
        on_db,
    };

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

    /// The brand's time zone (Paris when unreadable).
    pub async fn zone(db: &Db, brand_id: i64) -> Result<chrono_tz::Tz, AppError> {
        let name: String = on_db!(db.reader(), |pool| {
            sqlx::query_scalar("SELECT time_zone FROM brands WHERE id = $1")
                .bind(brand_id)
                .fetch_one(pool)
                .await
        })?;
        Ok(crate::base::time::zone(&name))
    }

    /// The currency the brand prices in (and its orders, placed since it
    /// was last set, are kept in).
    pub async fn currency(db: &Db, brand_id: i64) -> Result<Currency, AppError> {
        let code: String = on_db!(db.reader(), |pool| {
            sqlx::query_scalar("SELECT currency FROM brands WHERE id = $1")
                .bind(brand_id)
                .fetch_one(pool)
                .await
        })?;
        Ok(Currency::of_db(&code))
    }

    /// The brand's name.
    pub async fn name(db: &Db, brand_id: i64) -> Result<String, AppError> {
        Ok(on_db!(db.reader(), |pool| {
            sqlx::query_scalar("SELECT name FROM brands WHERE id = $1")
                .bind(brand_id)
                .fetch_one(pool)
                .await
        })?)
    }

    /// What a checkout needs of the brand, in one read: its shipping rule
    /// and the ways to pay it offers.
    pub async fn checkout_terms(
        db: &Db,
        brand_id: i64,
    ) -> Result<(ShippingRule, Vec<crate::base::order::PayMethod>), AppError> {
        let (flat_cents, free_from_cents, methods, currency): (i64, i64, String, String) = on_db!(
            db.reader(),
            |pool| {
                sqlx::query_as(
                    "SELECT shipping_flat_cents, free_shipping_from_cents, payment_methods, currency FROM brands WHERE id = $1",
                )
                .bind(brand_id)
                .fetch_one(pool)
                .await
            }
        )?;
        let currency = Currency::of_db(&currency);
        let rule = ShippingRule {
            flat: Money::new(flat_cents, currency),
            free_from: Money::new(free_from_cents, currency),
        };
        Ok((rule, crate::base::order::PayMethod::list(&methods)))
    }

    /// The ways to pay the brand offers at checkout.
    pub async fn pay_methods(
        db: &Db,
        brand_id: i64,
    ) -> Result<Vec<crate::base::order::PayMethod>, AppError> {
        let raw: String = on_db!(db.reader(), |pool| {
            sqlx::query_scalar("SELECT payment_methods FROM brands WHERE id = $1")
                .bind(brand_id)
                .fetch_one(pool)
                .await
        })?;
        Ok(crate::base::order::PayMethod::list(&raw))
    }
}
