//! The brand's news: a mail the admin writes once, sent through the outbox
//! to every address that said yes to the brand's news and has not stopped
//! its mail since, each with its one-click stop link (RFC 8058).

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    auth::Gate,
    brand::BrandNav,
    error::AppError,
    forms::{Field, FormError},
    l10n::use_lang,
};

/// The news form. `key` makes a second send of the same form (a double
/// click, a reload) a no-op.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsForm {
    pub key: String,
    pub subject: String,
    pub text: String,
}

/// One news mail sent, as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailing {
    pub at: String,
    pub subject: String,
    pub recipients: i64,
    /// How many of them left the outbox.
    pub sent: i64,
}

/// The news page: who would receive news now, what went before, and a
/// fresh form key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    pub audience: i64,
    pub mailings: Vec<Mailing>,
    pub key: String,
}

#[server(prefix = "/api", endpoint = "brand_news", input = server_fn::codec::GetUrl)]
pub async fn get_news() -> Result<News, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::page(&state.db, admin.brand_id).await
    })
    .await
}

/// Sends the news to everyone who asked for it; answers how many.
#[server(prefix = "/api", endpoint = "send_news")]
pub async fn send_news(form: NewsForm) -> Result<i64, AppError> {
    serve(async move {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::send(
            &state.db,
            &state.config,
            admin.brand_id,
            &form,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| e.keeping(&form))
    })
    .await
}

