//! A fair drawing at the party. The brand offers a prize (an item, or
//! credit on the winner's next orders: `base::guest_credit`) on one
//! party or on every party of a period, to the guests who said yes or to
//! those who bought. Before the party its page shows the commitment (the
//! SHA-256 of a random seed); the host draws on the presentation screen;
//! then the seed is shown with the eligible guests' ids, so that anyone
//! can redo the drawing (`domain`, and `soiree verify-draw`). One drawing
//! per party, whatever the clicks; the winner gets the prize (a free order,
//! or credit) and a mail.

#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{action, Field, FormError},
    l10n::use_lang,
};

/// A party's drawing as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawView {
    pub prize: String,
    /// Who may win, in words.
    pub rule: String,
    /// The SHA-256 of the seed, shown before the drawing.
    pub commitment: String,
    pub drawn: Option<Drawn>,
}

/// A drawing done: the winner and what it takes to redo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    /// First name and initial.
    pub winner: String,
    pub winner_id: Option<i64>,
    pub seed: String,
    /// The eligible guests' ids, ascending, comma-separated.
    pub eligible: String,
}

/// The brand's offer form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferForm {
    /// A party's id, or empty for a period.
    #[serde(default)]
    pub event_id: String,
    #[serde(default)]
    pub period_from: String,
    #[serde(default)]
    pub period_to: String,
    /// `item` or `credit`.
    #[serde(default)]
    pub prize_kind: String,
    #[serde(default)]
    pub item_id: String,
    /// The credit's amount as typed, in the brand's currency.
    #[serde(default)]
    pub credit: String,
    #[serde(default)]
    pub rule: String,
}

/// One offer in the brand's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferRow {
    pub id: i64,
    /// The party's title, or the period.
    pub scope: String,
    pub prize: String,
    pub rule: String,
}

/// The brand's page: its offers, and the choices of its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffersPage {
    pub offers: Vec<OfferRow>,
    pub parties: Vec<(i64, String)>,
    pub items: Vec<(i64, String)>,
}

/// The drawing of a party, for its host, a co-host or the brand admin.
#[server(prefix = "/api", endpoint = "party_draw", input = server_fn::codec::GetUrl)]
pub async fn get_party_draw(event_id: i64) -> Result<Option<DrawView>, AppError> {
    serve(async move {
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        crate::base::access::ssr::ensure_visible(&state.db, &user, event_id).await?;
        ssr::view(&state.db, event_id, chrono::Utc::now()).await
    })
    .await
}

/// The host (or a co-host) draws the winner.
#[server(prefix = "/api", endpoint = "run_draw")]
pub async fn run_draw(event_id: i64) -> Result<DrawView, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::draw(
            &state.db,
            &state.config,
            &host,
            event_id,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// The brand's offers and the form's choices.
#[server(prefix = "/api", endpoint = "prize_offers", input = server_fn::codec::GetUrl)]
pub async fn get_prize_offers() -> Result<OffersPage, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::offers_page(&state.db, admin.brand_id, chrono::Utc::now()).await
    })
    .await
}

