//! Campaigns and pre-orders in the database and at Stripe.

use chrono::{DateTime, Duration, Utc};

use super::{CampaignForm, CampaignRow, CampaignsPage, PreorderOffer, PreorderView, MAX_DAYS};
use crate::{
    base::{
        access::ssr::InvitationRow,
        db::Db,
        error::{AppError, Mistakes},
        l10n::{fmt, page_lang, Lang},
        money::{Currency, Money},
        state::AppConfig,
        stripe::StripeError,
    },
    on_db, on_tx,
    orders::card::{
        ssr::{account, card_error},
        Paying,
    },
};

/// Units pre-ordered with an authorised (or captured) card, by campaign.
/// (SUM is NUMERIC on PostgreSQL: cast back.)
const UNITS: &str = "(SELECT CAST(COALESCE(SUM(p.quantity), 0) AS BIGINT) FROM preorders p
     WHERE p.campaign_id = c.id AND p.state IN ('authorised', 'captured'))";

fn day(lang: Lang, t: DateTime<Utc>) -> String {
    fmt::date_long(lang, t, chrono_tz::Europe::Paris)
}

fn state_label(lang: Lang, state: &str) -> String {
    match state {
        "funded" => tr!(lang, CAMPAIGN_STATE_FUNDED),
        "failed" => tr!(lang, CAMPAIGN_STATE_FAILED),
        _ => tr!(lang, CAMPAIGN_STATE_OPEN),
    }
}

/// The brand's campaigns, newest first, and its active items.
pub async fn campaigns_page(
    db: &Db,
    brand_id: i64,
    _now: DateTime<Utc>,
) -> Result<CampaignsPage, AppError> {
    type Row = (i64, String, i64, i64, DateTime<Utc>, String);
    let (rows, items): (Vec<Row>, Vec<(i64, String)>) = on_db!(db.reader(), |pool| {
        let rows = sqlx::query_as(&format!(
            "SELECT c.id, i.name, c.goal_units, {UNITS}, c.ends_at, c.state
             FROM preorder_campaigns c JOIN items i ON i.id = c.item_id
             WHERE c.brand_id = $1 ORDER BY c.id DESC"
        ))
        .bind(brand_id)
        .fetch_all(pool)
        .await?;
        let items = sqlx::query_as(
            "SELECT id, name FROM items WHERE brand_id = $1 AND active = TRUE ORDER BY name, id",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await?;
        (rows, items)
    });
    let lang = page_lang();
    Ok(CampaignsPage {
        campaigns: rows
            .into_iter()
            .map(|(id, item, goal, units, ends, state)| CampaignRow {
                id,
                item,
                goal,
                units,
                ends: day(lang, ends - Duration::seconds(1)),
                state_label: state_label(lang, &state),
                state,
            })
            .collect(),
        items,
    })
}

/// Opens a campaign: an active item of the brand with none open, a goal
/// of 1 to 10,000 units, a last day from today to [`MAX_DAYS`] ahead.
/// Every mistake at once.
pub async fn open_campaign(
    db: &Db,
    brand_id: i64,
    form: &CampaignForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let lang = page_lang();
    let mut m = Mistakes::default();
    let item_id = form.item_id.trim().parse::<i64>().ok();
    if item_id.is_none() {
        m.note("item_id", tr!(lang, CAMPAIGN_ERROR_ITEM));
    }
    let goal = form
        .goal
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|g| (1..=10_000).contains(g));
    if goal.is_none() {
        m.note("goal", tr!(lang, CAMPAIGN_ERROR_GOAL));
    }
    let paris = chrono_tz::Europe::Paris;
    let today = now.with_timezone(&paris).date_naive();
    let last = chrono::NaiveDate::parse_from_str(form.ends_on.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| *d >= today && *d < today + Duration::days(MAX_DAYS));
    if last.is_none() {
        m.note("ends_on", tr!(lang, CAMPAIGN_ERROR_ENDS, days = MAX_DAYS));
    }
    m.finish()?;
    let (item_id, goal) = (item_id.unwrap_or_default(), goal.unwrap_or_default());
    let ends_at = last
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(paris).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or(AppError::Internal)?;
    let mut tx = db.begin().await?;
    let item: Option<(i64, String)> = on_tx!(&mut tx, |t| sqlx::query_as(
        "SELECT i.price_cents, b.currency FROM items i JOIN brands b ON b.id = i.brand_id
         WHERE i.id = $1 AND i.brand_id = $2 AND i.active = TRUE"
    )
    .bind(item_id)
    .bind(brand_id)
    .fetch_optional(&mut *t)
    .await?);
    let (price, currency) = item.ok_or(AppError::NotFound)?;
    let id: Option<i64> = on_tx!(&mut tx, |t| {
        sqlx::query_scalar(
        "INSERT INTO preorder_campaigns (brand_id, item_id, goal_units, unit_price_cents, currency, ends_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (item_id) WHERE state = 'open' DO NOTHING RETURNING id"
    )
    .bind(brand_id)
    .bind(item_id)
    .bind(goal)
    .bind(price)
    .bind(&currency)
    .bind(ends_at)
    .bind(now)
    .fetch_optional(&mut *t)
    .await?
    });
    let id =
        id.ok_or_else(|| AppError::invalid("item_id", tr!(lang, CAMPAIGN_ERROR_OPEN_ALREADY)))?;
    tx.commit().await?;
    Ok(id)
}

