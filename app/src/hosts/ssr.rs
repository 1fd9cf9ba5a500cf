//! The host program on the server: applications, onboarding a new host with
//! a single-use set-password link, declining kindly, suspending.

use chrono::{DateTime, Utc};

use super::{Application, ApplicationForm, HostRow, InviteForm};
use crate::{
    accounts::{
        domain::{EmailAddress, NewPassword},
        ssr::hash_token,
        Role,
    },
    db::Db,
    error::AppError,
    mail::ssr::{build, text_to_html, OutgoingMail, QueuedMail},
    on_db,
    state::AppConfig,
};

/// How a new host came to the brand; the row to mark approved, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    Application(i64),
    Booking(i64),
    Invitation,
}

impl Joined {
    fn as_db(self) -> &'static str {
        match self {
            Joined::Application(_) => "application",
            Joined::Booking(_) => "booking",
            Joined::Invitation => "invitation",
        }
    }
}

/// A checked application.
struct Draft {
    name: String,
    email: EmailAddress,
    city: String,
    motivation: String,
}

fn required(raw: &str, field: &str, what: &str, max: usize) -> Result<String, AppError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(AppError::invalid(field, format!("Enter {what}.")));
    }
    if value.chars().count() > max {
        return Err(AppError::invalid(
            field,
            format!("Keep {what} under {max} characters."),
        ));
    }
    Ok(value.to_owned())
}

fn parse_application(form: &ApplicationForm) -> Result<Draft, AppError> {
    let name = required(&form.name, "name", "your name", 100)?;
    let email = EmailAddress::parse(&form.email, "email")?;
    let city = required(&form.city, "city", "your city", 80)?;
    let motivation = required(
        &form.motivation,
        "motivation",
        "a few words on why you love the brand",
        2000,
    )?;
    if motivation.chars().count() < 10 {
        return Err(AppError::invalid(
            "motivation",
            "Tell us a little more: a sentence or two on why you love the brand.",
        ));
    }
    Ok(Draft {
        name,
        email,
        city,
        motivation,
    })
}

/// A plain mail to one person, ready for the outbox.
pub fn mail(
    config: &AppConfig,
    name: &str,
    email: &str,
    subject: String,
    text: String,
    now: DateTime<Utc>,
) -> Result<QueuedMail, AppError> {
    Ok(build(
        &config.mail,
        &OutgoingMail {
            to_name: name.to_owned(),
            to_email: email.to_owned(),
            subject,
            html: text_to_html(&text),
            text,
            attachments: vec![],
            event_id: None,
        },
        now,
    )?)
}

/// The brand's name.
pub async fn brand_name(db: &Db, brand_id: i64) -> Result<String, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT name FROM brands WHERE id = $1")
            .bind(brand_id)
            .fetch_one(pool)
            .await
    })?)
}

async fn has_account(db: &Db, email: &EmailAddress) -> Result<bool, AppError> {
    let n: i64 = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_one(pool)
            .await
    })?;
    Ok(n > 0)
}

/// Records a fan's application to the brand and thanks them by email. The
/// same fan applying again while waiting updates their application (no
/// second mail); after a decline, applying again reopens it.
pub async fn apply(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    form: &ApplicationForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let draft = parse_application(form)?;
    if has_account(db, &draft.email).await? {
        return Err(AppError::invalid(
            "email",
            "This email already has an account: sign in instead.",
        ));
    }
    let brand = brand_name(db, brand_id).await?;
    let thanks = mail(
        config,
        &draft.name,
        draft.email.as_str(),
        format!("Your application to host for {brand}"),
        format!(
            "Hello {},\n\nThank you for applying to host {brand} parties. The team reads every application and will write to you soon.\n",
            draft.name
        ),
        now,
    )?;
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        // The thanks goes out once per application: updating one that is
        // still waiting sends nothing, so the form cannot flood an inbox.
        let waiting: Option<String> = sqlx::query_scalar(
            "SELECT status FROM host_applications WHERE brand_id = $1 AND email = $2",
        )
        .bind(brand_id)
        .bind(draft.email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let moved = sqlx::query(
            "INSERT INTO host_applications (brand_id, name, email, city, motivation, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (brand_id, email) DO UPDATE SET name = excluded.name, city = excluded.city,
               motivation = excluded.motivation, status = 'pending', created_at = excluded.created_at,
               decided_at = NULL
             WHERE host_applications.status <> 'approved'",
        )
        .bind(brand_id)
        .bind(&draft.name)
        .bind(draft.email.as_str())
        .bind(&draft.city)
        .bind(&draft.motivation)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 0 {
            return Err(AppError::invalid(
                "email",
                "This email already has an account: sign in instead.",
            ));
        }
        if waiting.as_deref() != Some("pending") {
            crate::mail::ssr::insert_query(&thanks)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

type ApplicationRow = (i64, String, String, String, String, String, DateTime<Utc>);

/// The brand's applications, waiting ones first, newest first.
pub async fn applications(db: &Db, brand_id: i64) -> Result<Vec<Application>, AppError> {
    let tz = crate::events::ssr::brand_zone(db, brand_id).await?;
    let rows: Vec<ApplicationRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, name, email, city, motivation, status, created_at FROM host_applications
             WHERE brand_id = $1
             ORDER BY CASE WHEN status = 'pending' THEN 0 ELSE 1 END, id DESC LIMIT 200",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, email, city, motivation, status, at)| Application {
                id,
                name,
                email,
                city,
                motivation,
                status,
                applied: crate::events::domain::local_display(at, tz),
            },
        )
        .collect())
}

