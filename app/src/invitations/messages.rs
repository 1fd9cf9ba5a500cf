//! The host writes to the party's guests: all who were invited, those who
//! said yes, or those who have not answered. Each mail goes through the
//! outbox in the party's language, from the brand's sender with the host's
//! address to reply to, and with the stop link of the brand's mail.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    forms::{action, Field, FormError, LastForm},
    l10n::{use_lang, Lang},
};

/// The message form. `key` makes a second send of the same form (a double
/// click, a reload) a no-op.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageForm {
    pub key: String,
    /// `all`, `yes` or `pending`.
    pub audience: String,
    pub subject: String,
    pub text: String,
}

/// One message sent, as the host's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentMessage {
    pub at: String,
    pub audience: String,
    pub subject: String,
    pub recipients: i64,
}

/// The section's data: the messages so far and a fresh form key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Messages {
    pub sent: Vec<SentMessage>,
    pub key: String,
}

/// Who a message goes to, as the form names it.
fn audience_label(lang: Lang, audience: &str) -> String {
    match audience {
        "yes" => tr!(lang, MESSAGE_TO_YES),
        "pending" => tr!(lang, MESSAGE_TO_PENDING),
        _ => tr!(lang, MESSAGE_TO_ALL),
    }
}

/// The messages of a party, for its host.
#[server(prefix = "/api", endpoint = "guest_messages", input = server_fn::codec::GetUrl)]
pub async fn get_guest_messages(event_id: i64) -> Result<Messages, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        crate::base::access::ssr::ensure_visible(&state.db, &host, event_id).await?;
        ssr::page(&state.db, event_id).await
    })
    .await
}

/// Sends the host's message to the chosen guests; answers how many.
#[server(prefix = "/api", endpoint = "send_guest_message")]
pub async fn send_guest_message(event_id: i64, form: MessageForm) -> Result<i64, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::send(
            &state.db,
            &state.config,
            &host,
            event_id,
            &form,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))
    })
    .await
}

/// The section's state, made once by the page.
#[derive(Clone, Copy)]
pub struct MessagesState {
    send: ServerAction<SendGuestMessage>,
    data: Resource<Result<Messages, AppError>>,
}

impl MessagesState {
    pub fn new(event_id: Memo<i64>) -> Self {
        let send = action::<SendGuestMessage>();
        let data = Resource::new(
            move || (event_id.get(), send.version().get()),
            |(id, _)| get_guest_messages(id),
        );
        MessagesState { send, data }
    }
}

