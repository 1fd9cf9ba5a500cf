//! Events hosted by fans: the host schedules, edits and cancels parties.

#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod ssr;

/// Why a suspended host cannot schedule a party.
pub const SUSPENDED: &str = "Your host account is suspended, so you cannot schedule new parties. Your open parties stay as they are; write to the brand to find out more.";

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::error::ssr::serve;
use crate::{accounts::Gate, error::AppError};

/// The event form as typed; times are `datetime-local` values in `time_zone`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventForm {
    pub title: String,
    pub description: String,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub kind: String,
    pub address: String,
    pub video_url: String,
    pub capacity: String,
    pub orders_close_at: String,
    /// The kit to start the featured items from (an id, or empty); only
    /// when scheduling.
    #[serde(default)]
    pub kit: String,
}

/// Where an event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventStatus {
    Upcoming,
    OpenForOrders,
    Closed,
    Cancelled,
}

impl EventStatus {
    pub fn label(self) -> &'static str {
        match self {
            EventStatus::Upcoming => "Upcoming",
            EventStatus::OpenForOrders => "Open for orders",
            EventStatus::Closed => "Closed",
            EventStatus::Cancelled => "Cancelled",
        }
    }
}

/// One line of the host's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: i64,
    pub title: String,
    /// Start, in the event's zone.
    pub when: String,
    pub time_zone: String,
    pub status: EventStatus,
    pub counts: crate::invitations::RsvpCounts,
}

/// One event as its host (or the brand admin) sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetails {
    pub summary: EventSummary,
    pub ends: String,
    pub orders_close: String,
    pub description: String,
    /// The address, or the video link when `online`.
    pub place: String,
    pub online: bool,
    pub capacity: i64,
    /// Only the host, and only while the event is not cancelled.
    pub can_edit: bool,
    /// The stored values, to fill the edit form.
    pub form: EventForm,
    /// The public share link (host only).
    pub share: Option<ShareLink>,
}

/// An event's public share link and its QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareLink {
    pub url: String,
    pub enabled: bool,
    /// An `<svg>` element, made on the server.
    pub qr_svg: String,
}

/// The host dashboard's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostOverview {
    pub display_name: String,
    pub brand_name: String,
    pub events: Vec<EventSummary>,
}

/// What the event form starts with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFormOptions {
    pub zones: Vec<String>,
    pub initial: EventForm,
    /// The brand's kits to start from.
    pub kits: Vec<crate::catalog::kits::KitSummary>,
    /// A suspended host cannot schedule parties.
    pub suspended: bool,
}

#[server(prefix = "/api", endpoint = "host_overview", input = server_fn::codec::GetUrl)]
pub async fn get_host_overview() -> Result<HostOverview, AppError> {
    serve(async {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let brand_name: String = crate::on_db!(state.db.reader(), |pool| {
            sqlx::query_scalar("SELECT name FROM brands WHERE id = $1")
                .bind(host.brand_id)
                .fetch_one(pool)
                .await
        })?;
        let events = ssr::list_for_host(&state.db, &host, chrono::Utc::now()).await?;
        Ok(HostOverview {
            display_name: host.display_name,
            brand_name,
            events,
        })
    })
    .await
}

/// The time zones to choose from and the host's defaults.
#[server(prefix = "/api", endpoint = "event_form_options", input = server_fn::codec::GetUrl)]
pub async fn get_event_form_options() -> Result<EventFormOptions, AppError> {
    serve(async {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let zone = ssr::host_zone(&state.db, &host).await?;
        let kits = crate::catalog::kits::ssr::list(&state.db, host.brand_id).await?;
        let suspended = crate::hosts::ssr::is_suspended(&state.db, host.id).await?;
        Ok(EventFormOptions {
            kits,
            suspended,
            zones: chrono_tz::TZ_VARIANTS
                .iter()
                .map(|z| z.name().to_owned())
                .collect(),
            initial: EventForm {
                time_zone: zone,
                kind: "in_person".into(),
                capacity: "12".into(),
                ..EventForm::default()
            },
        })
    })
    .await
}

/// Schedules a party for the signed-in host, then shows it.
#[server(prefix = "/api", endpoint = "create_event")]
pub async fn create_event(form: EventForm) -> Result<i64, AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        let draft = domain::EventDraft::parse(&form, now, None).map_err(|e| e.keeping(&form))?;
        let kit = match form.kit.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| {
                AppError::invalid("kit", "Choose one of the brand's kits, or no kit.")
                    .keeping(&form)
            })?),
        };
        let id = ssr::create(&state.db, &host, &draft, kit, now)
            .await
            .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect(&format!("/host/events/{id}"));
        Ok(id)
    })
    .await
}

