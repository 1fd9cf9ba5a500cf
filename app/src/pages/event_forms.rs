//! Scheduling and editing a party: the event's fields, and for a new party
//! the kit its featured items start from (or the notice of a suspended
//! host).

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::{
    base::{auth::Gate, error::AppError},
    catalog::kits::KitSummary,
    events::{get_event, CreateEvent, EventDetails, EventFields, EventForm},
};

/// What the event form starts with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFormOptions {
    pub zones: Vec<String>,
    pub initial: EventForm,
    /// The brand's kits to start from.
    pub kits: Vec<KitSummary>,
    /// A suspended host cannot schedule parties.
    pub suspended: bool,
}

/// Changes a party of the signed-in host. A new time or place goes, in the
/// same transaction, to the guests who said yes or maybe: an updated
/// invitation whose calendar file moves the entry in their calendar.
#[server(prefix = "/api", endpoint = "update_event")]
pub async fn update_event(id: i64, form: EventForm) -> Result<(), AppError> {
    use crate::events::ssr::{update, Edit};
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let (db, now) = (&state.db, chrono::Utc::now());
        let mut tx = db.begin().await?;
        let edit = update(db, &mut tx, &host, id, &form, now)
            .await
            .map_err(|e| e.keeping(&form))?;
        if edit == Edit::Moved {
            use crate::invitations::ssr::{tell_guests, Change};
            tell_guests(&mut tx, &state.config, id, Change::Moved, now).await?;
        }
        tx.commit().await?;
        leptos_axum::redirect(&format!("/host/events/{id}"));
        Ok(())
    })
    .await
}

/// The time zones to choose from and the host's defaults.
#[server(prefix = "/api", endpoint = "event_form_options", input = server_fn::codec::GetUrl)]
pub async fn get_event_form_options() -> Result<EventFormOptions, AppError> {
    serve(async {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let zone = crate::events::ssr::host_zone(&state.db, &host).await?;
        let kits = crate::catalog::kits::ssr::list(
            &state.db,
            host.brand_id,
            Some(crate::base::l10n::page_lang()),
        )
        .await?;
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
                language: crate::base::l10n::resolve::brand_language_of(&state.db, host.brand_id)
                    .await?
                    .code()
                    .to_owned(),
                kind: "in_person".into(),
                capacity: "12".into(),
                ..EventForm::default()
            },
        })
    })
    .await
}

/// Scheduling a party.
#[component]
pub fn NewEventPage() -> impl IntoView {
    let options = Resource::new(|| (), |_| get_event_form_options());
    let create = ServerAction::<CreateEvent>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, EVENT_SCHEDULE_PAGE_TITLE) />
        <Gate data=options here="/host/events/new" children=move |o: EventFormOptions| {
            let initial: EventForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or(o.initial);
            if o.suspended {
                return view! {
                    <section class="notice" aria-labelledby="new-title">
                        <h1 id="new-title">{tr!(lang, HOST_SCHEDULE)}</h1>
                        <p role="status" data-testid="suspended">{tr!(lang, EVENT_SUSPENDED)}</p>
                        <p><a href="/host">{tr!(lang, HOST_BACK)}</a></p>
                    </section>
                }.into_any();
            }
            view! {
            <section class="form-card" aria-labelledby="new-title">
                <h1 id="new-title">{tr!(lang, HOST_SCHEDULE)}</h1>
                <ActionForm action=create attr:class="form" attr:novalidate="">
                    // After a failed post without JavaScript, refill what was typed.
                    <EventFields initial=initial.clone() zones=o.zones error />
                    <KitChoice kits=o.kits chosen=initial.kit error />
                    <button type="submit" class="button primary" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { tr!(lang, EVENT_SCHEDULING) } else { tr!(lang, EVENT_SCHEDULE_SUBMIT) }}
                    </button>
                </ActionForm>
            </section>
        }.into_any()} />
    }
}

/// Picking the kit a new party's featured items start from.
#[component]
fn KitChoice(
    kits: Vec<KitSummary>,
    chosen: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.for_field("kit"));
    let lang = crate::base::l10n::use_lang();
    view! {
        <div class="field">
            <label for="kit">{tr!(lang, EVENT_KIT)}</label>
            <p class="hint" id="kit-hint">{tr!(lang, EVENT_KIT_HINT)}</p>
            <select id="kit" name="form[kit]" aria-describedby="kit-hint">
                <option value="">{tr!(lang, EVENT_NO_KIT)}</option>
                {kits.into_iter().map(|k| {
                    let selected = chosen == k.id.to_string();
                    view! { <option value=k.id selected=selected>{tr!(lang, EVENT_KIT_OPTION, name = &k.name, count = k.items)}</option> }
                }).collect_view()}
            </select>
            {move || message().map(|msg| view! { <p class="field-error">{msg}</p> })}
        </div>
    }
}

/// Editing an event.
#[component]
pub fn EditEventPage() -> impl IntoView {
    let id = crate::base::page::id_param("id");
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
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, EVENT_EDIT_PAGE_TITLE) />
        <Gate data here="/host" children=move |(e, zones): (EventDetails, Vec<String>)| view! {
            <section class="form-card" aria-labelledby="edit-title">
                <h1 id="edit-title">{tr!(lang, EVENT_EDIT_TITLE, title = &e.summary.title)}</h1>
                <ActionForm action=update attr:class="form" attr:novalidate="">
                    <input type="hidden" name="id" value=e.summary.id />
                    <EventFields initial=error.get_untracked().and_then(|e| e.kept()).unwrap_or_else(|| e.form.clone()) zones error />
                    <button type="submit" class="button primary" disabled=move || update.pending().get()>{tr!(lang, EVENT_SAVE)}</button>
                </ActionForm>
            </section>
        } />
    }
}
