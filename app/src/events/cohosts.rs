//! Co-hosts: the host adds another host of the brand, or anyone by email
//! (who gets an account and a link to set a password), to help run a
//! party. A co-host manages the guest list, sends invitations and
//! messages, arranges the featured items and presents; only the host
//! edits, cancels and closes the party. The brand's reward rules may give
//! co-hosts a share of the credit at closing (`rewards::ssr::close`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::{
    error::AppError,
    forms::{action, Field, FormError, LastForm},
    l10n::use_lang,
};

/// The form to add a co-host.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoHostForm {
    pub name: String,
    pub email: String,
}

/// One co-host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoHost {
    pub id: i64,
    pub name: String,
    pub email: String,
}

/// A party's co-hosts, and whether the viewer (its host) may change them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoHosts {
    pub host_name: String,
    pub list: Vec<CoHost>,
    pub can_change: bool,
}

/// The co-hosts of a party, for its host, a co-host or the brand admin.
#[server(prefix = "/api", endpoint = "cohosts", input = server_fn::codec::GetUrl)]
pub async fn get_cohosts(event_id: i64) -> Result<CoHosts, AppError> {
    serve(async move {
        let viewer = crate::base::auth::ssr::require_user().await?;
        let state = crate::base::state::app_state()?;
        crate::base::access::ssr::ensure_visible(&state.db, &viewer, event_id).await?;
        let can_change = crate::base::access::ssr::ensure_owned_open(&state.db, &viewer, event_id)
            .await
            .is_ok();
        ssr::list(&state.db, event_id, can_change).await
    })
    .await
}

/// The host adds a co-host; answers their name.
#[server(prefix = "/api", endpoint = "add_cohost")]
pub async fn add_cohost(event_id: i64, form: CoHostForm) -> Result<String, AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        let now = chrono::Utc::now();
        ssr::add(&state.db, &state.config, &host, event_id, &form, now)
            .await
            .map_err(|e| e.keeping(&form))
    })
    .await
}

/// The host takes a co-host off the party.
#[server(prefix = "/api", endpoint = "remove_cohost")]
pub async fn remove_cohost(event_id: i64, user_id: i64) -> Result<(), AppError> {
    serve(async move {
        let host = crate::base::auth::ssr::require_host().await?;
        let state = crate::base::state::app_state()?;
        ssr::remove(&state.db, &host, event_id, user_id).await
    })
    .await
}

/// The section's state, made once by the page.
#[derive(Clone, Copy)]
pub struct CoHostsState {
    add: ServerAction<AddCohost>,
    remove: ServerAction<RemoveCohost>,
    data: Resource<Result<CoHosts, AppError>>,
}

impl CoHostsState {
    pub fn new(event_id: Memo<i64>) -> Self {
        let add = action::<AddCohost>();
        let remove = action::<RemoveCohost>();
        let data = Resource::new(
            move || (event_id.get(), add.version().get(), remove.version().get()),
            |(id, ..)| get_cohosts(id),
        );
        CoHostsState { add, remove, data }
    }
}

