//! Guests change their mind from the tracking page: a quantity up or down,
//! a line removed, the whole order cancelled; stock, totals, the host's
//! sales, the buyer's mail and the brand's webhook follow in one
//! transaction, once per form, and never from a form made for an older
//! order. A paid card order only goes down, and gives the difference back
//! through Stripe (localstripe).

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    card_payments::{card_app, card_order, order_text, pay, refunds_of},
    db_test,
    helpers::{
        add_to_cart, checkout_form, mails_to, order_deadline_passed, order_status, orders_from,
        party, place_order, post, set_order_status, set_stock, signed_in_admin, stock, LocalStripe,
        TestApp, SECRET_KEY,
    },
};
use app::{base::db::Engine, on_db};

/// The order's tracking data, as its page reads it.
async fn tracking(app: &TestApp, code: &str) -> Value {
    app.new_client()
        .get(app.url(&format!("/api/order_tracking?code={code}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Sets line `line` to `quantity` with the form of `change` (as the page
/// offered it).
async fn set_line(
    app: &TestApp,
    code: &str,
    change: &Value,
    line: i64,
    quantity: i64,
) -> reqwest::Response {
    let form = [
        ("code", code.to_owned()),
        ("key", change["key"].as_str().unwrap().to_owned()),
        ("revision", change["revision"].to_string()),
        ("line", line.to_string()),
        ("quantity", quantity.to_string()),
    ];
    post(app, &app.new_client(), "/api/change_order_line", &form).await
}

async fn cancel(app: &TestApp, code: &str, change: &Value) -> reqwest::Response {
    let form = [
        ("code", code.to_owned()),
        ("key", change["key"].as_str().unwrap().to_owned()),
        ("revision", change["revision"].to_string()),
    ];
    post(app, &app.new_client(), "/api/cancel_my_order", &form).await
}

/// The first line's id and quantity in a change offer.
fn first_line(change: &Value) -> (i64, i64) {
    let line = &change["lines"][0];
    (
        line["id"].as_i64().unwrap(),
        line["quantity"].as_i64().unwrap(),
    )
}

async fn cents(app: &TestApp, order: i64, column: &'static str) -> i64 {
    order_text(app, order, column).await.parse().unwrap()
}

/// What the host's live bar shows: the party's sales.
async fn party_sales(app: &TestApp, event: i64) -> i64 {
    app::showcase::ssr::live_counts(&app.db, event, chrono::Utc::now())
        .await
        .unwrap()
        .sales
        .minor()
}

async fn hooks_of(app: &TestApp, order: i64, kind: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM webhook_deliveries WHERE order_id = $1 AND event_type = $2"
    )
    .bind(order)
    .bind(kind)
    .fetch_one(pool)
    .await)
    .unwrap()
}

async fn with_webhook(app: &TestApp) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE brands SET webhook_url = 'http://127.0.0.1:9/hooks'"
    )
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

db_test!(
    a_guest_changes_quantities_and_stock_totals_sales_mail_and_webhook_follow,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        with_webhook(&app).await;
        let order = orders_from(&app, &tokens, items[0], 3).await[0];
        let code = order_text(&app, order, "tracking_code").await;
        let unit = cents(&app, order, "CAST(merchandise_cents AS TEXT)").await / 3;
        let (shelf, sales) = (stock(&app, items[0]).await, party_sales(&app, event).await);

        let page = tracking(&app, &code).await;
        let change = page["change"].clone();
        assert!(!change.is_null(), "an unpaid order offers changes: {page}");
        let (line, quantity) = first_line(&change);
        assert_eq!(quantity, 3);
        let res = set_line(&app, &code, &change, line, 1).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );
        assert_eq!(stock(&app, items[0]).await, shelf + 2, "two units back");
        assert_eq!(
            cents(&app, order, "CAST(merchandise_cents AS TEXT)").await,
            unit
        );
        assert_eq!(cents(&app, order, "CAST(total_cents AS TEXT)").await, unit);
        assert_eq!(
            party_sales(&app, event).await,
            sales - 2 * unit,
            "the host's bar follows"
        );
        assert_eq!(order_status(&app, order).await, "placed");
        assert_eq!(
            mails_to(
                &app,
                "ana@example.com",
                &format!("Your order {order} was changed")
            )
            .await,
            1
        );
        assert_eq!(hooks_of(&app, order, "order.changed").await, 1);
        let steps = tracking(&app, &code).await["steps"].to_string();
        assert!(
            steps.contains("3 → 1"),
            "the timeline says what changed: {steps}"
        );

        // The same form again (a double click) changes nothing more; an
        // older form is refused.
        let again = set_line(&app, &code, &change, line, 1).await;
        assert_eq!(again.status(), StatusCode::OK);
        let mut old = change.clone();
        old["key"] = Value::from("another-form-key-0123456789");
        let refused = set_line(&app, &code, &old, line, 2).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("changed meanwhile"));
        assert_eq!(stock(&app, items[0]).await, shelf + 2);

        // Up again, within the stock; over it, a clear refusal by the line.
        let change = tracking(&app, &code).await["change"].clone();
        assert_eq!(
            set_line(&app, &code, &change, line, 2).await.status(),
            StatusCode::OK
        );
        assert_eq!(stock(&app, items[0]).await, shelf + 1);
        set_stock(&app, items[0], 3).await;
        let change = tracking(&app, &code).await["change"].clone();
        let short = set_line(&app, &code, &change, line, 6).await;
        assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let why = short.text().await.unwrap();
        assert!(
            why.contains(&format!("line-{line}")) && why.contains("Only 3 more"),
            "{why}"
        );
        assert_eq!(stock(&app, items[0]).await, 3, "nothing taken");
        assert_eq!(
            cents(&app, order, "CAST(merchandise_cents AS TEXT)").await,
            2 * unit
        );
    }
);

