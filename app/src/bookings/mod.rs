//! Bookings: a guest asks to host a party of their own (at checkout or
//! from their invitation page); the brand approves them as a host, who sets
//! a password through a single-use link valid 48 hours; their first party
//! records the party it was booked from.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{Confirm, FormError},
    l10n::use_lang,
};

#[cfg(feature = "ssr")]
pub mod ssr;

/// One request as the brand admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingRequest {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub from_event: String,
    pub from_host: String,
    pub asked: String,
    pub status: String,
}

/// Whether the guest holding `token` has asked to host.
#[server(prefix = "/api", endpoint = "booking_asked", input = server_fn::codec::GetUrl)]
pub async fn get_booking_asked(token: String) -> Result<bool, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        // A guest may ask after the order deadline too: the link stays theirs.
        let guest = crate::base::access::ssr::invitation_kept(&state.db, &token)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(guest.booking_asked)
    })
    .await
}

/// The guest holding `token` asks to host a party of their own.
#[server(prefix = "/api", endpoint = "ask_to_host")]
pub async fn ask_to_host(token: String) -> Result<(), AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        // A guest may ask after the order deadline too: the link stays theirs.
        let guest = crate::base::access::ssr::invitation_kept(&state.db, &token)
            .await?
            .ok_or(AppError::NotFound)?;
        ssr::ask_as_guest(&state.db, guest.guest_id, chrono::Utc::now()).await
    })
    .await
}

/// The brand's booking requests, pending first.
#[server(prefix = "/api", endpoint = "booking_requests", input = server_fn::codec::GetUrl)]
pub async fn get_booking_requests() -> Result<Vec<BookingRequest>, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::list(&state.db, admin.brand_id).await
    })
    .await
}

/// Approves (a host account and a link to set a password) or declines (a
/// kind email) a request.
#[server(prefix = "/api", endpoint = "decide_booking")]
pub async fn decide_booking(id: i64, approve: bool) -> Result<(), AppError> {
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

/// Whether the guest already asked to host, and the action that asks:
/// made with the invitation page, not inside its `Suspense` (see
/// `pages::guest::ShowcaseData`).
#[derive(Clone, Copy)]
pub struct BookingAsked {
    ask: ServerAction<AskToHost>,
    asked: Resource<Result<bool, AppError>>,
}

impl BookingAsked {
    pub fn new(token: impl Fn() -> String + Send + Sync + 'static) -> Self {
        let ask = ServerAction::<AskToHost>::new();
        let asked = Resource::new(
            move || (token(), ask.version().get()),
            |(token, _)| get_booking_asked(token),
        );
        BookingAsked { ask, asked }
    }
}

/// "Host your own party" on a guest's invitation page.
#[component]
pub fn HostYourOwn(token: String, loaded: BookingAsked) -> impl IntoView {
    let lang = use_lang();
    let BookingAsked { ask, asked } = loaded;
    let error = Signal::derive(move || ask.value().get().and_then(Result::err));
    view! {
        <section class="host-your-own" id="host-your-own" aria-labelledby="host-own-title">
            <h2 id="host-own-title">{tr!(lang, BOOKING_HOST_YOUR_OWN_TITLE)}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new({
                    let token = token.clone();
                    async move {
                        match asked.await {
                            Ok(true) => view! {
                                <p class="report" role="status" data-testid="booking-asked">{tr!(lang, BOOKING_ASKED)}</p>
                            }.into_any(),
                            _ => view! {
                                <p>{tr!(lang, BOOKING_HOST_YOUR_OWN_TEXT)}</p>
                                <ActionForm action=ask attr:class="inline-form">
                                    <input type="hidden" name="token" value=token.clone() />
                                    <button type="submit" class="button">{tr!(lang, BOOKING_ASK)}</button>
                                </ActionForm>
                            }.into_any(),
                        }
                    }
                })}
            </Transition>
            <FormError error />
        </section>
    }
}

type Requests = Vec<BookingRequest>;

/// The brand admin's booking requests.
#[component]
pub fn BookingsPage() -> impl IntoView {
    let lang = use_lang();
    let decide = crate::base::forms::action::<DecideBooking>();
    let data = Resource::new(move || decide.version().get(), |_| get_booking_requests());
    let error = Signal::derive(move || decide.value().get().and_then(Result::err));
    let done = move || matches!(decide.value().get(), Some(Ok(())));
    view! {
        <Title text=tr!(lang, BOOKING_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/bookings" children=move |rows: Requests| view! {
            <header class="page-head"><h1>{tr!(lang, BOOKING_TITLE)}</h1></header>
            <p>{tr!(lang, BOOKING_INTRO)}</p>
            <FormError error />
            {move || done().then(|| view! { <p class="report" role="status">{tr!(lang, BOOKING_DECIDED)}</p> })}
            {if rows.is_empty() {
                view! { <p class="muted">{tr!(lang, BOOKING_NO_REQUESTS)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table data-testid="bookings">
                            <thead><tr>
                                <th scope="col">{tr!(lang, BOOKING_COL_GUEST)}</th><th scope="col">{tr!(lang, BOOKING_COL_FROM_PARTY)}</th><th scope="col">{tr!(lang, BOOKING_COL_ASKED)}</th>
                                <th scope="col">{tr!(lang, HOSTS_COL_STATUS)}</th><th scope="col"><span class="sr-only">{tr!(lang, INVITE_COL_ACTIONS)}</span></th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let pending = r.status == "pending";
                                    let (approve_label, decline_label) = (tr!(lang, HOSTS_APPROVE_AS_HOST, name = &r.name), tr!(lang, HOSTS_DECLINE_WHO, name = &r.name));
                                    view! {
                                        <tr>
                                            <td>{r.name.clone()}<br /><span class="muted">{r.email.clone()}</span></td>
                                            <td>{r.from_event.clone()}<br /><span class="muted">{tr!(lang, BOOKING_HOSTED_BY, host = &r.from_host)}</span></td>
                                            <td>{r.asked.clone()}</td>
                                            <td>{match r.status.as_str() { "approved" => tr!(lang, HOSTS_APPROVED), "declined" => tr!(lang, HOSTS_DECLINED), _ => tr!(lang, BOOKING_STATUS_WAITING) }}</td>
                                            <td>{pending.then(|| view! {
                                                <div class="actions">
                                                    <ActionForm action=decide attr:class="inline-form">
                                                        <input type="hidden" name="id" value=r.id />
                                                        <input type="hidden" name="approve" value="true" />
                                                        <button type="submit" class="button small primary" aria-label=approve_label>{tr!(lang, HOSTS_APPROVE)}</button>
                                                    </ActionForm>
                                                    <Confirm label=tr!(lang, HOSTS_DECLINE) aria_label=decline_label small=true
                                                        consequence=tr!(lang, BOOKING_DECLINE_CONSEQUENCE, name = &r.name)>
                                                        <ActionForm action=decide attr:class="inline-form">
                                                            <input type="hidden" name="id" value=r.id />
                                                            <input type="hidden" name="approve" value="false" />
                                                            <button type="submit" class="button small danger">{tr!(lang, HOSTS_YES_DECLINE)}</button>
                                                        </ActionForm>
                                                    </Confirm>
                                                </div>
                                            })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        } />
    }
}
