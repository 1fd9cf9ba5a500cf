//! Host rewards: the brand's tier table, an event's live progress toward
//! the next reward, closing an event, and the host's credit ledger.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    forms::{action, Confirm, FormError, LastForm},
    l10n::{fmt::money, Lang},
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
    /// Empty reads as 0.
    #[serde(default)]
    pub cohost_share_pct: String,
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

/// A percentage in basis points as `lang` writes its number: 1250 →
/// "12.5" in English, "12,5" in French (the message adds the sign).
pub fn percent_number(lang: Lang, bp: i64) -> String {
    let text = format!("{}", bp as f64 / 100.0);
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Where a message's figure goes, for the view to set it in bold: format
/// the message with `figure = FIGURE`, then split it with [`around_figure`].
pub const FIGURE: &str = "\u{E000}";

/// The text before and after a message's figure; none where empty.
pub fn around_figure(text: &str) -> (Option<String>, Option<String>) {
    let (before, after) = text.split_once(FIGURE).unwrap_or((text, ""));
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    (some(before), some(after))
}

impl RewardProgress {
    /// "€X more to reach the next reward", or where the host stands.
    pub fn headline(&self, lang: Lang) -> String {
        if self.closed {
            return match self.tier {
                Some(t) => tr!(
                    lang,
                    REWARD_FINAL,
                    tier = t,
                    reward = self.reward_words(lang)
                ),
                None => tr!(lang, REWARD_CLOSED_NONE),
            };
        }
        match (self.to_next, self.tier) {
            (Some(more), _) => tr!(
                lang,
                REWARD_TO_NEXT,
                amount = money(lang, more),
                percent = percent_number(lang, self.next_percent_bp),
                items = self.next_items
            ),
            (None, Some(_)) => tr!(lang, REWARD_TOP),
            (None, None) => tr!(lang, REWARD_NO_TIERS),
        }
    }

    /// "€21.00 credit and 1 half-price item", or the credit alone.
    pub fn reward_words(&self, lang: Lang) -> String {
        tr!(
            lang,
            REWARD_WORDS,
            credit = money(lang, self.credit),
            items = self.half_price_items
        )
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
    /// The host's own party when the line is its reward (it links there).
    #[serde(default)]
    pub is_reward: bool,
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
        // The party's own host closes it: not a co-host, not the brand.
        let is_host = viewer.role == crate::Role::Host
            && crate::base::access::ssr::ensure_hosted(&state.db, &viewer, event_id)
                .await
                .is_ok();
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
        // The host only: a co-host helps run the party but does not close it.
        crate::base::access::ssr::ensure_hosted(&state.db, &host, event_id).await?;
        let now = chrono::Utc::now();
        if !ssr::started(&state.db, event_id, now).await? {
            return Err(AppError::invalid(
                "close",
                tr!(crate::base::l10n::page_lang(), REWARD_ERROR_NOT_STARTED),
            ));
        }
        ssr::close(&state.db, &state.config, event_id, ssr::BY_HOST, now)
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
    let lang = crate::base::l10n::use_lang();
    let (value, max) = match progress.next_from {
        Some(next) => (progress.qualifying.minor(), next.minor().max(1)),
        None => (1, 1),
    };
    let (sales_before, sales_after) = around_figure(&tr!(lang, REWARD_SALES, figure = FIGURE));
    let (buyers_before, buyers_after) = around_figure(&tr!(
        lang,
        REWARD_BUYERS,
        count = progress.buying_guests,
        figure = FIGURE,
        needed = progress.min_buying_guests
    ));
    view! {
        <div class="reward-bar" data-testid="reward-bar">
            <p class="reward-headline" data-testid="reward-headline">{progress.headline(lang)}</p>
            <progress max=max value=value aria-label=tr!(lang, REWARD_BAR_LABEL)>
                {tr!(lang, REWARD_BAR_TEXT,
                    sales = money(lang, progress.qualifying),
                    target = money(lang, progress.next_from.unwrap_or(progress.qualifying)))}
            </progress>
            <p class="reward-figures">
                <span data-testid="reward-sales">{sales_before}<strong>{money(lang, progress.qualifying)}</strong>{sales_after}</span>
                <span data-testid="reward-buyers">{buyers_before}<strong>{progress.buying_guests}</strong>{buyers_after}</span>
                <span data-testid="reward-tier">{match progress.tier {
                    Some(t) => tr!(lang, REWARD_TIER, tier = t, credit = money(lang, progress.credit),
                        items = progress.half_price_items),
                    None => tr!(lang, REWARD_NO_TIER),
                }}</span>
            </p>
        </div>
    }
}

/// The rewards panel's data, read once by the page (not inside its Gate,
/// which the server may render more than once).
pub fn reward_panel_data(event_id: Memo<i64>) -> Resource<Result<RewardPanel, AppError>> {
    Resource::new(move || event_id.get(), get_reward_panel)
}

/// The host's rewards for one event: live progress, then the close button,
/// then once closed, what was credited.
#[component]
pub fn RewardPanelView(data: Resource<Result<RewardPanel, AppError>>) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    view! {
        <section class="rewards" aria-labelledby="rewards-title" data-testid="rewards">
            <h2 id="rewards-title">{tr!(lang, REWARD_YOUR_REWARDS)}</h2>
            <Suspense fallback=move || view! { <p class="muted">{tr!(lang, REWARD_LOADING)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(panel) => view! { <RewardPanelLive panel carried=crate::base::forms::Carried::here() /> }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The panel in the browser: the server pushes each change of the party's
/// figures, and the panel reads itself again (the first message is the
/// party as the page already shows it); closing shows in place.
#[island(lazy)]
fn RewardPanelLive(panel: RewardPanel, carried: crate::base::forms::Carried) -> impl IntoView {
    carried.provide();
    let event_id = panel.event_id;
    let close = ServerAction::<CloseEvent>::new();
    let tick = RwSignal::new(0usize);
    let data = RwSignal::new(Ok::<_, AppError>(panel));
    crate::base::islands::reload_on(
        data,
        move || close.version().get() + tick.get(),
        move || get_reward_panel(event_id),
    );
    Effect::new(move |_| {
        let first = std::cell::Cell::new(true);
        crate::base::live::on_pushed::<serde_json::Value>(
            crate::base::live::host_url(event_id),
            move |_| {
                if !first.replace(false) {
                    tick.update(|t| *t += 1);
                }
            },
        )
    });
    let error = LastForm::of_page().error(close);
    let lang = crate::base::l10n::use_lang();
    view! {
                {move || {
                    match data.get() {
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                        Ok(p) => view! {
                            <RewardBar progress=p.progress />
                            {(p.progress.guests_missing() > 0 && !p.progress.closed).then(|| view! {
                                <p class="muted">{tr!(lang, REWARD_GUESTS_MISSING,
                                    needed = p.progress.min_buying_guests,
                                    missing = p.progress.guests_missing())}</p>
                            })}
                            {(p.progress.awaiting_payment.minor() > 0).then(|| view! {
                                <p class="muted">{tr!(lang, REWARD_AWAITING, amount = money(lang, p.progress.awaiting_payment))}</p>
                            })}
                            {match p.closed.clone() {
                                Some(closed) => view! {
                                    <p class="report" role="status" data-testid="closed-note">
                                        {closed} " "
                                        {if p.progress.tier.is_some() {
                                            tr!(lang, REWARD_CREDITED, reward = p.progress.reward_words(lang))
                                        } else {
                                            tr!(lang, REWARD_NONE_THIS_TIME)
                                        }}
                                    </p>
                                    <p><a class="button primary" href="/host/credit">{tr!(lang, REWARD_SEE_CREDIT)}</a></p>
                                }.into_any(),
                                None => view! {
                                    <p>{tr!(lang, REWARD_ORDERS_CLOSE, deadline = &p.deadline)}</p>
                                    {p.can_close.then(|| {
                                        let consequence = format!(
                                            "{} {}",
                                            match &p.ordering_left {
                                                Some(left) => tr!(lang, REWARD_CLOSE_EARLY, deadline = &p.deadline, left = left),
                                                None => tr!(lang, REWARD_CLOSE_NOW),
                                            },
                                            tr!(lang, REWARD_CLOSE_CREDIT, reward = if p.progress.tier.is_some() {
                                                p.progress.reward_words(lang)
                                            } else {
                                                tr!(lang, REWARD_NO_REWARD_YET)
                                            }),
                                        );
                                        view! {
                                            <Confirm label=tr!(lang, REWARD_CLOSE_LABEL) consequence>
                                                <ActionForm action=close attr:class="inline-form">
                                                    <input type="hidden" name="event_id" value=p.event_id />
                                                    <button type="submit" class="button primary" disabled=move || close.pending().get()>{tr!(lang, REWARD_CLOSE_CONFIRM)}</button>
                                                </ActionForm>
                                            </Confirm>
                                        }
                                    })}
                                }.into_any(),
                            }}
                        }.into_any(),
                    }
                }}
            <FormError error />
    }
}

/// The brand's reward rules and the action that saves them, made with the
/// settings page rather than inside its `Suspense` (a resource made inside
/// one is made anew each time the server re-walks it).
#[derive(Clone, Copy)]
pub struct RulesData {
    save: ServerAction<SaveRewardRules>,
    data: Resource<Result<RulesForm, AppError>>,
}

impl RulesData {
    pub fn new() -> Self {
        let save = action::<SaveRewardRules>();
        let data = Resource::new(move || save.version().get(), |_| get_reward_rules());
        RulesData { save, data }
    }
}

impl Default for RulesData {
    fn default() -> Self {
        Self::new()
    }
}

/// The reward rules section of the brand's settings.
#[component]
pub fn RulesEditor(
    /// The brand's currency, the thresholds'.
    currency: crate::base::money::Currency,
    loaded: RulesData,
) -> impl IntoView {
    let RulesData { save, data } = loaded;
    let saving = LastForm::of_page().answer(save);
    let error = Signal::derive(move || saving.get().and_then(Result::err));
    let saved = move || matches!(saving.get(), Some(Ok(())));
    let field_error = move |name: String| move || error.get().and_then(|e| e.for_field(&name));
    let lang = crate::base::l10n::use_lang();
    view! {
        <section class="form-card wide" aria-labelledby="rules-title">
            <h2 id="rules-title">{tr!(lang, REWARD_RULES_TITLE)}</h2>
            <Transition fallback=move || view! { <p class="muted">{tr!(lang, SHOWCASE_LOADING)}</p> }>
                {move || Suspend::new(async move {
                    let form = match data.await {
                        Ok(f) => f,
                        Err(e) => return view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    };
                    let form: RulesForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or(form);
                    view! {
                        <ActionForm action=save attr:class="form" attr:novalidate="">
                            <FormError error />
                            {move || saved().then(|| view! { <p class="report" role="status">{tr!(lang, REWARD_RULES_SAVED)}</p> })}
                            <p class="hint">{tr!(lang, REWARD_RULES_HINT)}</p>
                            <div class="table-scroll">
                                <table class="rules-table">
                                    <thead><tr>
                                        <th scope="col">{tr!(lang, REWARD_COL_TIER)}</th><th scope="col">{tr!(lang, REWARD_COL_FROM, unit = currency.unit())}</th>
                                        <th scope="col">{tr!(lang, REWARD_COL_CREDIT)}</th><th scope="col">{tr!(lang, CREDIT_COL_ITEMS)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {(0..TIER_ROWS).map(|i| {
                                            let get = |v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
                                            view! {
                                                <tr>
                                                    <th scope="row">{i + 1}</th>
                                                    <td>
                                                        <label class="sr-only" for=format!("from-{i}")>{tr!(lang, REWARD_TIER_FROM, tier = i + 1, unit = currency.unit())}</label>
                                                        <input id=format!("from-{i}") name=format!("form[from][{i}]") inputmode="decimal" value=get(&form.from) />
                                                        {let f = field_error(format!("from-{i}")); move || f().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                                    </td>
                                                    <td>
                                                        <label class="sr-only" for=format!("percent-{i}")>{tr!(lang, REWARD_TIER_CREDIT, tier = i + 1)}</label>
                                                        <input id=format!("percent-{i}") name=format!("form[percent][{i}]") inputmode="decimal" value=get(&form.percent) />
                                                        {let f = field_error(format!("percent-{i}")); move || f().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                                                    </td>
                                                    <td>
                                                        <label class="sr-only" for=format!("items-{i}")>{tr!(lang, REWARD_TIER_ITEMS, tier = i + 1)}</label>
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
                                <crate::base::forms::Field id="min_buying_guests" name="form[min_buying_guests]" label=tr!(lang, REWARD_MIN_BUYERS) value=form.min_buying_guests.clone() inputmode="numeric" error />
                                <crate::base::forms::Field id="booking_bonus_items" name="form[booking_bonus_items]" label=tr!(lang, REWARD_BOOKING_ITEMS) value=form.booking_bonus_items.clone() inputmode="numeric" error />
                                <crate::base::forms::Field id="booking_window_days" name="form[booking_window_days]" label=tr!(lang, REWARD_BOOKING_DAYS) value=form.booking_window_days.clone() inputmode="numeric" error />
                                <crate::base::forms::Field id="cohost_share_pct" name="form[cohost_share_pct]" label=tr!(lang, REWARD_COHOST_SHARE) hint=tr!(lang, REWARD_COHOST_SHARE_HINT) value=form.cohost_share_pct.clone() inputmode="numeric" error />
                            </div>
                            <button type="submit" class="button primary">{tr!(lang, REWARD_RULES_SAVE)}</button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
