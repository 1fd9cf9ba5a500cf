//! Pre-order campaigns against localstripe: cards authorised, not charged;
//! reaching the goal captures each card once and ending short releases each
//! once, including when a crash came between Stripe's answer and our
//! record of it.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    card_payments::card_app,
    db_test,
    helpers::{mails_to, party, post, signed_in_admin, LocalStripe, TestApp, SECRET_KEY},
};
use app::{base::db::Engine, on_db, orders::preorder::ssr as preorders};

const GUESTS: &str = "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>";

async fn open_campaign(
    app: &TestApp,
    admin: &reqwest::Client,
    fields: &[(&str, String)],
) -> reqwest::Response {
    let form: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| (format!("form[{k}]"), v.clone()))
        .collect();
    admin
        .post(app.url("/api/open_preorder_campaign"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

fn day_ahead(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn start(
    app: &TestApp,
    token: &str,
    item: i64,
    quantity: i64,
    key: &str,
) -> reqwest::Response {
    post(
        app,
        &app.new_client(),
        "/api/start_preorder",
        &[
            ("token", token.to_owned()),
            ("item_id", item.to_string()),
            ("quantity", quantity.to_string()),
            ("key", key.to_owned()),
        ],
    )
    .await
}

async fn started(app: &TestApp, token: &str, item: i64, quantity: i64, key: &str) -> String {
    let res = start(app, token, item, quantity, key).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn authorise(app: &TestApp, fake: &LocalStripe, code: &str) -> (StatusCode, Value) {
    let token = fake.card_token("4242424242424242").await;
    let res = post(
        app,
        &app.new_client(),
        "/api/authorise_preorder",
        &[("code", code.to_owned()), ("token", token)],
    )
    .await;
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

async fn preorder(app: &TestApp, code: &str) -> (String, Option<String>) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT state, intent_id FROM preorders WHERE code = $1"
    )
    .bind(code)
    .fetch_one(pool)
    .await)
    .unwrap()
}

async fn intent_status(fake: &LocalStripe, id: &str) -> String {
    let intent: Value = reqwest::Client::new()
        .get(format!("{}/v1/payment_intents/{id}", fake.base))
        .basic_auth(SECRET_KEY, None::<&str>)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    intent["status"].as_str().unwrap_or_default().to_owned()
}

/// How many mails to `email` have a subject ending with `end`.
async fn mails_ending(app: &TestApp, email: &str, end: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE recipient = $1 AND subject LIKE $2"
    )
    .bind(email)
    .bind(format!("%{end}"))
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// A crash after Stripe acted, before our transaction: the pre-order is
/// back to authorised and its mail was never written.
async fn lose_the_record(app: &TestApp, code: &str, email: &str) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE preorders SET state = 'authorised', settled_at = NULL WHERE code = $1"
    )
    .bind(code)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
    on_db!(app.db.writer(), |pool| sqlx::query(
        "DELETE FROM outbox WHERE id = (SELECT MAX(id) FROM outbox WHERE recipient = $1)"
    )
    .bind(email)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

db_test!(engine: a_funded_campaign_captures_every_card_once_even_after_a_crash, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (_, items, tokens) = party(&app, GUESTS, 2).await;
    let (ana, ben) = (&tokens[0], &tokens[1]);
    let admin = signed_in_admin(&app).await;

    // Every mistake at once; a last day past Stripe's 7 days is refused.
    let res = open_campaign(&app, &admin, &[("goal", "0".into()), ("ends_on", day_ahead(9))]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let said = res.text().await.unwrap();
    assert!(said.contains("Choose the item") && said.contains("from 1 to 10,000") && said.contains("7 days"), "{said}");
    let res = open_campaign(
        &app,
        &admin,
        &[("item_id", items[0].to_string()), ("goal", "3".into()), ("ends_on", day_ahead(3))],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let again = open_campaign(
        &app,
        &admin,
        &[("item_id", items[0].to_string()), ("goal", "3".into()), ("ends_on", day_ahead(3))],
    )
    .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "one open campaign per item");

    // Only on an item with a campaign; the same form twice is one pre-order.
    assert_eq!(start(&app, ana, items[1], 1, "k-ana-x").await.status(), StatusCode::NOT_FOUND);
    let a = started(&app, ana, items[0], 2, "k-ana").await;
    assert_eq!(started(&app, ana, items[0], 2, "k-ana").await, a);
    let b = started(&app, ben, items[0], 1, "k-ben").await;

    // Authorised, not charged; the page and the mail say so.
    let (status, answer) = authorise(&app, &fake, &a).await;
    assert_eq!((status, answer), (StatusCode::OK, Value::String("Paid".into())));
    let (state, intent_a) = preorder(&app, &a).await;
    assert_eq!(state, "authorised");
    let intent_a = intent_a.unwrap();
    assert_eq!(intent_status(&fake, &intent_a).await, "requires_capture");
    assert_eq!(mails_to(&app, "ana@example.com", "Your pre-order of").await, 1);
    assert_eq!(preorders::settle(&app.db, &app.config, chrono::Utc::now()).await.unwrap(), 0, "2 of 3: not yet");
    let (status, _) = authorise(&app, &fake, &b).await;
    assert_eq!(status, StatusCode::OK);
    let intent_b = preorder(&app, &b).await.1.unwrap();

    // The goal is reached. A crash came after Ana's card was captured and
    // before it was recorded; the next pass records it without capturing
    // again, and captures Ben's.
    assert_eq!(preorders::decide(&app.db, chrono::Utc::now()).await.unwrap(), 1);
    assert!(preorders::settle_one(&app.db, &app.config, &a, chrono::Utc::now()).await.unwrap());
    lose_the_record(&app, &a, "ana@example.com").await;
    assert_eq!(preorders::settle(&app.db, &app.config, chrono::Utc::now()).await.unwrap(), 2);
    assert_eq!(preorders::settle(&app.db, &app.config, chrono::Utc::now()).await.unwrap(), 0);
    for (code, intent, email) in [(&a, &intent_a, "ana@example.com"), (&b, &intent_b, "ben@example.com")] {
        assert_eq!(preorder(&app, code).await.0, "captured");
        assert_eq!(intent_status(&fake, intent).await, "succeeded");
        assert_eq!(mails_ending(&app, email, "will be made").await, 1, "one mail each");
    }
    let page: Value = app.get(&format!("/api/preorder?code={a}")).await.json().await.unwrap();
    assert_eq!(page["state"], "captured");
    assert_eq!(page["units"], 3);
    let campaigns: Value = crate::helpers::get_json(&app, &admin, "/api/preorder_campaigns").await;
    assert_eq!(campaigns["campaigns"][0]["state"], "funded");

    // The batch goes into production: its update reaches its two buyers.
    let making: Value = crate::helpers::get_json(&app, &admin, "/api/making_updates").await;
    let batch = making["batches"][0][0].as_i64().expect("the funded campaign is a batch");
    let form = reqwest::multipart::Form::new()
        .text("item_id", String::new())
        .text("batch", batch.to_string())
        .text("body", "Your batch is on the loom.");
    let res = admin.post(app.url("/api/post_making_update")).multipart(form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let page: Value = app.get(&format!("/api/preorder?code={a}")).await.json().await.unwrap();
    assert_eq!(page["making"][0]["body"], "Your batch is on the loom.");
    let making: Value = crate::helpers::get_json(&app, &admin, "/api/making_updates").await;
    assert_eq!(making["updates"][0]["readers"], 2);
    assert_eq!(making["updates"][0]["read"], 1);
});

db_test!(engine: a_campaign_ending_short_releases_every_card_once_even_after_a_crash, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (_, items, tokens) = party(&app, GUESTS, 1).await;
    let admin = signed_in_admin(&app).await;
    let res = open_campaign(
        &app,
        &admin,
        &[("item_id", items[0].to_string()), ("goal", "5".into()), ("ends_on", day_ahead(1))],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let a = started(&app, &tokens[0], items[0], 1, "k-ana").await;
    let b = started(&app, &tokens[1], items[0], 1, "k-ben").await;
    assert_eq!(authorise(&app, &fake, &a).await.0, StatusCode::OK);
    let intent_a = preorder(&app, &a).await.1.unwrap();

    // The end passes with 1 of 5: a crash after Ana's card was released
    // at Stripe and before it was recorded; Ben never gave his card.
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE preorder_campaigns SET ends_at = $1"
    )
    .bind(chrono::Utc::now() - chrono::Duration::minutes(1))
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
    assert_eq!(preorders::decide(&app.db, chrono::Utc::now()).await.unwrap(), 1);
    assert!(preorders::settle_one(&app.db, &app.config, &a, chrono::Utc::now()).await.unwrap());
    lose_the_record(&app, &a, "ana@example.com").await;
    assert_eq!(preorders::settle(&app.db, &app.config, chrono::Utc::now()).await.unwrap(), 1);
    assert_eq!(preorders::settle(&app.db, &app.config, chrono::Utc::now()).await.unwrap(), 0);
    assert_eq!(preorder(&app, &a).await.0, "released");
    assert_eq!(preorder(&app, &b).await.0, "abandoned");
    assert_eq!(intent_status(&fake, &intent_a).await, "canceled");
    assert_eq!(mails_ending(&app, "ana@example.com", "will not be made this time").await, 1);
    assert_eq!(mails_ending(&app, "ben@example.com", "will not be made this time").await, 0);
    // Too late to authorise or to start.
    let (status, answer) = authorise(&app, &fake, &b).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(preorder(&app, &b).await.0, "abandoned");
    assert_eq!(start(&app, &tokens[0], items[0], 1, "k-late").await.status(), StatusCode::NOT_FOUND);
});