/// One event, for its host or the brand's admin.
#[server(prefix = "/api", endpoint = "event", input = server_fn::codec::GetUrl)]
pub async fn get_event(id: i64) -> Result<EventDetails, AppError> {
    serve(async move {
        let user = crate::accounts::ssr::require_user().await?;
        let state = crate::state::app_state()?;
        let mut details = ssr::details(
            &state.db,
            &user,
            id,
            &state.config.public_url,
            chrono::Utc::now(),
        )
        .await?;
        if !details.can_edit {
            details.share = None;
        }
        Ok(details)
    })
    .await
}

/// Changes an event of the signed-in host.
#[server(prefix = "/api", endpoint = "update_event")]
pub async fn update_event(id: i64, form: EventForm) -> Result<(), AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        ssr::update(&state.db, &host, id, &form, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect(&format!("/host/events/{id}"));
        Ok(())
    })
    .await
}

/// Cancels an event of the signed-in host.
#[server(prefix = "/api", endpoint = "cancel_event")]
pub async fn cancel_event(id: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        ssr::cancel(&state.db, &host, id, chrono::Utc::now()).await?;
        leptos_axum::redirect(&format!("/host/events/{id}"));
        Ok(())
    })
    .await
}

/// Turns the share link of an event on or off.
#[server(prefix = "/api", endpoint = "set_sharing")]
pub async fn set_sharing(id: i64, enabled: bool) -> Result<(), AppError> {
    serve(async move {
        let host = crate::accounts::ssr::require_host().await?;
        let state = crate::state::app_state()?;
        ssr::set_sharing(&state.db, &host, id, enabled).await
    })
    .await
}

