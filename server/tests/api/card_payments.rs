//! Guests pay by card through Stripe, against localstripe on loopback: paid
//! exactly once whether the webhook or the guest's return comes first, a
//! declined card and a second card, authentication, the webhook's checks,
//! and card orders left unpaid expiring with their stock back.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        eventually, order_status, orders_from, party, post, stock, LocalStripe, TestApp,
        PUBLISHABLE_KEY, SECRET_KEY,
    },
};
use app::{base::db::Engine, on_db};

pub const WEBHOOK_SECRET: &str = "whsec_soiree_test";

/// An app whose demo brand takes cards through `fake`, with Stripe's
/// webhooks sent to it.
pub async fn card_app(engine: Engine, fake: &LocalStripe) -> Option<TestApp> {
    let settings = [
        ("STRIPE_API_BASE", fake.base.clone()),
        ("STRIPE_JS_URL", format!("{}/js.stripe.com/v3/", fake.base)),
    ];
    let app = TestApp::spawn_with(engine, &settings).await?;
    app.seed().await;
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE brands SET stripe_secret_key = $1, stripe_publishable_key = $2, stripe_webhook_secret = $3",
    )
    .bind(SECRET_KEY)
    .bind(PUBLISHABLE_KEY)
    .bind(WEBHOOK_SECRET)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
    let slug = brand_slug(&app).await;
    fake.send_webhooks_to(
        &app.url(&format!("/webhooks/stripe/{slug}")),
        WEBHOOK_SECRET,
    )
    .await;
    Some(app)
}

/// Ana's order at a new party, turned into a card order whose intent is
/// made: (order id, tracking code, item).
pub async fn card_order(app: &TestApp) -> (i64, String, i64) {
    let (_, items, tokens) = party(app, "Ana Lima <ana@example.com>", 1).await;
    // The newest invitation is this party's.
    let order = orders_from(app, &tokens[tokens.len() - 1..], items[0], 1).await[0];
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE orders SET payment_method = 'card', pay_by = $2 WHERE id = $1"
    )
    .bind(order)
    .bind(chrono::Utc::now() + app::orders::card::ssr::PAY_WITHIN)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
    let code = order_text(app, order, "tracking_code").await;
    app::orders::card::ssr::start(&app.db, &app.config, &code)
        .await
        .unwrap();
    (order, code, items[0])
}

pub async fn brand_slug(app: &TestApp) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT slug FROM brands ORDER BY id LIMIT 1"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// A text column of an order.
pub async fn order_text(app: &TestApp, order: i64, column: &'static str) -> String {
    let sql = format!("SELECT {column} FROM orders WHERE id = $1");
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(&sql)
        .bind(order)
        .fetch_one(pool)
        .await)
    .unwrap()
}

/// The amounts Stripe refunded on `intent`.
pub async fn refunds_of(fake: &LocalStripe, intent: &str) -> Vec<i64> {
    let refunds: Value = reqwest::Client::new()
        .get(format!("{}/v1/refunds", fake.base))
        .basic_auth(SECRET_KEY, None::<&str>)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    refunds["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["payment_intent"] == intent)
        .map(|r| r["amount"].as_i64().unwrap())
        .collect()
}

pub async fn pay(app: &TestApp, fake: &LocalStripe, code: &str, card: &str) -> (StatusCode, Value) {
    let token = fake.card_token(card).await;
    let res = post(
        app,
        &app.new_client(),
        "/api/pay_by_card",
        &[("code", code.to_owned()), ("token", token)],
    )
    .await;
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

/// How many times the order became paid on its timeline.
pub async fn paid_steps(app: &TestApp, order: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM order_status_changes WHERE order_id = $1 AND status = 'paid'"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// Stripe's webhook for the order arrives, finds it paid, and the order
/// became paid once.
async fn webhook_came_and_paid_once(app: &TestApp, order: i64) {
    eventually(15, "the succeeded webhook", || async move {
        events_for(app, order).await >= 1
    })
    .await;
    assert_eq!(paid_steps(app, order).await, 1, "paid once");
}

/// The Stripe events received and handled for the order.
async fn events_for(app: &TestApp, order: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM payment_events WHERE order_id = $1"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap()
}

db_test!(engine: a_card_pays_the_order_once_with_its_webhook, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, _) = card_order(&app).await;

    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer, Value::String("Paid".into()));
    assert_eq!(order_status(&app, order).await, "paid");
    // Stripe's webhook arrives after: it finds the order paid.
    webhook_came_and_paid_once(&app, order).await;
    // Paying again changes nothing.
    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!((status, answer), (StatusCode::OK, Value::String("Paid".into())));
    assert_eq!(paid_steps(&app, order).await, 1);
});

db_test!(engine: a_declined_card_says_why_and_a_second_card_pays, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, _) = card_order(&app).await;

    let (status, answer) = pay(&app, &fake, &code, "4000000000000002").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["Invalid"]["field"], "card");
    assert_eq!(answer["Invalid"]["message"], "Your card was declined.");
    assert_eq!(order_status(&app, order).await, "placed");
    let tracking = app.get(&format!("/api/order_tracking?code={code}")).await;
    let tracking: Value = tracking.json().await.unwrap();
    assert!(tracking.to_string().contains("Card refused: Your card was declined."), "{tracking}");

    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!((status, answer), (StatusCode::OK, Value::String("Paid".into())));
    assert_eq!(order_status(&app, order).await, "paid");
});

