//! Prize offers and party drawings in the database: the commitment made
//! once per party, the drawing exactly once (a conditional UPDATE), the
//! winner's prize order and mail in the same transaction.

use chrono::{DateTime, Utc};

use super::{domain, DrawView, Drawn, OfferForm, OfferRow};
use crate::{
    base::{
        account::CurrentUser,
        db::{Db, Tx},
        error::{AppError, Mistakes},
        l10n::{fmt, page_lang, Lang},
        money::{Currency, Money},
        order::{Delivery, OrderKind, OrderStatus},
        order_writer::{self, NewLine, NewOrder, WriteError},
        state::AppConfig,
    },
    on_db, on_tx,
};

/// The offer that applies to a party: one made for it, else the newest
/// whose period holds its start.
async fn offer_for(db: &Db, event_id: i64) -> Result<Option<i64>, AppError> {
    Ok(on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT o.id FROM prize_offers o JOIN events e ON e.brand_id = o.brand_id AND e.id = $1
         WHERE e.cancelled_at IS NULL AND (o.event_id = $1
            OR (o.event_id IS NULL AND e.starts_at >= o.period_from AND e.starts_at < o.period_to))
         ORDER BY CASE WHEN o.event_id IS NULL THEN 1 ELSE 0 END, o.id DESC LIMIT 1"
    )
    .bind(event_id)
    .fetch_optional(pool)
    .await)?)
}

#[derive(Debug, sqlx::FromRow)]
struct DrawRow {
    seed: String,
    commitment: String,
    eligible: Option<String>,
    winner_guest_id: Option<i64>,
    winner_name: Option<String>,
    drawn_at: Option<DateTime<Utc>>,
    rule: String,
    item_id: Option<i64>,
    item_name: Option<String>,
    credit_cents: i64,
    currency: String,
}

impl DrawRow {
    /// The prize in words: the item's name, or the credit.
    fn prize(&self, lang: Lang) -> String {
        prize_words(
            lang,
            self.item_name.clone(),
            self.credit_cents,
            &self.currency,
        )
    }
}

/// A prize in words: the item's name, or "20.00 € of credit".
fn prize_words(lang: Lang, item: Option<String>, credit_cents: i64, currency: &str) -> String {
    item.unwrap_or_else(|| {
        let amount = fmt::money(lang, Money::new(credit_cents, Currency::of_db(currency)));
        tr!(lang, DRAW_PRIZE_CREDIT, amount = amount)
    })
}

async fn read(db: &Db, event_id: i64) -> Result<Option<DrawRow>, AppError> {
    Ok(on_db!(db.writer(), |pool| {
        sqlx::query_as(
        "SELECT d.seed, d.commitment, d.eligible, d.winner_guest_id, g.name AS winner_name, d.drawn_at,
                o.rule, o.item_id, i.name AS item_name, o.credit_cents, b.currency
         FROM party_draws d JOIN prize_offers o ON o.id = d.offer_id JOIN brands b ON b.id = o.brand_id
         LEFT JOIN items i ON i.id = o.item_id LEFT JOIN guests g ON g.id = d.winner_guest_id
         WHERE d.event_id = $1"
    )
    .bind(event_id)
    .fetch_optional(pool)
    .await
    })?)
}