db_test!(
    a_guest_cancels_an_unpaid_order_and_a_smaller_order_never_ships_dearer,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        with_webhook(&app).await;
        set_stock(&app, items[0], 50).await;
        add_to_cart(&app, &tokens[0], items[0], 20).await;
        let form = checkout_form(&tokens[0], "k-0123456789abcdef-home", "home");
        let code: String = place_order(&app, &app.new_client(), &form)
            .await
            .json()
            .await
            .unwrap();
        let order: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM orders WHERE tracking_code = $1"
        )
        .bind(&code)
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(
            cents(&app, order, "CAST(shipping_cents AS TEXT)").await,
            0,
            "twenty units ship free"
        );
        let change = tracking(&app, &code).await["change"].clone();
        let (line, _) = first_line(&change);
        assert_eq!(
            set_line(&app, &code, &change, line, 1).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            cents(&app, order, "CAST(shipping_cents AS TEXT)").await,
            0,
            "shipping never goes up"
        );
        let merchandise = cents(&app, order, "CAST(merchandise_cents AS TEXT)").await;
        assert_eq!(
            cents(&app, order, "CAST(total_cents AS TEXT)").await,
            merchandise
        );

        let change = tracking(&app, &code).await["change"].clone();
        assert_eq!(cancel(&app, &code, &change).await.status(), StatusCode::OK);
        assert_eq!(order_status(&app, order).await, "cancelled");
        assert_eq!(stock(&app, items[0]).await, 50, "every unit back");
        assert_eq!(party_sales(&app, event).await, 0);
        assert_eq!(hooks_of(&app, order, "order.status_changed").await, 1);
        let page = tracking(&app, &code).await;
        assert!(page["change"].is_null(), "a cancelled order offers nothing");
        assert_eq!(
            page["lines"].as_array().unwrap().len(),
            1,
            "it keeps what it was"
        );
    }
);

db_test!(
    ten_concurrent_changes_of_one_order_apply_once_and_keep_stock_right,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        set_stock(&app, items[0], 40).await;
        let order = orders_from(&app, &tokens, items[0], 5).await[0];
        let code = order_text(&app, order, "tracking_code").await;
        let unit = cents(&app, order, "CAST(merchandise_cents AS TEXT)").await / 5;
        let change = tracking(&app, &code).await["change"].clone();
        let (line, _) = first_line(&change);
        // Ten forms made from the same page, each its own key and quantity.
        let forms: Vec<Value> = (0..10)
            .map(|i| {
                let mut c = change.clone();
                c["key"] = Value::from(format!("form-{i}-0123456789abcdef"));
                c
            })
            .collect();
        let answers = futures::future::join_all(
            forms
                .iter()
                .enumerate()
                .map(|(i, c)| set_line(&app, &code, c, line, 1 + i as i64)),
        )
        .await;
        let ok = answers
            .iter()
            .filter(|r| r.status() == StatusCode::OK)
            .count();
        assert_eq!(
            ok, 1,
            "one change wins, the others are told it changed meanwhile"
        );
        let quantity: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT quantity FROM order_lines WHERE order_id = $1"
        )
        .bind(order)
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(
            stock(&app, items[0]).await,
            40 - quantity,
            "the stock matches the order"
        );
        assert_eq!(
            cents(&app, order, "CAST(merchandise_cents AS TEXT)").await,
            quantity * unit
        );
        assert_eq!(cents(&app, order, "CAST(revision AS TEXT)").await, 1);
    }
);

