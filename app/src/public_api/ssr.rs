//! The read-only JSON API under `/api/v1`, for the brand's BI tools: API
//! keys (only their SHA-256 is stored), cursor pagination by id, and the
//! OpenAPI document that describes it.

use axum::{
    extract::{Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use super::ApiKey;
use crate::{
    base::{db::Db, error::AppError, order::OrderStatus, state::AppState, tokens::hash_token},
    exports::ssr::iso,
    insights::{domain::PeriodQuery, period::Period},
    on_db,
};

/// Page sizes.
pub const DEFAULT_LIMIT: i64 = 100;
pub const MAX_LIMIT: i64 = 500;
/// How a key starts; the rest is 256 random bits.
pub const KEY_PREFIX: &str = "soiree_";

/// A new key: (the key, shown once; what is stored of it).
pub fn new_key() -> (String, String) {
    let raw = format!("{KEY_PREFIX}{}", crate::base::tokens::random_token());
    let hash = hash_token(&raw);
    (raw, hash)
}

/// Creates a key named `name` for the brand; returns the key (shown once).
pub async fn create_key(
    db: &Db,
    brand_id: i64,
    admin_id: i64,
    name: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid(
            "name",
            tr!(crate::base::l10n::page_lang(), APIKEY_ERROR_NAME),
        ));
    }
    if name.chars().count() > 60 {
        return Err(AppError::invalid(
            "name",
            tr!(
                crate::base::l10n::page_lang(),
                APIKEY_ERROR_NAME_LONG,
                max = 60
            ),
        ));
    }
    let (raw, hash) = new_key();
    let shown: String = raw.chars().take(KEY_PREFIX.len() + 6).collect();
    on_db!(db.writer(), |pool| {
        sqlx::query(
            "INSERT INTO api_keys (brand_id, name, key_prefix, key_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(brand_id)
        .bind(name)
        .bind(&shown)
        .bind(&hash)
        .bind(admin_id)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(raw)
}

/// Revokes a key of the brand (404 for any other).
pub async fn revoke_key(
    db: &Db,
    brand_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let moved = on_db!(db.writer(), |pool| {
        sqlx::query(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND brand_id = $3",
        )
        .bind(now)
        .bind(id)
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

type KeyRow = (
    i64,
    String,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

/// The brand's keys, newest first.
pub async fn keys(db: &Db, brand_id: i64) -> Result<Vec<ApiKey>, AppError> {
    let tz = crate::base::brand::ssr::zone(db, brand_id).await?;
    let rows: Vec<KeyRow> = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, name, key_prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE brand_id = $1 ORDER BY id DESC",
        )
        .bind(brand_id)
        .fetch_all(pool)
        .await
    })?;
    let lang = crate::base::l10n::page_lang();
    let show = |t: DateTime<Utc>| crate::base::l10n::fmt::datetime_medium(lang, t, tz);
    Ok(rows
        .into_iter()
        .map(|(id, name, prefix, created, used, revoked)| ApiKey {
            id,
            name,
            prefix,
            created: show(created),
            last_used: used.map(show),
            revoked: revoked.map(show),
        })
        .collect())
}

/// An API error: status, a stable code and a message saying what to fix.
struct ApiError(StatusCode, &'static str, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (
            self.0,
            Json(json!({ "error": { "code": self.1, "message": self.2 } })),
        )
            .into_response();
        if self.0 == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        res
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Invalid { field, message, .. } => ApiError(
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                format!("{field}: {message}"),
            ),
            AppError::NotFound => ApiError(StatusCode::NOT_FOUND, "not_found", e.to_string()),
            _ => {
                tracing::error!(error = ?e, "API request failed");
                ApiError(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Something went wrong on our side; try again in a moment.".into(),
                )
            }
        }
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// The brand of a valid, unrevoked key in `Authorization: Bearer …`.
async fn brand_of_key(db: &Db, headers: &HeaderMap, now: DateTime<Utc>) -> Result<i64, ApiError> {
    let refuse = |m: &str| ApiError(StatusCode::UNAUTHORIZED, "unauthorized", m.to_owned());
    let raw = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(|| refuse("Send your API key as `Authorization: Bearer <key>`."))?;
    let found: Option<(i64, i64, Option<DateTime<Utc>>)> = on_db!(db.reader(), |pool| {
        sqlx::query_as("SELECT id, brand_id, revoked_at FROM api_keys WHERE key_hash = $1")
            .bind(hash_token(raw))
            .fetch_optional(pool)
            .await
    })
    .map_err(AppError::from)?;
    match found {
        Some((id, brand, None)) => {
            // Note the use at most once a minute: reads stay reads.
            on_db!(db.writer(), |pool| {
                sqlx::query(
                    "UPDATE api_keys SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
                )
                .bind(now)
                .bind(id)
                .bind(now - Duration::minutes(1))
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
            })
            .map_err(AppError::from)?;
            Ok(brand)
        }
        Some((_, _, Some(_))) => Err(refuse(
            "This API key was revoked. Ask the brand admin for a new one.",
        )),
        None => Err(refuse("This API key is not valid.")),
    }
}

/// `limit` and `cursor` (an opaque string; here the last id seen, encoded).
#[derive(Debug, Default, Deserialize)]
pub struct Page {
    pub limit: Option<String>,
    pub cursor: Option<String>,
    /// Days (YYYY-MM-DD, in the brand's time zone) to filter on, both included.
    pub from: Option<String>,
    pub to: Option<String>,
    /// For /performance: month, quarter or custom.
    pub period: Option<String>,
}

fn encode_cursor(id: i64) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("after:{id}"))
}

fn decode_cursor(raw: &str) -> Option<i64> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(raw)
        .ok()?;
    String::from_utf8(bytes)
        .ok()?
        .strip_prefix("after:")?
        .parse()
        .ok()
}

