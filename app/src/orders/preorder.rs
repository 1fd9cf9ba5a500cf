//! Pre-orders: the brand opens a campaign on an item (a goal in units, an
//! end within Stripe's 7 days of authorisation); guests pre-order from
//! their link with their card authorised, not charged (manual capture).
//! Reaching the goal funds the campaign once: every authorisation is
//! captured and the item goes into production. Ending short fails it once:
//! every authorisation is released and everyone is told. The settlement
//! (`ssr::settle`, the closings worker) reads each intent back before it
//! acts, so a crash in the middle neither charges twice nor forgets anyone.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{action, Field, FormError},
    l10n::{fmt, use_lang},
    money::Money,
    page::NotFound,
};

use super::card::{CardField, Paying};

/// Stripe keeps a card authorisation for 7 days: a campaign ends within.
pub const MAX_DAYS: i64 = 7;

/// The brand's campaign form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignForm {
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub goal: String,
    /// The last day (YYYY-MM-DD, Paris time), included.
    #[serde(default)]
    pub ends_on: String,
}

/// A campaign in the brand's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRow {
    pub id: i64,
    pub item: String,
    pub goal: i64,
    pub units: i64,
    pub ends: String,
    pub state: String,
    pub state_label: String,
}

/// The brand's page: its campaigns and the items it may open one on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignsPage {
    pub campaigns: Vec<CampaignRow>,
    pub items: Vec<(i64, String)>,
}

/// An item's campaign as a guest's item page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreorderOffer {
    pub campaign_id: i64,
    pub goal: i64,
    pub units: i64,
    pub ends: String,
    pub price: Money,
    /// The goal is reached: it will be made.
    pub funded: bool,
}

/// A guest's pre-order page (`/p/:code`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreorderView {
    pub code: String,
    pub item: String,
    pub item_id: i64,
    pub quantity: i64,
    pub amount: Money,
    /// new, authorised, captured, released or abandoned.
    pub state: String,
    pub goal: i64,
    pub units: i64,
    pub ends: String,
    /// Stripe.js and the brand's key, while the card is to authorise.
    pub card: Option<(String, String)>,
    /// Once captured: the brand's updates on the making of the item.
    #[serde(default)]
    pub making: Vec<super::making::Update>,
}

/// The brand's campaigns.
#[server(prefix = "/api", endpoint = "preorder_campaigns", input = server_fn::codec::GetUrl)]
pub async fn get_campaigns() -> Result<CampaignsPage, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::campaigns_page(&state.db, admin.brand_id, chrono::Utc::now()).await
    })
    .await
}

/// The brand opens a campaign.
#[server(prefix = "/api", endpoint = "open_preorder_campaign")]
pub async fn open_campaign(form: CampaignForm) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::open_campaign(&state.db, admin.brand_id, &form, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// A guest pre-orders `quantity` of an item from their link; the page of
/// the pre-order opens, where the card is authorised.
#[server(prefix = "/api", endpoint = "start_preorder")]
pub async fn start_preorder(
    token: String,
    item_id: i64,
    quantity: i64,
    key: String,
) -> Result<String, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let guest = crate::base::access::ssr::invitation(&state.db, &token, now).await?;
        let code = ssr::start(&state.db, &guest, item_id, quantity, &key, now).await?;
        leptos_axum::redirect(&format!("/p/{code}"));
        Ok(code)
    })
    .await
}

/// A pre-order, from its code.
#[server(prefix = "/api", endpoint = "preorder", input = server_fn::codec::GetUrl)]
pub async fn get_preorder(code: String) -> Result<PreorderView, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::view(&state.db, &state.config, &code, chrono::Utc::now()).await
    })
    .await
}

/// Authorises the pre-order's amount on the card of `token` (Stripe.js).
#[server(prefix = "/api", endpoint = "authorise_preorder")]
pub async fn authorise_preorder(code: String, token: String) -> Result<Paying, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::authorise(&state.db, &state.config, &code, &token, chrono::Utc::now()).await
    })
    .await
}

