//! The guest's pages: the invitation a personal link opens (the answer
//! form, the party's items, the brand's votes, "host your own"), the share
//! link's public page, and the page of one item with its favourite button.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::{
    base::{
        error::AppError,
        forms::{action, Field, FormError},
        items::{ItemCard, ItemDetail, ItemGrid, ItemLabel, ItemPhotos},
        l10n::{fmt::money, use_lang, Lang},
        page::NotFound,
    },
    invitations::{
        get_invitation, get_shared_event, rsvp_label, AnswerInvitation, JoinEvent, TypedGuest,
    },
    showcase::SetFavourite,
    votes::{GuestPoll, GuestPolls, Vote},
};

/// What a guest's phone shows of the party's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Showcase {
    pub items: std::sync::Arc<Vec<ItemCard>>,
    /// Each card's HTML around its name, as the server keeps it; written
    /// anew where empty (`base::items::grid_html`).
    #[serde(skip)]
    pub parts: std::sync::Arc<Vec<(String, String)>>,
    pub favourites: Vec<i64>,
    pub polls: Vec<GuestPoll>,
    /// Opened with a personal link (favourites and votes), not a share link.
    pub personal: bool,
}

/// One featured item as a guest sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowcaseItem {
    pub event_title: String,
    pub item: ItemDetail,
    pub favourite: bool,
    pub personal: bool,
    /// Orders are taken (not closed or cancelled).
    pub ordering: bool,
    /// Its published reviews and hosts' tips.
    pub reviews: crate::reviews::ItemReviews,
    /// Its pre-order campaign, for a guest with a personal link.
    pub preorder: Option<crate::orders::preorder::PreorderOffer>,
}

/// The party's items for the guest holding `token`, with their favourites
/// and the brand's open votes.
#[server(prefix = "/api", endpoint = "guest_showcase", input = server_fn::codec::GetUrl)]
pub async fn get_guest_showcase(token: String) -> Result<Showcase, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let guest = crate::base::access::ssr::invitation_kept(&state.db, &token)
            .await?
            .ok_or(AppError::NotFound)?;
        // After the order deadline the link still opens the party's page,
        // which offers nothing: no items, and no error to make the page a 404.
        if now >= guest.orders_close_at {
            return Ok(Showcase {
                items: Default::default(),
                parts: Default::default(),
                favourites: Vec::new(),
                polls: Vec::new(),
                personal: true,
            });
        }
        state.presence.saw(&guest, now);
        let lang = crate::base::l10n::page_lang();
        let cards = state
            .cards
            .party_at(&state.db, guest.event_id, lang, &guest.cards_stamp)
            .await?;
        Ok(Showcase {
            items: cards.items.clone(),
            parts: cards.parts.clone(),
            favourites: guest.favourites(),
            polls: crate::votes::ssr::for_guest(&state.db, &guest).await?,
            personal: true,
        })
    })
    .await
}

/// The party's items for a visitor of its share link.
#[server(prefix = "/api", endpoint = "shared_showcase", input = server_fn::codec::GetUrl)]
pub async fn get_shared_showcase(slug: String) -> Result<Showcase, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let event_id =
            crate::base::access::ssr::shared_event_id(&state.db, &slug, chrono::Utc::now()).await?;
        let cards = state
            .cards
            .party(&state.db, event_id, crate::base::l10n::page_lang())
            .await?;
        Ok(Showcase {
            items: cards.items.clone(),
            parts: cards.parts.clone(),
            favourites: Vec::new(),
            polls: Vec::new(),
            personal: false,
        })
    })
    .await
}

