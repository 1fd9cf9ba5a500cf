//! The ways to pay: the brand chooses them and gives its Stripe keys
//! (write-only), the guest chooses one at checkout; a card order gets its
//! payment at Stripe as it is placed, and can switch to another way;
//! unpaid transfers are reminded, then cancelled; a host's reward order
//! pays by card what the credit leaves.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    card_payments::{card_app, order_text, pay, WEBHOOK_SECRET},
    db_test,
    helpers::{
        add_to_cart, checkout_form, get_json, give_credit, latest_mail_to, mails_to, order_status,
        order_with_code, party, place_order, post, restock_everything, signed_in_admin, stock,
        LocalStripe, TestApp, HOST, PUBLISHABLE_KEY, SECRET_KEY,
    },
};
use app::{base::db::Engine, on_db};

/// The latest mail to `email`, its quoted-printable lines joined.
async fn mail_text(app: &TestApp, email: &str) -> String {
    latest_mail_to(app, email).await.replace("=\r\n", "")
}

/// The fields an `Invalid` answer marks.
fn marked(answer: &Value) -> Vec<String> {
    let invalid = &answer["Invalid"];
    let mut fields = vec![invalid["field"].as_str().unwrap_or_default().to_owned()];
    for pair in invalid["also"].as_array().into_iter().flatten() {
        fields.push(pair[0].as_str().unwrap_or_default().to_owned());
    }
    fields
}

fn payments_form(methods: &[&str], days: &str, keys: [&str; 3]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = methods
        .iter()
        .map(|m| (format!("form[{m}]"), "on".to_owned()))
        .collect();
    form.push(("form[transfer_days]".into(), days.into()));
    for (name, key) in [
        "stripe_secret_key",
        "stripe_publishable_key",
        "stripe_webhook_secret",
    ]
    .iter()
    .zip(keys)
    {
        form.push((format!("form[{name}]"), key.to_owned()));
    }
    form
}

async fn save_payments(
    app: &TestApp,
    admin: &reqwest::Client,
    form: &[(String, String)],
) -> (StatusCode, Value) {
    let form: Vec<(&str, String)> = form.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let res = post(app, admin, "/api/save_payment_settings", &form).await;
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

async fn set_methods(app: &TestApp, methods: &str) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE brands SET payment_methods = $1"
    )
    .bind(methods)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Ana orders one of `item` with link `token`, choosing `payment`.
async fn checkout(
    app: &TestApp,
    token: &str,
    item: i64,
    payment: &str,
    key: &str,
) -> reqwest::Response {
    assert_eq!(
        add_to_cart(app, token, item, 1).await.status(),
        StatusCode::OK
    );
    let mut form = checkout_form(token, key, "host");
    form.push(("form[payment]", payment.to_owned()));
    place_order(app, &app.new_client(), &form).await
}