db_test!(engine: a_card_that_asks_for_authentication_pays_on_return_or_by_webhook_once, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, _) = card_order(&app).await;

    let (status, answer) = pay(&app, &fake, &code, "4000002500003155").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let secret = answer["Authenticate"]["client_secret"].as_str().expect("authentication asked").to_owned();
    assert_eq!(answer["Authenticate"]["publishable_key"], PUBLISHABLE_KEY);
    assert_eq!(order_status(&app, order).await, "placed");

    // The guest authenticates, then comes back to the order's page while
    // Stripe's webhook is on its way: several returns at once, paid once.
    fake.authenticate(&secret, true).await;
    let path = format!("/api/order_tracking?code={code}");
    let returns = (0..4).map(|_| app.get(&path));
    for res in futures::future::join_all(returns).await {
        assert_eq!(res.status(), StatusCode::OK);
        // Each page asked Stripe before it was read: it shows the order paid.
        let page: Value = res.json().await.unwrap();
        assert_eq!(page["status"], "paid", "{page}");
        assert!(page["card"].is_null(), "no card panel once paid: {page}");
    }
    assert_eq!(order_status(&app, order).await, "paid");
    webhook_came_and_paid_once(&app, order).await;
});

db_test!(engine: the_stripe_webhook_checks_signature_age_and_replays, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, _) = card_order(&app).await;
    let intent = order_text(&app, order, "stripe_intent_id").await;
    let total: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT total_cents FROM orders WHERE id = $1"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap();
    let slug = brand_slug(&app).await;
    let body = serde_json::json!({
        "id": "evt_test_1",
        "type": "payment_intent.succeeded",
        "data": { "object": {
            "id": intent, "status": "succeeded", "amount": total, "currency": "eur",
            "client_secret": format!("{intent}_secret_x"), "metadata": { "order": code }
        } }
    })
    .to_string();
    let send = |signature: String, body: String| {
        let app = &app;
        let slug = slug.clone();
        async move {
            let res = app
                .new_client()
                .post(app.url(&format!("/webhooks/stripe/{slug}")))
                .header("stripe-signature", signature)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            (res.status(), res.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let now = chrono::Utc::now().timestamp();
    let sign = |t: i64, secret: &str| app::base::stripe::sign(secret, t, body.as_bytes());

    let (status, _) = send(sign(now, "whsec_wrong"), body.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a wrong secret");
    let (status, _) = send(sign(now - 600, WEBHOOK_SECRET), body.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "ten minutes old");
    let (status, _) = send(sign(now, WEBHOOK_SECRET), body.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(order_status(&app, order).await, "paid");
    let (status, answer) = send(sign(now, WEBHOOK_SECRET), body.clone()).await;
    assert_eq!((status, answer["status"].as_str()), (StatusCode::OK, Some("duplicate")), "a replay");
    assert_eq!(paid_steps(&app, order).await, 1);
    // A body changed after signing is refused.
    let (status, _) = send(sign(now, WEBHOOK_SECRET), body.replace("evt_test_1", "evt_test_2") + " ").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
});

db_test!(engine: an_unpaid_card_order_expires_and_gives_its_stock_back, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (_, items, _) = party(&app, "Ben Okafor <ben@example.com>", 1).await;
    let before = stock(&app, items[0]).await;
    let (order, _code, item) = card_order(&app).await;
    let after_order = stock(&app, item).await;
    assert!(after_order < before || item != items[0]);
    let expire = |at| app::orders::card::ssr::expire_unpaid(&app.db, &app.config, at);
    // Not before its 30 minutes.
    assert_eq!(expire(chrono::Utc::now()).await.unwrap(), 0);
    assert_eq!(order_status(&app, order).await, "placed");
    let later = chrono::Utc::now() + chrono::Duration::minutes(31);
    let held = stock(&app, item).await;
    assert_eq!(expire(later).await.unwrap(), 1);
    assert_eq!(order_status(&app, order).await, "cancelled");
    assert_eq!(stock(&app, item).await, held + 1, "the unit is back on sale");
    // The intent is cancelled at Stripe, so nobody can pay it any more.
    let intent = order_text(&app, order, "stripe_intent_id").await;
    let stripe = app::base::stripe::Stripe::new(&fake.base, SECRET_KEY);
    assert_eq!(stripe.retrieve_intent(&intent).await.unwrap().status, "canceled");
    assert_eq!(expire(later).await.unwrap(), 0, "once");
});

db_test!(
    without_card_payments_an_order_cannot_be_paid_by_card,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let order = orders_from(&app, &tokens, items[0], 1).await[0];
        let code = order_text(&app, order, "tracking_code").await;
        let res = post(
            &app,
            &app.new_client(),
            "/api/pay_by_card",
            &[("code", code), ("token", "tok_x".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(order_status(&app, order).await, "placed");
    }
);

db_test!(engine: refunding_a_card_order_gives_the_money_back_through_stripe, |engine: Engine| async move {
    use crate::helpers::{mails_to, set_order_status, signed_in_admin};
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, _) = card_order(&app).await;
    let (status, _) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::OK);
    let admin = signed_in_admin(&app).await;
    set_order_status(&app, &admin, order, "refunded", "", "").await;
    assert_eq!(order_status(&app, order).await, "refunded");
    // Stripe holds the refund of the charge.
    let intent = order_text(&app, order, "stripe_intent_id").await;
    let stripe = app::base::stripe::Stripe::new(&fake.base, SECRET_KEY);
    let total: i64 = order_text(&app, order, "CAST(total_cents AS TEXT)").await.parse().unwrap();
    assert_eq!(refunds_of(&fake, &intent).await, vec![total], "one refund of it all");
    assert!(stripe.retrieve_intent(&intent).await.unwrap().succeeded());
    assert_eq!(mails_to(&app, "ana@example.com", "Your order").await, 3, "placed, paid, refunded");
    // The party report shows the refund, outside the sales.
    let event = order_text(&app, order, "CAST(event_id AS TEXT)").await;
    let report = crate::helpers::get_json(&app, &admin, &format!("/api/event_report?id={event}")).await;
    assert_eq!(report["refunded_orders"], 1);
    assert_eq!(report["refunded"]["minor"], total);
    assert_eq!(report["figures"]["orders"], 0, "not a sale any more");

    // With Stripe away, nothing is refunded and the order stays paid.
    let (second, code, _) = card_order(&app).await;
    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    drop(fake);
    let res = set_order_status(&app, &admin, second, "refunded", "", "").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let answer: Value = res.json().await.unwrap();
    assert!(answer["Invalid"]["message"].as_str().unwrap().contains("nothing was refunded"), "{answer}");
    assert_eq!(order_status(&app, second).await, "paid");
});

db_test!(engine: a_cancelled_partys_card_order_is_not_paid_and_a_late_payment_goes_back, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, _) = card_order(&app).await;
    let event: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT event_id FROM orders WHERE id = $1"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap();
    // The host cancels the party: the card order waits for the card worker,
    // which cancels its intent and then the order; meanwhile it cannot be paid.
    let res = post(&app, &app.client, "/api/cancel_event", &[("id", event.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(order_status(&app, order).await, "placed");
    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    let expire = app::orders::card::ssr::expire_unpaid(&app.db, &app.config, chrono::Utc::now());
    assert_eq!(expire.await.unwrap(), 1);
    assert_eq!(order_status(&app, order).await, "cancelled");
    let stripe = app::base::stripe::Stripe::new(&fake.base, SECRET_KEY);
    let intent = order_text(&app, order, "stripe_intent_id").await;
    assert_eq!(stripe.retrieve_intent(&intent).await.unwrap().status, "canceled");

    // A payment that succeeds as its order is being cancelled is refunded.
    let (late, code, _) = card_order(&app).await;
    let (status, answer) = pay(&app, &fake, &code, "4000002500003155").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let secret = answer["Authenticate"]["client_secret"].as_str().unwrap().to_owned();
    on_db!(app.db.writer(), |pool| sqlx::query("UPDATE orders SET status = 'cancelled' WHERE id = $1")
        .bind(late)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .unwrap();
    fake.authenticate(&secret, true).await;
    eventually(15, "the late payment's refund", || {
        let app = &app;
        async move {
            let refunded: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
                "SELECT COUNT(*) FROM order_status_changes WHERE order_id = $1 AND note LIKE 'Paid after the order was cancelled%'"
            )
            .bind(late)
            .fetch_one(pool)
            .await)
            .unwrap();
            refunded == 1
        }
    })
    .await;
    assert_eq!(order_status(&app, late).await, "cancelled");
});

db_test!(engine: a_cancelled_partys_paid_card_order_is_refunded_through_stripe_once, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, item) = card_order(&app).await;
    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let before = stock(&app, item).await;
    let event = order_text(&app, order, "CAST(event_id AS TEXT)").await;
    let form = [("id", event.clone())];
    let cancel = || post(&app, &app.client, "/api/cancel_event", &form);
    assert_eq!(cancel().await.status(), StatusCode::OK);
    assert_eq!(order_status(&app, order).await, "refunded");
    assert_eq!(stock(&app, item).await, before + 1, "the unit is back");
    // Cancelling again (or the worker's pass) refunds nothing twice.
    assert_eq!(cancel().await.status(), StatusCode::OK);
    let finish = app::pages::host_event::ssr::finish_cancellations(&app.db, &app.config, chrono::Utc::now() + chrono::Duration::minutes(5));
    assert_eq!(finish.await.unwrap(), 0);
    let intent = order_text(&app, order, "stripe_intent_id").await;
    let total: i64 = order_text(&app, order, "CAST(total_cents AS TEXT)").await.parse().unwrap();
    assert_eq!(refunds_of(&fake, &intent).await, vec![total], "one refund of it all");
});