impl Page {
    fn limit(&self) -> Result<i64, ApiError> {
        match self.limit.as_deref() {
            None | Some("") => Ok(DEFAULT_LIMIT),
            Some(raw) => raw
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or_else(|| {
                    ApiError(
                        StatusCode::BAD_REQUEST,
                        "invalid_parameter",
                        format!("limit: give a whole number from 1 to {MAX_LIMIT}."),
                    )
                }),
        }
    }

    fn after(&self) -> Result<i64, ApiError> {
        match self.cursor.as_deref() {
            None | Some("") => Ok(0),
            Some(raw) => decode_cursor(raw).ok_or_else(|| {
                ApiError(
                    StatusCode::BAD_REQUEST,
                    "invalid_parameter",
                    "cursor: pass the next_cursor of the previous page as it came.".into(),
                )
            }),
        }
    }

    /// The days asked for, as instants; all of time when none.
    async fn range(
        &self,
        db: &Db,
        brand_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, DateTime<Utc>), ApiError> {
        let (from, to) = (
            self.from.clone().unwrap_or_default(),
            self.to.clone().unwrap_or_default(),
        );
        if from.is_empty() && to.is_empty() {
            // Bounds both engines store and compare (SQLite compares text).
            let (start, end) = (
                Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).single(),
                Utc.with_ymd_and_hms(9999, 12, 31, 0, 0, 0).single(),
            );
            return Ok((start.unwrap_or(now), end.unwrap_or(now)));
        }
        let p = self.period(db, brand_id, now, "custom").await?;
        Ok((p.from, p.to))
    }

    async fn period(
        &self,
        db: &Db,
        brand_id: i64,
        now: DateTime<Utc>,
        default: &str,
    ) -> Result<Period, ApiError> {
        let tz = crate::base::brand::ssr::zone(db, brand_id).await?;
        let q = PeriodQuery {
            period: self
                .period
                .clone()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| default.to_owned()),
            from: self.from.clone().unwrap_or_default(),
            to: self.to.clone().unwrap_or_default(),
        };
        // The API speaks English, whatever the caller's language.
        Ok(Period::resolve(
            &q,
            now.with_timezone(&tz).date_naive(),
            tz,
            crate::base::l10n::Lang::En,
        )?)
    }
}

