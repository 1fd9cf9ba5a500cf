//! What the irreversible actions do and say before they are confirmed:
//! cancelling a party (guests told, unpaid orders cancelled and paid ones
//! refunded, with their stock back), closing it ahead of the deadline (the time
//! guests lose), and the guest's page of a party that is over.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        get_json, mails_to, order_deadline_passed, order_status, orders_from, party,
        party_was_held, post, set_order_status, signed_in_admin, stock, stopped_at, TestApp,
    },
};

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

/// The host cancels `event`; the answer's status.
async fn cancel(app: &TestApp, event: i64) -> StatusCode {
    post(
        app,
        &app.client,
        "/api/cancel_event",
        &[("id", event.to_string())],
    )
    .await
    .status()
}

async fn answer_no(app: &TestApp, token: &str) {
    let res = post(
        app,
        &app.new_client(),
        "/api/answer_invitation",
        &[
            ("token", token.to_owned()),
            ("rsvp", "no".into()),
            ("companions", "0".into()),
            ("note", String::new()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
}

db_test!(
    cancelling_tells_the_guests_cancels_the_unpaid_orders_and_refunds_the_paid,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        let before = stock(&app, items[0]).await;
        // Ana and Chloé order; Chloé pays; Ben says no.
        let orders = orders_from(&app, &tokens, items[0], 1).await;
        let admin = signed_in_admin(&app).await;
        set_order_status(&app, &admin, orders[2], "paid", "", "").await;
        set_order_status(&app, &admin, orders[1], "cancelled", "", "").await;
        answer_no(&app, &tokens[1]).await;

        // The host reads the consequence before confirming; the admin does not get it.
        let details = get_json(&app, &app.client, &format!("/api/event?id={event}")).await;
        assert_eq!(
            details["cancel_impact"],
            serde_json::json!({ "guests_told": 2, "orders_cancelled": 1, "paid_orders": 1 })
        );
        let sentence: app::events::CancelImpact =
            serde_json::from_value(details["cancel_impact"].clone()).unwrap();
        assert_eq!(
            sentence.sentence_in(app::base::l10n::Lang::En),
            "2 guests will be told by email; 1 unpaid order will be cancelled; 1 paid order will be cancelled and refunded. This cannot be undone."
        );
        let seen = get_json(&app, &admin, &format!("/api/event?id={event}")).await;
        assert_eq!(seen["cancel_impact"], Value::Null);

        assert_eq!(cancel(&app, event).await, StatusCode::OK);
        assert_eq!(order_status(&app, orders[0]).await, "cancelled");
        assert_eq!(order_status(&app, orders[2]).await, "refunded");
        assert_eq!(stock(&app, items[0]).await, before, "every unit is back");
        assert_eq!(mails_to(&app, "ana@example.com", "Cancelled: ").await, 1);
        assert_eq!(mails_to(&app, "chloe@example.com", "Cancelled: ").await, 1);
        assert_eq!(mails_to(&app, "ben@example.com", "Cancelled: ").await, 0);
        assert_eq!(
            mails_to(&app, "ana@example.com", "Your order").await,
            2,
            "placed, then cancelled"
        );
        assert_eq!(
            mails_to(&app, "chloe@example.com", "Your order").await,
            3,
            "placed, paid, then refunded"
        );

        // Cancelling again changes nothing.
        assert_eq!(cancel(&app, event).await, StatusCode::OK);
        assert_eq!(mails_to(&app, "ana@example.com", "Cancelled: ").await, 1);

        // Ana's page says so at the top and offers nothing to order.
        let page = get_json(
            &app,
            &app.new_client(),
            &format!("/api/invitation?token={}", tokens[0]),
        )
        .await;
        assert_eq!(page["cancelled"], true);
        assert_eq!(page["ordering"], false);
        assert_eq!(page["open"], false);
        let html = app
            .new_client()
            .get(app.url(&format!("/i/{}", tokens[0])))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("cancelled this party"), "the banner: {html}");
        assert!(!html.contains("Your cart and checkout"));
    }
);

db_test!(
    closing_early_says_what_guests_lose_and_their_pages_say_it_is_over,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        party_was_held(&app, event).await;
        let panel = get_json(
            &app,
            &app.client,
            &format!("/api/reward_panel?event_id={event}"),
        )
        .await;
        let left = panel["ordering_left"]
            .as_str()
            .expect("time left to order")
            .to_owned();
        assert!(left.contains(" day"), "{left}");

        let res = post(
            &app,
            &app.client,
            "/api/close_event",
            &[("event_id", event.to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let panel = get_json(
            &app,
            &app.client,
            &format!("/api/reward_panel?event_id={event}"),
        )
        .await;
        assert_eq!(panel["ordering_left"], Value::Null);

        // A closed party can no longer be cancelled.
        assert_eq!(cancel(&app, event).await, StatusCode::UNPROCESSABLE_ENTITY);

        let guest = app.new_client();
        let page = get_json(
            &app,
            &guest,
            &format!("/api/invitation?token={}", tokens[0]),
        )
        .await;
        assert_eq!(page["cancelled"], false);
        assert_eq!(page["ordering"], false);
        let item = get_json(
            &app,
            &guest,
            &format!(
                "/api/showcase_item?token={}&slug=&item_id={}",
                tokens[0], items[0]
            ),
        )
        .await;
        assert_eq!(item["ordering"], false);
        let html = guest
            .get(app.url(&format!("/i/{}", tokens[0])))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("This party is closed"), "the banner: {html}");
        assert!(!html.contains("Your cart and checkout"));

        // After the deadline the link still opens the page that says so.
        order_deadline_passed(&app, event).await;
        let page = get_json(
            &app,
            &guest,
            &format!("/api/invitation?token={}", tokens[0]),
        )
        .await;
        assert_eq!(page["ordering"], false);
        assert!(page["orders_close"].as_str().unwrap().len() > 5);
    }
);

db_test!(
    a_cancellation_cut_short_by_a_crash_is_finished_by_the_worker,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        let before = stock(&app, items[0]).await;
        let orders = orders_from(&app, &tokens, items[0], 1).await;
        let finish = || {
            app::pages::host_event::ssr::finish_cancellations(
                &app.db,
                &app.config,
                chrono::Utc::now(),
            )
        };
        // A party stopped just now is left to the request that stops it.
        stopped_at(&app, event, chrono::Utc::now()).await;
        assert_eq!(finish().await.unwrap(), 0);
        assert_eq!(order_status(&app, orders[0]).await, "placed");

        // The party was stopped five minutes ago, and the server died before
        // it cancelled the orders.
        stopped_at(
            &app,
            event,
            chrono::Utc::now() - chrono::Duration::minutes(5),
        )
        .await;
        assert_eq!(finish().await.unwrap(), 1);
        for order in &orders {
            assert_eq!(order_status(&app, *order).await, "cancelled");
        }
        assert_eq!(stock(&app, items[0]).await, before, "the stock is back");
        assert_eq!(mails_to(&app, "ana@example.com", "Your order").await, 2);
        // A second pass finds nothing left to do, and mails no one twice.
        assert_eq!(finish().await.unwrap(), 0);
        assert_eq!(mails_to(&app, "ana@example.com", "Your order").await, 2);
    }
);
