//! Friends who cannot come still buy, credited to the host: a guest who
//! answered no keeps ordering, a visitor of the host's "order from my
//! party" link orders without answering, and the host orders for an
//! absent friend, who gets a mail with the link to pay.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        add_to_cart, answer_rsvp, checkout_form, latest_mail_to, mails_to, order_deadline_passed,
        party, place_order, post, read_mail, set_stock, share_slug, stock, visitor_orders, TestApp,
        OTHER_HOST,
    },
};
use app::on_db;

/// The party's sales as the host's live bar shows them.
async fn party_sales(app: &TestApp, event: i64) -> i64 {
    app::showcase::ssr::live_counts(&app.db, event, chrono::Utc::now())
        .await
        .unwrap()
        .sales
        .minor()
}

/// Whom each order of the party is credited to.
async fn credited_hosts(app: &TestApp, event: i64) -> Vec<i64> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT o.host_id FROM orders o WHERE o.event_id = $1 ORDER BY o.id"
    )
    .bind(event)
    .fetch_all(pool)
    .await)
    .unwrap()
}

async fn host_of(app: &TestApp, event: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT host_id FROM events WHERE id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

fn friend_form(event: i64, key: &str, items: &[(i64, &str)]) -> Vec<(String, String)> {
    let mut form = vec![
        ("event_id".to_owned(), event.to_string()),
        ("form[key]".to_owned(), key.to_owned()),
        ("form[name]".to_owned(), "Dora Costa".to_owned()),
        ("form[email]".to_owned(), "dora@example.com".to_owned()),
        ("form[delivery]".to_owned(), "host".to_owned()),
        ("form[address]".to_owned(), String::new()),
    ];
    for (id, quantity) in items {
        form.push((format!("form[items][{id}]"), (*quantity).to_owned()));
    }
    form
}

async fn order_for_friend(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(String, String)],
) -> reqwest::Response {
    client
        .post(app.url("/api/order_for_friend"))
        .form(form)
        .send()
        .await
        .unwrap()
}

db_test!(
    outside_orders_count_for_the_host_a_no_a_share_link_visitor,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        answer_rsvp(&app, &tokens[0], "no").await;
        // A "no" keeps the ordering link.
        assert_eq!(
            add_to_cart(&app, &tokens[0], items[0], 1).await.status(),
            StatusCode::OK
        );
        let form = checkout_form(&tokens[0], "k-0123456789abcdef-no", "host");
        assert_eq!(
            place_order(&app, &app.new_client(), &form).await.status(),
            StatusCode::OK
        );
        // A visitor of the host's link orders without answering.
        let slug = share_slug(&app, event).await;
        post(
            &app,
            &app.client,
            "/api/set_sharing",
            &[("id", event.to_string()), ("enabled", "true".into())],
        )
        .await;
        let res = visitor_orders(&app, &slug, items[0], "eve@example.com").await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );
        let host = host_of(&app, event).await;
        assert_eq!(credited_hosts(&app, event).await, vec![host, host]);
        assert!(party_sales(&app, event).await > 0);
    }
);

db_test!(
    the_host_orders_for_an_absent_friend_who_pays_from_the_mail,
    |app: TestApp| async move {
        let (event, items, _) = party(&app, "Ana Lima <ana@example.com>", 2).await;
        set_stock(&app, items[1], 1).await;
        let shelf = stock(&app, items[0]).await;

        // Every mistake at once, what was typed kept.
        let mut bad = friend_form(event, "friend-0123456789abcdef", &[(items[0], "0")]);
        bad.iter_mut().for_each(|(k, v)| match k.as_str() {
            "form[name]" => v.clear(),
            "form[email]" => *v = "dora-at-example".into(),
            "form[delivery]" => *v = "home".into(),
            _ => {}
        });
        let res = order_for_friend(&app, &app.client, &bad).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let why: Value = res.json().await.unwrap();
        let text = why.to_string();
        for field in ["name", "email", "address", "cart"] {
            assert!(
                text.contains(&format!("\"{field}\"")),
                "{field} is named: {text}"
            );
        }

        // Too many of the last unit: said by the item, nothing taken.
        let short = friend_form(
            event,
            "friend-0123456789abcdef",
            &[(items[0], "1"), (items[1], "2")],
        );
        let res = order_for_friend(&app, &app.client, &short).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains(&format!("line-{}", items[1])));
        assert_eq!(stock(&app, items[0]).await, shelf);

        let good = friend_form(
            event,
            "friend-0123456789abcdef",
            &[(items[0], "2"), (items[1], "0")],
        );
        let res = order_for_friend(&app, &app.client, &good).await;
        assert_eq!(res.status(), StatusCode::OK);
        let code: String = res.json().await.unwrap();
        // The same form again: the same order.
        let again: String = order_for_friend(&app, &app.client, &good)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(again, code);
        assert_eq!(stock(&app, items[0]).await, shelf - 2);
        let host = host_of(&app, event).await;
        assert_eq!(credited_hosts(&app, event).await, vec![host]);
        assert!(party_sales(&app, event).await > 0, "it counts for the host");
        assert_eq!(mails_to(&app, "dora@example.com", "").await, 1);
        let (subject, mail) = read_mail(&latest_mail_to(&app, "dora@example.com").await);
        assert!(subject.contains("ordered for you"), "{subject}");
        assert!(mail.contains("placed this order for you"), "{mail}");
        assert!(
            mail.contains(&format!("/o/{code}")),
            "the link to pay: {mail}"
        );
        let order: Value = app
            .new_client()
            .get(app.url(&format!("/api/order_tracking?code={code}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(order["customer_name"], "Dora Costa");
        assert_eq!(order["status"], "placed");
        let method: Option<String> = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT payment_method FROM orders WHERE tracking_code = $1"
        )
        .bind(&code)
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(
            method.as_deref(),
            Some("transfer"),
            "the brand's first way to pay online"
        );

        // Another host cannot order at this party; after the deadline no one can.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let fresh = friend_form(event, "friend-0123456789abcdef-2", &[(items[0], "1")]);
        assert_eq!(
            order_for_friend(&app, &other, &fresh).await.status(),
            StatusCode::NOT_FOUND
        );
        order_deadline_passed(&app, event).await;
        assert_eq!(
            order_for_friend(&app, &app.client, &fresh).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
);