db_test!(
    the_brand_chooses_its_ways_to_pay_and_its_keys_are_never_shown_again,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let admin = signed_in_admin(&app).await;
        // Every mistake at once: nothing offered, a limit out of range, keys
        // of the wrong kind.
        let (status, answer) = save_payments(
            &app,
            &admin,
            &payments_form(&[], "0", ["pk_test_wrong123456", "sk_test_x", "secret"]),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = marked(&answer);
        for field in [
            "methods",
            "transfer_days",
            "stripe_secret_key",
            "stripe_publishable_key",
            "stripe_webhook_secret",
        ] {
            assert!(fields.iter().any(|f| f == field), "{field} in {answer}");
        }
        // Cards without keys, a transfer without the brand's account.
        let (status, answer) = save_payments(
            &app,
            &admin,
            &payments_form(&["card", "transfer"], "7", ["", "", ""]),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = marked(&answer);
        for field in [
            "stripe_secret_key",
            "stripe_publishable_key",
            "stripe_webhook_secret",
            "transfer",
        ] {
            assert!(fields.iter().any(|f| f == field), "{field} in {answer}");
        }
        // A failed form keeps what was ticked, never a key.
        assert!(!answer.to_string().contains("sk_test"), "{answer}");

        let keys = [
            "sk_test_soiree_secret_1234",
            "pk_test_soiree_public_5678",
            "whsec_soiree_signing_9012",
        ];
        let (status, answer) = save_payments(
            &app,
            &admin,
            &payments_form(&["card", "delivery"], "10", keys),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        let settings = get_json(&app, &admin, "/api/brand_settings").await;
        let payments = &settings["payments"];
        assert_eq!(payments["form"]["card"], "on");
        assert_eq!(payments["form"]["transfer"], Value::Null);
        assert_eq!(payments["form"]["transfer_days"], "10");
        assert_eq!(payments["secret_key"], "sk_test_…1234");
        assert_eq!(payments["webhook_secret"], "whsec_…9012");
        let text = settings.to_string();
        for key in keys {
            assert!(!text.contains(key), "{key} sent back");
        }
        assert!(
            payments["webhook_address"]
                .as_str()
                .unwrap()
                .ends_with("/webhooks/stripe/atelier-lumen"),
            "{payments}"
        );
        // Saving again without keys keeps them; test and live keys do not mix.
        let (status, _) =
            save_payments(&app, &admin, &payments_form(&["card"], "10", ["", "", ""])).await;
        assert_eq!(status, StatusCode::OK);
        let (status, answer) = save_payments(
            &app,
            &admin,
            &payments_form(&["card"], "10", ["", "pk_live_soiree_public_5678", ""]),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(marked(&answer), ["stripe_publishable_key"]);
        let stored: (String, Option<String>) = on_db!(app.db.reader(), |pool| sqlx::query_as(
            "SELECT payment_methods, stripe_publishable_key FROM brands WHERE slug = 'atelier-lumen'"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(stored, ("card".to_owned(), Some(keys[1].to_owned())));
        // A host cannot read or change them.
        let res = post(
            &app,
            &app.client,
            "/api/save_payment_settings",
            &[
                ("form[delivery]", "on".into()),
                ("form[transfer_days]", "7".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
);

db_test!(engine: a_guest_who_pays_by_card_gets_the_payment_opened_as_the_order_is_placed, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    set_methods(&app, "card,delivery").await;
    let (_, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
    let token = &tokens[tokens.len() - 1];
    let cart = get_json(&app, &app.new_client(), &format!("/api/cart?token={token}&slug=")).await;
    assert_eq!(cart["methods"], serde_json::json!(["card", "delivery"]));

    // A way the brand does not offer is refused, next to the choice.
    let res = checkout(&app, token, items[0], "transfer", "key-transfer-0123456789abcdef").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let answer: Value = res.json().await.unwrap();
    assert_eq!(marked(&answer), ["payment"]);

    let before = Utc::now();
    let res = checkout(&app, token, items[0], "card", "key-card-0123456789abcdef").await;
    assert_eq!(res.status(), StatusCode::OK);
    let code: String = res.json().await.unwrap();
    let order = order_with_code(&app, &code).await;
    assert_eq!(order_text(&app, order, "payment_method").await, "card");
    // Placing made the intent, for the order's total, with its code.
    let intent = order_text(&app, order, "stripe_intent_id").await;
    let stripe = app::base::stripe::Stripe::new(&fake.base, SECRET_KEY);
    let opened = stripe.retrieve_intent(&intent).await.unwrap();
    let total: i64 = order_text(&app, order, "CAST(total_cents AS TEXT)").await.parse().unwrap();
    assert_eq!((opened.amount, opened.metadata.get("order").cloned()), (total, Some(code.clone())));
    let pay_by: chrono::DateTime<Utc> = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT pay_by FROM orders WHERE id = $1"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap();
    assert!(pay_by >= before + Duration::minutes(29) && pay_by <= Utc::now() + Duration::minutes(30));
    // Its page carries the card field's settings, not bank details; its
    // email says to pay by card.
    let tracking = get_json(&app, &app.new_client(), &format!("/api/order_tracking?code={code}")).await;
    assert_eq!(tracking["card"]["publishable_key"], PUBLISHABLE_KEY);
    assert_eq!(tracking["card"]["js_url"], format!("{}/js.stripe.com/v3/", fake.base));
    assert_eq!(tracking["card"]["opened"], true);
    assert_eq!(tracking["card"]["others"], serde_json::json!(["delivery"]));
    assert_eq!(tracking["transfer"], Value::Null);
    assert!(mail_text(&app, "ana@example.com").await.contains("Pay by card on your order's page within 30 minutes"));

    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!((status, answer), (StatusCode::OK, Value::String("Paid".into())));
    let tracking = get_json(&app, &app.new_client(), &format!("/api/order_tracking?code={code}")).await;
    assert_eq!(tracking["status"], "paid");
    assert_eq!(tracking["card"], Value::Null);
    let _ = WEBHOOK_SECRET;
});

db_test!(engine: a_card_order_can_be_paid_another_way_and_its_card_payment_stops, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    set_methods(&app, "card,delivery").await;
    let (_, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
    let token = &tokens[tokens.len() - 1];
    let res = checkout(&app, token, items[0], "card", "key-switch-0123456789abcdef").await;
    let code: String = res.json().await.unwrap();
    let order = order_with_code(&app, &code).await;
    let intent = order_text(&app, order, "stripe_intent_id").await;

    let switch = |method: &str| {
        let form = vec![("code", code.clone()), ("method", method.to_owned())];
        let app = &app;
        async move { post(app, &app.new_client(), "/api/pay_otherwise", &form).await }
    };
    // Not a way the brand offers.
    let res = switch("transfer").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(order_text(&app, order, "payment_method").await, "card");
    let res = switch("delivery").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(order_text(&app, order, "payment_method").await, "delivery");
    let stripe = app::base::stripe::Stripe::new(&fake.base, SECRET_KEY);
    assert_eq!(stripe.retrieve_intent(&intent).await.unwrap().status, "canceled");
    // No card field any more, and the card worker leaves it alone.
    let tracking = get_json(&app, &app.new_client(), &format!("/api/order_tracking?code={code}")).await;
    assert_eq!(tracking["card"], Value::Null);
    assert!(tracking.to_string().contains("will pay at delivery instead of by card"), "{tracking}");
    let later = Utc::now() + Duration::minutes(40);
    assert_eq!(app::orders::card::ssr::expire_unpaid(&app.db, &app.config, later).await.unwrap(), 0);
    assert_eq!(order_status(&app, order).await, "placed");
    // Someone else's code finds nothing.
    let res = post(&app, &app.new_client(), "/api/pay_otherwise", &[("code", "nope".into()), ("method", "delivery".into())]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
});

db_test!(
    an_unpaid_transfer_is_reminded_after_three_days_then_cancelled_at_the_brands_limit,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let admin = signed_in_admin(&app).await;
        let bank = [
            ("form[iban]", "FR7630006000011234567890189".to_owned()),
            ("form[bic]", "BNPAFRPP".to_owned()),
            ("form[account_name]", "Atelier Lumen SAS".to_owned()),
        ];
        assert_eq!(
            post(&app, &admin, "/api/save_bank_details", &bank)
                .await
                .status(),
            StatusCode::OK
        );
        let (status, answer) = save_payments(
            &app,
            &admin,
            &payments_form(&["transfer"], "5", ["", "", ""]),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        restock_everything(&app, 10).await;
        let res = checkout(
            &app,
            &tokens[0],
            items[0],
            "transfer",
            "key-wire-0123456789abcdef",
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let order = order_with_code(&app, &res.json::<String>().await.unwrap()).await;
        let held = stock(&app, items[0]).await;
        let pass = |at| app::orders::transfer::ssr::remind_and_expire(&app.db, &app.config, at);
        let now = Utc::now();

        assert_eq!(
            pass(now + Duration::days(2)).await.unwrap(),
            Default::default()
        );
        let reminded = pass(now + Duration::days(3) + Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!((reminded.reminded, reminded.cancelled), (1, 0));
        assert_eq!(
            mails_to(
                &app,
                "ana@example.com",
                &format!("Your order {order} is waiting for its transfer")
            )
            .await,
            1
        );
        let mail = mail_text(&app, "ana@example.com").await;
        assert!(
            mail.contains(&app::base::bank::payment_reference(order)),
            "{mail}"
        );
        assert!(mail.contains("FR76 3000 6000 0112 3456 7890 189"), "{mail}");
        // Once.
        assert_eq!(
            pass(now + Duration::days(4)).await.unwrap(),
            Default::default()
        );
        assert_eq!(order_status(&app, order).await, "placed");

        let cancelled = pass(now + Duration::days(5) + Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!((cancelled.reminded, cancelled.cancelled), (0, 1));
        assert_eq!(order_status(&app, order).await, "cancelled");
        assert_eq!(
            stock(&app, items[0]).await,
            held + 1,
            "the unit is back on sale"
        );
        assert!(mail_text(&app, "ana@example.com")
            .await
            .contains("No bank transfer arrived within 5 days"));
    }
);

db_test!(engine: a_reward_order_pays_by_card_what_the_credit_leaves, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    set_methods(&app, "card,transfer,delivery").await;
    let (event, items, _) = party(&app, "Ana Lima <ana@example.com>", 1).await;
    restock_everything(&app, 10).await;
    give_credit(&app, event, 500, 0).await;
    let form = [
        (format!("form[qty][{}]", items[0]), "2".to_owned()),
        ("form[address]".to_owned(), "4 place Bellecour, 69002 Lyon".to_owned()),
        ("form[idempotency_key]".to_owned(), "key-reward-card-0123456789".to_owned()),
    ];
    let form: Vec<(&str, String)> = form.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let res = post(&app, &app.client, "/api/redeem_credit", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let code: String = res.json().await.unwrap();
    let order = order_with_code(&app, &code).await;
    assert_eq!(order_text(&app, order, "payment_method").await, "card");
    let (total, credit): (i64, i64) = on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT total_cents, discount_cents FROM orders WHERE id = $1"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(credit, 500);
    assert!(total > 0);
    // The host's order page opens the payment for what is left, and the card pays it.
    let tracking = get_json(&app, &app.client, &format!("/api/order_tracking?code={code}")).await;
    assert_eq!(tracking["card"]["amount"]["minor"], total);
    assert_eq!(tracking["card"]["others"], serde_json::json!([]), "a reward order pays by card");
    let intent = order_text(&app, order, "stripe_intent_id").await;
    let stripe = app::base::stripe::Stripe::new(&fake.base, SECRET_KEY);
    assert_eq!(stripe.retrieve_intent(&intent).await.unwrap().amount, total);
    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!((status, answer), (StatusCode::OK, Value::String("Paid".into())));
    assert_eq!(order_status(&app, order).await, "paid");

    // A second reward order left unpaid expires and gives the credit back.
    give_credit_again(&app, event).await;
    let form = [
        (format!("form[qty][{}]", items[0]), "1".to_owned()),
        ("form[address]".to_owned(), "4 place Bellecour, 69002 Lyon".to_owned()),
        ("form[idempotency_key]".to_owned(), "key-reward-card-unpaid-0123".to_owned()),
    ];
    let form: Vec<(&str, String)> = form.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let res = post(&app, &app.client, "/api/redeem_credit", &form).await;
    let unpaid = order_with_code(&app, &res.json::<String>().await.unwrap()).await;
    let (balance, _) = app::rewards::ssr::balance(&app.db, 2).await.unwrap();
    assert_eq!(balance, 0, "spent on the order");
    let later = Utc::now() + Duration::minutes(31);
    assert_eq!(app::orders::card::ssr::expire_unpaid(&app.db, &app.config, later).await.unwrap(), 1);
    assert_eq!(order_status(&app, unpaid).await, "cancelled");
    let (balance, _) = app::rewards::ssr::balance(&app.db, 2).await.unwrap();
    assert_eq!(balance, 300, "the credit is given back");
});

/// €3 of credit more for the host of `event` (a booking bonus would do).
async fn give_credit_again(app: &TestApp, event: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO host_credit_ledger (brand_id, host_id, kind, credit_cents, half_price_items, created_at)
         SELECT brand_id, host_id, 'booking_bonus', 300, 0, $1 FROM events WHERE id = $2"
    )
    .bind(Utc::now())
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}
