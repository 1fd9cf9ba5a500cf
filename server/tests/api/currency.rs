//! Currency per brand: euro by default, pound sterling or Swiss franc set
//! in the brand's settings until its first order, then kept. Prices, carts,
//! orders, mails, exports and card payments are in the brand's currency,
//! and an order keeps the one it was placed in.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    card_payments::{card_app, card_order, order_text, pay},
    db_test,
    helpers::{
        add_to_cart, checkout_form, feature_items, get_json, get_text, invited_to, latest_mail_to,
        place_order, post, signed_in_admin, LocalStripe, TestApp, SECRET_KEY,
    },
};
use app::{base::db::Engine, on_db};

/// The admin saves the settings with this currency and shipping.
async fn save(
    app: &TestApp,
    admin: &reqwest::Client,
    (currency, flat, free_from): (&str, &str, &str),
) -> reqwest::Response {
    let form = [
        ("form[shipping_flat]", flat.to_owned()),
        ("form[free_shipping_from]", free_from.to_owned()),
        ("form[webhook_url]", String::new()),
        ("form[language]", "en".into()),
        ("form[currency]", currency.to_owned()),
    ];
    post(app, admin, "/api/save_brand_settings", &form).await
}

/// The currency of the totals on an order's tracking page.
async fn tracked_currency(app: &TestApp, code: &str) -> Value {
    let path = format!("/api/order_tracking?code={code}");
    get_json(app, &app.new_client(), &path).await["totals"]["currency"].clone()
}

/// Every field a refused form names, first the main one.
async fn refused_fields(res: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let invalid = &body["Invalid"];
    let mut fields = vec![(
        invalid["field"].as_str().unwrap().to_owned(),
        invalid["message"].as_str().unwrap_or_default().to_owned(),
    )];
    for also in invalid["also"].as_array().into_iter().flatten() {
        fields.push((
            also[0].as_str().unwrap().to_owned(),
            also[1].as_str().unwrap_or_default().to_owned(),
        ));
    }
    fields
}