/// "Co-hosts", on the party's page.
#[component]
pub fn CoHostsSection(event_id: i64, state: CoHostsState) -> impl IntoView {
    let lang = use_lang();
    let CoHostsState { add, remove, data } = state;
    let answer = LastForm::of_page().answer(add);
    let error = Signal::derive(move || answer.get().and_then(Result::err));
    let added = move || answer.get().and_then(Result::ok);
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().and_then(Result::ok).map(|c| {
                let kept: CoHostForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or_default();
                view! {
                    <section class="cohosts" aria-labelledby="cohosts-title">
                        <h2 id="cohosts-title">{tr!(lang, COHOST_TITLE)}</h2>
                        {(!c.can_change).then(|| view! { <p>{tr!(lang, COHOST_WITH, host = &c.host_name)}</p> })}
                        {if c.list.is_empty() {
                            view! { <p class="empty-state">{tr!(lang, COHOST_NONE)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain" data-testid="cohosts">
                                    {c.list.iter().cloned().map(|h| view! {
                                        <li>
                                            {format!("{} <{}>", h.name, h.email)}
                                            {c.can_change.then(move || view! {
                                                <ActionForm action=remove attr:class="inline-form">
                                                    <input type="hidden" name="event_id" value=event_id />
                                                    <input type="hidden" name="user_id" value=h.id />
                                                    <button type="submit" class="button small">{tr!(lang, COHOST_REMOVE, name = &h.name)}</button>
                                                </ActionForm>
                                            })}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {c.can_change.then(|| view! {
                            <p class="hint">{tr!(lang, COHOST_INTRO)}</p>
                            {added().map(|name| view! { <p class="report" role="status" data-testid="cohost-added">{tr!(lang, COHOST_ADDED, name = name)}</p> })}
                            <ActionForm action=add attr:class="form" attr:novalidate="">
                                <FormError error />
                                <input type="hidden" name="event_id" value=event_id />
                                <Field id="cohost-name" field="cohost_name" name="form[name]" label=tr!(lang, COHOST_NAME) value=kept.name.clone() autocomplete="off" error />
                                <Field id="cohost-email" field="cohost_email" name="form[email]" label=tr!(lang, COHOST_EMAIL) kind="email" value=kept.email.clone() required=true autocomplete="off" error />
                                <button type="submit" class="button" disabled=move || add.pending().get()>{tr!(lang, COHOST_ADD)}</button>
                            </ActionForm>
                        })}
                    </section>
                }
            })}
        </Suspense>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Utc};

    use super::{CoHost, CoHostForm, CoHosts};
    use crate::{
        base::{
            account::{CurrentUser, EmailAddress, Role},
            db::Db,
            error::{AppError, Mistakes},
            l10n::{page_lang, Lang},
            onboarding::{onboard, Joined, Newcomer},
            state::AppConfig,
        },
        on_db,
    };

    /// The party's co-hosts, by name.
    pub async fn list(db: &Db, event_id: i64, can_change: bool) -> Result<CoHosts, AppError> {
        let (host_name, list): (String, Vec<(i64, String, String)>) = on_db!(db.reader(), |pool| {
            let host = sqlx::query_scalar(
                "SELECT u.display_name FROM events e JOIN users u ON u.id = e.host_id WHERE e.id = $1",
            )
            .bind(event_id)
            .fetch_one(pool)
            .await?;
            let list = sqlx::query_as(
                "SELECT u.id, u.display_name, u.email FROM event_cohosts c JOIN users u ON u.id = c.user_id
                 WHERE c.event_id = $1 ORDER BY c.added_at, u.id",
            )
            .bind(event_id)
            .fetch_all(pool)
            .await?;
            (host, list)
        });
        Ok(CoHosts {
            host_name,
            can_change,
            list: list
                .into_iter()
                .map(|(id, name, email)| CoHost { id, name, email })
                .collect(),
        })
    }

    /// The form checked: an email, and a name for someone without an
    /// account (who gets one); every mistake at once.
    fn parse(form: &CoHostForm) -> Result<(String, EmailAddress), AppError> {
        let mut mistakes = Mistakes::default();
        let email = mistakes.check(EmailAddress::parse(&form.email, "cohost_email"));
        let name = form.name.trim();
        if name.chars().count() > 120 {
            mistakes.note("cohost_name", tr!(page_lang(), COHOST_ERROR_NAME));
        }
        mistakes.finish()?;
        Ok((name.to_owned(), email.ok_or(AppError::Internal)?))
    }

    #[derive(sqlx::FromRow)]
    struct Account {
        id: i64,
        brand_id: i64,
        role: String,
        display_name: String,
    }

    /// Adds a co-host to the host's open party: a host of the brand by
    /// email, or a newcomer made a host of the brand (with a link to set a
    /// password). Each gets a mail that names the party. Adding twice
    /// changes nothing. Answers the co-host's name.
    pub async fn add(
        db: &Db,
        config: &AppConfig,
        host: &CurrentUser,
        event_id: i64,
        form: &CoHostForm,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        crate::base::access::ssr::ensure_owned_open(db, host, event_id).await?;
        let (name, email) = parse(form)?;
        let found: Option<Account> = on_db!(db.reader(), |pool| sqlx::query_as(
            "SELECT id, brand_id, role, display_name FROM users WHERE email = $1"
        )
        .bind(email.as_str())
        .fetch_optional(pool)
        .await)?;
        let lang = page_lang();
        let (user, name) = match found {
            Some(a) if a.id == host.id => {
                return Err(AppError::invalid(
                    "cohost_email",
                    tr!(lang, COHOST_ERROR_SELF),
                ))
            }
            Some(a) if a.brand_id == host.brand_id && a.role == Role::Host.as_db() => {
                (a.id, a.display_name)
            }
            Some(_) => {
                return Err(AppError::invalid(
                    "cohost_email",
                    tr!(lang, COHOST_ERROR_OTHER),
                ))
            }
            None if name.is_empty() => {
                return Err(AppError::invalid(
                    "cohost_name",
                    tr!(lang, COHOST_ERROR_NAME),
                ))
            }
            None => {
                let who = Newcomer {
                    brand_id: host.brand_id,
                    name: &name,
                    email: &email,
                    city: "",
                    joined: Joined::Invitation,
                };
                (onboard(db, config, &who, now).await?, name.clone())
            }
        };
        let mail = told(db, config, host, event_id, (&name, &email), now).await?;
        on_db!(db.writer(), |pool| {
            let mut tx = pool.begin().await?;
            let added = sqlx::query(
                "INSERT INTO event_cohosts (event_id, user_id, added_at) VALUES ($1, $2, $3)
                 ON CONFLICT (event_id, user_id) DO NOTHING",
            )
            .bind(event_id)
            .bind(user)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if added == 1 {
                crate::base::mail::insert_query(&mail)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(name)
    }

    /// The co-host's mail: who asks, for which party, and where to run it.
    async fn told(
        db: &Db,
        config: &AppConfig,
        host: &CurrentUser,
        event_id: i64,
        (name, email): (&str, &EmailAddress),
        now: DateTime<Utc>,
    ) -> Result<crate::base::mail::QueuedMail, AppError> {
        let (title, code): (String, String) = on_db!(db.reader(), |pool| sqlx::query_as(concat!(
            "SELECT e.title, ",
            crate::party_language_sql!(),
            " FROM events e JOIN brands b ON b.id = e.brand_id WHERE e.id = $1"
        ))
        .bind(event_id)
        .fetch_one(pool)
        .await)?;
        let lang = Lang::parse(&code).unwrap_or_default();
        let link = config
            .public_url
            .join(&format!("/host/events/{event_id}"))
            .map_err(|e| anyhow::anyhow!("link: {e}"))?;
        let text = format!(
            "{}\n\n{}\n\n{}\n{link}\n",
            tr!(lang, MAIL_HELLO_NAME, name = name),
            tr!(
                lang,
                COHOST_MAIL_BODY,
                host = host.display_name.as_str(),
                party = title.as_str()
            ),
            tr!(lang, COHOST_MAIL_LINK),
        );
        let subject = tr!(
            lang,
            COHOST_MAIL_SUBJECT,
            host = host.display_name.as_str(),
            party = title.as_str()
        );
        Ok(crate::base::mail::plain(
            config,
            name,
            email.as_str(),
            subject,
            text,
            Some(event_id),
            now,
        )?)
    }

    /// Takes a co-host off the host's party.
    pub async fn remove(
        db: &Db,
        host: &CurrentUser,
        event_id: i64,
        user_id: i64,
    ) -> Result<(), AppError> {
        crate::base::access::ssr::ensure_owned_open(db, host, event_id).await?;
        on_db!(db.writer(), |pool| sqlx::query(
            "DELETE FROM event_cohosts WHERE event_id = $1 AND user_id = $2"
        )
        .bind(event_id)
        .bind(user_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }
}
