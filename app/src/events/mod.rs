//! Events hosted by fans: the host schedules, edits and cancels parties.

pub mod cohosts;
pub mod digest;
#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::error::AppError;
use crate::base::l10n::Lang;

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
    /// The party's language (`fr`, `en`): its invitations, guest pages and
    /// guests' mail are in it. Empty: the brand's.
    #[serde(default)]
    pub language: String,
    /// When guests are reminded: `day` (24 hours before; also when empty),
    /// `early` (2 days before), `both` or `none`.
    #[serde(default)]
    pub reminders: String,
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
    /// The status as the host reads it, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            EventStatus::Upcoming => tr!(lang, EVENT_STATUS_UPCOMING),
            EventStatus::OpenForOrders => tr!(lang, EVENT_STATUS_OPEN),
            EventStatus::Closed => tr!(lang, EVENT_STATUS_CLOSED),
            EventStatus::Cancelled => tr!(lang, EVENT_STATUS_CANCELLED),
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
    /// The host or a co-host, while the party is open: the guest list,
    /// invitations and featured items.
    pub can_manage: bool,
    /// The viewer co-hosts the party (and is not its host).
    pub cohost: bool,
    /// The host may write to the guests: not once the party is cancelled.
    pub can_message: bool,
    /// The stored values, to fill the edit form.
    pub form: EventForm,
    /// The public share link (host only).
    pub share: Option<ShareLink>,
    /// What cancelling would do, for the host to read before confirming
    /// (host only, while the party can be cancelled).
    pub cancel_impact: Option<CancelImpact>,
}

/// What cancelling a party does: the guests told by email, the unpaid
/// orders cancelled (their buyers told, their stock back) and the paid
/// orders left for the brand to deliver or refund.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelImpact {
    pub guests_told: i64,
    pub orders_cancelled: i64,
    pub paid_orders: i64,
}

impl CancelImpact {
    /// The consequence, as the confirmation states it in `lang`.
    pub fn sentence_in(&self, lang: Lang) -> String {
        let mut parts = vec![match self.guests_told {
            0 => tr!(lang, EVENT_CANCEL_NOBODY_TOLD),
            n => tr!(lang, EVENT_CANCEL_GUESTS_TOLD, count = n),
        }];
        if self.orders_cancelled > 0 {
            parts.push(tr!(
                lang,
                EVENT_CANCEL_ORDERS_CANCELLED,
                count = self.orders_cancelled
            ));
        }
        if self.paid_orders > 0 {
            parts.push(tr!(
                lang,
                EVENT_CANCEL_PAID_ORDERS,
                count = self.paid_orders
            ));
        }
        tr!(
            lang,
            EVENT_CANCEL_IMPACT,
            consequences = parts.join(&tr!(lang, EVENT_CANCEL_JOIN))
        )
    }
}

/// An event's public share link and its QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareLink {
    pub url: String,
    pub enabled: bool,
    /// An `<svg>` element, made on the server.
    pub qr_svg: String,
}

/// Schedules a party for the signed-in host, then shows it.
#[server(prefix = "/api", endpoint = "create_event")]
pub async fn create_event(form: EventForm) -> Result<i64, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let draft = domain::EventDraft::parse(&form, now, None).map_err(|e| e.keeping(&form))?;
        let kit = match form.kit.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| {
                AppError::invalid("kit", tr!(crate::base::l10n::page_lang(), EVENT_ERROR_KIT))
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
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
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
        } else {
            details.cancel_impact = Some(ssr::cancel_impact(&state.db, id).await?);
        }
        Ok(details)
    })
    .await
}

/// Turns the share link of an event on or off.
#[server(prefix = "/api", endpoint = "set_sharing")]
pub async fn set_sharing(id: i64, enabled: bool) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::set_sharing(&state.db, &host, id, enabled).await
    })
    .await
}