/// A page as `client` reads it in `lang`, chosen with the switcher.
async fn page(app: &TestApp, client: &reqwest::Client, path: &str, lang: &str) -> String {
    let res = post(
        app,
        client,
        "/lang",
        &[("lang", lang.to_owned()), ("back", "/".into())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    get_text(app, client, path).await
}

async fn brand_currency(app: &TestApp) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT currency FROM brands ORDER BY id LIMIT 1"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

db_test!(
    a_brand_prices_in_pounds_until_its_first_order_and_its_orders_keep_them,
    |app: TestApp| async move {
        app.seed().await;
        let admin = signed_in_admin(&app).await;
        let s = get_json(&app, &admin, "/api/brand_settings").await;
        assert_eq!(s["form"]["currency"], "EUR");
        assert_eq!(s["currency_locked"], false);

        // An unknown currency and a bad amount: both said at once, and
        // nothing is saved.
        let res = save(&app, &admin, ("USD", "4,5x", "100")).await;
        let fields = refused_fields(res).await;
        let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
        assert!(names.contains(&"currency"), "{fields:?}");
        assert!(names.contains(&"shipping_flat"), "{fields:?}");
        assert_eq!(brand_currency(&app).await, "EUR");

        // Pounds, with amounts typed with the pound sign.
        let res = save(&app, &admin, ("GBP", "£4.50", "100 £")).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );
        assert_eq!(brand_currency(&app).await, "GBP");
        let html = page(&app, &admin, "/brand/settings", "en").await;
        assert!(
            html.contains("Shipping to the guest&#x27;s address (£)")
                || html.contains("Shipping to the guest's address (£)"),
            "the label names the pound"
        );
        assert!(html.contains(r#"value="GBP" selected"#), "GBP chosen");
        let html = page(&app, &admin, "/brand/catalog/new", "fr").await;
        assert!(
            html.contains("Prix en livres sterling"),
            "the price label names the pound"
        );

        // A guest reads prices in pounds, in English and in French.
        let (event, tokens) = invited_to(&app, &[], "Ana Lima <ana@example.com>").await;
        let items = feature_items(&app, event, 1).await;
        let price: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT price_cents FROM items WHERE id = $1"
        )
        .bind(items[0])
        .fetch_one(pool)
        .await)
        .unwrap();
        let (whole, cents) = (price / 100, price % 100);
        let guest = app.new_client();
        let item_page = format!("/i/{}/items/{}", tokens[0], items[0]);
        let en = page(&app, &guest, &item_page, "en").await;
        assert!(
            en.contains(&format!("£{whole}.{cents:02}")),
            "pounds on the item's page"
        );
        assert!(!en.contains(&format!("€{whole}.{cents:02}")), "no euros");
        let fr = page(&app, &guest, &item_page, "fr").await;
        assert!(
            fr.contains(&format!("{whole},{cents:02}\u{a0}£GB")),
            "pounds in French"
        );

        // The cart and the order are in pounds; the mail says so.
        add_to_cart(&app, &tokens[0], items[0], 1).await;
        let cart = get_json(
            &app,
            &app.new_client(),
            &format!("/api/cart?token={}&slug=", tokens[0]),
        )
        .await;
        assert_eq!(cart["to_home"]["currency"], "GBP");
        assert_eq!(cart["shipping"]["currency"], "GBP");
        assert_eq!(cart["shipping"]["flat_cents"], 450);
        assert_eq!(cart["lines"][0]["item"]["price"]["currency"], "GBP");
        let res = place_order(
            &app,
            &app.new_client(),
            &checkout_form(
                &tokens[0],
                &format!("gbp-0123456789abcdef-{}", tokens[0]),
                "home",
            ),
        )
        .await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );
        let (order, code): (i64, String) = on_db!(app.db.reader(), |pool| sqlx::query_as(
            "SELECT id, tracking_code FROM orders WHERE currency = 'GBP'"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        let mail = latest_mail_to(&app, "ana@example.com")
            .await
            .replace("=\r\n", "");
        assert!(
            mail.contains('£') || mail.contains("=C2=A3"),
            "the confirmation in pounds"
        );
        assert_eq!(tracked_currency(&app, &code).await, "GBP");

        // Now the currency stays: another is refused where it was chosen,
        // the page says why, and the other settings still save.
        let res = save(&app, &admin, ("CHF", "4.50", "100")).await;
        let fields = refused_fields(res).await;
        assert_eq!(fields[0].0, "currency");
        // In French: the admin switched to it above.
        assert!(fields[0].1.contains("en livres sterling"), "{fields:?}");
        assert_eq!(brand_currency(&app).await, "GBP");
        let s = get_json(&app, &admin, "/api/brand_settings").await;
        assert_eq!(s["currency_locked"], true);
        let html = page(&app, &admin, "/brand/settings", "en").await;
        assert!(
            html.contains("prices stay in pounds sterling"),
            "the lock is said"
        );
        let res = save(&app, &admin, ("GBP", "5", "120")).await;
        assert_eq!(res.status(), StatusCode::OK);

        // The brand's views and files name the order's currency.
        let csv = get_text(&app, &admin, "/brand/exports/orders.csv").await;
        let row = csv
            .lines()
            .find(|l| l.starts_with(&format!("{order},")))
            .expect("the order in the export");
        assert!(row.ends_with(",GBP"), "{row}");
        let html = page(&app, &admin, "/brand/orders", "en").await;
        assert!(html.contains('£'), "the orders list in pounds");

        // An order placed in euros before a change keeps its euros.
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE orders SET currency = 'EUR' WHERE id = $1"
        )
        .bind(order)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        assert_eq!(tracked_currency(&app, &code).await, "EUR");
    }
);

db_test!(engine: a_card_pays_in_the_orders_currency, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    on_db!(app.db.writer(), |pool| sqlx::query("UPDATE brands SET currency = 'CHF'")
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .unwrap();
    let (order, code, _) = card_order(&app).await;
    assert_eq!(order_text(&app, order, "currency").await, "CHF");
    let intent = order_text(&app, order, "stripe_intent_id").await;
    let stripe = app::base::stripe::Stripe::new(&fake.base, SECRET_KEY);
    let made = stripe.retrieve_intent(&intent).await.unwrap();
    assert_eq!(made.currency, "chf");

    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer, Value::String("Paid".into()));
});
