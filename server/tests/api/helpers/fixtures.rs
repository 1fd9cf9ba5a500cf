//! Setup the tests share: parties and their guests, invitations, carts and
//! orders, credit, kits, other brands and the brand's settings, and the forms
//! that make them.

use app::on_db;
use chrono::{DateTime, Duration, Utc};
use reqwest::{multipart::Form, StatusCode};

use super::{
    post,
    rows::{invitation_links, items_in_stock, order_with_code},
    TestApp, ADMIN, HOST, KEY, OTHER_HOST,
};

// Parties and guests.

/// A valid event form a week ahead, with `changes` applied, as form fields.
pub fn event_form(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let start = Utc::now() + Duration::days(7);
    let day = start.format("%Y-%m-%d").to_string();
    let mut fields = vec![
        ("title", "Candle evening".to_owned()),
        ("description", "Scents for winter".to_owned()),
        ("starts_at", format!("{day}T19:00")),
        ("ends_at", format!("{day}T22:00")),
        ("time_zone", "Europe/Paris".to_owned()),
        ("kind", "in_person".to_owned()),
        ("address", "3 rue des Lilas, Lyon".to_owned()),
        ("video_url", String::new()),
        ("capacity", "12".to_owned()),
        ("orders_close_at", String::new()),
        ("language", String::new()),
    ];
    for (key, value) in changes {
        fields
            .iter_mut()
            .find(|(k, _)| k == key)
            .expect("a form field")
            .1 = (*value).to_owned();
    }
    fields
        .into_iter()
        .map(|(k, v)| (format!("form[{k}]"), v))
        .collect()
}

/// Sends the event form, with `changes`, as `client`.
pub async fn create_event(
    app: &TestApp,
    client: &reqwest::Client,
    changes: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url("/api/create_event"))
        .form(&event_form(changes))
        .send()
        .await
        .unwrap()
}

/// Pastes a guest list, one guest a line, into `event_id` as `client`.
pub async fn paste_guests(
    app: &TestApp,
    client: &reqwest::Client,
    event_id: i64,
    text: &str,
) -> reqwest::Response {
    client
        .post(app.url("/api/add_guests"))
        .form(&[
            ("event_id", event_id.to_string()),
            ("text", text.to_owned()),
        ])
        .send()
        .await
        .unwrap()
}

/// Creates an event of `capacity`, invites the pasted guests and returns
/// (event id, each guest's link token in list order).
pub async fn invited(app: &TestApp, capacity: &str, guests: &str) -> (i64, Vec<String>) {
    app.seed().await;
    invited_to(app, &[("capacity", capacity)], guests).await
}

/// Like [`invited`] on data already seeded, with the event form's `changes`.
pub async fn invited_to(
    app: &TestApp,
    changes: &[(&str, &str)],
    guests: &str,
) -> (i64, Vec<String>) {
    app.login(HOST.0, HOST.1).await;
    let event: i64 = create_event(app, &app.client, changes)
        .await
        .json()
        .await
        .unwrap();
    paste_guests(app, &app.client, event, guests).await;
    post(
        app,
        &app.client,
        "/api/send_invitations",
        &[("event_id", event.to_string())],
    )
    .await;
    let tokens = invitation_links(app)
        .await
        .into_iter()
        .map(|(_, _, nonce, _)| app::invitations::invite::token(KEY, nonce.as_deref().unwrap()))
        .collect();
    (event, tokens)
}