/// The form's fields, shared by scheduling and editing. Field names are
/// `form[...]`, the server functions' `form` argument.
#[component]
pub fn EventFields(
    initial: EventForm,
    zones: Vec<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field_error = move |field: &'static str| error.get().and_then(|e| e.for_field(field));
    let kind = RwSignal::new(initial.kind.clone());
    let text = move |id: &'static str,
                     label: String,
                     value: String,
                     kind: &'static str,
                     hint: Option<String>| {
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
    let party_lang = initial.language.clone();
    let lang = crate::base::l10n::use_lang();
    view! {
        {move || error.get().filter(|e| !matches!(e, AppError::Invalid { .. })).map(|e| view! {
            <p class="form-error" role="alert">{e.to_string()}</p>
        })}
        {move || error.get().filter(|e| matches!(e, AppError::Invalid { .. })).map(|_| view! {
            <p class="form-error" role="alert">{tr!(lang, FORM_FIX_FIELD)}</p>
        })}
        {text("title", tr!(lang, EVENT_TITLE_LABEL), initial.title.clone(), "text", None)}
        <div class="field">
            <label for="description">{tr!(lang, EVENT_DESCRIPTION_LABEL)}</label>
            <textarea id="description" name="form[description]" rows="3">{initial.description.clone()}</textarea>
            {move || field_error("description").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
        <div class="field">
            <label for="time_zone">{tr!(lang, EVENT_TIME_ZONE)}</label>
            <select id="time_zone" name="form[time_zone]">
                {zones.into_iter().map(|z| {
                    let selected = z == zone;
                    view! { <option value=z.clone() selected=selected>{z.clone()}</option> }
                }).collect_view()}
            </select>
            {move || field_error("time_zone").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
        <div class="field">
            <label for="language">{tr!(lang, EVENT_LANGUAGE)}</label>
            <p class="hint" id="language-hint">{tr!(lang, EVENT_LANGUAGE_HINT)}</p>
            <select id="language" name="form[language]" aria-describedby="language-hint">
                {crate::base::l10n::Lang::ALL.into_iter().map(|l| {
                    let selected = l.code() == party_lang;
                    view! { <option value=l.code() selected=selected lang=l.code()>{l.native_name()}</option> }
                }).collect_view()}
            </select>
            {move || field_error("language").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
        {text("starts_at", tr!(lang, EVENT_STARTS), initial.starts_at.clone(), "datetime-local", None)}
        {text("ends_at", tr!(lang, EVENT_ENDS), initial.ends_at.clone(), "datetime-local", None)}
        <fieldset class="field">
            <legend>{tr!(lang, GUEST_WHERE)}</legend>
            <label class="choice">
                <input type="radio" name="form[kind]" value="in_person" checked=initial.kind != "online"
                    on:change=move |_| kind.set("in_person".into()) />
                " "{tr!(lang, EVENT_KIND_HOME)}
            </label>
            <label class="choice">
                <input type="radio" name="form[kind]" value="online" checked=initial.kind == "online"
                    on:change=move |_| kind.set("online".into()) />
                " "{tr!(lang, EVENT_KIND_ONLINE)}
            </label>
            {move || field_error("kind").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </fieldset>
        {text("address", tr!(lang, EVENT_ADDRESS_LABEL), initial.address.clone(), "text", None)}
        {text("video_url", tr!(lang, EVENT_VIDEO_LINK), initial.video_url.clone(), "url", Some(tr!(lang, EVENT_VIDEO_HINT)))}
        {text("capacity", tr!(lang, EVENT_CAPACITY_LABEL), initial.capacity.clone(), "number", None)}
        {text("orders_close_at", tr!(lang, EVENT_ORDERS_CLOSE_LABEL), initial.orders_close_at.clone(), "datetime-local", Some(tr!(lang, EVENT_ORDERS_CLOSE_HINT)))}
        <div class="field">
            <label for="reminders">{tr!(lang, EVENT_REMINDERS)}</label>
            <p class="hint" id="reminders-hint">{tr!(lang, EVENT_REMINDERS_HINT)}</p>
            <select id="reminders" name="form[reminders]" aria-describedby="reminders-hint">
                {[
                    ("day", tr!(lang, EVENT_REMINDERS_DAY)),
                    ("early", tr!(lang, EVENT_REMINDERS_EARLY)),
                    ("both", tr!(lang, EVENT_REMINDERS_BOTH)),
                    ("none", tr!(lang, EVENT_REMINDERS_NONE)),
                ].into_iter().map(|(code, label)| {
                    let selected = code == initial.reminders || (code == "day" && initial.reminders.is_empty());
                    view! { <option value=code selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            {move || field_error("reminders").map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
    }
}