/// A random single-use token for a set-password link.
pub fn random_token() -> String {
    crate::orders::ssr::random_key() + &crate::orders::ssr::random_key()
}

/// Makes `name <email>` a host of the brand, in one transaction: the account
/// (with a password nobody knows), a set-password link valid 48 hours, the
/// welcome email, and the source row (application or booking) marked
/// approved. Returns the new user's id.
#[allow(clippy::too_many_arguments)]
pub async fn onboard(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    name: &str,
    email: &EmailAddress,
    city: &str,
    joined: Joined,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let field = match joined {
        Joined::Invitation => "email",
        _ => "id",
    };
    if has_account(db, email).await? {
        return Err(AppError::invalid(
            field,
            format!("{} already has an account.", email.as_str()),
        ));
    }
    let brand = brand_name(db, brand_id).await?;
    let token = random_token();
    let link = config
        .public_url
        .join(&format!("/welcome/{token}"))
        .map_err(|e| anyhow::anyhow!("welcome link: {e}"))?;
    let opening = match joined {
        Joined::Invitation => format!("{brand} invites you to become one of its hosts."),
        _ => format!("Good news: you are now a {brand} host."),
    };
    let welcome = mail(
        config,
        name,
        email.as_str(),
        format!("Welcome to the {brand} hosts"),
        format!(
            "Hello {name},\n\n{opening} Set your password here to schedule your first party:\n{link}\n\nThe link works once, for 48 hours.\n"
        ),
        now,
    )?;
    // A password nobody knows until the link sets one.
    let secret = NewPassword::parse(&random_token(), field)?;
    let hash = crate::accounts::ssr::hash_password_blocking(&secret).await?;
    let answered = || AppError::invalid("id", "This request was already answered.");
    let user = on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let inserted: Result<i64, sqlx::Error> = sqlx::query_scalar(
            "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at, city, joined_via)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(brand_id)
        .bind(email.as_str())
        .bind(name.trim())
        .bind(Role::Host.as_db())
        .bind(&hash)
        .bind(now)
        .bind(city.trim())
        .bind(joined.as_db())
        .fetch_one(&mut *tx)
        .await;
        let user = match inserted {
            Ok(id) => id,
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(AppError::invalid(
                    field,
                    format!("{} already has an account.", email.as_str()),
                ))
            }
            Err(e) => return Err(e.into()),
        };
        let moved = match joined {
            Joined::Application(id) => sqlx::query(
                "UPDATE host_applications SET status = 'approved', decided_at = $1, user_id = $2
                 WHERE id = $3 AND brand_id = $4 AND status = 'pending'",
            )
            .bind(now)
            .bind(user)
            .bind(id)
            .bind(brand_id)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            Joined::Booking(id) => {
                let moved = sqlx::query(
                    "UPDATE booking_requests SET status = 'approved', decided_at = $1, user_id = $2
                     WHERE id = $3 AND brand_id = $4 AND status = 'pending'",
                )
                .bind(now)
                .bind(user)
                .bind(id)
                .bind(brand_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                sqlx::query(
                    "UPDATE users SET booked_from_event_id =
                       (SELECT from_event_id FROM booking_requests WHERE id = $1) WHERE id = $2",
                )
                .bind(id)
                .bind(user)
                .execute(&mut *tx)
                .await?;
                moved
            }
            Joined::Invitation => 1,
        };
        if moved == 0 {
            return Err(answered());
        }
        sqlx::query(
            "INSERT INTO password_tokens (user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(user)
        .bind(hash_token(&token))
        .bind(now + crate::bookings::ssr::LINK_VALID)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        crate::mail::ssr::insert_query(&welcome)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        user
    });
    Ok(user)
}