/// The brand offers a prize.
#[server(prefix = "/api", endpoint = "create_prize_offer")]
pub async fn create_prize_offer(form: OfferForm) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::create_offer(&state.db, admin.brand_id, &form, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// How anyone redoes the drawing, with its figures.
#[component]
fn HowToCheck(commitment: String, drawn: Drawn) -> impl IntoView {
    let lang = use_lang();
    view! {
        <details class="draw-check">
            <summary>{tr!(lang, DRAW_CHECK_TITLE)}</summary>
            <p>{tr!(lang, DRAW_CHECK_TEXT)}</p>
            <dl class="facts">
                <dt>{tr!(lang, DRAW_COMMITMENT)}</dt><dd><code>{commitment}</code></dd>
                <dt>{tr!(lang, DRAW_SEED)}</dt><dd><code data-testid="draw-seed">{drawn.seed.clone()}</code></dd>
                <dt>{tr!(lang, DRAW_ELIGIBLE)}</dt><dd><code data-testid="draw-eligible">{drawn.eligible.clone()}</code></dd>
            </dl>
            <p><code>{format!("soiree verify-draw --seed {} --ids {}", drawn.seed, drawn.eligible)}</code></p>
        </details>
    }
}

/// The drawing's section on the party's page: the prize, who may win, the
/// commitment, and once drawn the winner and how to check.
#[component]
pub fn PartyDraw(draw: DrawView) -> impl IntoView {
    let lang = use_lang();
    let commitment = draw.commitment.clone();
    view! {
        <section class="draw" aria-labelledby="draw-title" data-testid="party-draw">
            <h2 id="draw-title">{tr!(lang, DRAW_TITLE)}</h2>
            <p>{tr!(lang, DRAW_PRIZE, prize = &draw.prize, rule = &draw.rule)}</p>
            {match draw.drawn.clone() {
                None => view! {
                    <p>{tr!(lang, DRAW_PROMISE)}</p>
                    <p><code class="commitment" data-testid="draw-commitment">{commitment.clone()}</code></p>
                }.into_any(),
                Some(d) => view! {
                    <p class="report" data-testid="draw-winner">{tr!(lang, DRAW_WON_BY, name = &d.winner)}</p>
                    <HowToCheck commitment=commitment.clone() drawn=d />
                }.into_any(),
            }}
        </section>
    }
}

/// The drawing on the presentation screen: the button, then the winner's
/// name revealed with an animation (a plain form: it works before the
/// page's scripts, or without them).
#[component]
pub fn DrawOnScreen(event_id: i64, draw: DrawView) -> impl IntoView {
    let lang = use_lang();
    let run = action::<RunDraw>();
    let error = Signal::derive(move || run.value().get().and_then(Result::err));
    let drawn = move || {
        run.value()
            .get()
            .and_then(Result::ok)
            .and_then(|d| d.drawn)
            .or_else(|| draw.drawn.clone())
    };
    view! {
        <section class="draw-screen" aria-labelledby="draw-screen-title" aria-live="polite">
            <h2 id="draw-screen-title">{tr!(lang, DRAW_TITLE)}</h2>
            <p>{tr!(lang, DRAW_PRIZE, prize = &draw.prize, rule = &draw.rule)}</p>
            {move || match drawn() {
                Some(d) => view! { <p class="draw-winner" data-testid="draw-winner">{d.winner}</p> }.into_any(),
                None => view! {
                    <ActionForm action=run attr:class="inline-form">
                        <input type="hidden" name="event_id" value=event_id />
                        <button type="submit" class="button primary" disabled=move || run.pending().get()>{tr!(lang, DRAW_RUN)}</button>
                    </ActionForm>
                    <FormError error />
                }.into_any(),
            }}
        </section>
    }
}

/// The brand's prize drawings (`/brand/draws`).
#[component]
pub fn DrawsPage() -> impl IntoView {
    let lang = use_lang();
    let create = action::<CreatePrizeOffer>();
    let data = Resource::new(move || create.version().get(), |_| get_prize_offers());
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, DRAW_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/draws" children=move |page: OffersPage| {
            let kept: OfferForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
            view! {
                <header class="page-head">
                    <h1>{tr!(lang, DRAW_PAGE_TITLE)}</h1>
                    <p class="lead">{tr!(lang, DRAW_PAGE_LEAD)}</p>
                </header>
                {if page.offers.is_empty() {
                    view! { <p class="empty-state">{tr!(lang, DRAW_NONE)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list" data-testid="prize-offers">
                            {page.offers.into_iter().map(|o| view! {
                                <li class="card"><h2>{o.prize}</h2><p class="muted">{format!("{} · {}", o.scope, o.rule)}</p></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <section class="form-card wide" aria-labelledby="new-offer">
                    <h2 id="new-offer">{tr!(lang, DRAW_NEW)}</h2>
                    <ActionForm action=create attr:class="form" attr:novalidate="">
                        <FormError error />
                        <fieldset class="field">
                            <legend>{tr!(lang, DRAW_KIND)}</legend>
                            <label class="choice"><input type="radio" name="form[prize_kind]" value="item" checked=kept.prize_kind != "credit" />{format!(" {}", tr!(lang, DRAW_KIND_ITEM))}</label>
                            <label class="choice"><input type="radio" name="form[prize_kind]" value="credit" checked=kept.prize_kind == "credit" />{format!(" {}", tr!(lang, DRAW_KIND_CREDIT))}</label>
                        </fieldset>
                        <div class="field">
                            <label for="offer-item">{tr!(lang, DRAW_ITEM)}</label>
                            <select id="offer-item" name="form[item_id]">
                                <option value="">{tr!(lang, DRAW_CHOOSE)}</option>
                                {page.items.iter().map(|(id, name)| view! { <option value=*id selected=kept.item_id == id.to_string()>{name.clone()}</option> }).collect_view()}
                            </select>
                            {move || error.get().and_then(|e| e.for_field("item_id")).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        </div>
                        <Field id="offer-credit" field="credit" name="form[credit]" label=tr!(lang, DRAW_CREDIT) value=kept.credit.clone() hint=tr!(lang, DRAW_CREDIT_HINT) error />
                        <div class="field">
                            <label for="offer-party">{tr!(lang, DRAW_PARTY)}</label>
                            <select id="offer-party" name="form[event_id]">
                                <option value="">{tr!(lang, DRAW_ALL_IN_PERIOD)}</option>
                                {page.parties.iter().map(|(id, title)| view! { <option value=*id selected=kept.event_id == id.to_string()>{title.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <Field id="offer-from" field="period_from" name="form[period_from]" label=tr!(lang, DRAW_FROM) kind="date" value=kept.period_from.clone() error />
                        <Field id="offer-to" field="period_to" name="form[period_to]" label=tr!(lang, DRAW_TO) kind="date" value=kept.period_to.clone() error />
                        <fieldset class="field">
                            <legend>{tr!(lang, DRAW_WHO)}</legend>
                            <label class="choice"><input type="radio" name="form[rule]" value="yes" checked=kept.rule != "bought" />{format!(" {}", tr!(lang, DRAW_RULE_YES))}</label>
                            <label class="choice"><input type="radio" name="form[rule]" value="bought" checked=kept.rule == "bought" />{format!(" {}", tr!(lang, DRAW_RULE_BOUGHT))}</label>
                            {move || error.get().and_then(|e| e.for_field("rule")).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        </fieldset>
                        <button type="submit" class="button primary" disabled=move || create.pending().get()>{tr!(lang, DRAW_CREATE)}</button>
                    </ActionForm>
                </section>
            }
        } />
    }
}