/// The host dashboard: their parties by status.
#[component]
pub fn HostDashboard() -> impl IntoView {
    let overview = Resource::new(|| (), |_| get_host_overview());
    view! {
        <Title text="Your parties · Soirée" />
        <Gate data=overview here="/host" children=|o: HostOverview| {
            let groups = [
                EventStatus::Upcoming,
                EventStatus::OpenForOrders,
                EventStatus::Closed,
                EventStatus::Cancelled,
            ]
            .map(|status| {
                let events: Vec<EventSummary> =
                    o.events.iter().filter(|e| e.status == status).cloned().collect();
                (status, events)
            });
            let empty = o.events.is_empty();
            view! {
                <header class="page-head">
                    <p class="eyebrow">{o.brand_name.clone()} " host"</p>
                    <h1>"Your parties"</h1>
                    <p class="lead">"Hello " {o.display_name.clone()} "!"</p>
                    <div class="actions">
                        <a class="button primary" href="/host/events/new">"Schedule a party"</a>
                        <a class="button" href="/host/performance">"Your results"</a>
                    </div>
                </header>
                {empty.then(|| view! {
                    <section class="empty-state" aria-labelledby="events-title">
                        <h2 id="events-title">"No parties yet"</h2>
                        <p>"Schedule your first party: pick a date, then invite your guests by email or a share link and follow their answers."</p>
                    </section>
                })}
                {groups.into_iter().filter(|(_, events)| !events.is_empty()).map(|(status, events)| view! {
                    <section class="event-group" aria-label=status.label()>
                        <h2>{status.label()}</h2>
                        <ul class="event-list">
                            {events.into_iter().map(|e| view! {
                                <li class="event-row">
                                    <a href=format!("/host/events/{}", e.id)>{e.title}</a>
                                    <span class="muted">{e.when} " · " {e.time_zone}</span>
                                    <span class="counts" data-testid="rsvp-counts">
                                        {format!("{} invited · {} yes · {} maybe · {} no · {} pending",
                                            e.counts.invited, e.counts.yes, e.counts.maybe, e.counts.no, e.counts.pending())}
                                    </span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
                <section class="empty-state" aria-labelledby="rewards-title">
                    <h2 id="rewards-title">"Your rewards"</h2>
                    <p>"The orders of your parties will count toward your host rewards, and you will see how far you are from the next one."</p>
                </section>
            }
        } />
    }
}

/// The form's fields, shared by scheduling and editing. Field names are
/// `form[...]`, the server functions' `form` argument.
#[component]
fn EventFields(
    initial: EventForm,
    zones: Vec<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field_error = move |field: &'static str| error.get().and_then(|e| e.for_field(field));
    let kind = RwSignal::new(initial.kind.clone());
    let text = move |id: &'static str,
                     label: &'static str,
                     value: String,
                     kind: &'static str,
                     hint: Option<&'static str>| {
        let name = format!("form[{id}]");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
                <input id=id name=name type=kind value=value
                    aria-invalid=move || field_error(id).map(|_| "true")
                    aria-describedby=move || field_error(id).map(|_| format!("{id}-error")) />
                {move || field_error(id).map(|msg| view! { <p class="field-error" id=format!("{id}-error")>{msg}</p> })}
            </div>
        }
    };
    let zone = initial.time_zone.clone();
    view! {
        {move || error.get().filter(|e| !matches!(e, AppError::Invalid { .. })).map(|e| view! {
            <p class="form-error" role="alert">{e.to_string()}</p>
        })}
        {move || error.get().filter(|e| matches!(e, AppError::Invalid { .. })).map(|_| view! {
            <p class="form-error" role="alert">"Please fix the field marked below."</p>
        })}
        {text("title", "Title", initial.title.clone(), "text", None)}
        <div class="field">
            <label for="description">"Description (optional)"</label>
            <textarea id="description" name="form[description]" rows="3">{initial.description.clone()}</textarea>
            {move || field_error("description").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
        <div class="field">
            <label for="time_zone">"Time zone"</label>
            <select id="time_zone" name="form[time_zone]">
                {zones.into_iter().map(|z| {
                    let selected = z == zone;
                    view! { <option value=z.clone() selected=selected>{z.clone()}</option> }
                }).collect_view()}
            </select>
            {move || field_error("time_zone").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
        {text("starts_at", "Starts", initial.starts_at.clone(), "datetime-local", None)}
        {text("ends_at", "Ends", initial.ends_at.clone(), "datetime-local", None)}
        <fieldset class="field">
            <legend>"Where"</legend>
            <label class="choice">
                <input type="radio" name="form[kind]" value="in_person" checked=initial.kind != "online"
                    on:change=move |_| kind.set("in_person".into()) />
                " At home (address)"
            </label>
            <label class="choice">
                <input type="radio" name="form[kind]" value="online" checked=initial.kind == "online"
                    on:change=move |_| kind.set("online".into()) />
                " Online (video link)"
            </label>
            {move || field_error("kind").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </fieldset>
        {text("address", "Address (shown only to guests who answer yes)", initial.address.clone(), "text", None)}
        {text("video_url", "Video link", initial.video_url.clone(), "url", Some("For an online party, e.g. https://meet.example/soiree"))}
        {text("capacity", "Capacity (guests)", initial.capacity.clone(), "number", None)}
        {text("orders_close_at", "Orders close (optional)", initial.orders_close_at.clone(), "datetime-local", Some("Leave empty to keep orders open 5 days after the party."))}
    }
}

/// Scheduling a party.
#[component]
pub fn NewEventPage() -> impl IntoView {
    let options = Resource::new(|| (), |_| get_event_form_options());
    let create = ServerAction::<CreateEvent>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text="Schedule a party · Soirée" />
        <Gate data=options here="/host/events/new" children=move |o: EventFormOptions| {
            let initial: EventForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or(o.initial);
            if o.suspended {
                return view! {
                    <section class="notice" aria-labelledby="new-title">
                        <h1 id="new-title">"Schedule a party"</h1>
                        <p role="status" data-testid="suspended">{SUSPENDED}</p>
                        <p><a href="/host">"Back to your parties"</a></p>
                    </section>
                }.into_any();
            }
            view! {
            <section class="form-card" aria-labelledby="new-title">
                <h1 id="new-title">"Schedule a party"</h1>
                <ActionForm action=create attr:class="form" attr:novalidate="">
                    // After a failed post without JavaScript, refill what was typed.
                    <EventFields initial=initial.clone() zones=o.zones error />
                    <KitChoice kits=o.kits chosen=initial.kit error />
                    <button type="submit" class="button primary" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Scheduling…" } else { "Schedule the party" }}
                    </button>
                </ActionForm>
            </section>
        }.into_any()} />
    }
}

/// Picking the kit a new party's featured items start from.
#[component]
fn KitChoice(
    kits: Vec<crate::catalog::kits::KitSummary>,
    chosen: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.for_field("kit"));
    view! {
        <div class="field">
            <label for="kit">"Start from a kit"</label>
            <p class="hint" id="kit-hint">"The kit's items become the party's featured items; you can add or remove items afterwards."</p>
            <select id="kit" name="form[kit]" aria-describedby="kit-hint">
                <option value="">"No kit: I will pick items myself"</option>
                {kits.into_iter().map(|k| {
                    let selected = chosen == k.id.to_string();
                    view! { <option value=k.id selected=selected>{format!("{} ({} items)", k.name, k.items)}</option> }
                }).collect_view()}
            </select>
            {move || message().map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
    }
}

/// One event, for its host (and read-only for the brand admin).
#[component]
pub fn EventPage() -> impl IntoView {
    let id = crate::id_param("id");
    let cancel = ServerAction::<CancelEvent>::new();
    let sharing = ServerAction::<SetSharing>::new();
    let event = Resource::new(
        move || (id.get(), cancel.version().get(), sharing.version().get()),
        |(id, _, _)| get_event(id),
    );
    view! {
        <Title text="Party · Soirée" />
        <Gate data=event here="/host" children=move |e: EventDetails| {
            let edit_href = format!("/host/events/{}/edit", e.summary.id);
            let event_id = e.summary.id;
            view! {
                <article class="event">
                    <header class="page-head">
                        <p class="eyebrow" data-testid="event-status">{e.summary.status.label()}</p>
                        <h1>{e.summary.title.clone()}</h1>
                    </header>
                    <dl class="facts">
                        <dt>"Starts"</dt><dd data-testid="event-start">{e.summary.when.clone()} " (" {e.summary.time_zone.clone()} ")"</dd>
                        <dt>"Ends"</dt><dd>{e.ends.clone()}</dd>
                        <dt>{if e.online { "Video link" } else { "Address" }}</dt><dd>{e.place.clone()}</dd>
                        <dt>"Capacity"</dt><dd>{e.capacity} " guests"</dd>
                        <dt>"Orders close"</dt><dd>{e.orders_close.clone()}</dd>
                    </dl>
                    {(!e.description.is_empty()).then(|| view! { <p class="description">{e.description.clone()}</p> })}
                    {e.can_edit.then(|| view! {
                        <div class="actions">
                            <a class="button" href=edit_href.clone()>"Edit"</a>
                            <ActionForm action=cancel attr:class="inline-form">
                                <input type="hidden" name="id" value=event_id />
                                <button type="submit" class="button danger">"Cancel the party"</button>
                            </ActionForm>
                        </div>
                    })}
                    {e.share.clone().map(|share| view! {
                        <section class="share" aria-labelledby="share-title">
                            <h2 id="share-title">"Share link"</h2>
                            {if share.enabled {
                                view! {
                                    <p>"Anyone with this link can see the party (without the address) and add themselves as a guest:"</p>
                                    <p class="share-url" data-testid="share-url">{share.url.clone()}</p>
                                    <div class="qr" role="img" aria-label="QR code of the share link" inner_html=share.qr_svg.clone()></div>
                                }.into_any()
                            } else {
                                view! { <p>"The share link is off: only the guests you invite can answer."</p> }.into_any()
                            }}
                            <ActionForm action=sharing attr:class="inline-form">
                                <input type="hidden" name="id" value=event_id />
                                <input type="hidden" name="enabled" value=(!share.enabled).to_string() />
                                <button type="submit" class="button">{if share.enabled { "Turn the share link off" } else { "Turn the share link on" }}</button>
                            </ActionForm>
                        </section>
                    })}
                    {(e.summary.status != EventStatus::Cancelled).then(|| view! { <crate::rewards::RewardPanelView event_id=event_id /> })}
                    <crate::showcase::FeaturedItemsEditor event_id=event_id />
                    <crate::invitations::GuestList event_id=event_id can_edit=e.can_edit />
                    <p><a href="/host">"Back to your parties"</a></p>
                </article>
            }
        } />
    }
}

/// Editing an event.
#[component]
pub fn EditEventPage() -> impl IntoView {
    let id = crate::id_param("id");
    let data = Resource::new(
        move || id.get(),
        |id| async move {
            let event = get_event(id).await?;
            let options = get_event_form_options().await?;
            Ok::<_, AppError>((event, options.zones))
        },
    );
    let update = ServerAction::<UpdateEvent>::new();
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <Title text="Edit the party · Soirée" />
        <Gate data here="/host" children=move |(e, zones): (EventDetails, Vec<String>)| view! {
            <section class="form-card" aria-labelledby="edit-title">
                <h1 id="edit-title">"Edit " {e.summary.title.clone()}</h1>
                <ActionForm action=update attr:class="form" attr:novalidate="">
                    <input type="hidden" name="id" value=e.summary.id />
                    <EventFields initial=error.get_untracked().and_then(|e| e.kept()).unwrap_or_else(|| e.form.clone()) zones error />
                    <button type="submit" class="button primary" disabled=move || update.pending().get()>"Save changes"</button>
                </ActionForm>
            </section>
        } />
    }
}