/// Approves or declines a waiting application of the brand; either way
/// the fan is emailed.
pub async fn decide(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    id: i64,
    approve: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let found: Option<(String, String, String, String)> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT name, email, city, status FROM host_applications WHERE id = $1 AND brand_id = $2",
        )
        .bind(id)
        .bind(brand_id)
        .fetch_optional(pool)
        .await
    })?;
    let (name, email, city, status) = found.ok_or(AppError::NotFound)?;
    if status != "pending" {
        return Err(AppError::invalid(
            "id",
            "This application was already answered.",
        ));
    }
    let address = EmailAddress::parse(&email, "id")?;
    if approve {
        onboard(
            db,
            config,
            brand_id,
            &name,
            &address,
            &city,
            Joined::Application(id),
            now,
        )
        .await?;
        return Ok(());
    }
    let brand = brand_name(db, brand_id).await?;
    let sorry = mail(
        config,
        &name,
        &email,
        format!("Your application to host for {brand}"),
        format!(
            "Hello {name},\n\nThank you for wanting to host {brand} parties, and for the kind words. We cannot take on new hosts near you just now, but we will keep your application in mind. You are always welcome at the parties you are invited to.\n"
        ),
        now,
    )?;
    decline_row(
        db,
        "UPDATE host_applications SET status = 'declined', decided_at = $1 WHERE id = $2 AND status = 'pending'",
        id,
        &sorry,
        now,
    )
    .await
}

/// Marks a waiting row declined and queues the kind email, together.
pub async fn decline_row(
    db: &Db,
    sql: &str,
    id: i64,
    sorry: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let moved = sqlx::query(sql)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if moved == 0 {
            return Err(AppError::invalid(
                "id",
                "This request was already answered.",
            ));
        }
        crate::mail::ssr::insert_query(sorry)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    });
    Ok(())
}

/// The brand admin invites a fan directly.
pub async fn invite(
    db: &Db,
    config: &AppConfig,
    brand_id: i64,
    form: &InviteForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let name = required(&form.name, "name", "the fan's name", 100)?;
    let email = EmailAddress::parse(&form.email, "email")?;
    let city = form.city.trim();
    if city.chars().count() > 80 {
        return Err(AppError::invalid(
            "city",
            "Keep the city under 80 characters.",
        ));
    }
    onboard(
        db,
        config,
        brand_id,
        &name,
        &email,
        city,
        Joined::Invitation,
        now,
    )
    .await
}

/// Suspends or reinstates a host of the brand.
pub async fn set_suspended(
    db: &Db,
    brand_id: i64,
    host_id: i64,
    suspended: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let at = suspended.then_some(now);
    let moved = on_db!(db.writer(), |pool| {
        sqlx::query(
            "UPDATE users SET suspended_at = $1 WHERE id = $2 AND brand_id = $3 AND role = 'host'",
        )
        .bind(at)
        .bind(host_id)
        .bind(brand_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    if moved == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Whether this host is suspended.
pub async fn is_suspended(db: &Db, host_id: i64) -> Result<bool, AppError> {
    let at: Option<Option<DateTime<Utc>>> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT suspended_at FROM users WHERE id = $1")
            .bind(host_id)
            .fetch_optional(pool)
            .await
    })?;
    Ok(matches!(at, Some(Some(_))))
}

type HostTuple = (
    i64,
    String,
    String,
    String,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    i64,
);

/// The brand's hosts, by name, with their number of parties.
pub async fn hosts(db: &Db, brand_id: i64) -> Result<Vec<HostRow>, AppError> {
    host_rows(db, brand_id, None).await
}

/// One host of the brand (404 for anyone else's).
pub async fn host(db: &Db, brand_id: i64, host_id: i64) -> Result<HostRow, AppError> {
    host_rows(db, brand_id, Some(host_id))
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

async fn host_rows(db: &Db, brand_id: i64, only: Option<i64>) -> Result<Vec<HostRow>, AppError> {
    let tz = crate::events::ssr::brand_zone(db, brand_id).await?;
    let rows: Vec<HostTuple> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT u.id, u.display_name, u.email, u.city, u.joined_via, u.created_at, u.suspended_at,
                    (SELECT COUNT(*) FROM events e WHERE e.host_id = u.id AND e.cancelled_at IS NULL)
             FROM users u WHERE u.brand_id = $1 AND u.role = 'host' AND (CAST($2 AS BIGINT) IS NULL OR u.id = $2)
             ORDER BY lower(u.display_name), u.id",
        )
        .bind(brand_id)
        .bind(only)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, email, city, joined_via, joined, suspended, events)| HostRow {
                id,
                name,
                email,
                city,
                joined_via,
                joined: joined.with_timezone(&tz).format("%-d %b %Y").to_string(),
                suspended: suspended.is_some(),
                events,
            },
        )
        .collect())
}