/// The pre-order box of an item's page, for a guest with a personal link.
#[component]
pub fn PreorderBox(token: String, item_id: i64, offer: PreorderOffer) -> impl IntoView {
    let lang = use_lang();
    let start = action::<StartPreorder>();
    let error = Signal::derive(move || start.value().get().and_then(Result::err));
    #[cfg(feature = "ssr")]
    let key = crate::base::tokens::random_token();
    #[cfg(not(feature = "ssr"))]
    let key = String::new();
    view! {
        <section class="preorder form-card" aria-labelledby="preorder-title" data-testid="preorder">
            <h2 id="preorder-title">{tr!(lang, PREORDER_TITLE)}</h2>
            <p>{tr!(lang, PREORDER_LEAD, price = fmt::money(lang, offer.price), ends = &offer.ends)}</p>
            <meter class="bar" min="0" max=offer.goal value=offer.units.min(offer.goal)></meter>
            <p class="muted" data-testid="preorder-progress">{tr!(lang, PREORDER_PROGRESS, units = offer.units, goal = offer.goal)}</p>
            {offer.funded.then(|| view! { <p class="report">{tr!(lang, PREORDER_FUNDED_NOTE)}</p> })}
            <ActionForm action=start attr:class="form">
                <FormError error />
                <input type="hidden" name="token" value=token />
                <input type="hidden" name="item_id" value=item_id />
                <input type="hidden" name="key" value=key />
                <div class="field">
                    <label for="preorder-quantity">{tr!(lang, PREORDER_QUANTITY)}</label>
                    <select id="preorder-quantity" name="quantity">
                        {(1..=5).map(|n| view! { <option value=n>{n}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary">{tr!(lang, PREORDER_START)}</button>
            </ActionForm>
        </section>
    }
}

/// A guest's pre-order (`/p/:code`): the card to authorise, then where the
/// campaign stands.
#[component]
pub fn PreorderPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, get_preorder);
    view! {
        <Title text=tr!(lang, PREORDER_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, ORDER_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => {
                        let amount = fmt::money(lang, p.amount);
                        let said = match p.state.as_str() {
                            "authorised" => tr!(lang, PREORDER_STATE_AUTHORISED, amount = &amount, goal = p.goal, ends = &p.ends),
                            "captured" => tr!(lang, PREORDER_STATE_CAPTURED, amount = &amount),
                            "released" => tr!(lang, PREORDER_STATE_RELEASED),
                            "abandoned" => tr!(lang, PREORDER_STATE_ABANDONED),
                            _ => tr!(lang, PREORDER_STATE_NEW, amount = &amount),
                        };
                        view! {
                            <article class="tracking">
                                <p class="eyebrow">{tr!(lang, PREORDER_PAGE_TITLE)}</p>
                                <h1>{format!("{} × {}", p.quantity, p.item)}</h1>
                                <p class="lead" data-testid="preorder-state">{said}</p>
                                <meter class="bar" min="0" max=p.goal value=p.units.min(p.goal)></meter>
                                <p class="muted" data-testid="preorder-progress">{tr!(lang, PREORDER_PROGRESS, units = p.units, goal = p.goal)}</p>
                                <super::making::MakingOf updates=p.making.clone() />
                                {p.card.clone().map(|(js_url, key)| view! {
                                    <section class="pay-card" aria-labelledby="card-title" data-testid="card-payment">
                                        <h2 id="card-title">{tr!(lang, PREORDER_CARD_TITLE)}</h2>
                                        <p>{tr!(lang, PREORDER_CARD_TEXT, amount = &amount)}</p>
                                        <CardField code=p.code.clone() js_url key amount=amount.clone() preorder=true />
                                    </section>
                                })}
                            </article>
                        }.into_any()
                    }
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The brand's pre-order campaigns (`/brand/preorders`).
#[component]
pub fn CampaignsPageView() -> impl IntoView {
    let lang = use_lang();
    let open = action::<OpenCampaign>();
    let data = Resource::new(move || open.version().get(), |_| get_campaigns());
    let error = Signal::derive(move || open.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, CAMPAIGN_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/preorders" children=move |page: CampaignsPage| {
            let kept: CampaignForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
            view! {
                <header class="page-head">
                    <h1>{tr!(lang, CAMPAIGN_PAGE_TITLE)}</h1>
                    <p class="lead">{tr!(lang, CAMPAIGN_LEAD, days = MAX_DAYS)}</p>
                </header>
                {if page.campaigns.is_empty() {
                    view! { <p class="empty-state">{tr!(lang, CAMPAIGN_NONE)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list" data-testid="campaigns">
                            {page.campaigns.into_iter().map(|c| view! {
                                <li class="card" data-testid="campaign">
                                    <h2>{c.item}</h2>
                                    <p>{tr!(lang, PREORDER_PROGRESS, units = c.units, goal = c.goal)}</p>
                                    <p class="muted" data-testid="campaign-state">{format!("{} · {}", c.state_label, c.ends)}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <section class="form-card wide" aria-labelledby="new-campaign">
                    <h2 id="new-campaign">{tr!(lang, CAMPAIGN_NEW)}</h2>
                    <ActionForm action=open attr:class="form" attr:novalidate="">
                        <FormError error />
                        <div class="field">
                            <label for="campaign-item">{tr!(lang, CAMPAIGN_ITEM)}</label>
                            <select id="campaign-item" name="form[item_id]"
                                aria-invalid=move || error.get().and_then(|e| e.for_field("item_id")).map(|_| "true")
                                aria-describedby=move || error.get().and_then(|e| e.for_field("item_id")).map(|_| "campaign-item-error")>
                                <option value="">{tr!(lang, DRAW_CHOOSE)}</option>
                                {page.items.iter().map(|(id, name)| view! { <option value=*id selected=kept.item_id == id.to_string()>{name.clone()}</option> }).collect_view()}
                            </select>
                            {move || error.get().and_then(|e| e.for_field("item_id")).map(|m| view! { <p class="field-error" id="campaign-item-error" role="alert">{m}</p> })}
                        </div>
                        <Field id="campaign-goal" field="goal" name="form[goal]" label=tr!(lang, CAMPAIGN_GOAL) kind="number" value=kept.goal.clone() error />
                        <Field id="campaign-ends" field="ends_on" name="form[ends_on]" label=tr!(lang, CAMPAIGN_ENDS) kind="date" value=kept.ends_on.clone() error />
                        <button type="submit" class="button primary" disabled=move || open.pending().get()>{tr!(lang, CAMPAIGN_OPEN)}</button>
                    </ActionForm>
                </section>
            }
        } />
    }
}

#[cfg(feature = "ssr")]
pub mod ssr;