/// The party's drawing as its pages show it, its commitment made now if
/// an offer applies and none was made yet (once: the party's row). `None`
/// when the brand offers nothing for this party.
pub async fn view(
    db: &Db,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<DrawView>, AppError> {
    if read(db, event_id).await?.is_none() {
        let Some(offer_id) = offer_for(db, event_id).await? else {
            return Ok(None);
        };
        let seed = crate::base::tokens::random_token();
        on_db!(db.writer(), |pool| sqlx::query(
            "INSERT INTO party_draws (event_id, offer_id, seed, commitment, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING"
        )
        .bind(event_id)
        .bind(offer_id)
        .bind(&seed)
        .bind(domain::commitment(&seed))
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    }
    let row = read(db, event_id).await?.ok_or(AppError::NotFound)?;
    Ok(Some(shown(row)))
}

/// What a page shows: the seed only once drawn.
fn shown(row: DrawRow) -> DrawView {
    let lang = page_lang();
    DrawView {
        prize: row.prize(lang),
        rule: match row.rule.as_str() {
            "bought" => tr!(lang, DRAW_RULE_BOUGHT),
            _ => tr!(lang, DRAW_RULE_YES),
        },
        commitment: row.commitment.clone(),
        drawn: row.drawn_at.map(|_| Drawn {
            winner: row
                .winner_name
                .as_deref()
                .map(crate::base::account::first_name_and_initial)
                .unwrap_or_default(),
            winner_id: row.winner_guest_id,
            seed: row.seed.clone(),
            eligible: row.eligible.clone().unwrap_or_default(),
        }),
    }
}

/// The party's eligible guests by the offer's rule, ids ascending.
async fn eligible(db: &Db, event_id: i64, rule: &str) -> Result<Vec<i64>, AppError> {
    let void = OrderStatus::sql_list(OrderStatus::is_void);
    let sql = match rule {
        "bought" => format!(
            "SELECT DISTINCT guest_id FROM orders WHERE event_id = $1 AND kind = 'guest'
               AND guest_id IS NOT NULL AND status NOT IN {void} ORDER BY guest_id"
        ),
        _ => "SELECT id FROM guests WHERE event_id = $1 AND rsvp = 'yes' ORDER BY id".to_owned(),
    };
    Ok(on_db!(db.reader(), |pool| sqlx::query_scalar(&sql)
        .bind(event_id)
        .fetch_all(pool)
        .await)?)
}

/// Draws the party's winner, once: the host (or a co-host) of a party
/// with an offer, from the presentation. The seed is revealed with the
/// eligible ids; the winner's prize (a free order line, delivered with the
/// party's orders) and mail are written in the same transaction. A second
/// drawing, or two at once, answer with the first one's result.
pub async fn draw(
    db: &Db,
    config: &AppConfig,
    user: &CurrentUser,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<DrawView, AppError> {
    crate::base::access::ssr::ensure_visible(db, user, event_id).await?;
    if user.role != crate::base::account::Role::Host {
        return Err(AppError::NotFound);
    }
    view(db, event_id, now).await?.ok_or(AppError::NotFound)?;
    let row = read(db, event_id).await?.ok_or(AppError::NotFound)?;
    if row.drawn_at.is_some() {
        return Ok(shown(row));
    }
    let ids = eligible(db, event_id, &row.rule).await?;
    let Some(winner) = domain::winner(&row.seed, &ids) else {
        return Err(AppError::invalid(
            "draw",
            tr!(page_lang(), DRAW_ERROR_NOBODY),
        ));
    };
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let mut tx = db.begin().await?;
    let claimed = on_tx!(&mut tx, |c| sqlx::query(
        "UPDATE party_draws SET drawn_at = $1, eligible = $2, winner_guest_id = $3
         WHERE event_id = $4 AND drawn_at IS NULL"
    )
    .bind(now)
    .bind(list.join(","))
    .bind(winner)
    .bind(event_id)
    .execute(&mut *c)
    .await?
    .rows_affected());
    if claimed == 1 {
        give_prize(&mut tx, config, (event_id, winner), &row, now).await?;
        tx.party_changed(event_id).await?;
        tx.commit().await?;
    } else {
        drop(tx);
    }
    let row = read(db, event_id).await?.ok_or(AppError::NotFound)?;
    Ok(shown(row))
}

#[derive(sqlx::FromRow)]
struct Winner {
    name: String,
    email: String,
    brand_id: i64,
    host_id: i64,
    title: String,
    language: String,
}

/// The winner's free order of the prize item (paid, delivered with the
/// party's orders) and their mail, on the drawing's transaction.
async fn give_prize(
    tx: &mut Tx,
    config: &AppConfig,
    (event_id, guest_id): (i64, i64),
    row: &DrawRow,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let w: Winner = on_tx!(tx, |c| {
        sqlx::query_as(concat!(
        "SELECT g.name, g.email, e.brand_id, e.host_id, e.title, ",
        crate::party_language_sql!(),
        " AS language FROM guests g JOIN events e ON e.id = g.event_id JOIN brands b ON b.id = e.brand_id
         WHERE g.id = $1"
    ))
    .bind(guest_id)
    .fetch_one(&mut *c)
    .await?
    });
    let lang = Lang::parse(&w.language).unwrap_or_default();
    let body = match row.item_id {
        Some(item_id) => {
            let prize = prize_order(tx, &w, (event_id, guest_id, item_id), lang, now).await?;
            tr!(
                lang,
                DRAW_MAIL_BODY,
                party = w.title.as_str(),
                prize = prize.as_str()
            )
        }
        None => {
            let entry = crate::base::guest_credit::Entry {
                brand_id: w.brand_id,
                email: &w.email,
                event_id,
                prize_cents: Some(row.credit_cents),
                order_id: None,
            };
            crate::base::guest_credit::record(tx, &entry, now).await?;
            tr!(
                lang,
                DRAW_MAIL_BODY_CREDIT,
                party = w.title.as_str(),
                prize = row.prize(lang)
            )
        }
    };
    let text = format!(
        "{}\n\n{body}\n",
        tr!(lang, MAIL_HELLO_NAME, name = w.name.as_str()),
    );
    let subject = tr!(lang, DRAW_MAIL_SUBJECT, party = w.title.as_str());
    let mail = crate::base::mail::plain(
        config,
        &w.name,
        &w.email,
        subject,
        text,
        Some(event_id),
        now,
    )?;
    on_tx!(tx, |c| {
        crate::base::mail::insert_query(&mail)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// The winner's free order of the prize item: paid, delivered with the
/// party's orders, on the drawing's transaction. The item's name.
async fn prize_order(
    tx: &mut Tx,
    w: &Winner,
    (event_id, guest_id, item_id): (i64, i64, i64),
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let (sku, name, vat_rate_bp, currency): (String, String, i64, String) = on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT i.sku, i.name, i.vat_rate_bp, b.currency FROM items i JOIN brands b ON b.id = i.brand_id WHERE i.id = $1"
    )
    .bind(item_id)
    .fetch_one(&mut *c)
    .await?
    });
    let zero = Money::new(0, Currency::of_db(&currency));
    let prize = name.clone();
    let order = NewOrder {
        brand_id: w.brand_id,
        event_id,
        guest_id: Some(guest_id),
        host_id: w.host_id,
        kind: OrderKind::Guest,
        customer_name: w.name.clone(),
        customer_email: w.email.clone(),
        delivery: Delivery::Host,
        address: None,
        idempotency_key: format!("draw:{event_id}"),
        lines: vec![NewLine {
            item_id,
            sku,
            name,
            unit_price: zero,
            vat_rate_bp,
            quantity: 1,
            half_price_units: 0,
        }],
        shipping: zero,
        credit_used: zero,
        actor: "prize drawing".to_owned(),
        payment_method: None,
    };
    let placed = match order_writer::write(tx, &order, now).await {
        Ok(placed) => placed,
        Err(WriteError::Short(_)) => {
            return Err(AppError::invalid(
                "draw",
                tr!(page_lang(), DRAW_ERROR_PRIZE_OUT),
            ))
        }
        Err(e) => return Err(anyhow::anyhow!("the prize order: {e}").into()),
    };
    let note = tr!(lang, DRAW_ORDER_NOTE);
    order_writer::paid_at_once(tx, (&order, &placed), "prize drawing", &note, now).await?;
    Ok(prize)
}

/// The brand's page: its offers, its parties to come and its items.
pub async fn offers_page(
    db: &Db,
    brand_id: i64,
    now: DateTime<Utc>,
) -> Result<super::OffersPage, AppError> {
    let (parties, items) = on_db!(db.reader(), |pool| {
        let parties = sqlx::query_as(
            "SELECT id, title FROM events WHERE brand_id = $1 AND cancelled_at IS NULL
               AND closed_at IS NULL AND ends_at > $2 ORDER BY starts_at, id",
        )
        .bind(brand_id)
        .bind(now)
        .fetch_all(pool)
        .await?;
        let items = sqlx::query_as(
            "SELECT id, name FROM items WHERE brand_id = $1 AND active = TRUE ORDER BY name, id",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await?;
        (parties, items)
    });
    Ok(super::OffersPage {
        offers: offers(db, brand_id).await?,
        parties,
        items,
    })
}

/// The brand's offers, newest first.
async fn offers(db: &Db, brand_id: i64) -> Result<Vec<OfferRow>, AppError> {
    type Row = (
        i64,
        Option<String>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
        Option<String>,
        String,
        i64,
        String,
    );
    let rows: Vec<Row> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
        "SELECT o.id, e.title, o.period_from, o.period_to, i.name, o.rule, o.credit_cents, b.currency
         FROM prize_offers o JOIN brands b ON b.id = o.brand_id
         LEFT JOIN events e ON e.id = o.event_id LEFT JOIN items i ON i.id = o.item_id
         WHERE o.brand_id = $1 ORDER BY o.id DESC"
    )
    .bind(brand_id)
    .fetch_all(pool)
    .await
    })?;
    let lang = page_lang();
    let day = |t: DateTime<Utc>| fmt::date_long(lang, t, chrono_tz::Europe::Paris);
    Ok(rows
        .into_iter()
        .map(
            |(id, title, from, to, item, rule, credit, currency)| OfferRow {
                id,
                scope: match (title, from, to) {
                    (Some(t), ..) => t,
                    (None, Some(f), Some(t)) => tr!(lang, DRAW_PERIOD, from = day(f), to = day(t)),
                    _ => String::new(),
                },
                prize: prize_words(lang, item, credit, &currency),
                rule: if rule == "bought" {
                    tr!(lang, DRAW_RULE_BOUGHT)
                } else {
                    tr!(lang, DRAW_RULE_YES)
                },
            },
        )
        .collect())
}

/// An offer as checked: its party or period, its prize, its rule.
struct Checked {
    event_id: Option<i64>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    item_id: Option<i64>,
    credit_cents: i64,
    rule: String,
}

/// The offer form's every mistake at once: a party or a period, an item
/// or an amount of credit (at most 1,000 in the brand's currency), a rule.
fn checked(form: &OfferForm, currency: Currency) -> Result<Checked, AppError> {
    let lang = page_lang();
    let mut m = Mistakes::default();
    let event_id: Option<i64> = form.event_id.trim().parse().ok();
    let day = |raw: &str| chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok();
    let (from, to) = (day(&form.period_from), day(&form.period_to));
    let period = match (event_id, from, to) {
        (Some(_), ..) => None,
        (None, Some(f), Some(t)) if f <= t => Some((f, t)),
        _ => {
            m.note("period_from", tr!(lang, DRAW_ERROR_SCOPE));
            None
        }
    };
    let credit = form.prize_kind == "credit";
    let item_id: Option<i64> = form.item_id.trim().parse().ok();
    if !credit && item_id.is_none() {
        m.note("item_id", tr!(lang, DRAW_ERROR_ITEM));
    }
    let credit_cents = if credit {
        match crate::base::money::parse_cents(&form.credit, "credit", currency) {
            Ok(c) if (1..=CREDIT_MAX_CENTS).contains(&c) => c,
            _ => {
                let most = fmt::money(lang, Money::new(CREDIT_MAX_CENTS, currency));
                m.note("credit", tr!(lang, DRAW_ERROR_CREDIT, most = most));
                0
            }
        }
    } else {
        0
    };
    let rule = match form.rule.as_str() {
        "yes" | "bought" => form.rule.clone(),
        _ => {
            m.note("rule", tr!(lang, DRAW_ERROR_RULE));
            String::new()
        }
    };
    m.finish()?;
    let midnight = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    let (from, to) = match period {
        Some((f, t)) => (midnight(f), midnight(t + chrono::Duration::days(1))),
        None => (None, None),
    };
    Ok(Checked {
        event_id,
        from,
        to,
        item_id: if credit { None } else { item_id },
        credit_cents,
        rule,
    })
}

/// The most credit a drawing gives: 1,000 in the brand's currency.
const CREDIT_MAX_CENTS: i64 = 100_000;

/// Stores a new offer of the brand (see [`checked`]): a party of the
/// brand or a period, an active item of the brand or credit, a rule.
pub async fn create_offer(
    db: &Db,
    brand_id: i64,
    form: &OfferForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let currency: String = on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT currency FROM brands WHERE id = $1"
    )
    .bind(brand_id)
    .fetch_one(pool)
    .await)?;
    let o = checked(form, Currency::of_db(&currency))?;
    let (ours_event, ours_item): (i64, i64) = on_db!(db.reader(), |pool| sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM events WHERE id = $1 AND brand_id = $3),
                (SELECT COUNT(*) FROM items WHERE id = $2 AND brand_id = $3 AND active = TRUE)"
    )
    .bind(o.event_id.unwrap_or(0))
    .bind(o.item_id.unwrap_or(0))
    .bind(brand_id)
    .fetch_one(pool)
    .await)?;
    if (o.event_id.is_some() && ours_event == 0) || (o.item_id.is_some() && ours_item == 0) {
        return Err(AppError::NotFound);
    }
    Ok(on_db!(db.writer(), |pool| {
        sqlx::query_scalar(
        "INSERT INTO prize_offers (brand_id, event_id, period_from, period_to, prize_kind, item_id, credit_cents, rule, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
    )
    .bind(brand_id)
    .bind(o.event_id)
    .bind(o.from)
    .bind(o.to)
    .bind(if o.item_id.is_some() { "item" } else { "credit" })
    .bind(o.item_id)
    .bind(o.credit_cents)
    .bind(&o.rule)
    .bind(now)
    .fetch_one(pool)
    .await
    })?)
}
