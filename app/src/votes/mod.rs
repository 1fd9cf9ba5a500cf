//! The brand's votes ("which colour should we make next?"): a question with
//! 2 to 6 options, on items or free text. Guests vote once from their
//! personal link and see the results after voting; the brand sees the
//! results per event and overall.

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
    forms::{Field, FormError},
};

/// How many options a poll may have.
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 6;

/// The poll form as typed: six rows, each a label and/or an item id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollForm {
    pub question: String,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

/// A poll in the brand's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollSummary {
    pub id: i64,
    pub question: String,
    pub open: bool,
    pub votes: i64,
}

/// One option with its votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionResult {
    pub id: i64,
    pub label: String,
    pub votes: i64,
}

/// The votes of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventVotes {
    pub event_id: i64,
    pub title: String,
    pub host: String,
    /// Votes per option, in the poll's option order.
    pub votes: Vec<i64>,
    pub total: i64,
}

/// A poll's results for the brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollResults {
    pub id: i64,
    pub question: String,
    pub open: bool,
    pub options: Vec<OptionResult>,
    pub total: i64,
    pub per_event: Vec<EventVotes>,
    pub translation: PollTranslation,
    /// What the brand said it will do with the result, once closed.
    #[serde(default)]
    pub outcome: String,
}

/// A poll's words in the brand's other language, as its form shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollTranslation {
    pub language: crate::base::l10n::Lang,
    /// The question as the brand wrote it, and its translation (empty:
    /// none).
    pub original: String,
    pub question: String,
    /// The free-text options; options naming an item take its name.
    pub options: Vec<TranslatedOption>,
}

/// A free-text option and its translation (empty: none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslatedOption {
    pub id: i64,
    pub label: String,
    pub translation: String,
}

/// A poll as a guest sees it: results only once they voted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestPoll {
    pub id: i64,
    pub question: String,
    pub options: Vec<OptionResult>,
    /// The option this guest chose.
    pub my_vote: Option<i64>,
    pub total: i64,
    /// The poll is closed (a guest sees it only if they voted): the
    /// fans' choice and what the brand will do with it.
    #[serde(default)]
    pub closed: bool,
    #[serde(default)]
    pub winner: Option<String>,
    #[serde(default)]
    pub outcome: String,
}

/// What the poll form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollsPage {
    pub polls: Vec<PollSummary>,
    pub choices: Vec<(i64, String)>,
}

/// The brand's polls, newest first, and the items an option may name.
#[server(prefix = "/api", endpoint = "polls", input = server_fn::codec::GetUrl)]
pub async fn get_polls() -> Result<PollsPage, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        Ok(PollsPage {
            polls: ssr::list(&state.db, admin.brand_id).await?,
            choices: crate::base::items::ssr::choices(&state.db, admin.brand_id, None).await?,
        })
    })
    .await
}

/// Opens a new poll of the brand.
#[server(prefix = "/api", endpoint = "create_poll")]
pub async fn create_poll(form: PollForm) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let id = ssr::create(&state.db, admin.brand_id, &form, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect(&format!("/brand/votes/{id}"));
        Ok(id)
    })
    .await
}

/// Closes a poll of the brand, or opens it again.
#[server(prefix = "/api", endpoint = "set_poll_open")]
pub async fn set_poll_open(id: i64, open: bool) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::set_open(&state.db, admin.brand_id, id, open, chrono::Utc::now()).await
    })
    .await
}

/// Closes a poll of the brand with what it will do with the result; the
/// item its winning option names is marked "chosen by fans".
#[server(prefix = "/api", endpoint = "close_poll")]
pub async fn close_poll(id: i64, outcome: String) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::close(&state.db, admin.brand_id, id, &outcome, chrono::Utc::now()).await
    })
    .await
}

/// A poll's results, overall and per event.
#[server(prefix = "/api", endpoint = "poll_results", input = server_fn::codec::GetUrl)]
pub async fn get_poll_results(id: i64) -> Result<PollResults, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::results(&state.db, admin.brand_id, id).await
    })
    .await
}

/// Saves a poll's question and free-text options in the brand's other
/// language (`labels` in the options' order; empty texts: not translated).
#[server(prefix = "/api", endpoint = "save_poll_translation")]
pub async fn save_poll_translation(
    id: i64,
    question: String,
    #[server(default)] labels: Vec<String>,
) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        let brand =
            crate::base::l10n::resolve::brand_language_of(&state.db, admin.brand_id).await?;
        ssr::save_translation(
            &state.db,
            admin.brand_id,
            id,
            crate::base::content::translation_language(brand),
            &question,
            &labels,
        )
        .await
    })
    .await
}