/// The campaign an item's page offers: open, or funded and not ended.
pub async fn offer(
    db: &Db,
    item_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<PreorderOffer>, AppError> {
    type Row = (i64, i64, i64, DateTime<Utc>, i64, String, String);
    let row: Option<Row> = on_db!(db.reader(), |pool| sqlx::query_as(&format!(
        "SELECT c.id, c.goal_units, {UNITS}, c.ends_at, c.unit_price_cents, c.currency, c.state
         FROM preorder_campaigns c
         WHERE c.item_id = $1 AND c.state IN ('open', 'funded') AND c.ends_at > $2
         ORDER BY c.id DESC LIMIT 1"
    ))
    .bind(item_id)
    .bind(now)
    .fetch_optional(pool)
    .await)?;
    let lang = page_lang();
    Ok(row.map(
        |(campaign_id, goal, units, ends, price, currency, state)| PreorderOffer {
            campaign_id,
            goal,
            units,
            ends: day(lang, ends - Duration::seconds(1)),
            price: Money::new(price, Currency::of_db(&currency)),
            funded: state == "funded",
        },
    ))
}

/// Records a guest's pre-order of an item their party features, waiting
/// for their card; the same form key answers the same pre-order.
pub async fn start(
    db: &Db,
    guest: &InvitationRow,
    item_id: i64,
    quantity: i64,
    key: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let lang = page_lang();
    if !(1..=5).contains(&quantity) {
        return Err(AppError::invalid(
            "quantity",
            tr!(lang, PREORDER_ERROR_QUANTITY),
        ));
    }
    if key.is_empty() || key.len() > 64 {
        return Err(AppError::invalid("quantity", tr!(lang, NEWS_RELOAD)));
    }
    let campaign: Option<(i64, i64)> = on_db!(db.reader(), |pool| sqlx::query_as(
        "SELECT c.id, c.unit_price_cents FROM preorder_campaigns c
         JOIN event_items ei ON ei.item_id = c.item_id AND ei.event_id = $2
         WHERE c.item_id = $1 AND c.state IN ('open', 'funded') AND c.ends_at > $3
         ORDER BY c.id DESC LIMIT 1"
    )
    .bind(item_id)
    .bind(guest.event_id)
    .bind(now)
    .fetch_optional(pool)
    .await)?;
    let (campaign_id, price) = campaign.ok_or(AppError::NotFound)?;
    let code = crate::base::tokens::random_token();
    let form_key = format!("{}:{key}", guest.guest_id);
    on_db!(db.writer(), |pool| {
        sqlx::query(
        "INSERT INTO preorders (campaign_id, event_id, guest_id, name, email, quantity, amount_cents, code, form_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (form_key) DO NOTHING"
    )
    .bind(campaign_id)
    .bind(guest.event_id)
    .bind(guest.guest_id)
    .bind(&guest.guest_name)
    .bind(&guest.guest_email)
    .bind(quantity)
    .bind(price * quantity)
    .bind(&code)
    .bind(&form_key)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(on_db!(db.writer(), |pool| sqlx::query_scalar(
        "SELECT code FROM preorders WHERE form_key = $1"
    )
    .bind(&form_key)
    .fetch_one(pool)
    .await)?)
}

#[derive(Debug, sqlx::FromRow)]
struct PreorderRow {
    id: i64,
    code: String,
    item_id: i64,
    item: String,
    quantity: i64,
    amount_cents: i64,
    currency: String,
    state: String,
    intent_id: Option<String>,
    email: String,
    name: String,
    brand_id: i64,
    event_id: Option<i64>,
    goal_units: i64,
    units: i64,
    ends_at: DateTime<Utc>,
    campaign_state: String,
}

async fn read(db: &Db, code: &str) -> Result<PreorderRow, AppError> {
    let row: Option<PreorderRow> = on_db!(db.writer(), |pool| sqlx::query_as(&format!(
        "SELECT p.id, p.code, c.item_id, i.name AS item, p.quantity, p.amount_cents, c.currency,
                p.state, p.intent_id, p.email, p.name, c.brand_id, p.event_id, c.goal_units,
                {UNITS} AS units, c.ends_at, c.state AS campaign_state
         FROM preorders p JOIN preorder_campaigns c ON c.id = p.campaign_id
         JOIN items i ON i.id = c.item_id WHERE p.code = $1"
    ))
    .bind(code)
    .fetch_optional(pool)
    .await)?;
    row.ok_or(AppError::NotFound)
}

/// A pre-order's page. One whose card was being authorised is read back
/// from Stripe first (after an authentication, the page loads again).
pub async fn view(
    db: &Db,
    config: &AppConfig,
    code: &str,
    now: DateTime<Utc>,
) -> Result<PreorderView, AppError> {
    let mut row = read(db, code).await?;
    let mut card = None;
    if row.state == "new" {
        if let Some(acc) = account(db, config, row.brand_id).await? {
            let intent = match &row.intent_id {
                Some(id) => acc.stripe.retrieve_intent(id).await.ok(),
                None => None,
            };
            if intent.is_some_and(|i| i.authorised()) {
                mark_authorised(db, config, &row, now).await?;
                row = read(db, code).await?;
            }
            card = Some((config.stripe_js_url.clone(), acc.publishable_key));
        }
    }
    let open = row.state == "new" && row.campaign_state != "failed" && row.ends_at > now;
    let card = card.filter(|_| open);
    let making = match row.state.as_str() {
        "captured" => crate::orders::making::ssr::for_preorder(db, row.id).await?,
        _ => Vec::new(),
    };
    let lang = page_lang();
    Ok(PreorderView {
        making,
        code: row.code,
        item: row.item,
        item_id: row.item_id,
        quantity: row.quantity,
        amount: Money::new(row.amount_cents, Currency::of_db(&row.currency)),
        state: row.state,
        goal: row.goal_units,
        units: row.units,
        ends: day(lang, row.ends_at - Duration::seconds(1)),
        card,
    })
}

/// Authorises a pre-order's amount on the card of `token`: a Customer with
/// the card, a manual-capture intent (made once, with the pre-order's
/// key), confirmed. Authorised, its mail in the same transaction.
pub async fn authorise(
    db: &Db,
    config: &AppConfig,
    code: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Paying, AppError> {
    let row = read(db, code).await?;
    let lang = page_lang();
    match row.state.as_str() {
        "new" => {}
        "authorised" | "captured" => return Ok(Paying::Paid),
        _ => return Err(AppError::invalid("card", tr!(lang, PREORDER_ERROR_ENDED))),
    }
    if row.campaign_state == "failed" || row.ends_at <= now {
        return Err(AppError::invalid("card", tr!(lang, PREORDER_ERROR_ENDED)));
    }
    if token.trim().is_empty() || token.len() > 200 {
        return Err(AppError::invalid("card", tr!(lang, PAY_CARD_MISSING)));
    }
    let acc = account(db, config, row.brand_id)
        .await?
        .ok_or_else(|| AppError::invalid("card", tr!(lang, PAY_CARD_NOT_OFFERED)))?;
    let intent = match &row.intent_id {
        Some(id) => acc.stripe.retrieve_intent(id).await.map_err(card_error)?,
        None => {
            let intent = acc
                .stripe
                .create_authorisation(
                    row.amount_cents,
                    &row.currency,
                    &row.code,
                    &format!("preorder-{}", row.code),
                )
                .await
                .map_err(card_error)?;
            on_db!(db.writer(), |pool| sqlx::query(
                "UPDATE preorders SET intent_id = $1 WHERE id = $2 AND intent_id IS NULL"
            )
            .bind(&intent.id)
            .bind(row.id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
            intent
        }
    };
    let intent = if intent.authorised() {
        intent
    } else {
        let key = format!("preorder-customer-{}-{token}", row.code);
        let (customer, card) = acc
            .stripe
            .customer_with_card(token.trim(), &row.email, &key)
            .await
            .map_err(card_error)?;
        acc.stripe
            .pay_with(&intent.id, &customer, &card)
            .await
            .map_err(card_error)?
    };
    if intent.authorised() {
        let row = read(db, code).await?;
        mark_authorised(db, config, &row, now).await?;
        Ok(Paying::Paid)
    } else if intent.needs_action() {
        Ok(Paying::Authenticate {
            client_secret: intent.client_secret,
            publishable_key: acc.publishable_key,
        })
    } else {
        Err(card_error(intent.declined(|| tr!(lang, PAY_CARD_DECLINED))))
    }
}

/// The language of a pre-order's mail: its party's, else its brand's.
async fn language(db: &Db, row: &PreorderRow) -> Result<Lang, AppError> {
    match row.event_id {
        Some(event) => crate::base::l10n::resolve::event_language(db, event).await,
        None => crate::base::l10n::resolve::brand_language_of(db, row.brand_id).await,
    }
}

/// Moves a pre-order from `from` to `to` once, with its mail in the same
/// transaction; `false` when another pass did it first.
async fn move_once(
    db: &Db,
    config: &AppConfig,
    row: &PreorderRow,
    (from, to): (&str, &str),
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let lang = language(db, row).await?;
    let amount = fmt::money(
        lang,
        Money::new(row.amount_cents, Currency::of_db(&row.currency)),
    );
    let link = format!(
        "{}/p/{}",
        config.public_url.as_str().trim_end_matches('/'),
        row.code
    );
    let item = row.item.as_str();
    let (subject, body) = match to {
        "authorised" => (
            tr!(lang, PREORDER_MAIL_AUTHORISED_SUBJECT, item = item),
            tr!(
                lang,
                PREORDER_MAIL_AUTHORISED,
                item = item,
                amount = &amount,
                goal = row.goal_units
            ),
        ),
        "captured" => (
            tr!(lang, PREORDER_MAIL_CAPTURED_SUBJECT, item = item),
            tr!(lang, PREORDER_MAIL_CAPTURED, item = item, amount = &amount),
        ),
        _ => (
            tr!(lang, PREORDER_MAIL_RELEASED_SUBJECT, item = item),
            tr!(lang, PREORDER_MAIL_RELEASED, item = item),
        ),
    };
    let text = format!(
        "{}\n\n{body}\n{link}\n",
        tr!(lang, MAIL_HELLO_NAME, name = row.name.as_str())
    );
    let mail = crate::base::mail::plain(
        config,
        &row.name,
        &row.email,
        subject,
        text,
        row.event_id,
        now,
    )?;
    let mut tx = db.begin().await?;
    let moved = on_tx!(&mut tx, |t| {
        sqlx::query(
        "UPDATE preorders SET state = $1, settled_at = CASE WHEN $1 = 'authorised' THEN NULL ELSE $2 END
         WHERE id = $3 AND state = $4"
    )
    .bind(to)
    .bind(now)
    .bind(row.id)
    .bind(from)
    .execute(&mut *t)
    .await?
    .rows_affected()
    });
    if moved == 1 {
        on_tx!(&mut tx, |t| crate::base::mail::insert_query(&mail)
            .execute(&mut *t)
            .await?
            .rows_affected());
    }
    tx.commit().await?;
    Ok(moved == 1)
}

async fn mark_authorised(
    db: &Db,
    config: &AppConfig,
    row: &PreorderRow,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    move_once(db, config, row, ("new", "authorised"), now).await
}

/// Decides the campaigns due: funded once their authorised units reach the
/// goal, failed once they end short. Each decision is one conditional
/// UPDATE: made once, whatever the servers. Returns how many.
pub async fn decide(db: &Db, now: DateTime<Utc>) -> Result<u64, AppError> {
    let funded = format!(
        "UPDATE preorder_campaigns SET state = 'funded', decided_at = $1
         WHERE state = 'open' AND goal_units <= {}",
        UNITS.replace("c.id", "preorder_campaigns.id")
    );
    Ok(on_db!(db.writer(), |pool| {
        let mut tx = pool.begin().await?;
        let funded = sqlx::query(&funded)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let failed = sqlx::query(
            "UPDATE preorder_campaigns SET state = 'failed', decided_at = $1
             WHERE state = 'open' AND ends_at <= $1",
        )
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // A card never authorised before the end waits for nothing.
        sqlx::query(
            "UPDATE preorders SET state = 'abandoned', settled_at = $1 WHERE state = 'new'
             AND campaign_id IN (SELECT id FROM preorder_campaigns WHERE state = 'failed' OR ends_at <= $1)",
        )
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(funded + failed)
    })?)
}

/// Carries out the decisions: each authorised pre-order of a funded
/// campaign captured, of a failed one released, its mail sent. Returns
/// how many were settled; a pre-order Stripe could not be reached for is
/// left for the next pass.
pub async fn settle(db: &Db, config: &AppConfig, now: DateTime<Utc>) -> Result<usize, AppError> {
    decide(db, now).await?;
    let due: Vec<String> = on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT p.code FROM preorders p JOIN preorder_campaigns c ON c.id = p.campaign_id
         WHERE p.state = 'authorised' AND c.state IN ('funded', 'failed') ORDER BY p.id LIMIT 200"
    )
    .fetch_all(pool)
    .await)?;
    let mut settled = 0;
    for code in due {
        match settle_one(db, config, &code, now).await {
            Ok(true) => settled += 1,
            Ok(false) => {}
            Err(err) => tracing::warn!(%err, "pre-order not settled yet; will retry"),
        }
    }
    Ok(settled)
}

/// Captures (funded) or releases (failed) one authorised pre-order. The
/// intent is read back first: one captured or cancelled before a crash is
/// only recorded, never captured or cancelled again.
pub async fn settle_one(
    db: &Db,
    config: &AppConfig,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let row = read(db, code).await?;
    if row.state != "authorised" || row.campaign_state == "open" {
        return Ok(false);
    }
    let acc = account(db, config, row.brand_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the brand's Stripe keys are gone"))?;
    let intent_id = row.intent_id.clone().ok_or(AppError::Internal)?;
    let unreachable = |e: StripeError| AppError::from(anyhow::anyhow!("Stripe: {e}"));
    on_db!(db.writer(), |pool| sqlx::query(
        "UPDATE preorders SET attempts = attempts + 1 WHERE id = $1"
    )
    .bind(row.id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    let mut intent = acc
        .stripe
        .retrieve_intent(&intent_id)
        .await
        .map_err(unreachable)?;
    let to = if row.campaign_state == "funded" {
        if intent.authorised() {
            intent = acc
                .stripe
                .capture_intent(&intent_id)
                .await
                .map_err(unreachable)?;
        }
        if intent.succeeded() {
            "captured"
        } else {
            tracing::error!(status = %intent.status, code, "a funded pre-order could not be captured");
            "released"
        }
    } else {
        if intent.status != "canceled" && !intent.succeeded() {
            acc.stripe
                .cancel_intent(&intent_id)
                .await
                .map_err(unreachable)?;
        }
        "released"
    };
    move_once(db, config, &row, ("authorised", to), now).await
}
