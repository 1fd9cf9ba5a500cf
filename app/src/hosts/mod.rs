//! The host program: fans apply on a public page, the brand admin approves
//! (a welcome email with a single-use set-password link valid 48 hours) or
//! declines (a kind email), invites fans directly and suspends hosts.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{action, Confirm, Field, FormError, LastForm},
    l10n::{use_lang, Lang},
};

#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod ssr;

/// What a fan types to apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub name: String,
    pub email: String,
    pub city: String,
    pub motivation: String,
}

/// The brand admin's direct invitation of a fan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteForm {
    pub name: String,
    pub email: String,
    pub city: String,
}

/// An application as the brand admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub city: String,
    pub motivation: String,
    pub status: String,
    pub applied: String,
}

/// A host of the brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub city: String,
    /// 'seed', 'application', 'booking' or 'invitation'.
    pub joined_via: String,
    pub joined: String,
    pub suspended: bool,
    pub events: i64,
}

impl HostRow {
    /// How the host joined, in words, in `lang`.
    pub fn joined_how_in(&self, lang: Lang) -> String {
        match self.joined_via.as_str() {
            "application" => tr!(lang, HOSTS_JOINED_APPLIED),
            "booking" => tr!(lang, HOSTS_JOINED_BOOKED),
            "invitation" => tr!(lang, HOSTS_JOINED_INVITED),
            _ => tr!(lang, HOSTS_JOINED_FOUNDING),
        }
    }
}

/// The brand admin's host program page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostProgram {
    pub applications: Vec<Application>,
    pub hosts: Vec<HostRow>,
}

/// The public page's brand name.
#[server(prefix = "/api", endpoint = "host_program_brand", input = server_fn::codec::GetUrl)]
pub async fn get_program_brand() -> Result<String, AppError> {
    serve(async {
        let state = crate::base::state::app_state()?;
        let brand = crate::base::brand::ssr::home_brand(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(brand.name)
    })
    .await
}

/// A fan applies to host for this deployment's brand.
#[server(prefix = "/api", endpoint = "apply_to_host")]
pub async fn apply_to_host(form: ApplicationForm) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let brand = crate::base::brand::ssr::home_brand(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        ssr::apply(
            &state.db,
            &state.config,
            brand.id,
            &form,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))
    })
    .await
}

/// Applications and hosts, for the brand admin.
#[server(prefix = "/api", endpoint = "host_program", input = server_fn::codec::GetUrl)]
pub async fn get_host_program() -> Result<HostProgram, AppError> {
    serve(async {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        Ok(HostProgram {
            applications: ssr::applications(&state.db, admin.brand_id).await?,
            hosts: ssr::hosts(&state.db, admin.brand_id).await?,
        })
    })
    .await
}

/// Approves or declines an application.
#[server(prefix = "/api", endpoint = "decide_application")]
pub async fn decide_application(id: i64, approve: bool) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::decide(
            &state.db,
            &state.config,
            admin.brand_id,
            id,
            approve,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Invites a fan to become a host directly.
#[server(prefix = "/api", endpoint = "invite_host")]
pub async fn invite_host(form: InviteForm) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::invite(
            &state.db,
            &state.config,
            admin.brand_id,
            &form,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))
    })
    .await
}

/// Suspends a host (no new parties) or reinstates them.
#[server(prefix = "/api", endpoint = "set_host_suspended")]
pub async fn set_host_suspended(id: i64, suspended: bool) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::set_suspended(&state.db, admin.brand_id, id, suspended, chrono::Utc::now()).await
    })
    .await
}

/// Where the lead of the hosts page puts its link.
const LINK_MARK: char = '\u{E000}';

