//! Invitations: the guest list of an event (invitation emails and RSVPs
//! build on it).

pub mod domain;
#[cfg(feature = "ssr")]
pub mod invite;
pub mod messages;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    forms::{action, Confirm, Field, FormError, LastForm},
    l10n::Lang,
};

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
    /// Whether an invitation link has been sent.
    pub invited: bool,
    /// The last mail to this guest could not be delivered (given up after a day).
    pub mail_failed: bool,
    /// The guest's note to the host (empty for the brand's admin).
    pub note: String,
}

/// What a guest sees on their personal invitation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub guest_name: String,
    pub host_first_name: String,
    pub title: String,
    pub description: String,
    /// Start and end in the event's zone.
    pub when: String,
    pub until: String,
    pub time_zone: String,
    /// The address (only once the guest answered yes) or the video link.
    pub place: String,
    /// An online party's video link: for a guest who said yes, from 15
    /// minutes before the start to the end.
    #[serde(default)]
    pub video_link: Option<String>,
    pub rsvp: String,
    pub companions: i64,
    pub note: String,
    pub cancelled: bool,
    /// Answers are taken until the party starts.
    pub open: bool,
    /// Orders are taken: not cancelled, not closed, before the deadline.
    pub ordering: bool,
    /// The party has begun (and is not cancelled): its album opens.
    #[serde(default)]
    pub album: bool,
    /// Until when orders are taken (in the event's zone).
    /// The guest's current answer to the brand's news (the RSVP form
    /// shows it; unticked until a yes).
    pub news: bool,
    pub orders_close: String,
}

impl InvitationView {
    /// What the top of a guest's page says when the party is over for
    /// them: cancelled, or closed to orders.
    pub fn over(&self, lang: Lang) -> Option<String> {
        if self.cancelled {
            Some(tr!(
                lang,
                INVITE_PARTY_CANCELLED,
                host = &self.host_first_name
            ))
        } else if !self.ordering {
            Some(tr!(lang, INVITE_PARTY_CLOSED, date = &self.orders_close))
        } else {
            None
        }
    }
}

/// What adding guests did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddReport {
    pub added: usize,
    /// Already on the list (or twice in the paste): merged, not added again.
    pub merged: usize,
    /// The first lines that could not be read, each cut short.
    pub rejected: Vec<domain::RejectedLine>,
    /// How many more could not be read.
    #[serde(default)]
    pub more_rejected: usize,
}

impl AddReport {
    /// Lines the report names; it must fit the cookie that carries it back
    /// to a page posted without JavaScript.
    const NAMED: usize = 10;
    /// Characters of a rejected line the report repeats.
    const SHOWN: usize = 60;

    pub fn new(added: usize, merged: usize, mut rejected: Vec<domain::RejectedLine>) -> Self {
        let more_rejected = rejected.len().saturating_sub(Self::NAMED);
        rejected.truncate(Self::NAMED);
        for line in &mut rejected {
            if line.text.chars().count() > Self::SHOWN {
                line.text = line.text.chars().take(Self::SHOWN).collect::<String>() + "…";
            }
        }
        AddReport {
            added,
            merged,
            rejected,
            more_rejected,
        }
    }
}

/// The guest list of an event (its host, or the brand's admin).
#[server(prefix = "/api", endpoint = "guests", input = server_fn::codec::GetUrl)]
pub async fn get_guests(event_id: i64) -> Result<Vec<GuestView>, AppError> {
    serve(async move {
        let user = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        ssr::list(&state.db, &user, event_id).await
    })
    .await
}

/// Adds one guest typed in the name and email fields.
#[server(prefix = "/api", endpoint = "add_guest")]
pub async fn add_guest(event_id: i64, name: String, email: String) -> Result<AddReport, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let guest = domain::guest_form(&name, &email, false)
            .map_err(|e| e.keeping(&TypedGuest { name, email }))?;
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

/// What the host typed into "Add a guest", kept for the form when it fails.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TypedGuest {
    pub name: String,
    pub email: String,
}