/// "Write to your guests", on the host's page of a party.
#[component]
pub fn GuestMessages(event_id: i64, state: MessagesState) -> impl IntoView {
    let lang = use_lang();
    let MessagesState { send, data } = state;
    let answer = LastForm::of_page().answer(send);
    let error = Signal::derive(move || answer.get().and_then(Result::err));
    let done = move || answer.get().and_then(Result::ok);
    view! {
        <section class="messages" aria-labelledby="messages-title">
            <h2 id="messages-title">{tr!(lang, MESSAGE_TITLE)}</h2>
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| r.map(|m| {
                    let kept: MessageForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
                    let chosen = if kept.audience.is_empty() { "all".to_owned() } else { kept.audience.clone() };
                    view! {
                        {done().map(|count| view! { <p class="report" role="status" data-testid="message-queued">{tr!(lang, MESSAGE_QUEUED, count = count)}</p> })}
                        <ActionForm action=send attr:class="form" attr:novalidate="">
                            <FormError error />
                            <input type="hidden" name="event_id" value=event_id />
                            <input type="hidden" name="form[key]" value=m.key />
                            <fieldset class="field" aria-describedby="audience-error">
                                <legend>{tr!(lang, MESSAGE_AUDIENCE)}</legend>
                                {move || error.get().and_then(|e| e.for_field("audience")).map(|m| view! { <p class="field-error" id="audience-error" role="alert">{m}</p> })}
                                {["all", "yes", "pending"].into_iter().map(|a| view! {
                                    <label class="choice">
                                        <input type="radio" name="form[audience]" value=a checked=a == chosen />
                                        " " {audience_label(lang, a)}
                                    </label>
                                }).collect_view()}
                            </fieldset>
                            <Field id="message-subject" field="message_subject" name="form[subject]" label=tr!(lang, MESSAGE_SUBJECT) value=kept.subject required=true error />
                            <Field id="message-text" field="message_text" name="form[text]" label=tr!(lang, MESSAGE_TEXT) hint=tr!(lang, MESSAGE_TEXT_HINT) value=kept.text rows=6 required=true error />
                            <button type="submit" class="button" disabled=move || send.pending().get()>{tr!(lang, MESSAGE_SEND)}</button>
                        </ActionForm>
                        {(!m.sent.is_empty()).then(|| view! {
                            <h3>{tr!(lang, MESSAGE_HISTORY)}</h3>
                            <ul class="plain" data-testid="messages-sent">
                                {m.sent.into_iter().map(|s| {
                                    let to = audience_label(lang, &s.audience);
                                    view! {
                                        <li>{tr!(lang, MESSAGE_SENT_LINE, when = &s.at, subject = &s.subject, audience = to.as_str(), count = s.recipients)}</li>
                                    }
                                }).collect_view()}
                            </ul>
                        })}
                    }
                }))}
            </Suspense>
        </section>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{MessageForm, Messages, SentMessage};
    use crate::{
        base::{
            account::CurrentUser,
            db::Db,
            error::{AppError, Mistakes},
            state::AppConfig,
        },
        on_db,
    };

    const SUBJECT_MAX: usize = 150;
    const TEXT_MAX: usize = 5_000;

    /// The messages so far, newest first, and a fresh form key.
    pub async fn page(db: &Db, event_id: i64) -> Result<Messages, AppError> {
        let lang = crate::base::l10n::page_lang();
        type Row = (DateTime<Utc>, String, String, i64);
        let (rows, zone): (Vec<Row>, String) = on_db!(db.reader(), |pool| {
            let rows = sqlx::query_as(
                "SELECT created_at, audience, subject, recipients FROM guest_messages
                     WHERE event_id = $1 ORDER BY id DESC LIMIT 50",
            )
            .bind(event_id)
            .fetch_all(pool)
            .await?;
            let zone: String = sqlx::query_scalar("SELECT time_zone FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_one(pool)
                .await?;
            Ok::<_, sqlx::Error>((rows, zone))
        })?;
        let zone = crate::base::time::zone(&zone);
        Ok(Messages {
            sent: rows
                .into_iter()
                .map(|(at, audience, subject, recipients)| SentMessage {
                    at: crate::base::l10n::fmt::datetime_medium(lang, at, zone),
                    audience,
                    subject,
                    recipients,
                })
                .collect(),
            key: crate::base::tokens::random_key(),
        })
    }

    /// Checks the form, every mistake at once: (audience, subject, text).
    fn check(form: &MessageForm) -> Result<(&'static str, String, String), AppError> {
        let lang = crate::base::l10n::page_lang();
        let mut m = Mistakes::default();
        let audience = match form.audience.as_str() {
            "all" | "" => "all",
            "yes" => "yes",
            "pending" => "pending",
            _ => {
                m.note("audience", tr!(lang, MESSAGE_ERROR_AUDIENCE));
                "all"
            }
        };
        let subject = form.subject.trim();
        if subject.is_empty() {
            m.note("message_subject", tr!(lang, MESSAGE_ERROR_SUBJECT));
        } else if subject.chars().count() > SUBJECT_MAX || subject.chars().any(char::is_control) {
            m.note(
                "message_subject",
                tr!(lang, MESSAGE_ERROR_SUBJECT_LONG, max = SUBJECT_MAX),
            );
        }
        let text = form.text.trim();
        if text.is_empty() {
            m.note("message_text", tr!(lang, MESSAGE_ERROR_TEXT));
        } else if text.chars().count() > TEXT_MAX {
            m.note(
                "message_text",
                tr!(lang, MESSAGE_ERROR_TEXT_LONG, max = TEXT_MAX),
            );
        }
        if form.key.is_empty() || form.key.len() > 64 {
            m.note("message_subject", tr!(lang, NEWS_RELOAD));
        }
        m.finish()?;
        Ok((audience, subject.to_owned(), text.to_owned()))
    }

    /// The guests of an audience (`g`): invited, with a link, and not
    /// stopped from the brand's mail.
    fn audience_filter(audience: &str) -> &'static str {
        match audience {
            "yes" => "g.rsvp = 'yes'",
            "pending" => "g.rsvp = 'pending'",
            _ => "g.rsvp <> 'no'",
        }
    }

    /// Queues the host's message to the audience, in one transaction with
    /// its row; a form key already used sends nothing again and answers the
    /// first count. A cancelled party or another host's is refused.
    pub async fn send(
        db: &Db,
        config: &AppConfig,
        host: &CurrentUser,
        event_id: i64,
        form: &MessageForm,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        crate::base::access::ssr::ensure_visible(db, host, event_id).await?;
        let (audience, subject, text) = check(form)?;
        let (party, _, _) = crate::invitations::ssr::event_facts(db, event_id).await?;
        if party.cancelled {
            return Err(AppError::invalid(
                "message_subject",
                tr!(crate::base::l10n::page_lang(), MESSAGE_ERROR_CANCELLED),
            ));
        }
        let select = format!(
            "SELECT g.name, g.email, g.token_nonce FROM guests g
             WHERE g.event_id = $1 AND g.token_nonce IS NOT NULL AND {} AND {} ORDER BY g.id",
            audience_filter(audience),
            crate::base::consent::NOT_STOPPED
        );
        let lang = party.lang();
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            let inserted: Option<i64> = sqlx::query_scalar(
                "INSERT INTO guest_messages (event_id, form_key, audience, subject, body, recipients, created_at)
                 VALUES ($1, $2, $3, $4, $5, 0, $6) ON CONFLICT (event_id, form_key) DO NOTHING RETURNING id",
            )
            .bind(event_id)
            .bind(&form.key)
            .bind(audience)
            .bind(&subject)
            .bind(&text)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(message) = inserted else {
                let count: i64 = sqlx::query_scalar(
                    "SELECT recipients FROM guest_messages WHERE event_id = $1 AND form_key = $2",
                )
                .bind(event_id)
                .bind(&form.key)
                .fetch_one(&mut *tx)
                .await?;
                return Ok::<_, AppError>(count);
            };
            let guests: Vec<(String, String, String)> = sqlx::query_as(&select)
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
            for (name, email, nonce) in &guests {
                let link = crate::invitations::ssr::link_for(config, nonce);
                let stop = crate::base::consent::stop_url(config, party.brand_id, email);
                let hello = crate::invitations::ssr::hello(lang, name);
                let body = format!(
                    "{hello}\n\n{text}\n\n{}\n\n{}\n{link}\n\n--\n{}\n{stop}\n",
                    tr!(lang, MESSAGE_MAIL_SIGNED, host = party.host_name.as_str()),
                    tr!(lang, MESSAGE_MAIL_PARTY, title = party.title.as_str()),
                    tr!(lang, MAIL_STOP_FOOTER),
                );
                let mail = crate::invitations::ssr::guest_outgoing(
                    &party,
                    event_id,
                    (name, email),
                    subject.clone(),
                    body,
                    Some(stop),
                );
                let mail = crate::base::mail::build(&config.mail, &mail, now)?;
                crate::base::mail::insert_query(&mail)
                    .execute(&mut *tx)
                    .await?;
            }
            let count = guests.len() as i64;
            sqlx::query("UPDATE guest_messages SET recipients = $1 WHERE id = $2")
                .bind(count)
                .bind(message)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(count)
        })
    }
}
