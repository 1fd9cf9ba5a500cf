//! Soirée: home-party social selling. The Leptos application, compiled with
//! `ssr` into the server and with `hydrate` into the browser's WASM.
#![recursion_limit = "256"]

// First, so that its macros (`tr!`) are in scope in every area.
#[macro_use]
pub mod base;

pub mod accounts;
pub mod album;
pub mod bookings;
pub mod brand;
pub mod catalog;
pub mod draws;
pub mod events;
pub mod exports;
pub mod hosts;
pub mod insights;
pub mod invitations;
pub mod orders;
pub mod pages;
pub mod privacy;
pub mod public_api;
pub mod reviews;
pub mod rewards;
pub mod showcase;
pub mod votes;
pub mod webhooks;

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod history;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes, A},
    hooks::use_location,
    path, SsrMode,
};

use accounts::{get_current_user, LoginPage, SignOutButton};
use base::account::Role;
use pages::{
    event_forms::{EditEventPage, NewEventPage},
    home::HomePage,
    host_event::EventPage,
    host_home::HostDashboard,
};

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = base::l10n::page_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                // The page's translations, which the islands' loader fetches
                // beside the WASM.
                <meta name="soiree-l10n" content=base::l10n::address(lang) />
                <AutoReload options=options.clone() />
                <base::styles::PageStyles options=options.clone() />
                <base::islands::IslandScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: layout and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = base::l10n::page_lang();
    provide_context(lang);
    #[cfg(feature = "ssr")]
    base::forms::Carried::from_request().provide();
    view! {
        <Link rel="icon" href="/favicon.ico" />
        <Meta name="description" content=tr!(lang, SITE_DESCRIPTION) />
        <Title text="Soirée" />
        <Router>
            <a class="skip-link" href="#main">{tr!(lang, SKIP_TO_CONTENT)}</a>
            <SiteHeader />
            <main id="main" tabindex="-1">
                // Every page is rendered whole before it is sent (SsrMode::Async):
                // it then reads complete without JavaScript, and its status
                // code and redirects are known before the first byte.
                <Routes fallback=base::page::NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("login/code") view=accounts::two_step::SecondStepPage ssr=SsrMode::Async />
                    <Route path=path!("account/password") view=accounts::password::PasswordPage ssr=SsrMode::Async />
                    <Route path=path!("account/two-step") view=accounts::two_step::TwoStepPage ssr=SsrMode::Async />
                    <Route path=path!("items/:id") view=pages::home::PublicItemPage ssr=SsrMode::Async />
                    <Route path=path!("host") view=HostDashboard ssr=SsrMode::Async />
                    <Route path=path!("brand") view=insights::DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("become-a-host") view=hosts::BecomeHostPage ssr=SsrMode::Async />
                    <Route path=path!("brand/hosts") view=hosts::HostsPage ssr=SsrMode::Async />
                    <Route path=path!("brand/hosts/:id") view=pages::host_report::HostReportPage ssr=SsrMode::Async />
                    <Route path=path!("brand/events/:id/report") view=insights::EventReportPage ssr=SsrMode::Async />
                    <Route path=path!("host/events/:id/report") view=insights::EventReportPage ssr=SsrMode::Async />
                    <Route path=path!("host/events/:id/pick-list") view=orders::pick_list::PickListPage ssr=SsrMode::Async />
                    <Route path=path!("host/performance") view=pages::host_report::MyPerformancePage ssr=SsrMode::Async />
                    <Route path=path!("brand/exports") view=exports::ExportsPage ssr=SsrMode::Async />
                    <Route path=path!("brand/api-keys") view=public_api::ApiKeysPage ssr=SsrMode::Async />
                    <Route path=path!("brand/bookings") view=bookings::BookingsPage ssr=SsrMode::Async />
                    <Route path=path!("welcome/:token") view=accounts::WelcomePage ssr=SsrMode::Async />
                    <Route path=path!("reset/:token") view=accounts::ResetPage ssr=SsrMode::Async />
                    <Route path=path!("forgot") view=accounts::ForgotPage ssr=SsrMode::Async />
                    <Route path=path!("unsubscribe/:token") view=privacy::UnsubscribePage ssr=SsrMode::Async />
                    <Route path=path!("erased") view=privacy::ErasedPage ssr=SsrMode::Async />
                    <Route path=path!("brand/news") view=brand::news::NewsPage ssr=SsrMode::Async />
                    <Route path=path!("brand/privacy") view=privacy::PrivacyPage ssr=SsrMode::Async />
                    <Route path=path!("privacy") view=privacy::PrivacyNoticePage ssr=SsrMode::Async />
                    <Route path=path!("privacy/:slug") view=privacy::PrivacyNoticePage ssr=SsrMode::Async />
                    <Route path=path!("privacy/request/:token") view=privacy::AskedPage ssr=SsrMode::Async />
                    <Route path=path!("brand/catalog") view=catalog::pages::CatalogPage ssr=SsrMode::Async />
                    <Route path=path!("brand/catalog/new") view=catalog::pages::ItemEditorPage ssr=SsrMode::Async />
                    <Route path=path!("brand/catalog/:id") view=catalog::pages::ItemEditorPage ssr=SsrMode::Async />
                    <Route path=path!("brand/kits") view=catalog::kits::KitsPage ssr=SsrMode::Async />
                    <Route path=path!("brand/kits/new") view=catalog::kits::KitEditorPage ssr=SsrMode::Async />
                    <Route path=path!("brand/kits/:id") view=catalog::kits::KitEditorPage ssr=SsrMode::Async />
                    <Route path=path!("brand/orders") view=orders::admin::BrandOrdersPage ssr=SsrMode::Async />
                    <Route path=path!("brand/orders/:id") view=orders::admin::BrandOrderPage ssr=SsrMode::Async />
                    <Route path=path!("brand/settings") view=pages::settings::SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("brand/webhooks") view=webhooks::WebhooksPage ssr=SsrMode::Async />
                    <Route path=path!("brand/votes") view=votes::VotesPage ssr=SsrMode::Async />
                    <Route path=path!("brand/draws") view=draws::DrawsPage ssr=SsrMode::Async />
                    <Route path=path!("brand/votes/:id") view=votes::PollResultsPage ssr=SsrMode::Async />
                    <Route path=path!("host/events/:id/present") view=pages::presentation::PresentationPage ssr=SsrMode::Async />
                    <Route path=path!("i/:token/items/:item") view=pages::guest::ShowcaseItemPage ssr=SsrMode::Async />
                    <Route path=path!("s/:slug/items/:item") view=pages::guest::ShowcaseItemPage ssr=SsrMode::Async />
                    <Route path=path!("i/:token/cart") view=orders::CartPage ssr=SsrMode::Async />
                    <Route path=path!("i/:token/album") view=album::GuestAlbumPage ssr=SsrMode::Async />
                    <Route path=path!("host/events/:id/album") view=album::HostAlbumPage ssr=SsrMode::Async />
                    <Route path=path!("s/:slug/cart") view=orders::CartPage ssr=SsrMode::Async />
                    <Route path=path!("o/:code") view=orders::TrackingPage ssr=SsrMode::Async />
                    <Route path=path!("o/:code/review") view=reviews::BuyerReviewPage ssr=SsrMode::Async />
                    <Route path=path!("p/:code") view=orders::preorder::PreorderPage ssr=SsrMode::Async />
                    <Route path=path!("brand/preorders") view=orders::preorder::CampaignsPageView ssr=SsrMode::Async />
                    <Route path=path!("brand/making") view=orders::making::MakingPageView ssr=SsrMode::Async />
                    <Route path=path!("host/tips") view=reviews::TipsPageView ssr=SsrMode::Async />
                    <Route path=path!("brand/reviews") view=reviews::ModerationPage ssr=SsrMode::Async />
                    <Route path=path!("host/credit") view=rewards::redeem::CreditPage ssr=SsrMode::Async />
                    <Route path=path!("host/events/new") view=NewEventPage ssr=SsrMode::Async />
                    <Route path=path!("host/events/:id") view=EventPage ssr=SsrMode::Async />
                    <Route path=path!("host/events/:id/edit") view=EditEventPage ssr=SsrMode::Async />
                    <Route path=path!("i/:token") view=pages::guest::InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("s/:slug") view=pages::guest::SharedEventPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{tr!(lang, FOOTER_TAGLINE)}</p>
                <p><a href="/privacy">{tr!(lang, FOOTER_PRIVACY)}</a></p>
                <base::l10n::LanguageSwitcher />
            </footer>
        </Router>
    }
}

