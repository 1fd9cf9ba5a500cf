//! Outbound webhooks: order events reach the brand's back office signed,
//! through the delivery outbox with retries; the admin sees every answer.

use std::sync::{Arc, Mutex};

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        add_to_cart, checkout_form, eventually, free_port, party, place_order, post,
        send_signed_webhooks_to, set_order_status, the_order_id, webhook_attempts,
        webhook_deliveries_retrying, webhook_deliveries_with_status, webhook_delivery_status,
        webhook_errors, TestApp, ADMIN,
    },
};

/// A request the fake back office received: (headers, body).
type Seen = Arc<Mutex<Vec<(axum::http::HeaderMap, String)>>>;

/// A real HTTP back office on a free port that fails its first `fail`
/// requests with a 500, then answers 200.
async fn back_office(fail: usize) -> (String, Seen) {
    let seen: Seen = Arc::default();
    let log = seen.clone();
    let router = axum::Router::new().route(
        "/hooks",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let log = log.clone();
            async move {
                let n = {
                    let mut log = log.lock().unwrap();
                    log.push((headers, body));
                    log.len()
                };
                if n <= fail {
                    (
                        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                        "down for maintenance",
                    )
                } else {
                    (axum::http::StatusCode::OK, "thanks")
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (url, seen)
}

db_test!(
    engine: order_events_reach_the_back_office_signed_with_retries,
    |engine| async move {
        let Some(app) = TestApp::spawn_with(engine, &[("OUTBOX_RETRY_BASE_SECS", "1".to_owned())]).await else {
            return;
        };
        let (event_id, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let (url, seen) = back_office(1).await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let res = post(
            &app,
            &admin,
            "/api/save_brand_settings",
            &[
                ("form[shipping_flat]", "5.90".into()),
                ("form[free_shipping_from]", "60".into()),
                ("form[webhook_url]", url.clone()),
                ("form[language]", "en".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let secret: String = post(
            &app,
            &admin,
            "/api/new_brand_secret",
            &[("kind", "Webhook".into())],
        )
        .await
        .json()
        .await
        .unwrap();

        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        let code: String = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-hook-0123456789abcdef", "host"),
        )
        .await
        .json()
        .await
        .unwrap();
        // The first attempt meets a 500; the retry (1 s later) gets through.
        eventually(20, "the order.placed event is delivered", || async {
            let delivered = webhook_deliveries_with_status(&app, "delivered").await;
            delivered == 1
        })
        .await;
        let attempts = webhook_attempts(&app, "order.placed").await;
        assert_eq!(attempts, 2);
        {
            let seen = seen.lock().unwrap();
            assert_eq!(seen.len(), 2);
            let (headers, body) = &seen[1];
            assert_eq!(seen[0].1, *body, "a retry sends the same event");
            let ts: i64 = headers["soiree-timestamp"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            let expected = app::orders::payment::ssr::sign(secret.as_bytes(), ts, body.as_bytes());
            assert_eq!(headers["soiree-signature"].to_str().unwrap(), expected);
            assert_eq!(headers["soiree-event"], "order.placed");
            let event: Value = serde_json::from_str(body).unwrap();
            assert_eq!(event["type"], "order.placed");
            assert_eq!(event["data"]["order"]["tracking_code"], code.as_str());
            assert_eq!(event["data"]["order"]["event_id"], event_id);
            assert_eq!(event["data"]["order"]["lines"].as_array().unwrap().len(), 1);
            assert_eq!(
                headers["soiree-delivery"].to_str().unwrap(),
                event["id"].as_str().unwrap()
            );
        }

        // Paid, then in preparation: order.paid and order.status_changed.
        let order = the_order_id(&app).await;
        set_order_status(&app, &admin, order, "paid", "", "").await;
        set_order_status(&app, &admin, order, "in_preparation", "", "").await;
        eventually(20, "three events delivered", || async {
            seen.lock().unwrap().len() == 4
        })
        .await;
        // Deliveries go out concurrently: they may arrive in any order.
        let mut types: Vec<String> = seen
            .lock()
            .unwrap()
            .iter()
            .map(|(h, _)| h["soiree-event"].to_str().unwrap().to_owned())
            .collect();
        types[2..].sort();
        assert_eq!(
            types[2..],
            ["order.paid".to_owned(), "order.status_changed".to_owned()]
        );
        let last: Value = seen
            .lock()
            .unwrap()
            .iter()
            .map(|(_, body)| serde_json::from_str::<Value>(body).unwrap())
            .find(|e| e["type"] == "order.status_changed")
            .unwrap();
        assert_eq!(
            (last["data"]["from"].as_str(), last["data"]["to"].as_str()),
            (Some("paid"), Some("in_preparation"))
        );

        // The admin sees every delivery and the answer; a host does not.
        let list: Value = admin
            .get(app.url("/api/webhook_deliveries"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let rows = list["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 3);
        assert!(rows
            .iter()
            .all(|r| r["status"] == "delivered" && r["response"] == "HTTP 200: thanks"));
        assert_eq!(
            app.client
                .get(app.url("/api/webhook_deliveries"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
    }
);

db_test!(
    a_back_office_that_stays_down_fails_after_a_day_and_can_be_retried,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        // Nothing listens here.
        let dead = format!("http://127.0.0.1:{}/hooks", free_port());
        send_signed_webhooks_to(&app, &dead, "whsec_test").await;
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-dead-0123456789abcdef", "host"),
        )
        .await;
        eventually(20, "a failed attempt is recorded", || async {
            let errors = webhook_deliveries_retrying(&app).await;
            errors == 1
        })
        .await;
        // A day later it is given up: the worker's record marks it failed.
        let hook = app::webhooks::ssr::ClaimedHook {
            id: 1,
            brand_id: 1,
            event_key: String::new(),
            event_type: "order.placed".into(),
            payload: String::new(),
            attempts: 9,
            created_at: chrono::Utc::now() - chrono::Duration::hours(25),
        };
        app::webhooks::ssr::record(
            &app.db,
            &hook,
            &app::webhooks::ssr::Attempt {
                status: None,
                body: String::new(),
                error: Some("connection refused".into()),
            },
            chrono::Duration::seconds(1),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let list: Value = admin
            .get(app.url("/api/webhook_deliveries"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list["rows"][0]["status"], "failed");
        assert_eq!(list["rows"][0]["response"], "connection refused");
        // "Send again" queues it anew; another brand's admin cannot.
        assert_eq!(
            post(&app, &admin, "/api/retry_webhook", &[("id", "1".into())])
                .await
                .status(),
            StatusCode::OK
        );
        let status = webhook_delivery_status(&app, 1).await;
        assert_eq!(status, "pending");
        assert_eq!(
            post(&app, &admin, "/api/retry_webhook", &[("id", "999".into())])
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    }
);

db_test!(
    engine: webhooks_reach_only_public_addresses,
    |engine| async move {
        // As in production: loopback is not allowed.
        let Some(app) =
            TestApp::spawn_with(engine, &[("WEBHOOKS_ALLOW_LOOPBACK", "false".to_owned())]).await
        else {
            return;
        };
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let save = |url: &str| {
            let form = vec![
                ("form[shipping_flat]", "5.90".to_owned()),
                ("form[free_shipping_from]", "60".to_owned()),
                ("form[webhook_url]", url.to_owned()),
                ("form[language]", "en".to_owned()),
            ];
            let admin = admin.clone();
            let app = &app;
            async move { post(app, &admin, "/api/save_brand_settings", &form).await }
        };
        for private in [
            "http://127.0.0.1:9/hooks",
            "http://localhost/hooks",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.8/hooks",
            "http://[::1]/hooks",
            "http://[::ffff:192.168.1.1]/hooks",
        ] {
            let res = save(private).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{private}");
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["Invalid"]["field"], "webhook_url", "{private}");
            assert!(
                body["Invalid"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("private network"),
                "{body}"
            );
        }

        // An address that passed once (or a name that resolves elsewhere
        // since) is refused again at send time: nothing reaches it.
        let (url, seen) = back_office(0).await;
        let by_name = url.replace("127.0.0.1", "localhost");
        for (i, target) in [url.clone(), by_name].into_iter().enumerate() {
            send_signed_webhooks_to(&app, &target, "whsec_test").await;
            add_to_cart(&app, &tokens[0], ids[0], 1).await;
            place_order(
                &app,
                &app.new_client(),
                &checkout_form(&tokens[0], &format!("key-ssrf-{i}-0123456789abcdef"), "host"),
            )
            .await;
            eventually(20, "the delivery meets its refusal", || async {
                webhook_errors(&app).await.len() > i
            })
            .await;
        }
        let errors = webhook_errors(&app).await;
        assert!(errors[0].contains("is not a public address"), "{errors:?}");
        assert!(
            errors[1].contains("only to addresses that are not public"),
            "{errors:?}"
        );
        assert!(seen.lock().unwrap().is_empty(), "nothing reached loopback");
    }
);

db_test!(
    a_back_offices_answer_is_kept_short,
    |app: TestApp| async move {
        // A back office that answers 1 MB: the log keeps 1,000 bytes.
        let router = axum::Router::new().route(
            "/hooks",
            axum::routing::post(|| async { "x".repeat(1024 * 1024) }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hooks", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        send_signed_webhooks_to(&app, &url, "whsec_test").await;
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-long-answer-0123456789", "host"),
        )
        .await;
        eventually(20, "the event is delivered", || async {
            webhook_deliveries_with_status(&app, "delivered").await == 1
        })
        .await;
        let kept: String = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT response_body FROM webhook_deliveries"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(kept.len(), 1000);
    }
);