db_test!(
    an_order_is_not_changed_once_prepared_after_the_deadline_or_by_another_code,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let order = orders_from(&app, &tokens, items[0], 2).await[0];
        let code = order_text(&app, order, "tracking_code").await;
        let change = tracking(&app, &code).await["change"].clone();
        let (line, _) = first_line(&change);
        let wrong = set_line(&app, "no-such-order-code", &change, line, 1).await;
        assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
        // Paid by transfer (not by card): no more changes.
        assert_eq!(
            set_order_status(&app, &signed_in_admin(&app).await, order, "paid", "", "")
                .await
                .status(),
            StatusCode::OK
        );
        assert!(tracking(&app, &code).await["change"].is_null());
        let late = set_line(&app, &code, &change, line, 1).await;
        assert_eq!(late.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(late
            .text()
            .await
            .unwrap()
            .contains("can no longer be changed"));

        let (_, items, tokens) = party(&app, "Ben Roy <ben@example.com>", 1).await;
        let order = orders_from(&app, &tokens[tokens.len() - 1..], items[0], 2).await[0];
        let code = order_text(&app, order, "tracking_code").await;
        let change = tracking(&app, &code).await["change"].clone();
        let event_of = cents(&app, order, "CAST(event_id AS TEXT)").await;
        assert_ne!(event_of, event);
        order_deadline_passed(&app, event_of).await;
        assert!(tracking(&app, &code).await["change"].is_null());
        let (line, _) = first_line(&change);
        assert_eq!(
            set_line(&app, &code, &change, line, 1).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
);

db_test!(engine: a_paid_card_order_only_goes_down_and_gives_the_difference_back, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, item) = card_order(&app).await;
    // Two units: raise the unpaid order first (its payment is made anew).
    let change = tracking(&app, &code).await["change"].clone();
    let (line, _) = first_line(&change);
    let first_intent = order_text(&app, order, "stripe_intent_id").await;
    // A change the stock refuses leaves the order and its payment as they
    // were: the same intent, the same revision.
    let shelf = stock(&app, item).await;
    set_stock(&app, item, 0).await;
    assert_eq!(set_line(&app, &code, &change, line, 2).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(order_text(&app, order, "stripe_intent_id").await, first_intent);
    assert_eq!(tracking(&app, &code).await["change"]["revision"], change["revision"]);
    set_stock(&app, item, shelf).await;
    assert_eq!(set_line(&app, &code, &change, line, 2).await.status(), StatusCode::OK);
    let total = cents(&app, order, "CAST(total_cents AS TEXT)").await;
    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(order_status(&app, order).await, "paid");
    let intent = order_text(&app, order, "stripe_intent_id").await;
    assert_ne!(intent, first_intent, "the old payment was given up");
    assert!(refunds_of(&fake, &first_intent).await.is_empty());

    let shelf = stock(&app, item).await;
    let change = tracking(&app, &code).await["change"].clone();
    assert_eq!(change["paid"], true);
    assert_eq!(set_line(&app, &code, &change, line, 3).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "a paid order does not grow");
    let change = tracking(&app, &code).await["change"].clone();
    assert_eq!(set_line(&app, &code, &change, line, 1).await.status(), StatusCode::OK);
    let unit = total / 2;
    assert_eq!(refunds_of(&fake, &intent).await, vec![unit], "one unit back to the card");
    assert_eq!(stock(&app, item).await, shelf + 1);
    assert_eq!(order_status(&app, order).await, "paid");
    // The worker finds nothing left to refund.
    let pending = app::orders::change::ssr::refund_pending(&app.db, &app.config, chrono::Utc::now());
    assert_eq!(pending.await.unwrap(), 0);

    let change = tracking(&app, &code).await["change"].clone();
    assert_eq!(cancel(&app, &code, &change).await.status(), StatusCode::OK);
    assert_eq!(order_status(&app, order).await, "refunded");
    let refunded = refunds_of(&fake, &intent).await;
    assert_eq!(refunded.iter().sum::<i64>(), total, "the rest went back: {refunded:?}");
    assert_eq!(refunded.len(), 2);
    assert_eq!(stock(&app, item).await, shelf + 2);
});

db_test!(engine: a_refund_stripe_did_not_make_is_retried_by_the_worker_once, |engine: Engine| async move {
    let Some(fake) = LocalStripe::start().await else { return };
    let Some(app) = card_app(engine, &fake).await else { return };
    let (order, code, _) = card_order(&app).await;
    let (status, answer) = pay(&app, &fake, &code, "4242424242424242").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let intent = order_text(&app, order, "stripe_intent_id").await;
    // Stripe out of reach for a moment: the brand's key is gone.
    let set_key = |key: &'static str| {
        let app = &app;
        async move {
            on_db!(app.db.writer(), |pool| sqlx::query("UPDATE brands SET stripe_secret_key = $1")
                .bind(key)
                .execute(pool)
                .await
                .map(|r| r.rows_affected()))
            .unwrap();
        }
    };
    set_key("").await;
    let change = tracking(&app, &code).await["change"].clone();
    assert_eq!(cancel(&app, &code, &change).await.status(), StatusCode::OK, "the guest's cancel is kept");
    assert_eq!(order_status(&app, order).await, "refunded");
    assert!(refunds_of(&fake, &intent).await.is_empty());
    set_key(SECRET_KEY).await;
    let now = chrono::Utc::now();
    assert_eq!(app::orders::change::ssr::refund_pending(&app.db, &app.config, now).await.unwrap(), 1);
    assert_eq!(app::orders::change::ssr::refund_pending(&app.db, &app.config, now).await.unwrap(), 0);
    let total = cents(&app, order, "CAST(total_cents AS TEXT)").await;
    let refunded = refunds_of(&fake, &intent).await;
    assert_eq!(refunded, vec![total], "the whole payment went back once");
});