/// The public "Become a host" page.
#[component]
pub fn BecomeHostPage() -> impl IntoView {
    let lang = use_lang();
    let brand = Resource::new(|| (), |_| get_program_brand());
    let apply = action::<ApplyToHost>();
    let error = Signal::derive(move || apply.value().get().and_then(Result::err));
    let done = move || matches!(apply.value().get(), Some(Ok(())));
    view! {
        <Title text=tr!(lang, HOSTS_APPLY_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || Suspend::new(async move {
                let name = brand.await.unwrap_or_else(|_| tr!(lang, HOSTS_THE_BRAND));
                let initial: ApplicationForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
                view! {
                    <section class="form-card" aria-labelledby="apply-title">
                        <p class="eyebrow">{name.clone()}</p>
                        <h1 id="apply-title">{tr!(lang, HOSTS_APPLY_TITLE)}</h1>
                        <p class="lead">{tr!(lang, HOSTS_APPLY_LEAD, brand = &name)}</p>
                        <Show when=done fallback=move || {
                            let initial = initial.clone();
                            view! {
                                <FormError error />
                                <ActionForm action=apply attr:class="form" attr:novalidate="">
                                    <Field id="name" name="form[name]" label=tr!(lang, GUEST_YOUR_NAME) value=initial.name.clone() required=true error />
                                    <Field id="email" name="form[email]" label=tr!(lang, INVITE_EMAIL) kind="email" value=initial.email.clone() required=true error />
                                    <Field id="city" name="form[city]" label=tr!(lang, HOSTS_CITY) value=initial.city.clone() required=true error
                                        hint=tr!(lang, HOSTS_CITY_HINT) />
                                    <Field id="motivation" name="form[motivation]" label=tr!(lang, HOSTS_MOTIVATION) value=initial.motivation.clone()
                                        rows=5 required=true error hint=tr!(lang, HOSTS_MOTIVATION_HINT) />
                                    <button type="submit" class="button primary" disabled=move || apply.pending().get()>
                                        {move || if apply.pending().get() { tr!(lang, HOSTS_SENDING) } else { tr!(lang, HOSTS_SEND_APPLICATION) }}
                                    </button>
                                </ActionForm>
                            }
                        }>
                            <p class="report" role="status" data-testid="applied">{tr!(lang, HOSTS_APPLIED)}</p>
                        </Show>
                    </section>
                }
            })}
        </Suspense>
    }
}

