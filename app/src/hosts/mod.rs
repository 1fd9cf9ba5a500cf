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
    /// How the host joined, in words.
    pub fn joined_how(&self) -> &'static str {
        match self.joined_via.as_str() {
            "application" => "applied",
            "booking" => "booked from a party",
            "invitation" => "invited by the brand",
            _ => "founding host",
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

/// The public "Become a host" page.
#[component]
pub fn BecomeHostPage() -> impl IntoView {
    let brand = Resource::new(|| (), |_| get_program_brand());
    let apply = action::<ApplyToHost>();
    let error = Signal::derive(move || apply.value().get().and_then(Result::err));
    let done = move || matches!(apply.value().get(), Some(Ok(())));
    view! {
        <Title text="Become a host · Soirée" />
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let name = brand.await.unwrap_or_else(|_| "the brand".into());
                let initial: ApplicationForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
                view! {
                    <section class="form-card" aria-labelledby="apply-title">
                        <p class="eyebrow">{name.clone()}</p>
                        <h1 id="apply-title">"Become a host"</h1>
                        <p class="lead">{format!("Love {name}? Host parties at home or online, share the collection with your friends, and earn credit and half-price items on every party.")}</p>
                        <Show when=done fallback=move || {
                            let initial = initial.clone();
                            view! {
                                <FormError error />
                                <ActionForm action=apply attr:class="form" attr:novalidate="">
                                    <Field id="name" name="form[name]" label="Your name" value=initial.name.clone() required=true error />
                                    <Field id="email" name="form[email]" label="Email" kind="email" value=initial.email.clone() required=true error />
                                    <Field id="city" name="form[city]" label="City" value=initial.city.clone() required=true error
                                        hint="Where you would hold your parties." />
                                    <Field id="motivation" name="form[motivation]" label="Why you love the brand" value=initial.motivation.clone()
                                        rows=5 required=true error hint="A sentence or two: the brand reads every application." />
                                    <button type="submit" class="button primary" disabled=move || apply.pending().get()>
                                        {move || if apply.pending().get() { "Sending…" } else { "Send my application" }}
                                    </button>
                                </ActionForm>
                            }
                        }>
                            <p class="report" role="status" data-testid="applied">"Thank you! Your application is on its way to the brand, and we have emailed you a copy. You will hear from us soon."</p>
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
        <Title text="Hosts · Soirée" />
        <BrandNav />
        <Gate data here="/brand/hosts" children=move |p: HostProgram| {
            let initial: InviteForm = invite_error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
            let waiting = p.applications.iter().filter(|a| a.status == "pending").count();
            view! {
            <header class="page-head">
                <h1>"Hosts"</h1>
                <p class="lead">"Fans apply at " <a href="/become-a-host">"/become-a-host"</a>
                    ". Approving one emails them a link to set their password (it works once, for 48 hours)."</p>
            </header>
            <section aria-labelledby="apps-title">
                <h2 id="apps-title">{format!("Applications ({waiting} waiting)")}</h2>
                <FormError error=decide_error />
                {move || decided().then(|| view! { <p class="report" role="status">"Done: the fan has been emailed."</p> })}
                <Applications rows=p.applications decide />
            </section>
            <section aria-labelledby="invite-title" class="form-card">
                <h2 id="invite-title">"Invite a fan to host"</h2>
                {move || invited().then(|| view! { <p class="report" role="status" data-testid="invited">"Invitation sent: the fan has a link to set their password."</p> })}
                <FormError error=invite_error />
                <ActionForm action=invite attr:class="form" attr:novalidate="">
                    <Field id="invite-name" field="name" name="form[name]" label="Name" value=initial.name required=true error=invite_error />
                    <Field id="invite-email" field="email" name="form[email]" label="Email" kind="email" value=initial.email required=true error=invite_error />
                    <Field id="invite-city" field="city" name="form[city]" label="City (optional)" value=initial.city error=invite_error />
                    <button type="submit" class="button primary" disabled=move || invite.pending().get()>"Send the invitation"</button>
                </ActionForm>
            </section>
            <section aria-labelledby="hosts-title">
                <h2 id="hosts-title">{format!("The brand's hosts ({})", p.hosts.len())}</h2>
                <div class="table-scroll">
                    <table data-testid="hosts">
                        <thead><tr>
                            <th scope="col">"Host"</th><th scope="col">"City"</th><th scope="col">"Joined"</th>
                            <th scope="col" class="num">"Parties"</th><th scope="col">"Status"</th>
                        </tr></thead>
                        <tbody>
                            {p.hosts.into_iter().map(|h| view! {
                                <tr>
                                    <td><a href=format!("/brand/hosts/{}", h.id)>{h.name.clone()}</a><br /><span class="muted">{h.email.clone()}</span></td>
                                    <td>{h.city.clone()}</td>
                                    <td>{h.joined.clone()}<br /><span class="muted">{h.joined_how()}</span></td>
                                    <td class="num">{h.events}</td>
                                    <td>{if h.suspended { "Suspended" } else { "Active" }}</td>
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
    if rows.is_empty() {
        return view! { <p class="muted">"No applications yet."</p> }.into_any();
    }
    view! {
        <ul class="applications" data-testid="applications">
            {rows.into_iter().map(|a| {
                let pending = a.status == "pending";
                let approve_label = format!("Approve {} as a host", a.name);
                let decline_label = format!("Decline {}", a.name);
                view! {
                    <li class="card">
                        <h3>{a.name.clone()}</h3>
                        <p class="muted">{format!("{} · {} · applied {}", a.email, a.city, a.applied)}</p>
                        <blockquote>{a.motivation.clone()}</blockquote>
                        {if pending {
                            view! {
                                <div class="actions">
                                    <ActionForm action=decide attr:class="inline-form">
                                        <input type="hidden" name="id" value=a.id />
                                        <input type="hidden" name="approve" value="true" />
                                        <button type="submit" class="button small primary" aria-label=approve_label>"Approve"</button>
                                    </ActionForm>
                                    <Confirm label="Decline" aria_label=decline_label small=true
                                        consequence=format!("{} gets a kind email saying the brand will not take the application further. This cannot be undone, though they may apply again.", a.name)>
                                        <ActionForm action=decide attr:class="inline-form">
                                            <input type="hidden" name="id" value=a.id />
                                            <input type="hidden" name="approve" value="false" />
                                            <button type="submit" class="button small danger">"Yes, decline"</button>
                                        </ActionForm>
                                    </Confirm>
                                </div>
                            }.into_any()
                        } else {
                            view! { <p><strong>{if a.status == "approved" { "Approved" } else { "Declined" }}</strong></p> }.into_any()
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
    let error = Signal::derive(move || act.value().get().and_then(Result::err));
    let label = if host.suspended {
        "Reinstate the host"
    } else {
        "Suspend the host"
    };
    view! {
        <div class="suspend">
            <p data-testid="host-status">{if host.suspended {
                "Suspended: this host cannot schedule new parties. Their open parties stay visible to guests."
            } else {
                "Active: this host can schedule parties."
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
                        consequence=format!("{} can no longer schedule parties. Their open parties stay visible to guests and keep taking orders. You can reinstate them at any time.", host.name)>
                        <ActionForm action=act attr:class="inline-form">
                            <input type="hidden" name="id" value=host.id />
                            <input type="hidden" name="suspended" value="true" />
                            <button type="submit" class="button small danger">"Yes, suspend"</button>
                        </ActionForm>
                    </Confirm>
                }.into_any()
            }}
            <FormError error />
        </div>
    }
}