/// The top bar: the brand mark and who is signed in.
#[component]
fn SiteHeader() -> impl IntoView {
    let lang = base::l10n::use_lang();
    let location = use_location();
    // Keyed on the path so the bar follows sign-in and sign-out navigations.
    let user = Resource::new(move || location.pathname.get(), |_| get_current_user());
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand-mark">"Soirée"</A>
            <nav aria-label=tr!(lang, NAV_ACCOUNT)>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match user.await {
                            Ok(Some(u)) => {
                                let (href, label) = match u.role {
                                    Role::Host => ("/host", tr!(lang, NAV_YOUR_PARTIES)),
                                    Role::BrandAdmin => ("/brand", tr!(lang, NAV_BRAND_DASHBOARD)),
                                };
                                view! {
                                    <A href=href>{label}</A>
                                    <span class="who" data-testid="signed-in-as">{u.display_name}</span>
                                    <A href="/account/password">{tr!(lang, NAV_PASSWORD)}</A>
                                    <SignOutButton />
                                }.into_any()
                            }
                            // Guests reach their pages by a link and never sign in.
                            _ if is_guest_page(&location.pathname.get_untracked()) => ().into_any(),
                            _ => view! { <A href="/login">{tr!(lang, NAV_SIGN_IN)}</A> }.into_any(),
                        }
                    })}
                </Transition>
            </nav>
        </header>
    }
}

/// A page a guest opens from their link: an invitation, a share link, an
/// order's tracking page.
fn is_guest_page(path: &str) -> bool {
    ["/i/", "/s/", "/o/"]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

/// The browser's entry point, which the islands' loader calls once the
/// WASM is compiled (`base::islands`), with the page's translations; then
/// the islands hydrate. Without the translations it fails, and the page
/// stays as the server sent it, which works without JavaScript.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(translations: String) -> Result<(), wasm_bindgen::JsValue> {
    console_error_panic_hook::set_once();
    base::l10n::set_page_language(&translations)
        .map_err(|e| wasm_bindgen::JsValue::from_str(&format!("translations not loaded: {e}")))?;
    // A server function that answers with a redirect (a saved item, an
    // order paid otherwise) opens that page.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| {
        let _ = leptos::prelude::window().location().set_href(to);
    });
    leptos::mount::hydrate_islands();
    Ok(())
}