/// Adds every readable line of a pasted list; the others come back with a reason.
#[server(prefix = "/api", endpoint = "add_guests")]
pub async fn add_guests(event_id: i64, text: String) -> Result<AddReport, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let (guests, rejected) = domain::parse_guest_lines(&text);
        if guests.is_empty() && rejected.is_empty() {
            return Err(AppError::invalid(
                "text",
                tr!(crate::base::l10n::page_lang(), INVITE_PASTE_AT_LEAST_ONE),
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

/// Sends invitations to every guest not invited yet; returns how many.
#[server(prefix = "/api", endpoint = "send_invitations")]
pub async fn send_invitations(event_id: i64) -> Result<usize, AppError> {
    invite(event_id, ssr::Recipients::NotYetInvited).await
}

/// Sends a guest their invitation again, with the same link.
#[server(prefix = "/api", endpoint = "resend_invitation")]
pub async fn resend_invitation(event_id: i64, guest_id: i64) -> Result<usize, AppError> {
    invite(event_id, ssr::Recipients::Resend(guest_id)).await
}

/// Gives a guest a new link (the old one stops working) and sends it.
#[server(prefix = "/api", endpoint = "revoke_invitation")]
pub async fn revoke_invitation(event_id: i64, guest_id: i64) -> Result<usize, AppError> {
    invite(event_id, ssr::Recipients::Revoke(guest_id)).await
}

#[cfg(feature = "ssr")]
async fn invite(event_id: i64, who: ssr::Recipients) -> Result<usize, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::send_invitations(
            &state.db,
            &state.config,
            &host,
            event_id,
            who,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// The invitation behind a personal link (no account: the link is the key).
#[server(prefix = "/api", endpoint = "invitation", input = server_fn::codec::GetUrl)]
pub async fn get_invitation(token: String) -> Result<InvitationView, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let row = crate::base::access::ssr::invitation_kept(&state.db, &token)
            .await?
            .ok_or(AppError::NotFound)?;
        // What the clock decides of the page comes from `moments` alone: the
        // server keeps the rendered page while the row and they are the same.
        let moments = row.moments(now);
        let ordering = moments.ordering;
        let zone = crate::base::time::zone(&row.time_zone);
        let lang = crate::base::l10n::page_lang();
        let opens = row.video_opens_at();
        let (place, video_link) = match row.kind.as_str() {
            "online" if row.rsvp != "yes" => (tr!(lang, INVITE_PLACE_ONLINE_ANSWER), None),
            "online" if row.cancelled_at.is_none() && moments.video_open => (
                tr!(lang, INVITE_PLACE_ONLINE_NOW),
                row.video_url.clone().filter(|u| !u.is_empty()),
            ),
            "online" => {
                let at = crate::base::l10n::fmt::time_short(lang, opens, zone);
                (
                    tr!(lang, INVITE_PLACE_ONLINE_SOON, when = at.as_str()),
                    None,
                )
            }
            _ if row.rsvp == "yes" => (row.address.clone().unwrap_or_default(), None),
            _ => (tr!(lang, INVITE_PLACE_AT_HOME), None),
        };
        Ok(InvitationView {
            album: row.cancelled_at.is_none() && moments.begun,
            news: row.news,
            guest_name: row.guest_name,
            host_first_name: ssr::first_name(&row.host_name),
            title: row.title,
            description: row.description,
            when: crate::base::l10n::fmt::datetime_long(
                crate::base::l10n::page_lang(),
                row.starts_at,
                zone,
            ),
            until: crate::base::l10n::fmt::datetime_long(
                crate::base::l10n::page_lang(),
                row.ends_at,
                zone,
            ),
            time_zone: row.time_zone,
            place,
            video_link,
            rsvp: row.rsvp,
            companions: row.companions,
            note: row.note,
            cancelled: row.cancelled_at.is_some(),
            open: row.cancelled_at.is_none() && row.closed_at.is_none() && !moments.begun,
            ordering,
            orders_close: crate::base::l10n::fmt::datetime_long(
                crate::base::l10n::page_lang(),
                row.orders_close_at,
                zone,
            ),
        })
    })
    .await
}

/// Records the answer of the guest holding this link.
#[server(prefix = "/api", endpoint = "answer_invitation")]
pub async fn answer_invitation(
    token: String,
    rsvp: String,
    companions: Option<i64>,
    note: Option<String>,
    news: Option<String>,
) -> Result<String, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let answer = domain::Answer::parse(&rsvp)?;
        let rsvp = domain::Rsvp::new(answer, companions, note.as_deref()).with_news(news.is_some());
        Ok(ssr::answer(&state.db, &state.config, &token, &rsvp, chrono::Utc::now()).await?)
    })
    .await
}

