//! Host rewards: the brand's tier table, an event's live progress toward
//! the next reward, closing an event, and the host's credit ledger.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    forms::{action, Confirm, FormError, LastForm},
    money::Money,
};

pub mod domain;
pub mod redeem;
#[cfg(feature = "ssr")]
pub mod ssr;

/// Rows of the tier table in the rules form.
pub const TIER_ROWS: usize = 5;

/// The reward rules as typed (euros and percents).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesForm {
    #[serde(default)]
    pub from: Vec<String>,
    #[serde(default)]
    pub percent: Vec<String>,
    #[serde(default)]
    pub items: Vec<String>,
    pub min_buying_guests: String,
    pub booking_bonus_items: String,
    pub booking_window_days: String,
}

/// An event's standing toward its host's rewards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardProgress {
    /// Paid orders' items (no shipping, no cancelled or refunded orders).
    pub qualifying: Money,
    /// Placed orders not paid yet: they count once paid.
    pub awaiting_payment: Money,
    pub buying_guests: i64,
    pub min_buying_guests: i64,
    /// The tier reached, from 1.
    pub tier: Option<i64>,
    pub credit: Money,
    pub half_price_items: i64,
    /// The next tier's threshold and what is missing to reach it.
    pub next_from: Option<Money>,
    pub to_next: Option<Money>,
    pub next_percent_bp: i64,
    pub next_items: i64,
    pub closed: bool,
}

impl RewardProgress {
    /// "€X more to reach the next reward", or where the host stands.
    pub fn headline(&self) -> String {
        if self.closed {
            return match self.tier {
                Some(t) => format!("Final reward: tier {t}, {}", self.reward_words()),
                None => "The party closed without a reward".to_owned(),
            };
        }
        match (self.to_next, self.tier) {
            (Some(more), _) => format!(
                "{more} more to reach the next reward: {}% credit and {} half-price item{}",
                self.next_percent_bp as f64 / 100.0,
                self.next_items,
                if self.next_items == 1 { "" } else { "s" }
            ),
            (None, Some(_)) => "Top reward reached".to_owned(),
            (None, None) => "No reward tiers set".to_owned(),
        }
    }

    /// "€21.00 credit and 1 half-price item", or the credit alone.
    pub fn reward_words(&self) -> String {
        match self.half_price_items {
            0 => format!("{} credit", self.credit),
            1 => format!("{} credit and 1 half-price item", self.credit),
            n => format!("{} credit and {n} half-price items", self.credit),
        }
    }

    /// Guests still needed for any reward.
    pub fn guests_missing(&self) -> i64 {
        (self.min_buying_guests - self.buying_guests).max(0)
    }
}

/// The rewards panel of an event page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardPanel {
    pub event_id: i64,
    pub progress: RewardProgress,
    /// "Closed on … (by …)", once closed.
    pub closed: Option<String>,
    pub deadline: String,
    pub can_close: bool,
    /// The ordering time closing now takes from guests ("5 days"), when
    /// the deadline is still ahead.
    pub ordering_left: Option<String>,
}

/// One line of the host's credit ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub when: String,
    pub what: String,
    pub event_id: Option<i64>,
    pub credit: Money,
    pub half_price_items: i64,
}

/// What a host has to spend, and how it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostCredit {
    pub balance: Money,
    pub half_price_items: i64,
    pub entries: Vec<LedgerEntry>,
}

/// The rewards panel for the event's host or the brand's admin.
#[server(prefix = "/api", endpoint = "reward_panel", input = server_fn::codec::GetUrl)]
pub async fn get_reward_panel(event_id: i64) -> Result<RewardPanel, AppError> {
    serve(async move {
        let viewer = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        crate::base::access::ssr::ensure_visible(&state.db, &viewer, event_id).await?;
        let is_host = viewer.role == crate::Role::Host;
        ssr::panel(&state.db, event_id, is_host, chrono::Utc::now()).await
    })
    .await
}

/// The host closes their event: orders stop and the reward is credited.
#[server(prefix = "/api", endpoint = "close_event")]
pub async fn close_event(event_id: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        crate::base::access::ssr::ensure_visible(&state.db, &host, event_id).await?;
        let now = chrono::Utc::now();
        if !ssr::started(&state.db, event_id, now).await? {
            return Err(AppError::invalid(
                "close",
                "The party has not started yet: close it once it has taken place.",
            ));
        }
        ssr::close(&state.db, &state.config, event_id, "by the host", now)
            .await
            .map_err(AppError::from)?;
        Ok(())
    })
    .await
}