/// The brand admin's host program: applications, a direct invitation, and
/// the hosts.
#[component]
pub fn HostsPage() -> impl IntoView {
    let lang = use_lang();
    let decide = action::<DecideApplication>();
    let invite = action::<InviteHost>();
    let data = Resource::new(
        move || (decide.version().get(), invite.version().get()),
        |_| get_host_program(),
    );
    // Only the form used last speaks: a new attempt clears the other's note.
    let last = LastForm::default();
    let (decision, invitation) = (last.answer(decide), last.answer(invite));
    let decide_error = Signal::derive(move || decision.get().and_then(Result::err));
    let invite_error = Signal::derive(move || invitation.get().and_then(Result::err));
    let decided = move || matches!(decision.get(), Some(Ok(())));
    let invited = move || matches!(invitation.get(), Some(Ok(_)));
    view! {
        <Title text=tr!(lang, HOSTS_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/hosts" children=move |p: HostProgram| {
            let initial: InviteForm = invite_error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
            let waiting = p.applications.iter().filter(|a| a.status == "pending").count();
            let lead = tr!(lang, HOSTS_LEAD, link = LINK_MARK.to_string());
            let (lead_before, lead_after) = lead.split_once(LINK_MARK).unwrap_or((lead.as_str(), ""));
            let (lead_before, lead_after) = (lead_before.to_owned(), lead_after.to_owned());
            view! {
            <header class="page-head">
                <h1>{tr!(lang, HOSTS_TITLE)}</h1>
                <p class="lead">{lead_before}<a href="/become-a-host">"/become-a-host"</a>{lead_after}</p>
            </header>
            <section aria-labelledby="apps-title">
                <h2 id="apps-title">{tr!(lang, HOSTS_APPLICATIONS_TITLE, count = waiting)}</h2>
                <FormError error=decide_error />
                {move || decided().then(|| view! { <p class="report" role="status">{tr!(lang, HOSTS_DECIDED)}</p> })}
                <Applications rows=p.applications decide />
            </section>
            <section aria-labelledby="invite-title" class="form-card">
                <h2 id="invite-title">{tr!(lang, HOSTS_INVITE_TITLE)}</h2>
                {move || invited().then(|| view! { <p class="report" role="status" data-testid="invited">{tr!(lang, HOSTS_INVITED)}</p> })}
                <FormError error=invite_error />
                <ActionForm action=invite attr:class="form" attr:novalidate="">
                    <Field id="invite-name" field="name" name="form[name]" label=tr!(lang, INVITE_NAME) value=initial.name required=true error=invite_error />
                    <Field id="invite-email" field="email" name="form[email]" label=tr!(lang, INVITE_EMAIL) kind="email" value=initial.email required=true error=invite_error />
                    <Field id="invite-city" field="city" name="form[city]" label=tr!(lang, HOSTS_CITY_OPTIONAL) value=initial.city error=invite_error />
                    <button type="submit" class="button primary" disabled=move || invite.pending().get()>{tr!(lang, HOSTS_SEND_INVITATION)}</button>
                </ActionForm>
            </section>
            <section aria-labelledby="hosts-title">
                <h2 id="hosts-title">{tr!(lang, HOSTS_LIST_TITLE, count = p.hosts.len())}</h2>
                <div class="table-scroll">
                    <table data-testid="hosts">
                        <thead><tr>
                            <th scope="col">{tr!(lang, HOSTS_COL_HOST)}</th><th scope="col">{tr!(lang, HOSTS_CITY)}</th><th scope="col">{tr!(lang, HOSTS_COL_JOINED)}</th>
                            <th scope="col" class="num">{tr!(lang, HOSTS_COL_PARTIES)}</th><th scope="col">{tr!(lang, HOSTS_COL_STATUS)}</th>
                        </tr></thead>
                        <tbody>
                            {p.hosts.into_iter().map(|h| view! {
                                <tr>
                                    <td><a href=format!("/brand/hosts/{}", h.id)>{h.name.clone()}</a><br /><span class="muted">{h.email.clone()}</span></td>
                                    <td>{h.city.clone()}</td>
                                    <td>{h.joined.clone()}<br /><span class="muted">{h.joined_how_in(lang)}</span></td>
                                    <td class="num">{h.events}</td>
                                    <td>{if h.suspended { tr!(lang, HOSTS_STATUS_SUSPENDED) } else { tr!(lang, HOSTS_STATUS_ACTIVE) }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }} />
    }
}

#[component]
fn Applications(rows: Vec<Application>, decide: ServerAction<DecideApplication>) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p class="muted">{tr!(lang, HOSTS_NO_APPLICATIONS)}</p> }.into_any();
    }
    view! {
        <ul class="applications" data-testid="applications">
            {rows.into_iter().map(|a| {
                let pending = a.status == "pending";
                let approve_label = tr!(lang, HOSTS_APPROVE_AS_HOST, name = &a.name);
                let decline_label = tr!(lang, HOSTS_DECLINE_WHO, name = &a.name);
                view! {
                    <li class="card">
                        <h3>{a.name.clone()}</h3>
                        <p class="muted">{tr!(lang, HOSTS_APPLICATION_META, email = &a.email, city = &a.city, date = &a.applied)}</p>
                        <blockquote>{a.motivation.clone()}</blockquote>
                        {if pending {
                            view! {
                                <div class="actions">
                                    <ActionForm action=decide attr:class="inline-form">
                                        <input type="hidden" name="id" value=a.id />
                                        <input type="hidden" name="approve" value="true" />
                                        <button type="submit" class="button small primary" aria-label=approve_label>{tr!(lang, HOSTS_APPROVE)}</button>
                                    </ActionForm>
                                    <Confirm label=tr!(lang, HOSTS_DECLINE) aria_label=decline_label small=true
                                        consequence=tr!(lang, HOSTS_DECLINE_APPLICATION_CONSEQUENCE, name = &a.name)>
                                        <ActionForm action=decide attr:class="inline-form">
                                            <input type="hidden" name="id" value=a.id />
                                            <input type="hidden" name="approve" value="false" />
                                            <button type="submit" class="button small danger">{tr!(lang, HOSTS_YES_DECLINE)}</button>
                                        </ActionForm>
                                    </Confirm>
                                </div>
                            }.into_any()
                        } else {
                            view! { <p><strong>{if a.status == "approved" { tr!(lang, HOSTS_APPROVED) } else { tr!(lang, HOSTS_DECLINED) }}</strong></p> }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Suspending or reinstating a host, on their page (which reloads on `act`).
#[component]
pub fn SuspendControl(host: HostRow, act: ServerAction<SetHostSuspended>) -> impl IntoView {
    let lang = use_lang();
    let error = Signal::derive(move || act.value().get().and_then(Result::err));
    let label = if host.suspended {
        tr!(lang, HOSTS_REINSTATE)
    } else {
        tr!(lang, HOSTS_SUSPEND)
    };
    view! {
        <div class="suspend">
            <p data-testid="host-status">{if host.suspended {
                tr!(lang, HOSTS_SUSPENDED_TEXT)
            } else {
                tr!(lang, HOSTS_ACTIVE_TEXT)
            }}</p>
            {if host.suspended {
                view! {
                    <ActionForm action=act attr:class="inline-form">
                        <input type="hidden" name="id" value=host.id />
                        <input type="hidden" name="suspended" value="false" />
                        <button type="submit" class="button small">{label}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <Confirm label small=true danger=true
                        consequence=tr!(lang, HOSTS_SUSPEND_CONSEQUENCE, name = &host.name)>
                        <ActionForm action=act attr:class="inline-form">
                            <input type="hidden" name="id" value=host.id />
                            <input type="hidden" name="suspended" value="true" />
                            <button type="submit" class="button small danger">{tr!(lang, HOSTS_YES_SUSPEND)}</button>
                        </ActionForm>
                    </Confirm>
                }.into_any()
            }}
            <FormError error />
        </div>
    }
}
