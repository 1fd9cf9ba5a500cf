//! Reviews and tips. A week after delivery the buyer is asked (a mail in
//! the party's language, with its stop link) to rate each item they bought
//! from 1 to 5, with a comment and a photo if they like, from their order's
//! link: holding it is what makes them a verified buyer. Hosts write a tip
//! per item ("how I use it"). The brand publishes, hides or answers; what
//! is published shows on the item's pages and on the presentation, and
//! every item card carries its average (`base::items::Rating`).

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{action, error_from_url, FormError},
    l10n::use_lang,
    page::NotFound,
};

/// A published review or tip, as item pages and the presentation show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub id: i64,
    /// A host's tip rather than a buyer's review.
    pub tip: bool,
    /// First name and initial.
    pub author: String,
    pub rating: Option<i64>,
    pub body: String,
    pub photo_url: Option<String>,
    pub thumb_url: Option<String>,
    /// The brand's answer, if any.
    pub reply: String,
    pub date: String,
}

/// An item's published reviews (newest first) and tips.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemReviews {
    pub reviews: Vec<Shown>,
    pub tips: Vec<Shown>,
}

/// A buyer's review of one item, as they wrote it and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mine {
    pub rating: i64,
    pub body: String,
    /// "Waiting for the brand", "Published", "Not shown".
    pub state: String,
    pub reply: String,
}

/// An item of the buyer's order, reviewed or not yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToReview {
    pub item_id: i64,
    pub name: String,
    pub mine: Option<Mine>,
}

/// The buyer's page (`/o/:code/review`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerPage {
    pub number: i64,
    pub event_title: String,
    /// Reviews open once the order is delivered.
    pub delivered: bool,
    pub items: Vec<ToReview>,
}

/// The buyer's review form as typed (a multipart post: its photo too).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewForm {
    pub code: String,
    pub item_id: String,
    pub rating: String,
    pub comment: String,
}

/// The host's tip form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TipForm {
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub body: String,
}

/// A tip of the host, as their page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTip {
    pub item: String,
    pub body: String,
    pub state: String,
    pub reply: String,
}

/// The host's tips page: the brand's items and their own tips.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TipsPage {
    pub items: Vec<(i64, String)>,
    pub mine: Vec<MyTip>,
}

/// A review or tip on the brand's moderation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToModerate {
    pub id: i64,
    pub item: String,
    pub tip: bool,
    pub author: String,
    pub rating: Option<i64>,
    pub body: String,
    pub thumb_url: Option<String>,
    pub photo_url: Option<String>,
    pub state: String,
    pub reply: String,
    pub date: String,
}

/// The brand's moderation page: the entries in one state, and how many
/// wait.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moderation {
    pub state: String,
    pub pending: i64,
    pub entries: Vec<ToModerate>,
}

/// The buyer's items to review, from their order's code.
#[server(prefix = "/api", endpoint = "buyer_reviews", input = server_fn::codec::GetUrl)]
pub async fn get_buyer_reviews(code: String) -> Result<BuyerPage, AppError> {
    serve(async move {
        let state = crate::base::state::app_state()?;
        ssr::buyer_page(&state.db, &code).await
    })
    .await
}

/// The buyer's review of one item (a multipart form: `code`, `item_id`,
/// `rating`, `comment` and an optional `photos` file). Without JavaScript
/// the page comes back to the item's form.
#[server(prefix = "/api", endpoint = "submit_review", input = server_fn::codec::MultipartFormData)]
pub async fn submit_review(data: leptos::server_fn::codec::MultipartData) -> Result<(), AppError> {
    serve(async move {
        let posted = crate::base::photos::read_posted(data, "photos").await?;
        let state = crate::base::state::app_state()?;
        let form = ReviewForm {
            code: posted.text("code"),
            item_id: posted.text("item_id"),
            rating: posted.text("rating"),
            comment: posted.text("comment"),
        };
        ssr::submit(
            &state.db,
            &state.config.media,
            &form,
            posted,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))?;
        leptos_axum::redirect(&format!("/o/{}/review#item-{}", form.code, form.item_id));
        Ok(())
    })
    .await
}

/// The host's tips and the brand's items.
#[server(prefix = "/api", endpoint = "my_tips", input = server_fn::codec::GetUrl)]
pub async fn get_my_tips() -> Result<TipsPage, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::tips_page(&state.db, &host).await
    })
    .await
}