/// What the public share link shows: no address, no guest list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedEventView {
    pub title: String,
    pub host_first_name: String,
    pub when: String,
    pub time_zone: String,
    pub online: bool,
}

/// The event behind a share link, if the host keeps it on.
#[server(prefix = "/api", endpoint = "shared_event", input = server_fn::codec::GetUrl)]
pub async fn get_shared_event(slug: String) -> Result<SharedEventView, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        ssr::shared_event(&state.db, &slug, now).await
    })
    .await
}

/// Registers the visitor of a share link as a guest; their personal link
/// comes by email.
#[server(prefix = "/api", endpoint = "join_event")]
pub async fn join_event(
    slug: String,
    name: String,
    email: String,
    news: Option<String>,
) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let guest = domain::guest_form(&name, &email, true)
            .map_err(|e| e.keeping(&TypedGuest { name, email }))?;
        let now = chrono::Utc::now();
        ssr::join_by_share_link(&state.db, &state.config, &slug, &guest, news.is_some(), now).await
    })
    .await
}

/// Removes a guest who has not answered.
#[server(prefix = "/api", endpoint = "remove_guest")]
pub async fn remove_guest(event_id: i64, guest_id: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::remove(&state.db, &host, event_id, guest_id).await
    })
    .await
}

/// A guest's answer as the host and the guest read it.
pub fn rsvp_label(lang: Lang, rsvp: &str) -> String {
    match rsvp {
        "yes" => tr!(lang, INVITE_RSVP_YES),
        "maybe" => tr!(lang, INVITE_RSVP_MAYBE),
        "no" => tr!(lang, INVITE_RSVP_NO),
        "waiting" => tr!(lang, INVITE_RSVP_WAITING),
        _ => tr!(lang, INVITE_RSVP_NONE),
    }
}

/// The guest list's data and forms. The page makes it once, outside the
/// sections it loads asynchronously: a section rendered again on the server
/// must not make its resources again (the copies would run without the
/// request and shift the ids the browser hydrates by).
#[derive(Clone, Copy)]
pub struct GuestListState {
    add_one: ServerAction<AddGuest>,
    add_many: ServerAction<AddGuests>,
    remove: ServerAction<RemoveGuest>,
    send: ServerAction<SendInvitations>,
    resend: ServerAction<ResendInvitation>,
    revoke: ServerAction<RevokeInvitation>,
    guests: Resource<Result<Vec<GuestView>, AppError>>,
}

impl GuestListState {
    pub fn new(event_id: Memo<i64>) -> Self {
        let add_one = action::<AddGuest>();
        let add_many = action::<AddGuests>();
        let remove = ServerAction::<RemoveGuest>::new();
        let send = action::<SendInvitations>();
        let resend = action::<ResendInvitation>();
        let revoke = action::<RevokeInvitation>();
        let guests = Resource::new(
            move || {
                (
                    event_id.get(),
                    add_one.version().get(),
                    add_many.version().get(),
                    remove.version().get(),
                    send.version().get(),
                    revoke.version().get(),
                )
            },
            |(event_id, ..)| get_guests(event_id),
        );
        GuestListState {
            add_one,
            add_many,
            remove,
            send,
            resend,
            revoke,
            guests,
        }
    }
}