fn mailings_table(lang: crate::base::l10n::Lang, mailings: Vec<Mailing>) -> AnyView {
    if mailings.is_empty() {
        return view! { <p class="muted">{tr!(lang, NEWS_NONE_YET)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table data-testid="news-sent">
                <thead><tr>
                    <th scope="col">{tr!(lang, NEWS_WHEN)}</th>
                    <th scope="col">{tr!(lang, NEWS_SUBJECT)}</th>
                    <th scope="col">{tr!(lang, NEWS_DELIVERY)}</th>
                </tr></thead>
                <tbody>
                    {mailings.into_iter().map(|m| view! {
                        <tr><td>{m.at}</td><td>{m.subject}</td>
                            <td>{tr!(lang, NEWS_SENT_OF, sent = m.sent, recipients = m.recipients)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `/brand/news`: write to the people who asked for the brand's news.
#[component]
pub fn NewsPage() -> impl IntoView {
    let lang = use_lang();
    let send = crate::base::forms::action::<SendNews>();
    let news = Resource::new(move || send.version().get(), |_| get_news());
    let error = Signal::derive(move || send.value().get().and_then(Result::err));
    let done = move || send.value().get().and_then(Result::ok);
    view! {
        <Title text=tr!(lang, NEWS_PAGE_TITLE) />
        <BrandNav />
        <h1>{tr!(lang, NEWS_TITLE)}</h1>
        <Gate data=news here="/brand/news" children=move |n: News| {
            let kept: NewsForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
            view! {
                <p>{tr!(lang, NEWS_AUDIENCE, count = n.audience)}</p>
                {done().map(|count| view! { <p class="report" role="status" data-testid="news-queued">{tr!(lang, NEWS_QUEUED, count = count)}</p> })}
                <ActionForm action=send attr:class="form" attr:novalidate="">
                    <FormError error />
                    <input type="hidden" name="form[key]" value=n.key />
                    <Field id="news-subject" name="form[subject]" field="subject" label=tr!(lang, NEWS_SUBJECT) value=kept.subject required=true error />
                    <Field id="news-text" name="form[text]" field="text" label=tr!(lang, NEWS_TEXT) hint=tr!(lang, NEWS_TEXT_HINT) value=kept.text rows=10 required=true error />
                    <button type="submit" class="button primary" disabled=move || send.pending().get()>
                        {move || if send.pending().get() { tr!(lang, NEWS_SENDING) } else { tr!(lang, NEWS_SEND) }}
                    </button>
                </ActionForm>
                <h2>{tr!(lang, NEWS_HISTORY)}</h2>
                {mailings_table(lang, n.mailings)}
            }
        } />
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{Mailing, News, NewsForm};
    use crate::{
        base::{db::Db, error::AppError, error::Mistakes, state::AppConfig},
        on_db,
    };

    /// The longest subject and text.
    const SUBJECT_MAX: usize = 150;
    const TEXT_MAX: usize = 10_000;

    /// The addresses that would receive the brand's news now.
    const AUDIENCE: &str =
        "FROM mail_choices WHERE brand_id = $1 AND news = TRUE AND stopped_at IS NULL";

    /// The page: the audience, the mailings so far (newest first, with how
    /// many left the outbox) and a fresh form key.
    pub async fn page(db: &Db, brand_id: i64) -> Result<News, AppError> {
        let lang = crate::base::l10n::page_lang();
        let zone = crate::base::brand::ssr::zone(db, brand_id).await?;
        let (audience, rows) = on_db!(db.reader(), |pool| {
            let audience: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {AUDIENCE}"))
                .bind(brand_id)
                .fetch_one(pool)
                .await?;
            let rows: Vec<(DateTime<Utc>, String, i64, i64)> = sqlx::query_as(
                "SELECT n.created_at, n.subject, n.recipients,
                        (SELECT COUNT(*) FROM news_deliveries d JOIN outbox o ON o.message_id = d.message_id
                         WHERE d.mailing_id = n.id AND o.status = 'sent')
                 FROM news_mailings n WHERE n.brand_id = $1 ORDER BY n.id DESC LIMIT 50",
            )
            .bind(brand_id)
            .fetch_all(pool)
            .await?;
            Ok::<_, sqlx::Error>((audience, rows))
        })?;
        Ok(News {
            audience,
            mailings: rows
                .into_iter()
                .map(|(at, subject, recipients, sent)| Mailing {
                    at: crate::base::l10n::fmt::datetime_medium(lang, at, zone),
                    subject,
                    recipients,
                    sent,
                })
                .collect(),
            key: crate::base::tokens::random_key(),
        })
    }

    /// Checks the form, every mistake at once.
    fn check(form: &NewsForm) -> Result<(String, String), AppError> {
        let lang = crate::base::l10n::page_lang();
        let mut m = Mistakes::default();
        let subject = form.subject.trim();
        let text = form.text.trim();
        if subject.is_empty() {
            m.note("subject", tr!(lang, NEWS_SUBJECT_NEEDED));
        } else if subject.chars().count() > SUBJECT_MAX || subject.chars().any(char::is_control) {
            m.note(
                "subject",
                tr!(lang, NEWS_SUBJECT_TOO_LONG, max = SUBJECT_MAX),
            );
        }
        if text.is_empty() {
            m.note("text", tr!(lang, NEWS_TEXT_NEEDED));
        } else if text.chars().count() > TEXT_MAX {
            m.note("text", tr!(lang, NEWS_TEXT_TOO_LONG, max = TEXT_MAX));
        }
        if form.key.is_empty() || form.key.len() > 64 {
            m.note("subject", tr!(lang, NEWS_RELOAD));
        }
        m.finish()?;
        Ok((subject.to_owned(), text.to_owned()))
    }

    /// Queues the news to every address in the audience, in one
    /// transaction with the mailing's row; a form key already used sends
    /// nothing again and answers the first count.
    pub async fn send(
        db: &Db,
        config: &AppConfig,
        brand_id: i64,
        form: &NewsForm,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        let (subject, text) = check(form)?;
        let lang = crate::base::l10n::resolve::brand_language_of(db, brand_id).await?;
        let brand = crate::base::brand::ssr::name(db, brand_id).await?;
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            let inserted: Option<i64> = sqlx::query_scalar(
                "INSERT INTO news_mailings (brand_id, form_key, subject, body, recipients, created_at)
                 VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (brand_id, form_key) DO NOTHING RETURNING id",
            )
            .bind(brand_id)
            .bind(&form.key)
            .bind(&subject)
            .bind(&text)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(mailing) = inserted else {
                let count: i64 = sqlx::query_scalar(
                    "SELECT recipients FROM news_mailings WHERE brand_id = $1 AND form_key = $2",
                )
                .bind(brand_id)
                .bind(&form.key)
                .fetch_one(&mut *tx)
                .await?;
                return Ok::<_, AppError>(count);
            };
            let emails: Vec<String> =
                sqlx::query_scalar(&format!("SELECT email {AUDIENCE} ORDER BY email"))
                    .bind(brand_id)
                    .fetch_all(&mut *tx)
                    .await?;
            for email in &emails {
                let stop = crate::base::consent::stop_url(config, brand_id, email);
                let body = format!(
                    "{text}\n\n--\n{}\n{}\n{stop}\n",
                    tr!(lang, NEWS_MAIL_WHY, brand = brand.as_str()),
                    tr!(lang, MAIL_STOP_FOOTER),
                );
                let mut mail =
                    crate::base::mail::OutgoingMail::text("", email, subject.clone(), body);
                mail.unsubscribe = Some(stop);
                let mail = crate::base::mail::build(&config.mail, &mail, now)?;
                crate::base::mail::insert_query(&mail)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO news_deliveries (mailing_id, email, message_id) VALUES ($1, $2, $3)",
                )
                .bind(mailing)
                .bind(email)
                .bind(&mail.message_id)
                .execute(&mut *tx)
                .await?;
            }
            let count = emails.len() as i64;
            sqlx::query("UPDATE news_mailings SET recipients = $1 WHERE id = $2")
                .bind(count)
                .bind(mailing)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            tracing::info!(brand_id, count, "news queued");
            Ok(count)
        })
    }
}