/// The guest of `token` answers `rsvp` (yes, maybe, no), alone.
pub async fn answer_rsvp(app: &TestApp, token: &str, rsvp: &str) {
    let res = post(
        app,
        &app.new_client(),
        "/api/answer_invitation",
        &[
            ("token", token.to_owned()),
            ("rsvp", rsvp.into()),
            ("companions", "0".into()),
            ("note", String::new()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
}

/// An event with `items` featured and one invited guest per line of
/// `guests`; returns (event, item ids, guest tokens).
pub async fn party(app: &TestApp, guests: &str, items: i64) -> (i64, Vec<i64>, Vec<String>) {
    let (event, tokens) = invited(app, "50", guests).await;
    let ids = feature_items(app, event, items).await;
    (event, ids, tokens)
}

/// Features `count` items in stock on `event` as its host (signed in on
/// the app's client); returns their ids.
pub async fn feature_items(app: &TestApp, event: i64, count: i64) -> Vec<i64> {
    let ids = items_in_stock(app, count).await;
    for id in &ids {
        let res = post(
            app,
            &app.client,
            "/api/add_featured",
            &[("event_id", event.to_string()), ("item_id", id.to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    ids
}

/// Turns on the share link of `event`; returns its slug.
pub async fn turn_sharing_on(app: &TestApp, event: i64) -> String {
    on_db!(app.db.writer(), |pool| sqlx::query_scalar(
        "UPDATE events SET share_enabled = TRUE WHERE id = $1 RETURNING share_slug"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// A party Hugo held from two hours to one hour before `now`, booked from
/// `origin`.
pub async fn booked_party(app: &TestApp, origin: i64, title: &str, now: DateTime<Utc>) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO events (brand_id, host_id, title, description, starts_at, ends_at, time_zone, kind, address,
            capacity, orders_close_at, created_at, updated_at, booked_from_event_id)
         SELECT e.brand_id, u.id, $1, '', $2, $3, 'Europe/Paris', 'in_person', '1 rue X', 10, $4, $5, $5, e.id
         FROM events e, users u WHERE e.id = $6 AND u.email = $7"
    )
    .bind(title)
    .bind(now - Duration::hours(2))
    .bind(now - Duration::hours(1))
    .bind(now + Duration::days(5))
    .bind(now)
    .bind(origin)
    .bind(OTHER_HOST.0)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// The app settings the test server runs with.
pub fn test_config() -> app::base::state::AppConfig {
    app::base::state::AppConfig {
        public_url: "http://127.0.0.1".parse().unwrap(),
        session_secure: false,
        mail: app::base::mail::MailIdentity {
            from: "Soirée <no-reply@soiree.test>".parse().unwrap(),
            message_id_host: "soiree.test".into(),
        },
        signing_key: app::base::state::SigningKey(std::sync::Arc::new(KEY.to_vec())),
        media: app::base::media::MediaStore::folder(std::env::temp_dir().join("soiree-test-media"))
            .expect("a media folder"),
        stripe_api_base: app::base::stripe::DEFAULT_API_BASE.into(),
        stripe_js_url: app::base::stripe::DEFAULT_JS_URL.into(),
        outbound: app::base::network::Outbound {
            allow_loopback: true,
        },
    }
}

// Carts and orders.

/// The guest with link `token` puts `quantity` of `item` in their cart.
pub async fn add_to_cart(
    app: &TestApp,
    token: &str,
    item: i64,
    quantity: i64,
) -> reqwest::Response {
    post(
        app,
        &app.new_client(),
        "/api/add_to_cart",
        &[
            ("token", token.to_owned()),
            ("slug", String::new()),
            ("item_id", item.to_string()),
            ("quantity", quantity.to_string()),
        ],
    )
    .await
}

/// A visitor of the share link `slug` (a new client) puts one `item` in
/// their cart and checks out as `email` for delivery to the host.
pub async fn visitor_orders(
    app: &TestApp,
    slug: &str,
    item: i64,
    email: &str,
) -> reqwest::Response {
    let visitor = app.new_client();
    let add = [
        ("token", String::new()),
        ("slug", slug.to_owned()),
        ("item_id", item.to_string()),
        ("quantity", "1".into()),
    ];
    let res = post(app, &visitor, "/api/add_to_cart", &add).await;
    assert_eq!(res.status(), StatusCode::OK);
    let mut form = checkout_form("", &format!("visit-0123456789abcdef-{email}"), "host");
    for (k, v) in form.iter_mut() {
        match *k {
            "slug" => *v = slug.to_owned(),
            "form[email]" => *v = email.to_owned(),
            _ => {}
        }
    }
    place_order(app, &visitor, &form).await
}

/// A valid checkout form for Ana, with idempotency `key` and `delivery`.
pub fn checkout_form(token: &str, key: &str, delivery: &str) -> Vec<(&'static str, String)> {
    vec![
        ("token", token.to_owned()),
        ("slug", String::new()),
        ("form[name]", "Ana Lima".into()),
        ("form[email]", "ana@example.com".into()),
        ("form[delivery]", delivery.into()),
        ("form[address]", "12 rue des Fleurs, 69001 Lyon".into()),
        ("form[idempotency_key]", key.into()),
    ]
}

/// Sends a checkout form as `client`.
pub async fn place_order(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&str, String)],
) -> reqwest::Response {
    post(app, client, "/api/place_order", form).await
}

/// Moves `order` to `status` as `client`, with a carrier and tracking number
/// for shipping.
pub async fn set_order_status(
    app: &TestApp,
    client: &reqwest::Client,
    order: i64,
    status: &str,
    carrier: &str,
    number: &str,
) -> reqwest::Response {
    post(
        app,
        client,
        "/api/set_order_status",
        &[
            ("id", order.to_string()),
            ("status", status.to_owned()),
            ("carrier", carrier.to_owned()),
            ("tracking_number", number.to_owned()),
        ],
    )
    .await
}

/// Each guest (Ana, Ben, Chloé, in that order) orders `quantity` of `item`
/// for delivery to the host; returns the order ids.
pub async fn orders_from(app: &TestApp, tokens: &[String], item: i64, quantity: i64) -> Vec<i64> {
    let emails = ["ana@example.com", "ben@example.com", "chloe@example.com"];
    let mut ids = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        assert_eq!(
            add_to_cart(app, token, item, quantity).await.status(),
            StatusCode::OK
        );
        let form = vec![
            ("token", token.clone()),
            ("slug", String::new()),
            ("form[name]", format!("Guest {i}")),
            ("form[email]", emails[i].to_owned()),
            ("form[delivery]", "host".to_owned()),
            ("form[address]", String::new()),
            (
                "form[idempotency_key]",
                format!("key-{i}-0123456789abcdef-{token}"),
            ),
        ];
        let res = place_order(app, &app.new_client(), &form).await;
        assert_eq!(res.status(), StatusCode::OK);
        let code: String = res.json().await.unwrap();
        ids.push(order_with_code(app, &code).await);
    }
    ids
}

/// A bare order of `cents` at `event`, with no lines, placed now.
pub async fn bare_order(app: &TestApp, brand: i64, event: i64, status: &str, cents: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO orders (brand_id, event_id, customer_name, customer_email, status, merchandise_cents, shipping_cents, total_cents, placed_at, updated_at)
         VALUES ($1, $2, 'X', 'x@example.com', $3, $4, 0, $4, $5, $5)"
    )
    .bind(brand)
    .bind(event)
    .bind(status)
    .bind(cents)
    .bind(Utc::now())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Gives the host of `event` `credit` cents and `items` half-price items,
/// as a closed party would.
pub async fn give_credit(app: &TestApp, event: i64, credit: i64, items: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
         SELECT brand_id, host_id, 'event_reward', id, $1, $2, $3 FROM events WHERE id = $4"
    )
    .bind(credit)
    .bind(items)
    .bind(Utc::now())
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

// The catalog.

/// Every item now costs `cents` more (orders placed before keep their price).
pub async fn raise_prices(app: &TestApp, cents: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE items SET price_cents = price_cents + $1"
    )
    .bind(cents)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Only `units` of `item` are left in stock.
pub async fn set_stock(app: &TestApp, item: i64, units: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE items SET stock = $1 WHERE id = $2"
    )
    .bind(units)
    .bind(item)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Every item has `units` in stock.
pub async fn restock_everything(app: &TestApp, units: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE items SET stock = $1"
    )
    .bind(units)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// A valid item form with `changes` applied (unknown fields are added).
pub fn item_form(changes: &[(&str, &str)]) -> Form {
    let mut fields = vec![
        ("sku", "TEE-SAGE-M"),
        ("name", "Sage linen tee"),
        ("description", "Washed linen, relaxed cut."),
        ("category", "Linen"),
        ("price", "49.90"),
        ("vat_rate", "20"),
        ("stock", "12"),
        ("active", "on"),
        ("composition", "60% organic cotton, 40% recycled polyester"),
        ("country", "Portugal"),
        ("recycled", "40"),
        ("care", "Wash at 30 °C."),
        ("story", "Woven and sewn near Porto."),
    ];
    for (key, value) in changes {
        match fields.iter_mut().find(|(k, _)| k == key) {
            Some(field) => field.1 = value,
            None => fields.push((key, value)),
        }
    }
    fields.into_iter().fold(Form::new(), |form, (k, v)| {
        form.text(k.to_owned(), v.to_owned())
    })
}

/// A PNG photo of `width` × `height`.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 250) as u8, (y % 250) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

/// An uploaded photo file: `bytes` named `name`, sent as `mime`.
pub fn photo(bytes: Vec<u8>, name: &str, mime: &str) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str(mime)
        .unwrap()
}

/// Sends an item form (with its photos) as `client`.
pub async fn save_item(app: &TestApp, client: &reqwest::Client, form: Form) -> reqwest::Response {
    client
        .post(app.url("/api/save_item"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Saves an item form as `client` (a brand's admin), which must succeed;
/// returns its id and the editor's view of it.
pub async fn saved_item(
    app: &TestApp,
    client: &reqwest::Client,
    form: Form,
) -> (i64, serde_json::Value) {
    let res = save_item(app, client, form).await;
    assert_eq!(res.status(), reqwest::StatusCode::OK, "the item is saved");
    let id: i64 = res.json().await.unwrap();
    let editor = super::get_json(app, client, &format!("/api/item_editor?id={id}")).await;
    (id, editor)
}

/// The brand admin makes a kit of `items` (in that order); returns its id.
pub async fn make_kit(app: &TestApp, name: &str, items: &[i64]) -> i64 {
    let admin = app.new_client();
    app.login_with(&admin, ADMIN.0, ADMIN.1).await;
    let mut form = vec![
        ("id", "0".to_owned()),
        ("form[name]", name.to_owned()),
        ("form[description]", "For autumn parties".to_owned()),
    ];
    form.extend(items.iter().map(|i| ("form[items][]", i.to_string())));
    let res = post(app, &admin, "/api/save_kit", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

// Brands and accounts.

/// A new client signed in as the demo brand's admin.
pub async fn signed_in_admin(app: &TestApp) -> reqwest::Client {
    let admin = app.new_client();
    app.login_with(&admin, ADMIN.0, ADMIN.1).await;
    admin
}

/// A brand of its own, with no one in it yet; returns its id.
pub async fn new_brand(app: &TestApp, slug: &str, name: &str) -> i64 {
    on_db!(app.db.writer(), |pool| {
        sqlx::query_scalar(
        "INSERT INTO brands (slug, name, tagline, primary_color, accent_color, created_at, language)
         VALUES ($1, $2, '', '#000000', '#ffffff', $3, 'en') RETURNING id"
    )
    .bind(slug)
    .bind(name)
    .bind(Utc::now())
    .fetch_one(pool)
    .await
    })
    .unwrap()
}

/// An account of `role` in `brand`, signing in with `email` and `password`.
pub async fn brand_user(
    app: &TestApp,
    brand: i64,
    email: &str,
    name: &str,
    role: app::base::account::Role,
    password: &str,
) {
    app::accounts::ssr::create_user(
        &app.db,
        brand,
        &app::base::account::EmailAddress::parse(email, "email").unwrap(),
        name,
        role,
        &app::base::account::NewPassword::parse(password, "password").unwrap(),
        Utc::now(),
    )
    .await
    .unwrap();
}

/// A second brand, Rival, with its own admin (boss@rival.example) and host
/// (host@rival.example), both signing in with "rival-pass-2026".
pub async fn other_brand(app: &TestApp) {
    let brand = new_brand(app, "rival", "Rival").await;
    for (email, role) in [
        ("boss@rival.example", app::base::account::Role::BrandAdmin),
        ("host@rival.example", app::base::account::Role::Host),
    ] {
        brand_user(app, brand, email, "Rival person", role, "rival-pass-2026").await;
    }
}

/// The brand signs its payment webhooks with `secret`.
pub async fn set_payment_secret(app: &TestApp, secret: &str) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE brands SET payment_webhook_secret = $1"
    )
    .bind(secret)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// The brand's order events go to `url`.
pub async fn send_webhooks_to(app: &TestApp, url: &str) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE brands SET webhook_url = $1"
    )
    .bind(url)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// The brand's order events go to `url`, signed with `secret`.
pub async fn send_signed_webhooks_to(app: &TestApp, url: &str, secret: &str) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE brands SET webhook_url = $1, webhook_secret = $2"
    )
    .bind(url)
    .bind(secret)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Every webhook delivery has been given up on.
pub async fn fail_every_webhook_delivery(app: &TestApp) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE webhook_deliveries SET status = 'failed'"
    )
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}
