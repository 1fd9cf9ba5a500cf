//! The host's page of one party: its facts, share link and QR code, the
//! reward progress, the featured items and the guest list (read-only for
//! the brand admin).

use leptos::prelude::*;
use leptos_meta::Title;

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::{
    base::{
        auth::Gate,
        error::AppError,
        forms::{Confirm, FormError, LastForm},
    },
    events::{
        cohosts::{CoHostsSection, CoHostsState},
        get_event, EventDetails, EventStatus, SetSharing,
    },
    invitations::{
        messages::{GuestMessages, MessagesState},
        GuestList, GuestListState,
    },
    orders::for_friend::{FriendOrder, FriendOrderState},
    rewards::{reward_panel_data, RewardPanelView},
    showcase::{featured_data, FeaturedItemsEditor},
};

/// Cancels a party of the signed-in host: in one transaction the party
/// stops and its invited guests (those who did not decline) are mailed,
/// with a calendar cancellation; then each unpaid order is cancelled and
/// each paid one refunded, with its buyer's mail and its stock back.
/// Cancelling again changes nothing but finishes orders a crash left.
#[server(prefix = "/api", endpoint = "cancel_event")]
pub async fn cancel_event(id: i64) -> Result<(), AppError> {
    use crate::events::ssr::{stop, Stop};
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let (db, now) = (&state.db, chrono::Utc::now());
        let mut tx = db.begin().await?;
        let brand_id = match stop(db, &mut tx, &host, id, now).await? {
            Stop::Now { brand_id } => {
                use crate::invitations::ssr::{tell_guests, Change};
                tell_guests(&mut tx, &state.config, id, Change::Cancelled, now).await?;
                tx.commit().await?;
                brand_id
            }
            Stop::Already { brand_id } => brand_id,
        };
        ssr::settle(db, &state.config, brand_id, id, now).await?;
        leptos_axum::redirect(&format!("/host/events/{id}"));
        Ok(())
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use crate::base::{db::Db, error::AppError, state::AppConfig};

    /// Settles the orders of a cancelled party: the unpaid ones cancelled,
    /// the paid ones that have not left refunded. Running it again finishes
    /// what a crash or an unreachable Stripe left.
    pub async fn settle(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
        event_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        crate::events::ssr::cancel_unpaid_orders(db, config, brand_id, event_id, now).await?;
        crate::orders::ssr::refund_cancelled_party(db, config, brand_id, event_id, now).await?;
        Ok(())
    }

    /// The closings worker's pass: settles the cancelled parties whose
    /// orders a crash left. Returns how many parties it went through.
    pub async fn finish_cancellations(
        db: &Db,
        config: &AppConfig,
        now: DateTime<Utc>,
    ) -> Result<usize, AppError> {
        let mut finished = 0;
        for (id, brand_id) in crate::events::ssr::cancellations_left(db, now).await? {
            // One party that fails waits for the next pass; the others go on.
            match settle(db, config, brand_id, id, now).await {
                Ok(()) => finished += 1,
                Err(err) => {
                    tracing::warn!(event = id, %err, "could not finish a cancellation; will retry")
                }
            }
        }
        Ok(finished)
    }
}