/// The guest list with its forms, on the host's event page.
#[component]
pub fn GuestList(event_id: i64, state: GuestListState, can_edit: bool) -> impl IntoView {
    let GuestListState {
        add_one,
        add_many,
        remove,
        send,
        resend,
        revoke,
        guests,
    } = state;
    let lang = crate::base::l10n::use_lang();
    // Only the form used last speaks, here and elsewhere on the page.
    let last = LastForm::of_page();
    let (sent, resent, revoked) = (last.answer(send), last.answer(resend), last.answer(revoke));
    let sent_note = move || {
        sent.get()
            .or(resent.get())
            .or(revoked.get())
            .map(|r| match r {
                Ok(n) => tr!(lang, INVITE_SENT, count = n),
                Err(e) => e.to_string(),
            })
    };
    let (one, many) = (last.answer(add_one), last.answer(add_many));
    let one_error = Signal::derive(move || one.get().and_then(Result::err));
    let many_error = Signal::derive(move || many.get().and_then(Result::err));
    let report = move || one.get().or(many.get()).and_then(Result::ok);
    let remove_error = last.error(remove);
    let kept_one: TypedGuest = one_error
        .get_untracked()
        .and_then(|e| e.kept())
        .unwrap_or_default();
    // A form that added its guests is emptied for the next ones.
    let one_form = NodeRef::<leptos::html::Form>::new();
    let many_form = NodeRef::<leptos::html::Form>::new();
    let empty_when_done = |done: Signal<Option<Result<AddReport, AppError>>>,
                           form: NodeRef<leptos::html::Form>| {
        Effect::new(move |_| {
            let added = matches!(done.get(), Some(Ok(ref r)) if r.added + r.merged > 0 && r.rejected.is_empty());
            if let Some(form) = form.get().filter(|_| added) {
                form.reset();
            }
        });
    };
    empty_when_done(Signal::derive(move || add_one.value().get()), one_form);
    empty_when_done(Signal::derive(move || add_many.value().get()), many_form);
    view! {
        <section class="guests" aria-labelledby="guests-title">
            <h2 id="guests-title">{tr!(lang, INVITE_GUESTS_TITLE)}</h2>
            <Transition fallback=move || view! { <p class="loading" role="status">{tr!(lang, INVITE_LOADING_GUESTS)}</p> }>
                {move || Suspend::new(async move {
                    match guests.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{tr!(lang, INVITE_NO_GUESTS)}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="guest-table">
                                <caption class="sr-only">{tr!(lang, INVITE_GUEST_TABLE_CAPTION)}</caption>
                                <thead><tr><th scope="col">{tr!(lang, INVITE_NAME)}</th><th scope="col">{tr!(lang, INVITE_EMAIL)}</th><th scope="col">{tr!(lang, INVITE_COL_ANSWER)}</th><th scope="col"><span class="sr-only">{tr!(lang, INVITE_COL_ACTIONS)}</span></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|g| {
                                        let removable = can_edit && g.rsvp == "pending";
                                        let invited = g.invited;
                                        let who = if g.name.is_empty() { g.email.clone() } else { g.name.clone() };
                                        let resend_label = tr!(lang, INVITE_RESEND_TO, who = &who);
                                        let revoke_label = tr!(lang, INVITE_NEW_LINK_FOR, who = &who);
                                        let label = tr!(lang, INVITE_REMOVE_GUEST, who = &who);
                                        view! {
                                            <tr>
                                                <td>{g.name.clone()}</td>
                                                <td>{g.email.clone()}</td>
                                                <td>{rsvp_label(lang, &g.rsvp)}{(g.companions > 0).then(|| format!(" +{}", g.companions))}
                                                    {(!invited).then(|| format!(" · {}", tr!(lang, INVITE_NOT_INVITED_YET)))}
                                                    {g.mail_failed.then(|| view! {
                                                        <span class="mail-failed">{format!(" · {}", tr!(lang, INVITE_MAIL_FAILED))}</span>
                                                    })}
                                                    {(!g.note.is_empty()).then(|| view! {
                                                        <p class="guest-note" data-testid="guest-note"><span class="sr-only">{format!("{} ", tr!(lang, INVITE_NOTE))}</span>{tr!(lang, INVITE_NOTE_QUOTED, note = &g.note)}</p>
                                                    })}</td>
                                                <td class="row-actions">
                                                    {(can_edit && invited).then(|| view! {
                                                        <ActionForm action=resend attr:class="inline-form">
                                                            <input type="hidden" name="event_id" value=event_id />
                                                            <input type="hidden" name="guest_id" value=g.id />
                                                            <button type="submit" class="button link" aria-label=resend_label.clone()>{tr!(lang, INVITE_RESEND)}</button>
                                                        </ActionForm>
                                                        <Confirm label=tr!(lang, INVITE_NEW_LINK) aria_label=revoke_label.clone() small=true
                                                            consequence=tr!(lang, INVITE_NEW_LINK_CONSEQUENCE, who = &who, email = &g.email)>
                                                            <ActionForm action=revoke attr:class="inline-form">
                                                                <input type="hidden" name="event_id" value=event_id />
                                                                <input type="hidden" name="guest_id" value=g.id />
                                                                <button type="submit" class="button small danger">{tr!(lang, INVITE_NEW_LINK_CONFIRM)}</button>
                                                            </ActionForm>
                                                        </Confirm>
                                                    })}
                                                    {removable.then(|| view! {
                                                        <ActionForm action=remove attr:class="inline-form">
                                                            <input type="hidden" name="event_id" value=event_id />
                                                            <input type="hidden" name="guest_id" value=g.id />
                                                            <button type="submit" class="button link" aria-label=label.clone()>{tr!(lang, INVITE_REMOVE)}</button>
                                                        </ActionForm>
                                                    })}
                                                </td>
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
            {move || report().map(|r| view! {
                    <div class="report" role="status" data-testid="add-report">
                        <p>{tr!(lang, INVITE_ADDED, count = r.added)}
                           {(r.merged > 0).then(|| format!(" {}", tr!(lang, INVITE_MERGED, count = r.merged)))}</p>
                        {(!r.rejected.is_empty()).then(|| {
                            let count = r.rejected.len() + r.more_rejected;
                            view! {
                                <p>{tr!(lang, INVITE_REJECTED_COUNT, count = count)}</p>
                                <ul class="rejected">
                                    {r.rejected.into_iter().map(|x| view! {
                                        <li>{tr!(lang, INVITE_REJECTED_LINE, line = x.line, text = &x.text, reason = &x.reason)}</li>
                                    }).collect_view()}
                                </ul>
                                {(r.more_rejected > 0).then(|| view! {
                                    <p>{tr!(lang, INVITE_MORE_REJECTED, count = r.more_rejected)}</p>
                                })}
                            }
                        })}
                    </div>
            })}
            <FormError error=remove_error />
            {move || sent_note().map(|n| view! { <p class="report" role="status" data-testid="sent-note">{n}</p> })}
            {can_edit.then(|| view! {
                <ActionForm action=send attr:class="inline-form">
                    <input type="hidden" name="event_id" value=event_id />
                    <button type="submit" class="button primary">{tr!(lang, INVITE_SEND_TO_NEW)}</button>
                </ActionForm>
                <div class="guest-forms">
                    <ActionForm action=add_one node_ref=one_form attr:class="form" attr:novalidate="">
                        <h3>{tr!(lang, INVITE_ADD_ONE_TITLE)}</h3>
                        <FormError error=one_error />
                        <input type="hidden" name="event_id" value=event_id />
                        <Field id="guest-name" field="name" name="name" label=tr!(lang, INVITE_NAME) value=kept_one.name.clone() autocomplete="off" error=one_error />
                        <Field id="guest-email" field="email" name="email" label=tr!(lang, INVITE_EMAIL) kind="email" value=kept_one.email.clone() autocomplete="off" error=one_error />
                        <button type="submit" class="button primary">{tr!(lang, INVITE_ADD_ONE_SUBMIT)}</button>
                    </ActionForm>
                    <ActionForm action=add_many node_ref=many_form attr:class="form" attr:novalidate="">
                        <h3>{tr!(lang, INVITE_PASTE_TITLE)}</h3>
                        <FormError error=many_error />
                        <input type="hidden" name="event_id" value=event_id />
                        <Field id="guest-list" field="text" name="text" label=tr!(lang, INVITE_PASTE_LABEL) rows=6 value="" error=many_error
                            hint=tr!(lang, INVITE_PASTE_HINT) />
                        <button type="submit" class="button">{tr!(lang, INVITE_ADD_MANY_SUBMIT)}</button>
                    </ActionForm>
                </div>
            })}
        </section>
    }
}