/// The brand's reward rules, as the form shows them.
#[server(prefix = "/api", endpoint = "reward_rules", input = server_fn::codec::GetUrl)]
pub async fn get_reward_rules() -> Result<RulesForm, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        Ok(domain::form_of(
            &ssr::rules(&state.db, admin.brand_id).await?,
        ))
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_reward_rules")]
pub async fn save_reward_rules(form: RulesForm) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::save_rules(&state.db, admin.brand_id, &form)
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// The signed-in host's credit and ledger.
#[server(prefix = "/api", endpoint = "host_credit", input = server_fn::codec::GetUrl)]
pub async fn get_host_credit() -> Result<HostCredit, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::credit(&state.db, host.id).await
    })
    .await
}

/// The progress bar toward the next reward, on the event page and in the
/// presentation.
#[component]
pub fn RewardBar(progress: RewardProgress) -> impl IntoView {
    let (value, max) = match progress.next_from {
        Some(next) => (progress.qualifying.minor(), next.minor().max(1)),
        None => (1, 1),
    };
    view! {
        <div class="reward-bar" data-testid="reward-bar">
            <p class="reward-headline" data-testid="reward-headline">{progress.headline()}</p>
            <progress max=max value=value aria-label="Qualifying sales toward the next reward">
                {format!("{} of {}", progress.qualifying, progress.next_from.unwrap_or(progress.qualifying))}
            </progress>
            <p class="reward-figures">
                <span data-testid="reward-sales"><strong>{progress.qualifying.to_string()}</strong>" qualifying sales"</span>
                <span data-testid="reward-buyers"><strong>{progress.buying_guests}</strong>{format!(
                    " buying guest{} · {} needed",
                    if progress.buying_guests == 1 { "" } else { "s" },
                    progress.min_buying_guests
                )}</span>
                <span data-testid="reward-tier">{match (progress.tier, progress.half_price_items) {
                    (Some(t), 0) => format!("Tier {t}: {} credit", progress.credit),
                    (Some(t), 1) => format!("Tier {t}: {} credit, 1 half-price item", progress.credit),
                    (Some(t), n) => format!("Tier {t}: {} credit, {n} half-price items", progress.credit),
                    (None, _) => "No tier yet".to_owned(),
                }}</span>
            </p>
        </div>
    }
}

/// How often an open event's rewards panel refreshes.
const REFRESH_MS: u64 = 5_000;

/// The rewards panel's data and its close form, made once by the page (see
/// `GuestListState` in invitations).
#[derive(Clone, Copy)]
pub struct RewardPanelState {
    close: ServerAction<CloseEvent>,
    tick: RwSignal<u64>,
    data: Resource<Result<RewardPanel, AppError>>,
}

impl RewardPanelState {
    pub fn new(event_id: Memo<i64>) -> Self {
        let close = ServerAction::<CloseEvent>::new();
        let tick = RwSignal::new(0u64);
        let data = Resource::new(
            move || (event_id.get(), close.version().get(), tick.get()),
            |(event_id, ..)| get_reward_panel(event_id),
        );
        RewardPanelState { close, tick, data }
    }
}

/// The host's rewards for one event: live progress, then the close button,
/// then once closed, what was credited.
#[component]
pub fn RewardPanelView(state: RewardPanelState) -> impl IntoView {
    let RewardPanelState { close, tick, data } = state;
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(
            move || tick.update(|t| *t += 1),
            std::time::Duration::from_millis(REFRESH_MS),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    let error = LastForm::of_page().error(close);
    view! {
        <section class="rewards" aria-labelledby="rewards-title" data-testid="rewards">
            <h2 id="rewards-title">"Your rewards"</h2>
            <Transition fallback=|| view! { <p class="muted">"Loading your rewards…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                        Ok(p) => view! {
                            <RewardBar progress=p.progress />
                            {(p.progress.guests_missing() > 0 && !p.progress.closed).then(|| view! {
                                <p class="muted">{format!(
                                    "Rewards need {} buying guests: {} more to go.",
                                    p.progress.min_buying_guests,
                                    p.progress.guests_missing()
                                )}</p>
                            })}
                            {(p.progress.awaiting_payment.minor() > 0).then(|| view! {
                                <p class="muted">{format!("{} of orders await payment: they count once paid.", p.progress.awaiting_payment)}</p>
                            })}
                            {match p.closed.clone() {
                                Some(closed) => view! {
                                    <p class="report" role="status" data-testid="closed-note">
                                        {closed} " "
                                        {if p.progress.tier.is_some() {
                                            format!("Credited: {}.", p.progress.reward_words())
                                        } else {
                                            "No reward this time.".to_owned()
                                        }}
                                    </p>
                                    <p><a class="button primary" href="/host/credit">"See and spend your credit"</a></p>
                                }.into_any(),
                                None => view! {
                                    <p>"Orders close " {p.deadline.clone()} ". The party then closes by itself; you will get an email 2 days before."</p>
                                    {p.can_close.then(|| {
                                        let consequence = format!(
                                            "{} Your reward is credited now from the paid orders: {}. This cannot be undone.",
                                            match &p.ordering_left {
                                                Some(left) => format!("Orders stop now instead of {}: guests lose {left} of ordering, and their pages say the party is over.", p.deadline),
                                                None => "Orders stop now.".to_owned(),
                                            },
                                            if p.progress.tier.is_some() { p.progress.reward_words() } else { "no reward yet".to_owned() },
                                        );
                                        view! {
                                            <Confirm label="Close the party now" consequence>
                                                <ActionForm action=close attr:class="inline-form">
                                                    <input type="hidden" name="event_id" value=p.event_id />
                                                    <button type="submit" class="button primary" disabled=move || close.pending().get()>"Yes, close the party"</button>
                                                </ActionForm>
                                            </Confirm>
                                        }
                                    })}
                                }.into_any(),
                            }}
                        }.into_any(),
                    }
                })}
            </Transition>
            <FormError error />
        </section>
    }
}