/// One event, for its host (and read-only for the brand admin).
#[component]
pub fn EventPage() -> impl IntoView {
    let id = crate::base::page::id_param("id");
    let cancel = ServerAction::<CancelEvent>::new();
    let sharing = ServerAction::<SetSharing>::new();
    let event = Resource::new(
        move || (id.get(), cancel.version().get(), sharing.version().get()),
        |(id, _, _)| get_event(id),
    );
    // The sections' data, made once here and not inside the Gate, which
    // the server may render more than once.
    let rewards = reward_panel_data(id);
    let featured = featured_data(id);
    let guests = GuestListState::new(id);
    let messages = MessagesState::new(id);
    let friend = FriendOrderState::new(id);
    let cohosts = CoHostsState::new(id);
    let draw = Resource::new(move || id.get(), crate::draws::get_party_draw);
    // The page's forms: only the one used last shows its note.
    let cancel_error = LastForm::of_page().error(cancel);
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, HOST_EVENT_PAGE_TITLE) />
        <Gate data=event here="/host" children=move |e: EventDetails| {
            let edit_href = format!("/host/events/{}/edit", e.summary.id);
            let event_id = e.summary.id;
            // Before the party the host works on the guests; after, on sales.
            let guests_first = e.summary.status == EventStatus::Upcoming;
            let mut jumps = vec![
                ("#guests-title", tr!(lang, INVITE_GUESTS_TITLE)),
                ("#rewards-title", tr!(lang, REWARD_REWARDS)),
                ("#featured-title", tr!(lang, HOST_JUMP_ITEMS)),
            ];
            if !guests_first {
                jumps.rotate_left(1);
            }
            if e.summary.status == EventStatus::Cancelled {
                jumps.retain(|(to, _)| *to != "#rewards-title");
            }
            if e.share.is_some() {
                jumps.push(("#share-title", tr!(lang, HOST_SHARE_LINK)));
            }
            view! {
                <article class="event">
                    <header class="page-head">
                        <p class="eyebrow" data-testid="event-status">{e.summary.status.label(lang)}</p>
                        <h1>{e.summary.title.clone()}</h1>
                    </header>
                    <nav class="jump-links" aria-label=tr!(lang, HOST_ON_THIS_PAGE)>
                        <ul>
                            {jumps.into_iter().map(|(to, text)| view! { <li><a href=to>{text}</a></li> }).collect_view()}
                            <li><a href=format!("/host/events/{event_id}/report")>{tr!(lang, HOST_PARTY_REPORT)}</a></li>
                            <li><a href=format!("/host/events/{event_id}/pick-list")>{tr!(lang, HOST_PICK_LIST)}</a></li>
                            <li><a href=format!("/host/events/{event_id}/album")>{tr!(lang, HOST_ALBUM_LINK)}</a></li>
                        </ul>
                    </nav>
                    <dl class="facts">
                        <dt>{tr!(lang, EVENT_STARTS)}</dt><dd data-testid="event-start">{e.summary.when.clone()} " (" {e.summary.time_zone.clone()} ")"</dd>
                        <dt>{tr!(lang, EVENT_ENDS)}</dt><dd>{e.ends.clone()}</dd>
                        <dt>{if e.online { tr!(lang, EVENT_VIDEO_LINK) } else { tr!(lang, HOST_ADDRESS) }}</dt><dd>{e.place.clone()}</dd>
                        <dt>{tr!(lang, HOST_CAPACITY)}</dt><dd>{tr!(lang, HOST_CAPACITY_GUESTS, count = e.capacity)}</dd>
                        <dt>{tr!(lang, HOST_ORDERS_CLOSE)}</dt><dd>{e.orders_close.clone()}</dd>
                    </dl>
                    {(!e.description.is_empty()).then(|| view! { <p class="description">{e.description.clone()}</p> })}
                    {e.can_edit.then(|| view! {
                        <div class="actions">
                            <a class="button" href=edit_href.clone()>{tr!(lang, HOST_EDIT)}</a>
                            <Confirm label=tr!(lang, HOST_CANCEL_PARTY) danger=true
                                consequence=e.cancel_impact.map(|i| i.sentence_in(lang)).unwrap_or_default()>
                                <ActionForm action=cancel attr:class="inline-form">
                                    <input type="hidden" name="id" value=event_id />
                                    <button type="submit" class="button danger">{tr!(lang, HOST_CANCEL_CONFIRM)}</button>
                                </ActionForm>
                            </Confirm>
                            <FormError error=cancel_error />
                        </div>
                    })}
                    {e.share.clone().map(|share| view! {
                        <section class="share" aria-labelledby="share-title">
                            <h2 id="share-title">{tr!(lang, HOST_SHARE_LINK)}</h2>
                            {if share.enabled {
                                view! {
                                    <p>{tr!(lang, HOST_SHARE_ON)}</p>
                                    <p class="share-url" data-testid="share-url">{share.url.clone()}</p>
                                    <div class="qr" role="img" aria-label=tr!(lang, HOST_SHARE_QR) inner_html=share.qr_svg.clone()></div>
                                }.into_any()
                            } else {
                                view! { <p>{tr!(lang, HOST_SHARE_OFF)}</p> }.into_any()
                            }}
                            <ActionForm action=sharing attr:class="inline-form">
                                <input type="hidden" name="id" value=event_id />
                                <input type="hidden" name="enabled" value=(!share.enabled).to_string() />
                                <button type="submit" class="button">{if share.enabled { tr!(lang, HOST_SHARE_TURN_OFF) } else { tr!(lang, HOST_SHARE_TURN_ON) }}</button>
                            </ActionForm>
                        </section>
                    })}
                    {guests_first.then(|| view! { <GuestList event_id=event_id state=guests can_edit=e.can_manage /> })}
                    {(e.summary.status != EventStatus::Cancelled).then(|| view! { <RewardPanelView data=rewards /> })}
                    <FeaturedItemsEditor data=featured />
                    {(!guests_first).then(|| view! { <GuestList event_id=event_id state=guests can_edit=e.can_manage /> })}
                    {(e.can_message).then(|| view! { <GuestMessages event_id=event_id state=messages /> })}
                    {(e.summary.status != EventStatus::Cancelled).then(|| view! { <CoHostsSection event_id=event_id state=cohosts /> })}
                    <Suspense fallback=|| ()>
                        {move || draw.get().and_then(Result::ok).flatten().map(|d| view! { <crate::draws::PartyDraw draw=d /> })}
                    </Suspense>
                    {(e.can_edit && e.summary.status != EventStatus::Cancelled).then(|| view! { <FriendOrder event_id=event_id state=friend /> })}
                    <p><a href="/host">{tr!(lang, HOST_BACK)}</a></p>
                </article>
            }
        } />
    }
}
