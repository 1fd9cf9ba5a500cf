//! Invitations: the guest list of an event (invitation emails and RSVPs
//! build on it).

pub mod domain;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::error::ssr::serve;
use crate::error::AppError;

/// Answers so far for one event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RsvpCounts {
    pub invited: i64,
    pub yes: i64,
    pub maybe: i64,
    pub no: i64,
}

impl RsvpCounts {
    /// Guests who have not answered yet.
    pub fn pending(&self) -> i64 {
        self.invited - self.yes - self.maybe - self.no
    }
}

/// A guest as the host sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub rsvp: String,
    pub companions: i64,
}

/// What adding guests did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddReport {
    pub added: usize,
    /// Already on the list (or twice in the paste): merged, not added again.
    pub merged: usize,
    pub rejected: Vec<domain::RejectedLine>,
}

/// The guest list of an event (its host, or the brand's admin).
#[server(prefix = "/api", endpoint = "guests", input = server_fn::codec::GetUrl)]
pub async fn get_guests(event_id: i64) -> Result<Vec<GuestView>, AppError> {
    serve(async move {
        let user = crate::accounts::ssr::require_user().await?;
        let state = crate::state::app_state()?;
        ssr::list(&state.db, &user, event_id).await
    })
    .await
}

/// Adds one guest typed in the name and email fields.
#[server(prefix = "/api", endpoint = "add_guest")]
pub async fn add_guest(event_id: i64, name: String, email: String) -> Result<AddReport, AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let guest =
            domain::parse_guest(&name, &email).map_err(|msg| AppError::invalid("email", msg))?;
        ssr::add_guests(
            &state.db,
            &host,
            event_id,
            &[guest],
            Vec::new(),
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Adds every readable line of a pasted list; the others come back with a reason.
#[server(prefix = "/api", endpoint = "add_guests")]
pub async fn add_guests(event_id: i64, text: String) -> Result<AddReport, AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let (guests, rejected) = domain::parse_guest_lines(&text);
        if guests.is_empty() && rejected.is_empty() {
            return Err(AppError::invalid(
                "text",
                "Paste at least one guest, one per line.",
            ));
        }
        ssr::add_guests(
            &state.db,
            &host,
            event_id,
            &guests,
            rejected,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Removes a guest who has not answered.
#[server(prefix = "/api", endpoint = "remove_guest")]
pub async fn remove_guest(event_id: i64, guest_id: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        ssr::remove(&state.db, &host, event_id, guest_id).await
    })
    .await
}

fn rsvp_label(rsvp: &str) -> &'static str {
    match rsvp {
        "yes" => "Yes",
        "maybe" => "Maybe",
        "no" => "No",
        "waiting" => "Waiting list",
        _ => "No answer yet",
    }
}

/// The guest list with its forms, on the host's event page.
#[component]
pub fn GuestList(event_id: i64, can_edit: bool) -> impl IntoView {
    let add_one = ServerAction::<AddGuest>::new();
    let add_many = ServerAction::<AddGuests>::new();
    let remove = ServerAction::<RemoveGuest>::new();
    let guests = Resource::new(
        move || {
            (
                add_one.version().get(),
                add_many.version().get(),
                remove.version().get(),
            )
        },
        move |_| get_guests(event_id),
    );
    let report = move || {
        let one = add_one
            .value()
            .get()
            .map(|r| (add_one.version().get_untracked(), r));
        let many = add_many
            .value()
            .get()
            .map(|r| (add_many.version().get_untracked(), r));
        // The most recent of the two forms speaks.
        match (one, many) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    };
    view! {
        <section class="guests" aria-labelledby="guests-title">
            <h2 id="guests-title">"Guests"</h2>
            <Transition fallback=|| view! { <p class="loading" role="status">"Loading the guest list…"</p> }>
                {move || Suspend::new(async move {
                    match guests.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">"No guests yet. Add them below."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="guest-table">
                                <caption class="sr-only">"Guest list and answers"</caption>
                                <thead><tr><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Answer"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|g| {
                                        let removable = can_edit && g.rsvp == "pending";
                                        let label = format!("Remove {}", if g.name.is_empty() { g.email.clone() } else { g.name.clone() });
                                        view! {
                                            <tr>
                                                <td>{g.name.clone()}</td>
                                                <td>{g.email.clone()}</td>
                                                <td>{rsvp_label(&g.rsvp)}{(g.companions > 0).then(|| format!(" +{}", g.companions))}</td>
                                                <td>{removable.then(|| view! {
                                                    <ActionForm action=remove attr:class="inline-form">
                                                        <input type="hidden" name="event_id" value=event_id />
                                                        <input type="hidden" name="guest_id" value=g.id />
                                                        <button type="submit" class="button link" aria-label=label.clone()>"Remove"</button>
                                                    </ActionForm>
                                                })}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            {move || report().map(|r| match r {
                Ok(r) => view! {
                    <div class="report" role="status" data-testid="add-report">
                        <p>{format!("Added {} guest{}.", r.added, if r.added == 1 { "" } else { "s" })}
                           {(r.merged > 0).then(|| format!(" {} already on the list (merged).", r.merged))}</p>
                        {(!r.rejected.is_empty()).then(|| view! {
                            <p>{format!("{} line{} could not be read:", r.rejected.len(), if r.rejected.len() == 1 { "" } else { "s" })}</p>
                            <ul class="rejected">
                                {r.rejected.into_iter().map(|x| view! {
                                    <li>{format!("Line {}: “{}” — {}", x.line, x.text, x.reason)}</li>
                                }).collect_view()}
                            </ul>
                        })}
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
            })}
            {move || remove.value().get().and_then(Result::err).map(|e| view! {
                <p class="form-error" role="alert">{e.to_string()}</p>
            })}
            {can_edit.then(|| view! {
                <div class="guest-forms">
                    <ActionForm action=add_one attr:class="form" attr:novalidate="">
                        <h3>"Add a guest"</h3>
                        <input type="hidden" name="event_id" value=event_id />
                        <div class="field">
                            <label for="guest-name">"Name"</label>
                            <input id="guest-name" name="name" type="text" autocomplete="off" />
                        </div>
                        <div class="field">
                            <label for="guest-email">"Email"</label>
                            <input id="guest-email" name="email" type="email" autocomplete="off" />
                        </div>
                        <button type="submit" class="button primary">"Add the guest"</button>
                    </ActionForm>
                    <ActionForm action=add_many attr:class="form" attr:novalidate="">
                        <h3>"Paste a list"</h3>
                        <input type="hidden" name="event_id" value=event_id />
                        <div class="field">
                            <label for="guest-list">"Guests, one per line"</label>
                            <p class="hint" id="guest-list-hint">"Ana Lima <ana@example.com>, or ana@example.com, or Ana Lima,ana@example.com"</p>
                            <textarea id="guest-list" name="text" rows="6" aria-describedby="guest-list-hint"></textarea>
                        </div>
                        <button type="submit" class="button">"Add these guests"</button>
                    </ActionForm>
                </div>
            })}
        </section>
    }
}