/// Records the vote of the guest holding `token`.
#[server(prefix = "/api", endpoint = "vote")]
pub async fn vote(token: String, poll_id: i64, option_id: Option<i64>) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let guest = crate::base::access::ssr::invitation(&state.db, &token, now).await?;
        let option_id = option_id.ok_or_else(|| {
            AppError::invalid(
                &format!("poll-{poll_id}"),
                tr!(crate::base::l10n::page_lang(), VOTE_CHOOSE_OPTION),
            )
        })?;
        ssr::vote(&state.db, &guest, poll_id, option_id, now).await
    })
    .await
}

/// The share of `votes` in `total`, in whole percent.
pub fn percent(votes: i64, total: i64) -> i64 {
    if total == 0 {
        0
    } else {
        (votes * 100 + total / 2) / total
    }
}

/// Result bars of a poll.
#[component]
pub fn ResultBars(
    options: Vec<OptionResult>,
    total: i64,
    #[prop(optional)] mine: Option<i64>,
) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    view! {
        <ul class="result-bars">
            {options.into_iter().map(|o| {
                let share = percent(o.votes, total);
                let is_mine = mine == Some(o.id);
                view! {
                    <li class:mine=is_mine>
                        <span class="result-label">{o.label}{is_mine.then(|| format!(" {}", tr!(lang, VOTE_YOUR_VOTE)))}</span>
                        <progress class="result-bar" max=total.max(1) value=o.votes aria-hidden="true"></progress>
                        <span class="result-figure">{tr!(lang, VOTE_RESULT_FIGURE, share = share, votes = o.votes)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A guest's polls: a form per open poll, or its results once voted.
#[component]
pub fn GuestPolls(
    token: String,
    polls: Vec<GuestPoll>,
    on_voted: ServerAction<Vote>,
) -> impl IntoView {
    let error = move || on_voted.value().get().and_then(Result::err);
    let lang = crate::base::l10n::use_lang();
    (!polls.is_empty()).then(|| {
        view! {
            <section class="polls" aria-labelledby="polls-title">
                <h2 id="polls-title">{tr!(lang, VOTE_HAVE_YOUR_SAY)}</h2>
                {polls.into_iter().map(|p| {
                    let token = token.clone();
                    let field = format!("poll-{}", p.id);
                    let heading = format!("poll-{}-q", p.id);
                    match p.my_vote {
                        Some(mine) if p.closed => view! {
                            <div class="poll" data-testid="poll-closed">
                                <h3 id=heading>{p.question.clone()}</h3>
                                {p.winner.clone().map(|w| view! { <p class="report" data-testid="poll-winner">{tr!(lang, VOTE_FANS_CHOSE, choice = w)}</p> })}
                                {(!p.outcome.is_empty()).then(|| view! { <p data-testid="poll-outcome"><strong>{tr!(lang, VOTE_BRAND_WILL)}</strong>" "{p.outcome.clone()}</p> })}
                                <ResultBars options=p.options total=p.total mine />
                            </div>
                        }.into_any(),
                        Some(mine) => view! {
                            <div class="poll" data-testid="poll-results">
                                <h3 id=heading>{p.question.clone()}</h3>
                                <p class="muted">{tr!(lang, VOTE_THANKS, count = p.total)}</p>
                                <ResultBars options=p.options total=p.total mine />
                            </div>
                        }.into_any(),
                        None => {
                            let field_for_error = field.clone();
                            view! {
                                <ActionForm action=on_voted attr:class="poll form">
                                    <fieldset>
                                        <legend><h3>{p.question.clone()}</h3></legend>
                                        <input type="hidden" name="token" value=token.clone() />
                                        <input type="hidden" name="poll_id" value=p.id />
                                        {p.options.into_iter().map(|o| view! {
                                            <label class="choice"><input type="radio" name="option_id" value=o.id />" " {o.label}</label>
                                        }).collect_view()}
                                        {move || error().and_then(|e| e.for_field(&field_for_error).or_else(|| (!matches!(e, AppError::Invalid { .. })).then(|| e.to_string()))).map(|msg| view! {
                                            <p class="field-error" role="alert">{msg}</p>
                                        })}
                                    </fieldset>
                                    <button type="submit" class="button primary">{tr!(lang, VOTE_SUBMIT)}</button>
                                </ActionForm>
                            }.into_any()
                        }
                    }
                }).collect_view()}
            </section>
        }
    })
}

type PollsData = PollsPage;

/// The brand's polls and the form to open one.
#[component]
pub fn VotesPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let create = ServerAction::<CreatePoll>::new();
    let data = Resource::new(move || create.version().get(), |_| get_polls());
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, POLL_LIST_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/votes" children=move |page: PollsData| {
            let initial: PollForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
            view! {
                <header class="page-head">
                    <h1>{tr!(lang, POLL_LIST_TITLE)}</h1>
                    <p class="lead">{tr!(lang, POLL_LIST_LEAD)}</p>
                </header>
                {if page.polls.is_empty() {
                    view! { <p class="empty-state">{tr!(lang, POLL_LIST_EMPTY)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list">
                            {page.polls.into_iter().map(|p| view! {
                                <li class="card">
                                    <h2><a href=format!("/brand/votes/{}", p.id)>{p.question}</a></h2>
                                    <p class="muted">{if p.open { tr!(lang, POLL_OPEN) } else { tr!(lang, POLL_CLOSED) }} " · " {tr!(lang, POLL_VOTES_COUNT, count = p.votes)}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <section class="form-card wide" aria-labelledby="new-poll">
                    <h2 id="new-poll">{tr!(lang, POLL_NEW_TITLE)}</h2>
                    <ActionForm action=create attr:class="form" attr:novalidate="">
                        <FormError error />
                        <Field id="question" name="form[question]" label=tr!(lang, POLL_QUESTION) value=initial.question.clone() hint=tr!(lang, POLL_QUESTION_HINT) error />
                        <fieldset class="field" aria-describedby="options-hint">
                            <legend>{tr!(lang, POLL_OPTIONS_LEGEND, min = MIN_OPTIONS, max = MAX_OPTIONS)}</legend>
                            <p class="hint" id="options-hint">{tr!(lang, POLL_OPTIONS_HINT)}</p>
                            {move || error.get().and_then(|e| e.for_field("options")).map(|msg| view! { <p class="field-error" role="alert">{msg}</p> })}
                            {(0..MAX_OPTIONS).map(|n| {
                                let label = initial.labels.get(n).cloned().unwrap_or_default();
                                let item = initial.items.get(n).cloned().unwrap_or_default();
                                view! {
                                    <div class="field-row option-row">
                                        <div class="field">
                                            <label for=format!("option-{n}")>{tr!(lang, POLL_OPTION, number = n + 1)}</label>
                                            <input id=format!("option-{n}") name=format!("form[labels][{n}]") type="text" value=label />
                                        </div>
                                        <div class="field">
                                            <label for=format!("option-item-{n}")>{tr!(lang, POLL_OPTION_ITEM, number = n + 1)}</label>
                                            <select id=format!("option-item-{n}") name=format!("form[items][{n}]")>
                                                <option value="">{tr!(lang, POLL_NO_ITEM)}</option>
                                                {page.choices.iter().map(|(id, name)| view! {
                                                    <option value=*id selected=item == id.to_string()>{name.clone()}</option>
                                                }).collect_view()}
                                            </select>
                                        </div>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <button type="submit" class="button primary" disabled=move || create.pending().get()>{tr!(lang, POLL_CREATE)}</button>
                    </ActionForm>
                </section>
            }
        } />
    }
}

/// A poll's results, overall and per event.
#[component]
pub fn PollResultsPage() -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let id = crate::base::page::id_param("id");
    let toggle = ServerAction::<SetPollOpen>::new();
    let close = ServerAction::<ClosePoll>::new();
    let translate = ServerAction::<SavePollTranslation>::new();
    let results = Resource::new(
        move || {
            (
                id.get(),
                toggle.version().get(),
                translate.version().get(),
                close.version().get(),
            )
        },
        |(id, ..)| get_poll_results(id),
    );
    let error = Signal::derive(move || translate.value().get().and_then(Result::err));
    let close_error = Signal::derive(move || close.value().get().and_then(Result::err));
    view! {
        <Title text=tr!(lang, POLL_RESULTS_PAGE_TITLE) />
        <BrandNav />
        <Gate data=results here="/brand/votes" children=move |r: PollResults| {
            let labels: Vec<String> = r.options.iter().map(|o| o.label.clone()).collect();
            view! {
                <p><a href="/brand/votes">{tr!(lang, POLL_BACK)}</a></p>
                <header class="page-head">
                    <p class="eyebrow">{if r.open { tr!(lang, POLL_OPEN_VOTE) } else { tr!(lang, POLL_CLOSED_VOTE) }}</p>
                    <h1>{r.question.clone()}</h1>
                    <p class="lead" data-testid="poll-total">{tr!(lang, POLL_TOTAL, count = r.total)}</p>
                </header>
                <ResultBars options=r.options.clone() total=r.total />
                {if r.open {
                    view! {
                        <section class="form-card wide" aria-labelledby="close-poll">
                            <h2 id="close-poll">{tr!(lang, POLL_CLOSE)}</h2>
                            <ActionForm action=close attr:class="form" attr:novalidate="">
                                <FormError error=close_error />
                                <input type="hidden" name="id" value=r.id />
                                <Field id="outcome" label=tr!(lang, POLL_OUTCOME) hint=tr!(lang, POLL_OUTCOME_HINT) value="" rows=3 error=close_error />
                                <button type="submit" class="button primary">{tr!(lang, POLL_CLOSE)}</button>
                            </ActionForm>
                        </section>
                    }.into_any()
                } else {
                    view! {
                        {(!r.outcome.is_empty()).then(|| view! { <p data-testid="poll-outcome"><strong>{tr!(lang, VOTE_BRAND_WILL)}</strong>" "{r.outcome.clone()}</p> })}
                        <ActionForm action=toggle attr:class="inline-form">
                            <input type="hidden" name="id" value=r.id />
                            <input type="hidden" name="open" value="true" />
                            <button type="submit" class="button">{tr!(lang, POLL_REOPEN)}</button>
                        </ActionForm>
                    }.into_any()
                }}
                <section aria-labelledby="per-event">
                    <h2 id="per-event">{tr!(lang, POLL_PER_PARTY)}</h2>
                    {if r.per_event.is_empty() {
                        view! { <p class="muted">{tr!(lang, POLL_NO_VOTES)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll">
                                <table>
                                    <thead><tr>
                                        <th scope="col">{tr!(lang, POLL_PARTY)}</th>
                                        <th scope="col">{tr!(lang, POLL_HOST)}</th>
                                        {labels.iter().map(|l| view! { <th scope="col" class="num">{l.clone()}</th> }).collect_view()}
                                        <th scope="col" class="num">{tr!(lang, POLL_VOTES)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {r.per_event.into_iter().map(|e| view! {
                                            <tr>
                                                <th scope="row">{e.title}</th>
                                                <td>{e.host}</td>
                                                {e.votes.into_iter().map(|v| view! { <td class="num">{v}</td> }).collect_view()}
                                                <td class="num">{e.total}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                </section>
                <PollTranslationForm lang translation=r.translation.clone() id=r.id action=translate error />
            }
        } />
    }
}

/// The ids of the translation form's option fields (at most
/// [`MAX_OPTIONS`]); a mistake on the n-th is the field `label-n`'s.
const LABEL_IDS: [&str; MAX_OPTIONS] = [
    "label-0", "label-1", "label-2", "label-3", "label-4", "label-5",
];

/// The form of a poll's words in the brand's other language.
#[component]
fn PollTranslationForm(
    lang: crate::base::l10n::Lang,
    id: i64,
    translation: PollTranslation,
    action: ServerAction<SavePollTranslation>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = translation;
    let mut written = vec![("question".to_owned(), t.original.clone())];
    let mut translated = vec![("question".to_owned(), t.question.clone())];
    for (n, o) in t.options.iter().enumerate() {
        written.push((format!("label-{n}"), o.label.clone()));
        translated.push((format!("label-{n}"), o.translation.clone()));
    }
    let written_refs: Vec<(&str, &str)> = written
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let missing: Vec<String> =
        crate::base::content::missing(&written_refs, &crate::base::content::Texts(translated))
            .into_iter()
            .map(|f| {
                match f
                    .strip_prefix("label-")
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    Some(n) => tr!(lang, POLL_OPTION, number = n + 1),
                    None => tr!(lang, POLL_QUESTION),
                }
            })
            .collect();
    let saved = move || action.value().get().is_some_and(|r| r.is_ok());
    let other = crate::base::content::language_name(lang, t.language);
    let in_other = move |field: String| {
        tr!(
            lang,
            CONTENT_FIELD_IN,
            field = field,
            language = other.clone()
        )
    };
    view! {
        <section class="form-card wide" aria-labelledby="poll-translation">
            <h2 id="poll-translation">{tr!(lang, POLL_TRANSLATION_TITLE)}</h2>
            <ActionForm action attr:class="form" attr:novalidate="">
                <FormError error />
                <input type="hidden" name="id" value=id />
                <crate::base::content::TranslationFieldset lang target=t.language missing>
                    <Field id="question" label=in_other(tr!(lang, POLL_QUESTION)) value=t.question.clone()
                        hint=t.original.clone() error />
                    {t.options.iter().zip(LABEL_IDS).enumerate().map(|(n, (o, id))| view! {
                        <Field id name=format!("labels[{n}]") label=in_other(tr!(lang, POLL_OPTION, number = n + 1))
                            value=o.translation.clone() hint=o.label.clone() error />
                    }).collect_view()}
                </crate::base::content::TranslationFieldset>
                {move || saved().then(|| view! { <p class="report" role="status">{tr!(lang, POLL_TRANSLATION_SAVED)}</p> })}
                <button type="submit" class="button primary" disabled=move || action.pending().get()>{tr!(lang, POLL_TRANSLATION_SAVE)}</button>
            </ActionForm>
        </section>
    }
}