/// `{ data, next_cursor }`: the cursor is null on the last page.
fn paged(data: Vec<Value>, ids: Vec<i64>, limit: i64) -> Json<Value> {
    let next = (ids.len() as i64 == limit)
        .then(|| ids.last().copied())
        .flatten()
        .map(encode_cursor);
    Json(json!({ "data": data, "next_cursor": next }))
}

fn ts(t: Option<DateTime<Utc>>) -> Value {
    t.map(|t| Value::String(iso(t))).unwrap_or(Value::Null)
}

/// What every list call starts with: the key's brand, the page, the days.
struct Call {
    brand: i64,
    limit: i64,
    after: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
}

async fn call(db: &Db, headers: &HeaderMap, page: &Page) -> Result<Call, ApiError> {
    let now = Utc::now();
    let brand = brand_of_key(db, headers, now).await?;
    let (limit, after) = (page.limit()?, page.after()?);
    let (from, to) = page.range(db, brand, now).await?;
    Ok(Call {
        brand,
        limit,
        after,
        from,
        to,
        now,
    })
}

async fn hosts(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> ApiResult {
    let Call {
        brand,
        limit,
        after,
        ..
    } = call(&state.db, &headers, &page).await?;
    type Row = (
        i64,
        String,
        String,
        String,
        DateTime<Utc>,
        String,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = on_db!(state.db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, display_name, email, city, created_at, joined_via, suspended_at FROM users
             WHERE brand_id = $1 AND role = 'host' AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(brand)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
    .map_err(AppError::from)?;
    let ids = rows.iter().map(|r| r.0).collect();
    let data = rows
        .into_iter()
        .map(|(id, name, email, city, joined, via, suspended)| {
            json!({ "id": id, "name": name, "email": email, "city": city, "joined_at": iso(joined),
                    "joined_via": via, "suspended": suspended.is_some() })
        })
        .collect();
    Ok(paged(data, ids, limit))
}

async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> ApiResult {
    let Call {
        brand,
        limit,
        after,
        from,
        to,
        ..
    } = call(&state.db, &headers, &page).await?;
    type Row = (
        i64,
        String,
        i64,
        DateTime<Utc>,
        DateTime<Utc>,
        String,
        String,
        i64,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = on_db!(state.db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, title, host_id, starts_at, ends_at, time_zone, kind, capacity, orders_close_at, cancelled_at, closed_at
             FROM events WHERE brand_id = $1 AND id > $2 AND starts_at >= $3 AND starts_at < $4 ORDER BY id LIMIT $5",
        )
        .bind(brand)
        .bind(after)
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
    .map_err(AppError::from)?;
    let ids = rows.iter().map(|r| r.0).collect();
    let data = rows
        .into_iter()
        .map(|(id, title, host, starts, ends, zone, kind, capacity, close, cancelled, closed)| {
            json!({ "id": id, "title": title, "host_id": host, "starts_at": iso(starts), "ends_at": iso(ends),
                    "time_zone": zone, "kind": kind, "capacity": capacity, "orders_close_at": iso(close),
                    "cancelled_at": ts(cancelled), "closed_at": ts(closed) })
        })
        .collect();
    Ok(paged(data, ids, limit))
}

async fn orders(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> ApiResult {
    let Call {
        brand,
        limit,
        after,
        from,
        to,
        ..
    } = call(&state.db, &headers, &page).await?;
    type Row = (
        i64,
        i64,
        Option<i64>,
        DateTime<Utc>,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        i64,
        String,
    );
    let rows: Vec<Row> = on_db!(state.db.reader(), |pool| {
        sqlx::query_as(
            "SELECT id, event_id, host_id, placed_at, status, kind, customer_name, customer_email,
                    merchandise_cents, shipping_cents, discount_cents, total_cents, currency
             FROM orders WHERE brand_id = $1 AND id > $2 AND placed_at >= $3 AND placed_at < $4 ORDER BY id LIMIT $5",
        )
        .bind(brand)
        .bind(after)
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
    .map_err(AppError::from)?;
    let ids = rows.iter().map(|r| r.0).collect();
    let data = rows
        .into_iter()
        .map(|(id, event, host, at, status, kind, name, email, m, s, d, t, currency)| {
            json!({ "id": id, "event_id": event, "host_id": host, "placed_at": iso(at), "status": status,
                    "kind": kind, "customer_name": name, "customer_email": email,
                    "merchandise_cents": m, "shipping_cents": s, "discount_cents": d, "total_cents": t,
                    "currency": currency })
        })
        .collect();
    Ok(paged(data, ids, limit))
}

/// The brand's items with their buyers' published ratings.
async fn items(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> ApiResult {
    let Call {
        brand,
        limit,
        after,
        ..
    } = call(&state.db, &headers, &page).await?;
    type Row = (
        i64,
        String,
        String,
        String,
        i64,
        i64,
        bool,
        i64,
        i64,
        String,
    );
    let rows: Vec<Row> = on_db!(state.db.reader(), |pool| {
        sqlx::query_as(
            "SELECT i.id, i.sku, i.name, i.category, i.price_cents, i.stock, i.active,
                    i.rating_count, i.rating_sum, b.currency
             FROM items i JOIN brands b ON b.id = i.brand_id
             WHERE i.brand_id = $1 AND i.id > $2 ORDER BY i.id LIMIT $3",
        )
        .bind(brand)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
    .map_err(AppError::from)?;
    let ids = rows.iter().map(|r| r.0).collect();
    let data = rows
        .into_iter()
        .map(|(id, sku, name, category, price, stock, active, count, sum, currency)| {
            let rating = crate::base::items::Rating { count, sum };
            let average = rating
                .tenths()
                .map(|t| json!(t as f64 / 10.0))
                .unwrap_or(Value::Null);
            json!({ "id": id, "sku": sku, "name": name, "category": category, "price_cents": price,
                    "currency": currency, "stock": stock, "active": active,
                    "rating_count": count, "rating_average": average })
        })
        .collect();
    Ok(paged(data, ids, limit))
}

async fn performance(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> ApiResult {
    use crate::insights::{
        domain::{leaderboard, SortBy, Totals},
        ssr::{event_figures, scope},
    };
    let Call {
        brand,
        limit,
        after,
        now,
        ..
    } = call(&state.db, &headers, &page).await?;
    let p = page.period(&state.db, brand, now, "month").await?;
    let (this, _) = scope(brand, &p, now, None);
    let figures = event_figures(&state.db, this).await?;
    let totals = Totals::of(&figures);
    let currency = crate::base::brand::ssr::currency(&state.db, brand).await?;
    let mut board = leaderboard(&figures, SortBy::Revenue);
    board.sort_by_key(|r| r.host_id);
    let rows: Vec<_> = board
        .into_iter()
        .filter(|r| r.host_id > after)
        .take(limit as usize)
        .collect();
    let ids = rows.iter().map(|r| r.host_id).collect();
    let data = rows
        .into_iter()
        .map(|r| {
            json!({ "host_id": r.host_id, "name": r.name, "events": r.events, "invited": r.invited,
                    "buying_guests": r.buyers, "orders": r.orders, "revenue_cents": r.revenue_cents,
                    "conversion_bp": r.conversion_bp, "average_order_cents": r.average_order_cents,
                    "bookings": r.bookings })
        })
        .collect();
    let Json(mut body) = paged(data, ids, limit);
    body["period"] =
        json!({ "first_day": p.first_day.to_string(), "last_day": p.last_day.to_string() });
    body["totals"] = json!({
        "events": totals.events, "invited": totals.invited, "answered": totals.answered, "rsvp_yes": totals.yes,
        "buying_guests": totals.buyers, "orders": totals.orders, "revenue_cents": totals.revenue_cents,
        "average_order_cents": totals.average_order_cents(), "reward_credit_cents": totals.reward_cents,
        "bookings": totals.bookings, "currency": currency.code()
    });
    Ok(Json(body))
}

async fn openapi() -> Json<Value> {
    Json(openapi_document())
}

/// The `/api/v1` routes.
pub fn router<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/hosts", get(hosts))
        .route("/api/v1/events", get(events))
        .route("/api/v1/orders", get(orders))
        .route("/api/v1/items", get(items))
        .route("/api/v1/performance", get(performance))
        .with_state(state)
}

fn int() -> Value {
    json!({ "type": "integer", "format": "int64" })
}
fn text() -> Value {
    json!({ "type": "string" })
}
fn time() -> Value {
    json!({ "type": "string", "format": "date-time" })
}
fn nullable(mut v: Value) -> Value {
    v["nullable"] = json!(true);
    v
}
fn object(props: Vec<(&str, Value)>) -> Value {
    let required: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    let properties: serde_json::Map<String, Value> =
        props.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    json!({ "type": "object", "additionalProperties": false, "required": required, "properties": properties })
}
fn page_of(item: &str) -> Value {
    object(vec![
        (
            "data",
            json!({ "type": "array", "items": { "$ref": format!("#/components/schemas/{item}") } }),
        ),
        ("next_cursor", nullable(text())),
    ])
}

fn list_path(summary: &str, page: &str, with_days: bool) -> Value {
    let mut params = vec![
        json!({ "$ref": "#/components/parameters/limit" }),
        json!({ "$ref": "#/components/parameters/cursor" }),
    ];
    if with_days {
        params.push(json!({ "$ref": "#/components/parameters/from" }));
        params.push(json!({ "$ref": "#/components/parameters/to" }));
    }
    json!({ "get": {
        "summary": summary,
        "security": [{ "apiKey": [] }],
        "parameters": params,
        "responses": {
            "200": { "description": "A page", "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{page}") } } } },
            "400": { "$ref": "#/components/responses/BadRequest" },
            "401": { "$ref": "#/components/responses/Unauthorized" }
        }
    }})
}

/// The OpenAPI 3.0 document of `/api/v1`.
pub fn openapi_document() -> Value {
    let day = |name: &str, about: &str| {
        json!({ "name": name, "in": "query", "required": false, "description": about,
                "schema": { "type": "string", "format": "date" } })
    };
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Soirée read-only API",
            "version": "1.0.0",
            "description": "Hosts, parties, orders, items with their ratings and host performance of one brand, for BI tools. Authenticate with an API key the brand admin creates under Exports → API keys, sent as `Authorization: Bearer <key>`. Lists are ordered by id and paged: pass `next_cursor` back as `cursor` until it is null. Amounts are integer minor units (cents, pence, centimes) in the brand's currency, named by each `currency` field (EUR, GBP or CHF); times are ISO 8601 in UTC."
        },
        "servers": [{ "url": "/api/v1" }],
        "paths": {
            "/hosts": list_path("The brand's hosts", "HostPage", false),
            "/events": list_path("The brand's parties, by start day", "EventPage", true),
            "/orders": list_path("The brand's orders, by day placed", "OrderPage", true),
            "/items": list_path("The brand's items, with their buyers' published ratings", "ItemPage", false),
            "/performance": performance_path()
        },
        "components": {
            "securitySchemes": { "apiKey": { "type": "http", "scheme": "bearer" } },
            "parameters": {
                "limit": { "name": "limit", "in": "query", "required": false, "description": "Items per page, 1 to 500 (default 100)",
                           "schema": { "type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT } },
                "cursor": { "name": "cursor", "in": "query", "required": false, "description": "The next_cursor of the previous page",
                            "schema": { "type": "string" } },
                "from": day("from", "First day (YYYY-MM-DD, the brand's time zone), with to"),
                "to": day("to", "Last day, included")
            },
            "responses": {
                "BadRequest": { "description": "A parameter is wrong; the message says which and how", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                "Unauthorized": { "description": "No key, an unknown key or a revoked key", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            },
            "schemas": schemas()
        }
    })
}

/// The `/performance` path: a list with its period.
fn performance_path() -> Value {
    let mut performance_path =
        list_path("Performance per host for a period", "PerformancePage", true);
    performance_path["get"]["parameters"]
        .as_array_mut()
        .expect("a list")
        .push(json!({ "name": "period", "in": "query", "required": false,
                      "description": "month (this month, the default), quarter (the last 3 months) or custom (with from and to)",
                      "schema": { "type": "string", "enum": ["month", "quarter", "custom"] } }));
    performance_path
}

/// The schema of an item with its rating.
fn item_schema() -> Value {
    object(vec![
        ("id", int()),
        ("sku", text()),
        ("name", text()),
        ("category", text()),
        ("price_cents", int()),
        ("currency", text()),
        ("stock", int()),
        ("active", json!({ "type": "boolean" })),
        ("rating_count", int()),
        (
            "rating_average",
            nullable(json!({ "type": "number", "minimum": 1, "maximum": 5 })),
        ),
    ])
}

/// The document's schemas: hosts, parties, orders, performance, their
/// pages and the error.
fn schemas() -> Value {
    let host = object(vec![
        ("id", int()),
        ("name", text()),
        ("email", text()),
        ("city", text()),
        ("joined_at", time()),
        (
            "joined_via",
            json!({ "type": "string", "enum": ["seed", "application", "booking", "invitation"] }),
        ),
        ("suspended", json!({ "type": "boolean" })),
    ]);
    let event = object(vec![
        ("id", int()),
        ("title", text()),
        ("host_id", int()),
        ("starts_at", time()),
        ("ends_at", time()),
        ("time_zone", text()),
        (
            "kind",
            json!({ "type": "string", "enum": ["in_person", "online"] }),
        ),
        ("capacity", int()),
        ("orders_close_at", time()),
        ("cancelled_at", nullable(time())),
        ("closed_at", nullable(time())),
    ]);
    let order = object(vec![
        ("id", int()),
        ("event_id", int()),
        ("host_id", nullable(int())),
        ("placed_at", time()),
        (
            "status",
            json!({ "type": "string", "enum": OrderStatus::ALL.map(OrderStatus::as_db) }),
        ),
        (
            "kind",
            json!({ "type": "string", "enum": ["guest", "host_reward"] }),
        ),
        ("customer_name", text()),
        ("customer_email", text()),
        ("merchandise_cents", int()),
        ("shipping_cents", int()),
        ("discount_cents", int()),
        ("total_cents", int()),
        ("currency", text()),
    ]);
    let host_performance = object(vec![
        ("host_id", int()),
        ("name", text()),
        ("events", int()),
        ("invited", int()),
        ("buying_guests", int()),
        ("orders", int()),
        ("revenue_cents", int()),
        ("conversion_bp", int()),
        ("average_order_cents", int()),
        ("bookings", int()),
    ]);
    let mut performance_page = page_of("HostPerformance");
    performance_page["required"] = json!(["data", "next_cursor", "period", "totals"]);
    performance_page["properties"]["period"] = object(vec![
        ("first_day", json!({ "type": "string", "format": "date" })),
        ("last_day", json!({ "type": "string", "format": "date" })),
    ]);
    performance_page["properties"]["totals"] = object(vec![
        ("events", int()),
        ("invited", int()),
        ("answered", int()),
        ("rsvp_yes", int()),
        ("buying_guests", int()),
        ("orders", int()),
        ("revenue_cents", int()),
        ("average_order_cents", int()),
        ("reward_credit_cents", int()),
        ("bookings", int()),
        ("currency", text()),
    ]);
    let error = object(vec![(
        "error",
        object(vec![("code", text()), ("message", text())]),
    )]);
    json!({
        "Host": host,
        "Event": event,
        "Order": order,
        "Item": item_schema(),
        "ItemPage": page_of("Item"),
        "HostPerformance": host_performance,
        "HostPage": page_of("Host"),
        "EventPage": page_of("Event"),
        "OrderPage": page_of("Order"),
        "PerformancePage": performance_page,
        "Error": error
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_junk() {
        assert_eq!(decode_cursor(&encode_cursor(42)), Some(42));
        assert_eq!(decode_cursor("junk"), None);
        assert_eq!(decode_cursor(""), None);
        let (key, hash) = new_key();
        assert!(key.starts_with(KEY_PREFIX) && key.len() > 40);
        assert_eq!(hash, hash_token(&key));
    }
}