/// The host writes (or rewrites) their tip on an item.
#[server(prefix = "/api", endpoint = "save_tip")]
pub async fn save_tip(form: TipForm) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::save_tip(&state.db, &host, &form, chrono::Utc::now())
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// The brand's reviews and tips in one state (`pending` by default).
#[server(prefix = "/api", endpoint = "review_moderation", input = server_fn::codec::GetUrl)]
pub async fn get_moderation(state: String) -> Result<Moderation, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let app = crate::base::state::app_state()?;
        ssr::moderation(&app.db, admin.brand_id, &state).await
    })
    .await
}

/// The brand publishes or hides a review or tip.
#[server(prefix = "/api", endpoint = "moderate_review")]
pub async fn moderate_review(id: i64, state: String) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let app = crate::base::state::app_state()?;
        ssr::set_state(&app.db, admin.brand_id, id, &state, chrono::Utc::now()).await
    })
    .await
}

/// The brand answers a review or tip (empty: no answer).
#[server(prefix = "/api", endpoint = "reply_review")]
pub async fn reply_review(id: i64, reply: String) -> Result<(), AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let app = crate::base::state::app_state()?;
        ssr::reply(&app.db, admin.brand_id, id, &reply, chrono::Utc::now()).await
    })
    .await
}

/// "★★★★☆" for 4, with what a screen reader says.
#[component]
pub fn Stars(rating: i64) -> impl IntoView {
    let lang = use_lang();
    let n = rating.clamp(0, 5) as usize;
    let shown = format!("{}{}", "★".repeat(n), "☆".repeat(5 - n));
    view! {
        <span class="stars"><span aria-hidden="true">{shown}</span><span class="sr-only">{tr!(lang, REVIEW_STARS, rating = rating)}</span></span>
    }
}

/// One published review or tip.
#[component]
fn ShownEntry(entry: Shown) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li class="review" data-testid=if entry.tip { "tip" } else { "review" }>
            <p class="review-head">
                {entry.rating.map(|r| view! { <Stars rating=r /> " " })}
                <strong>{entry.author.clone()}</strong>
                <span class="muted">{format!(" · {}", entry.date)}</span>
            </p>
            <p class="review-body">{entry.body.clone()}</p>
            {entry.photo_url.clone().zip(entry.thumb_url.clone()).map(|(full, thumb)| view! {
                <a href=full><img class="review-photo" src=thumb alt=tr!(lang, REVIEW_PHOTO_ALT, name = &entry.author) width="160" loading="lazy" /></a>
            })}
            {(!entry.reply.is_empty()).then(|| view! {
                <p class="review-reply"><strong>{tr!(lang, REVIEW_BRAND_REPLY)}</strong>" "{entry.reply.clone()}</p>
            })}
        </li>
    }
}

/// An item's published reviews and its hosts' tips, on its pages.
#[component]
pub fn ItemReviewsSection(reviews: ItemReviews) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="item-reviews" aria-labelledby="reviews-title" data-testid="item-reviews">
            <h2 id="reviews-title">{tr!(lang, REVIEW_SECTION_TITLE)}</h2>
            {if reviews.reviews.is_empty() {
                view! { <p class="muted">{tr!(lang, REVIEW_NONE_YET)}</p> }.into_any()
            } else {
                view! { <ul class="review-list">{reviews.reviews.into_iter().map(|entry| view! { <ShownEntry entry /> }).collect_view()}</ul> }.into_any()
            }}
            {(!reviews.tips.is_empty()).then(|| view! {
                <h3>{tr!(lang, REVIEW_TIPS_TITLE)}</h3>
                <ul class="review-list">{reviews.tips.into_iter().map(|entry| view! { <ShownEntry entry /> }).collect_view()}</ul>
            })}
        </section>
    }
}