/// The reward rules section of the brand's settings.
#[component]
pub fn RulesEditor() -> impl IntoView {
    let save = action::<SaveRewardRules>();
    let data = Resource::new(move || save.version().get(), |_| get_reward_rules());
    let saving = LastForm::of_page().answer(save);
    let error = Signal::derive(move || saving.get().and_then(Result::err));
    let saved = move || matches!(saving.get(), Some(Ok(())));
    let field_error = move |name: String| move || error.get().and_then(|e| e.for_field(&name));
    view! {
        <section class="form-card wide" aria-labelledby="rules-title">
            <h2 id="rules-title">"Host rewards"</h2>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let form = match data.await {
                        Ok(f) => f,
                        Err(e) => return view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    };
                    let form: RulesForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or(form);
                    view! {
                        <ActionForm action=save attr:class="form" attr:novalidate="">
                            <FormError error />
                            {move || saved().then(|| view! { <p class="report" role="status">"Reward rules saved."</p> })}
                            <p class="hint">"A host reaches a tier with the paid orders of a party (items only, no shipping). Leave a row empty to drop it."</p>
                            <div class="table-scroll">
                                <table class="rules-table">
                                    <thead><tr>
                                        <th scope="col">"Tier"</th><th scope="col">"From (€ of sales)"</th>
                                        <th scope="col">"Credit (%)"</th><th scope="col">"Half-price items"</th>
                                    </tr></thead>
                                    <tbody>
                                        {(0..TIER_ROWS).map(|i| {
                                            let get = |v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
                                            view! {
                                                <tr>
                                                    <th scope="row">{i + 1}</th>
                                                    <td>
                                                        <label class="sr-only" for=format!("from-{i}")>{format!("Tier {}: from (€ of sales)", i + 1)}</label>
                                                        <input id=format!("from-{i}") name=format!("form[from][{i}]") inputmode="decimal" value=get(&form.from) />
                                                        {let f = field_error(format!("from-{i}")); move || f().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                                    </td>
                                                    <td>
                                                        <label class="sr-only" for=format!("percent-{i}")>{format!("Tier {}: credit (%)", i + 1)}</label>
                                                        <input id=format!("percent-{i}") name=format!("form[percent][{i}]") inputmode="decimal" value=get(&form.percent) />
                                                        {let f = field_error(format!("percent-{i}")); move || f().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                                    </td>
                                                    <td>
                                                        <label class="sr-only" for=format!("items-{i}")>{format!("Tier {}: half-price items", i + 1)}</label>
                                                        <input id=format!("items-{i}") name=format!("form[items][{i}]") inputmode="numeric" value=get(&form.items) />
                                                        {let f = field_error(format!("items-{i}")); move || f().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <div class="field-row">
                                <crate::base::forms::Field id="min_buying_guests" name="form[min_buying_guests]" label="Buying guests needed (besides the host)" value=form.min_buying_guests.clone() inputmode="numeric" error />
                                <crate::base::forms::Field id="booking_bonus_items" name="form[booking_bonus_items]" label="Half-price items per booking" value=form.booking_bonus_items.clone() inputmode="numeric" error />
                                <crate::base::forms::Field id="booking_window_days" name="form[booking_window_days]" label="Days for a booked party to be held" value=form.booking_window_days.clone() inputmode="numeric" error />
                            </div>
                            <button type="submit" class="button primary">"Save the reward rules"</button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