/// One featured item, through a personal link (`token`) or a share link
/// (`slug`). An item the party does not feature is not found.
#[server(prefix = "/api", endpoint = "showcase_item", input = server_fn::codec::GetUrl)]
pub async fn get_showcase_item(
    token: String,
    slug: String,
    item_id: i64,
) -> Result<ShowcaseItem, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        let (event_id, event_title, guest_id, ordering) = if !token.is_empty() {
            let guest = crate::base::access::ssr::invitation(&state.db, &token, now).await?;
            let ordering = guest.ordering(now);
            (guest.event_id, guest.title, Some(guest.guest_id), ordering)
        } else {
            // A share link only opens while the party takes orders.
            let (id, title) = crate::base::access::ssr::shared_event(&state.db, &slug, now).await?;
            (id, title, None, true)
        };
        let (item, favourite) =
            crate::catalog::ssr::party_detail(&state.db, event_id, guest_id, item_id).await?;
        let reviews = crate::reviews::ssr::of_item(&state.db, item.card.id).await?;
        let preorder = match guest_id {
            Some(_) => crate::orders::preorder::ssr::offer(&state.db, item.card.id, now).await?,
            None => None,
        };
        Ok(ShowcaseItem {
            preorder,
            event_title,
            item,
            favourite,
            personal: guest_id.is_some(),
            ordering,
            reviews,
        })
    })
    .await
}

/// The grid of a party's items, linking to each item's page under `base`
/// (`/i/<token>` or `/s/<slug>`); favourites carry a mark.
#[component]
fn ShowcaseGrid(base: String, showcase: Showcase) -> impl IntoView {
    let lang = use_lang();
    let favourites = showcase.favourites.clone();
    let count = showcase.items.len();
    view! {
        <section class="showcase" aria-labelledby="showcase-title">
            <h2 id="showcase-title">{tr!(lang, GUEST_COLLECTION_TITLE)}</h2>
            <p><a class="button" href=format!("{base}/cart")>{tr!(lang, GUEST_CART_LINK)}</a></p>
            {if count == 0 {
                view! { <p class="muted">{tr!(lang, GUEST_COLLECTION_EMPTY)}</p> }.into_any()
            } else {
                let href = Callback::new(move |id: i64| format!("{base}/items/{id}"));
                view! { <ItemGrid items=showcase.items parts=showcase.parts marked=favourites href /> }.into_any()
            }}
        </section>
    }
}

/// The guest's showcase and the vote that reloads it, made with the page
/// rather than inside its `Suspense`: a resource made inside one is made
/// anew (and fetched again) each time the server re-walks the Suspense's
/// children to find its reads.
#[derive(Clone, Copy)]
pub struct ShowcaseData {
    vote: ServerAction<Vote>,
    data: Resource<Result<Showcase, AppError>>,
}

impl ShowcaseData {
    pub fn new(token: impl Fn() -> String + Send + Sync + 'static) -> Self {
        let vote = ServerAction::<Vote>::new();
        let data = Resource::new(
            move || (token(), vote.version().get()),
            |(token, _)| get_guest_showcase(token),
        );
        ShowcaseData { vote, data }
    }
}

/// A guest's view of the party's items and the brand's votes, on their
/// invitation page.
#[component]
pub fn GuestShowcase(token: String, loaded: ShowcaseData) -> impl IntoView {
    let lang = use_lang();
    let ShowcaseData { vote, data } = loaded;
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING_COLLECTION)}</p> }>
            {
                let token = token.clone();
                move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        data.await.ok().map(|s| {
                            let polls = s.polls.clone();
                            view! {
                                <ShowcaseGrid base=format!("/i/{token}") showcase=s />
                                <GuestPolls token=token.clone() polls on_voted=vote />
                            }
                        })
                    })
                }
            }
        </Transition>
    }
}

/// The party's items on its public share page; `data` is made with the
/// page (see [`ShowcaseData`]).
#[component]
pub fn SharedShowcase(slug: String, data: Resource<Result<Showcase, AppError>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING_COLLECTION)}</p> }>
            {
                let slug = slug.clone();
                move || {
                    let slug = slug.clone();
                    Suspend::new(async move {
                        data.await.ok().map(|s| view! { <ShowcaseGrid base=format!("/s/{slug}") showcase=s /> })
                    })
                }
            }
        </Suspense>
    }
}