/// Up to three quotes for a presentation slide: reviews, then a tip.
#[component]
pub fn SlideQuotes(reviews: ItemReviews) -> impl IntoView {
    let quotes: Vec<Shown> = reviews
        .reviews
        .into_iter()
        .take(2)
        .chain(reviews.tips.into_iter().take(1))
        .collect();
    (!quotes.is_empty()).then(|| {
        view! {
            <ul class="slide-quotes" data-testid="slide-quotes">
                {quotes.into_iter().map(|q| view! {
                    <li>
                        <blockquote>{q.body.clone()}</blockquote>
                        <p class="muted">{q.rating.map(|r| view! { <Stars rating=r /> " " })}{format!("— {}", q.author)}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

const SUBMIT_REVIEW_PATH: &str = <SubmitReview as leptos::server_fn::ServerFn>::PATH;

/// The review form of one item: stars, comment, photo. A plain multipart
/// form, so that it works without the page's scripts.
#[component]
fn ReviewItemForm(code: String, item: ToReview, error: Option<AppError>) -> impl IntoView {
    let lang = use_lang();
    let kept: ReviewForm = error
        .as_ref()
        .and_then(|e| e.kept::<ReviewForm>())
        .filter(|k| k.item_id == item.item_id.to_string())
        .unwrap_or_default();
    let error = error.filter(|_| kept.item_id == item.item_id.to_string());
    let id = item.item_id;
    let for_field = |f: &str| error.as_ref().and_then(|e| e.for_field(f));
    let (rating_error, comment_error, photo_error) = (
        for_field("rating"),
        for_field("comment"),
        for_field("photos"),
    );
    let rating_invalid = rating_error.as_ref().map(|_| "true");
    let rating_described = rating_error.as_ref().map(|_| format!("rating-error-{id}"));
    view! {
        <form method="post" action=SUBMIT_REVIEW_PATH enctype="multipart/form-data" class="form review-form" novalidate>
            <FormError error=Signal::derive({ let e = error.clone(); move || e.clone() }) />
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="item_id" value=id />
            <fieldset class="field star-choice" aria-describedby=rating_described>
                <legend>{tr!(lang, REVIEW_RATING_LEGEND)}</legend>
                {(1..=5).rev().map(|n| view! {
                    <label class="choice">
                        <input type="radio" name="rating" value=n checked=kept.rating == n.to_string() aria-invalid=rating_invalid />
                        {format!(" {}", tr!(lang, REVIEW_STARS, rating = n))}
                    </label>
                }).collect_view()}
                {rating_error.map(|m| view! { <p class="field-error" id=format!("rating-error-{id}") role="alert">{m}</p> })}
            </fieldset>
            <div class="field">
                <label for=format!("comment-{id}")>{tr!(lang, REVIEW_COMMENT)}</label>
                <textarea id=format!("comment-{id}") name="comment" rows="4"
                    aria-invalid=comment_error.as_ref().map(|_| "true")
                    aria-describedby=comment_error.as_ref().map(|_| format!("comment-error-{id}"))>{kept.comment.clone()}</textarea>
                {comment_error.map(|m| view! { <p class="field-error" id=format!("comment-error-{id}") role="alert">{m}</p> })}
            </div>
            <div class="field">
                <label for=format!("photo-{id}")>{tr!(lang, REVIEW_PHOTO)}</label>
                <input id=format!("photo-{id}") name="photos" type="file" accept="image/jpeg,image/png,image/webp"
                    aria-invalid=photo_error.as_ref().map(|_| "true")
                    aria-describedby=photo_error.as_ref().map(|_| format!("photo-error-{id}")) />
                {photo_error.map(|m| view! { <p class="field-error" id=format!("photo-error-{id}") role="alert">{m}</p> })}
            </div>
            <button type="submit" class="button primary">{tr!(lang, REVIEW_SEND)}</button>
        </form>
    }
}

/// The buyer's reviews (`/o/:code/review`): each item of their delivered
/// order, with its form or what they wrote.
#[component]
pub fn BuyerReviewPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, get_buyer_reviews);
    let url_error = error_from_url::<SubmitReview>();
    view! {
        <Title text=tr!(lang, REVIEW_PAGE_TITLE) />
        <Suspense fallback=move || view! { <p class="loading" role="status">{tr!(lang, ORDER_LOADING)}</p> }>
            {move || {
                let url_error = url_error.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! {
                            <article class="tracking">
                                <p class="eyebrow">{tr!(lang, TRACK_EYEBROW, number = page.number.to_string(), party = &page.event_title)}</p>
                                <h1>{tr!(lang, REVIEW_PAGE_TITLE)}</h1>
                                <p><a href=format!("/o/{}", code())>{tr!(lang, REVIEW_BACK_TO_ORDER)}</a></p>
                                {if page.delivered {
                                    view! {
                                        <p class="lead">{tr!(lang, REVIEW_LEAD)}</p>
                                        {page.items.into_iter().map(|item| {
                                            let mine = item.mine.clone();
                                            view! {
                                                <section class="form-card wide" id=format!("item-{}", item.item_id) aria-labelledby=format!("item-title-{}", item.item_id)>
                                                    <h2 id=format!("item-title-{}", item.item_id)>{item.name.clone()}</h2>
                                                    {match mine {
                                                        Some(m) => view! {
                                                            <p data-testid="my-review"><Stars rating=m.rating />" "{m.body.clone()}</p>
                                                            <p class="muted" data-testid="my-review-state">{m.state.clone()}</p>
                                                            {(!m.reply.is_empty()).then(|| view! { <p class="review-reply"><strong>{tr!(lang, REVIEW_BRAND_REPLY)}</strong>" "{m.reply.clone()}</p> })}
                                                        }.into_any(),
                                                        None => view! { <ReviewItemForm code=code() item=item.clone() error=url_error.clone() /> }.into_any(),
                                                    }}
                                                </section>
                                            }
                                        }).collect_view()}
                                    }.into_any()
                                } else {
                                    view! { <p class="report" role="status">{tr!(lang, REVIEW_AFTER_DELIVERY)}</p> }.into_any()
                                }}
                            </article>
                        }.into_any(),
                        Err(_) => view! { <NotFound /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The host's tips (`/host/tips`): write how they use an item; the brand
/// publishes it on the item's pages.
#[component]
pub fn TipsPageView() -> impl IntoView {
    let lang = use_lang();
    let save = action::<SaveTip>();
    let data = Resource::new(move || save.version().get(), |_| get_my_tips());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let done = Signal::derive(move || matches!(save.value().get(), Some(Ok(()))));
    view! {
        <Title text=tr!(lang, TIP_PAGE_TITLE) />
        <Gate data here="/host/tips" children=move |page: TipsPage| {
            let kept: TipForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
            view! {
                <header class="page-head">
                    <p><a href="/host">{tr!(lang, TIP_BACK)}</a></p>
                    <h1>{tr!(lang, TIP_PAGE_TITLE)}</h1>
                    <p class="lead">{tr!(lang, TIP_LEAD)}</p>
                </header>
                <section class="form-card wide" aria-labelledby="tip-new">
                    <h2 id="tip-new">{tr!(lang, TIP_WRITE)}</h2>
                    <ActionForm action=save attr:class="form" attr:novalidate="">
                        <FormError error />
                        {move || done.get().then(|| view! { <p class="report" role="status">{tr!(lang, TIP_SAVED)}</p> })}
                        <div class="field">
                            <label for="tip-item">{tr!(lang, TIP_ITEM)}</label>
                            <select id="tip-item" name="form[item_id]"
                                aria-invalid=move || error.get().and_then(|e| e.for_field("item_id")).map(|_| "true")
                                aria-describedby=move || error.get().and_then(|e| e.for_field("item_id")).map(|_| "tip-item-error")>
                                <option value="">{tr!(lang, DRAW_CHOOSE)}</option>
                                {page.items.iter().map(|(id, name)| view! { <option value=*id selected=kept.item_id == id.to_string()>{name.clone()}</option> }).collect_view()}
                            </select>
                            {move || error.get().and_then(|e| e.for_field("item_id")).map(|m| view! { <p class="field-error" id="tip-item-error" role="alert">{m}</p> })}
                        </div>
                        <crate::base::forms::Field id="tip-body" field="body" name="form[body]" label=tr!(lang, TIP_BODY)
                            hint=tr!(lang, TIP_BODY_HINT) value=kept.body.clone() rows=4 error />
                        <button type="submit" class="button primary" disabled=move || save.pending().get()>{tr!(lang, TIP_SEND)}</button>
                    </ActionForm>
                </section>
                <section aria-labelledby="tip-mine">
                    <h2 id="tip-mine">{tr!(lang, TIP_MINE)}</h2>
                    {if page.mine.is_empty() {
                        view! { <p class="empty-state">{tr!(lang, TIP_NONE)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="card-list" data-testid="my-tips">
                                {page.mine.into_iter().map(|t| view! {
                                    <li class="card">
                                        <h3>{t.item}</h3>
                                        <p>{t.body}</p>
                                        <p class="muted">{t.state}</p>
                                        {(!t.reply.is_empty()).then(|| view! { <p class="review-reply"><strong>{tr!(lang, REVIEW_BRAND_REPLY)}</strong>" "{t.reply.clone()}</p> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            }
        } />
    }
}

/// The brand's reviews and tips (`/brand/reviews?state=…`): publish, hide,
/// answer.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let moderate = action::<ModerateReview>();
    let answer = action::<ReplyReview>();
    let data = Resource::new(
        move || {
            (
                query.read().get("state").unwrap_or_default(),
                moderate.version().get(),
                answer.version().get(),
            )
        },
        |(state, ..)| get_moderation(state),
    );
    let error = Signal::derive(move || {
        moderate
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| answer.value().get().and_then(Result::err))
    });
    view! {
        <Title text=tr!(lang, MODERATION_TITLE) />
        <BrandNav />
        <Gate data here="/brand/reviews" children=move |page: Moderation| {
            let tab = |state: &'static str, label: String| {
                let current = (page.state == state).then_some("page");
                view! { <a href=format!("/brand/reviews?state={state}") aria-current=current>{label}</a> }
            };
            view! {
                <header class="page-head">
                    <h1>{tr!(lang, MODERATION_TITLE)}</h1>
                    <p class="lead">{tr!(lang, MODERATION_LEAD)}</p>
                </header>
                <nav class="tabs" aria-label=tr!(lang, MODERATION_TABS)>
                    {tab("pending", tr!(lang, MODERATION_PENDING, count = page.pending))}
                    {tab("published", tr!(lang, MODERATION_PUBLISHED))}
                    {tab("hidden", tr!(lang, MODERATION_HIDDEN))}
                </nav>
                <FormError error />
                {if page.entries.is_empty() {
                    view! { <p class="empty-state">{tr!(lang, MODERATION_NONE)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list" data-testid="moderation">
                            {page.entries.into_iter().map(|e| view! { <ModerationEntry e moderate answer /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }
        } />
    }
}

/// One review or tip to moderate, with its buttons and answer form.
#[component]
fn ModerationEntry(
    e: ToModerate,
    moderate: ServerAction<ModerateReview>,
    answer: ServerAction<ReplyReview>,
) -> impl IntoView {
    let lang = use_lang();
    let reply_id = format!("reply-{}", e.id);
    // Each button says which entry it acts on (its visible word first).
    let named = |word: String| format!("{word} · {} · {}", e.item, e.author);
    let (publish_name, hide_name, reply_name) = (
        named(tr!(lang, MODERATION_PUBLISH)),
        named(tr!(lang, MODERATION_HIDE)),
        named(tr!(lang, MODERATION_SAVE_REPLY)),
    );
    let publish = e.state != "published";
    let hide = e.state != "hidden";
    view! {
        <li class="card moderation-entry" data-testid="moderation-entry">
            <h2>{e.item.clone()}</h2>
            <p class="review-head">
                {e.rating.map(|r| view! { <Stars rating=r /> " " })}
                <strong>{if e.tip { tr!(lang, MODERATION_TIP_BY, name = &e.author) } else { e.author.clone() }}</strong>
                <span class="muted">{format!(" · {}", e.date)}</span>
            </p>
            <p class="review-body">{e.body.clone()}</p>
            {e.photo_url.clone().zip(e.thumb_url.clone()).map(|(full, thumb)| view! {
                <a href=full><img class="review-photo" src=thumb alt=tr!(lang, REVIEW_PHOTO_ALT, name = &e.author) width="160" loading="lazy" /></a>
            })}
            <div class="actions">
                {publish.then(|| view! {
                    <ActionForm action=moderate attr:class="inline-form">
                        <input type="hidden" name="id" value=e.id />
                        <input type="hidden" name="state" value="published" />
                        <button type="submit" class="button primary" aria-label=publish_name>{tr!(lang, MODERATION_PUBLISH)}</button>
                    </ActionForm>
                })}
                {hide.then(|| view! {
                    <ActionForm action=moderate attr:class="inline-form">
                        <input type="hidden" name="id" value=e.id />
                        <input type="hidden" name="state" value="hidden" />
                        <button type="submit" class="button" aria-label=hide_name>{tr!(lang, MODERATION_HIDE)}</button>
                    </ActionForm>
                })}
            </div>
            <ActionForm action=answer attr:class="form">
                <input type="hidden" name="id" value=e.id />
                <div class="field">
                    <label for=reply_id.clone()>{tr!(lang, MODERATION_REPLY)}</label>
                    <textarea id=reply_id name="reply" rows="2">{e.reply.clone()}</textarea>
                </div>
                <button type="submit" class="button" aria-label=reply_name>{tr!(lang, MODERATION_SAVE_REPLY)}</button>
            </ActionForm>
        </li>
    }
}