/// One item of the party (`/i/:token/items/:item` or `/s/:slug/items/:item`):
/// photos, price, stock, description, label and the favourite button.
#[component]
pub fn ShowcaseItemPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let item_id = move || {
        params
            .read()
            .get("item")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let favourite = ServerAction::<SetFavourite>::new();
    let data = Resource::new(
        move || (token(), slug(), item_id(), favourite.version().get()),
        |(token, slug, item, _)| get_showcase_item(token, slug, item),
    );
    view! {
        <Title text=tr!(lang, GUEST_ITEM_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(s) => {
                        let back = if s.personal { format!("/i/{}", token()) } else { format!("/s/{}", slug()) };
                        let note = s.item.card.stock_note_in(lang);
                        let name = s.item.card.name.clone();
                        view! {
                            <Title text=format!("{name} · Soirée") />
                            <article class="item-page">
                                <p><a href=format!("{back}#showcase-title")>{format!("← {}", s.event_title)}</a></p>
                                <ItemPhotos item=s.item.clone() />
                                <h1>{name.clone()}</h1>
                                <p class="price large">{money(lang, s.item.card.price)}
                                    <span class="muted">{format!(" {}", tr!(lang, GUEST_VAT_INCLUDED, rate = vat_rate(lang, s.item.vat_rate_bp)))}</span>
                                </p>
                                <crate::base::items::FansMark chosen=s.item.card.chosen_by_fans />
                                <crate::base::items::RatingLine rating=s.item.card.rating />
                                {note.map(|n| view! { <p class="stock-note" data-testid="stock-note">{n}</p> })}
                                {(!s.item.description.is_empty()).then(|| view! { <p class="description">{s.item.description.clone()}</p> })}
                                {if s.ordering {
                                    view! { <crate::orders::AddToCart item_id=s.item.card.id stock=s.item.card.stock /> }.into_any()
                                } else {
                                    view! { <p class="party-banner" role="status">{tr!(lang, GUEST_ORDERS_CLOSED)}</p> }.into_any()
                                }}
                                {s.personal.then(|| view! {
                                    <ActionForm action=favourite attr:class="inline-form">
                                        <input type="hidden" name="token" value=token() />
                                        <input type="hidden" name="item_id" value=s.item.card.id />
                                        <input type="hidden" name="on" value=(!s.favourite).to_string() />
                                        <button type="submit" class="button" aria-pressed=s.favourite.to_string() data-testid="favourite">
                                            {if s.favourite { tr!(lang, GUEST_IN_FAVOURITES) } else { tr!(lang, GUEST_ADD_TO_FAVOURITES) }}
                                        </button>
                                    </ActionForm>
                                })}
                                {s.preorder.clone().map(|offer| view! {
                                    <crate::orders::preorder::PreorderBox token=token() item_id=s.item.card.id offer />
                                })}
                                <ItemLabel label=s.item.label.clone() />
                                <crate::reviews::ItemReviewsSection reviews=s.reviews.clone() />
                            </article>
                        }.into_any()
                    }
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The page of an event's public share link.
#[component]
pub fn SharedEventPage() -> impl IntoView {
    use leptos_meta::Title;
    let params = leptos_router::hooks::use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let shared = Resource::new(slug, get_shared_event);
    let showcase = Resource::new(slug, get_shared_showcase);
    let join = action::<JoinEvent>();
    let error = Signal::derive(move || join.value().get().and_then(Result::err));
    let typed: TypedGuest = error
        .get_untracked()
        .and_then(|e| e.kept())
        .unwrap_or_default();
    let typed = StoredValue::new(typed);
    let joined = move || matches!(join.value().get(), Some(Ok(())));
    let lang = use_lang();
    view! {
        <Title text=tr!(lang, GUEST_SHARED_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match shared.await {
                    Ok(e) => view! {
                        <article class="invitation">
                            <p class="eyebrow">{tr!(lang, GUEST_HOST_IS_HOSTING, host = &e.host_first_name)}</p>
                            <h1>{e.title.clone()}</h1>
                            <dl class="facts">
                                <dt>{tr!(lang, GUEST_WHEN)}</dt><dd>{e.when.clone()} " (" {e.time_zone.clone()} ")"</dd>
                                <dt>{tr!(lang, GUEST_WHERE)}</dt><dd>{if e.online { tr!(lang, GUEST_WHERE_ONLINE) } else { tr!(lang, GUEST_WHERE_AT_HOME) }}</dd>
                            </dl>
                            <Show when=joined fallback=move || view! {
                                <ActionForm action=join attr:class="form" attr:novalidate="">
                                    <h2>{tr!(lang, GUEST_JOIN_TITLE)}</h2>
                                    <p>{tr!(lang, GUEST_JOIN_INTRO)}</p>
                                    <FormError error />
                                    <input type="hidden" name="slug" value=slug />
                                    <Field id="join-name" field="name" name="name" label=tr!(lang, GUEST_YOUR_NAME) value=typed.with_value(|t| t.name.clone()) autocomplete="name" error />
                                    <Field id="join-email" field="email" name="email" label=tr!(lang, GUEST_YOUR_EMAIL) kind="email" value=typed.with_value(|t| t.email.clone()) autocomplete="email" error />
                                    <NewsChoice checked=false />
                                    <button type="submit" class="button primary">{tr!(lang, GUEST_JOIN_SUBMIT)}</button>
                                </ActionForm>
                            }>
                                <p class="report" role="status" data-testid="joined">{tr!(lang, GUEST_JOINED)}</p>
                            </Show>
                        </article>
                        <SharedShowcase slug=slug() data=showcase />
                    }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Send me the brand's news": asked on its own, unticked until the guest
/// says yes (`base::consent`).
#[component]
fn NewsChoice(checked: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class="choice"><input type="checkbox" name="news" value="yes" checked=checked />
            {format!(" {}", tr!(lang, NEWS_CONSENT))}</label>
    }
}

/// The page a guest's personal link opens.
#[component]
pub fn InvitationPage() -> impl IntoView {
    use leptos_meta::Title;
    let params = leptos_router::hooks::use_params_map();
    let answer = ServerAction::<AnswerInvitation>::new();
    let token = move || params.read().get("token").unwrap_or_default();
    let invitation = Resource::new(
        move || (token(), answer.version().get()),
        |(token, _)| get_invitation(token),
    );
    let error = move || answer.value().get().and_then(Result::err);
    let rsvp_error = move || error().and_then(|e| e.for_field("rsvp"));
    let lang = use_lang();
    let showcase = ShowcaseData::new(token);
    let booking = crate::bookings::BookingAsked::new(token);
    view! {
        <Title text=tr!(lang, GUEST_INVITATION_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, GUEST_LOADING)}</p> }>
            {move || Suspend::new(async move {
                match invitation.await {
                    Ok(i) => view! {
                        <article class="invitation">
                            <p class="eyebrow">{tr!(lang, GUEST_HOST_INVITES_YOU, host = &i.host_first_name)}</p>
                            <h1>{i.title.clone()}</h1>
                            {i.over(lang).map(|text| view! { <p class="party-banner" role="status" data-testid="party-over">{text}</p> })}
                            <dl class="facts">
                                <dt>{tr!(lang, GUEST_WHEN)}</dt><dd data-testid="invitation-when">{i.when.clone()} " (" {i.time_zone.clone()} ")"</dd>
                                <dt>{tr!(lang, GUEST_UNTIL)}</dt><dd>{i.until.clone()}</dd>
                                <dt>{tr!(lang, GUEST_WHERE)}</dt><dd data-testid="invitation-place">{i.place.clone()}
                                    {i.video_link.clone().map(|url| view! {
                                        " " <a class="button primary" href=url rel="noopener" target="_blank" data-testid="video-link">{tr!(lang, GUEST_JOIN_VIDEO)}</a>
                                    })}</dd>
                                <dt>{tr!(lang, GUEST_YOUR_ANSWER)}</dt><dd data-testid="invitation-answer">{rsvp_label(lang, &i.rsvp)}</dd>
                            </dl>
                            {i.ordering.then(|| view! { <GuestLive token=token() /> })}
                            {i.album.then(|| view! {
                                <p><a class="button" href=format!("/i/{}/album", token()) data-testid="album-link">{tr!(lang, ALBUM_LINK)}</a></p>
                            })}
                            {(!i.description.is_empty()).then(|| view! { <p>{i.description.clone()}</p> })}
                            {(i.rsvp == "waiting").then(|| view! {
                                <p class="report" role="status">{tr!(lang, GUEST_WAITING_LIST)}</p>
                            })}
                            {i.open.then(|| {
                                let current = i.rsvp.clone();
                                view! {
                                    <ActionForm action=answer attr:class="form rsvp-form" attr:novalidate="">
                                        <h2>{tr!(lang, GUEST_YOUR_ANSWER)}</h2>
                                        {move || error().filter(|e| e.for_field("rsvp").is_none()).map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
                                        <input type="hidden" name="token" value=token />
                                        <fieldset class="field" aria-describedby="rsvp-error">
                                            <legend>{tr!(lang, GUEST_WILL_YOU_COME)}</legend>
                                            {move || rsvp_error().map(|m| view! { <p class="field-error" id="rsvp-error" role="alert">{m}</p> })}
                                            {[("yes", tr!(lang, GUEST_ANSWER_YES)), ("maybe", tr!(lang, GUEST_ANSWER_MAYBE)), ("no", tr!(lang, GUEST_ANSWER_NO))].into_iter().map(|(value, label)| {
                                                let checked = current == value || (value == "yes" && current == "waiting");
                                                view! {
                                                    <label class="choice"><input type="radio" name="rsvp" value=value checked=checked />" " {label}</label>
                                                }
                                            }).collect_view()}
                                        </fieldset>
                                        <div class="field">
                                            <label for="companions">{tr!(lang, GUEST_COMPANIONS)}</label>
                                            <select id="companions" name="companions">
                                                {(0..=3).map(|n| view! { <option value=n selected=n == i.companions>{n}</option> }).collect_view()}
                                            </select>
                                        </div>
                                        <div class="field">
                                            <label for="note">{tr!(lang, GUEST_NOTE_LABEL, host = &i.host_first_name)}</label>
                                            <textarea id="note" name="note" rows="3">{i.note.clone()}</textarea>
                                        </div>
                                        <NewsChoice checked=i.news />
                                        <button type="submit" class="button primary">{tr!(lang, GUEST_SEND_ANSWER)}</button>
                                    </ActionForm>
                                }
                            })}
                        </article>
                        {i.ordering.then(|| view! { <GuestShowcase token=token() loaded=showcase /> })}
                        {(!i.cancelled).then(|| view! { <crate::bookings::HostYourOwn token=token() loaded=booking /> })}
                        <crate::privacy::YourData token=token() />
                    }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The party as it is now (guests here, coming, orders), pushed by the
/// server while the page is open; shown once the page runs its script.
#[island]
fn GuestLive(token: String) -> impl IntoView {
    let lang = use_lang();
    let figures = RwSignal::new(None::<crate::pages::live::GuestFigures>);
    let url = crate::base::live::guest_url(&token);
    Effect::new(move |_| crate::base::live::on_pushed(url.clone(), move |f| figures.set(Some(f))));
    view! {
        <p class="live-line" aria-live="polite" data-testid="guest-live">
            {move || figures.get().map(|f| format!(
                "{} · {} · {}",
                tr!(lang, PRESENT_GUESTS_HERE, count = f.present, figure = f.present.to_string()),
                tr!(lang, PRESENT_COMING, count = f.coming, figure = f.coming.to_string()),
                tr!(lang, PRESENT_ORDERS, count = f.orders, figure = f.orders.to_string()),
            ))}
        </p>
    }
}

/// A VAT rate as the reader writes a decimal: `5.5` in English, `5,5` in
/// French.
fn vat_rate(lang: Lang, bp: i64) -> String {
    let rate = crate::base::items::vat_percent(bp);
    match lang {
        Lang::Fr => rate.replace('.', ","),
        Lang::En => rate,
    }
}
