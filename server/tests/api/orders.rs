//! Carts and checkout: one transaction per order, idempotent, never selling
//! stock that is not there, refused after the order deadline.

use app::on_db;
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::TestApp,
    invitations::{invited, post},
};

/// An event with `items` featured and one invited guest per line of
/// `guests`; returns (event, item ids, guest tokens).
pub async fn party(app: &TestApp, guests: &str, items: i64) -> (i64, Vec<i64>, Vec<String>) {
    let (event, tokens) = invited(app, "50", guests).await;
    let ids: Vec<i64> = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM items WHERE stock > 10 ORDER BY sku LIMIT $1"
    )
    .bind(items)
    .fetch_all(pool)
    .await)
    .unwrap();
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
    (event, ids, tokens)
}

pub async fn add(app: &TestApp, token: &str, item: i64, quantity: i64) -> reqwest::Response {
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

pub fn checkout(token: &str, key: &str, delivery: &str) -> Vec<(&'static str, String)> {
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

pub async fn place(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&str, String)],
) -> reqwest::Response {
    post(app, client, "/api/place_order", form).await
}

pub async fn stock(app: &TestApp, item: i64) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT stock FROM items WHERE id = $1"
    )
    .bind(item)
    .fetch_one(pool)
    .await)
    .unwrap()
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await)
    .unwrap()
}

db_test!(
    an_order_snapshots_its_lines_and_the_double_submit_gives_one_order,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 2).await;
        let before = [stock(&app, ids[0]).await, stock(&app, ids[1]).await];
        assert_eq!(
            add(&app, &tokens[0], ids[0], 2).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            add(&app, &tokens[0], ids[1], 1).await.status(),
            StatusCode::OK
        );
        // The cart survives: another client with the same link sees it.
        let cart: Value = app
            .new_client()
            .get(app.url(&format!("/api/cart?token={}&slug=", tokens[0])))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(cart["lines"].as_array().unwrap().len(), 2);
        let expected = cart["to_home"].clone();

        let key = "k-0123456789abcdef-double";
        let form = checkout(&tokens[0], key, "home");
        // A double click, and more: five submissions of one form at once.
        let clients: Vec<reqwest::Client> = (0..5).map(|_| app.new_client()).collect();
        let answers =
            futures::future::join_all(clients.iter().map(|c| place(&app, c, &form))).await;
        let mut codes = Vec::new();
        for res in answers {
            assert_eq!(res.status(), StatusCode::OK);
            codes.push(res.json::<String>().await.unwrap());
        }
        let a = codes[0].clone();
        assert!(
            codes.iter().all(|c| *c == a),
            "the same form gives the same order"
        );
        // And once more later, e.g. a retry after a timeout.
        let c: String = place(&app, &app.new_client(), &form)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(a, c);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
        assert_eq!(stock(&app, ids[0]).await, before[0] - 2);
        assert_eq!(stock(&app, ids[1]).await, before[1] - 1);

        let order: Value = app
            .new_client()
            .get(app.url(&format!("/api/order_tracking?code={a}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(order["status"], "placed");
        assert_eq!(order["totals"], expected);
        let t = &order["totals"];
        assert_eq!(
            t["total_cents"].as_i64().unwrap(),
            t["merchandise_cents"].as_i64().unwrap() + t["shipping_cents"].as_i64().unwrap()
        );
        assert_eq!(order["lines"].as_array().unwrap().len(), 2);
        assert_eq!(order["steps"][0]["status"], "placed");
        // Lines keep the price they were sold at.
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE items SET price_cents = price_cents + 1000"
        )
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let again: Value = app
            .new_client()
            .get(app.url(&format!("/api/order_tracking?code={a}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(again["lines"], order["lines"]);
        // The cart is empty; the confirmation is queued with the tracking link.
        let cart: Value = app
            .new_client()
            .get(app.url(&format!("/api/cart?token={}&slug=", tokens[0])))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(cart["lines"], serde_json::json!([]));
        let mail: String = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT message FROM outbox WHERE recipient = 'ana@example.com' ORDER BY id DESC LIMIT 1"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert!(mail.replace("=\r\n", "").contains(&format!("/o/{a}")));
        // A wrong tracking code shows nothing.
        let res = app
            .new_client()
            .get(app.url("/api/order_tracking?code=nope"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

db_test!(
    fifty_checkouts_for_the_last_ten_units_sell_exactly_ten,
    |app: TestApp| async move {
        let guests: String = (0..50)
            .map(|i| format!("Guest {i} <g{i}@example.com>\n"))
            .collect();
        let (_, ids, tokens) = party(&app, &guests, 1).await;
        let item = ids[0];
        for token in &tokens {
            assert_eq!(add(&app, token, item, 1).await.status(), StatusCode::OK);
        }
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE items SET stock = 10 WHERE id = $1"
        )
        .bind(item)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let results = futures::future::join_all(tokens.iter().enumerate().map(|(n, token)| {
            let app = &app;
            let form = checkout(token, &format!("key-{n}-0123456789abcdef"), "host");
            async move { place(app, &app.new_client(), &form).await }
        }))
        .await;
        let mut ok = 0;
        for res in results {
            match res.status() {
                StatusCode::OK => ok += 1,
                StatusCode::UNPROCESSABLE_ENTITY => {
                    let body: Value = res.json().await.unwrap();
                    assert_eq!(body["Invalid"]["field"], format!("line-{item}"));
                    assert!(body["Invalid"]["message"]
                        .as_str()
                        .unwrap()
                        .contains("sold out"));
                }
                other => panic!("unexpected status {other}"),
            }
        }
        assert_eq!(ok, 10);
        assert_eq!(stock(&app, item).await, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 10);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM order_lines").await, 10);
    }
);

db_test!(
    checkout_is_checked_and_closed_after_the_deadline,
    |app: TestApp| async move {
        let (event, ids, tokens) = party(&app, "Ana <ana@example.com>", 1).await;
        // More than the stock is refused in the cart already.
        let left = stock(&app, ids[0]).await;
        let res = add(&app, &tokens[0], ids[0], left + 1).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // An item the party does not feature cannot be added.
        let other: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM items WHERE id <> $1 ORDER BY id LIMIT 1"
        )
        .bind(ids[0])
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(
            add(&app, &tokens[0], other, 1).await.status(),
            StatusCode::NOT_FOUND
        );
        // An empty cart, then bad fields, each on its field.
        let res = place(
            &app,
            &app.new_client(),
            &checkout(&tokens[0], "key-empty-0123456789", "host"),
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        add(&app, &tokens[0], ids[0], 1).await;
        for (field, value, says) in [
            ("form[email]", "not-an-email", "email"),
            ("form[delivery]", "drone", "delivery"),
            ("form[name]", " ", "name"),
        ] {
            let mut form = checkout(&tokens[0], "key-bad-0123456789ab", "host");
            form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = value.to_owned();
            let res = place(&app, &app.new_client(), &form).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["Invalid"]["field"], says);
        }
        let mut form = checkout(&tokens[0], "key-addr-0123456789a", "home");
        form.iter_mut()
            .find(|(k, _)| *k == "form[address]")
            .unwrap()
            .1 = "home".into();
        let body: Value = place(&app, &app.new_client(), &form)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(body["Invalid"]["field"], "address");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);

        // After the deadline: refused, and nothing is sold.
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE events SET orders_close_at = $1 WHERE id = $2"
        )
        .bind(chrono::Utc::now() - chrono::Duration::minutes(1))
        .bind(event)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let before = stock(&app, ids[0]).await;
        let res = place(
            &app,
            &app.new_client(),
            &checkout(&tokens[0], "key-late-0123456789a", "host"),
        )
        .await;
        assert!(
            res.status() == StatusCode::NOT_FOUND
                || res.status() == StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);
        assert_eq!(stock(&app, ids[0]).await, before);
    }
);

db_test!(
    a_share_link_visitor_orders_with_a_cart_of_their_own,
    |app: TestApp| async move {
        let (event, ids, _) = party(&app, "Ana <ana@example.com>", 1).await;
        let slug: String = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT share_slug FROM events WHERE id = $1"
        )
        .bind(event)
        .fetch_one(pool)
        .await)
        .unwrap();
        let visitor = app.new_client();
        let res = post(
            &app,
            &visitor,
            "/api/add_to_cart",
            &[
                ("token", String::new()),
                ("slug", slug.clone()),
                ("item_id", ids[0].to_string()),
                ("quantity", "2".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let cart: Value = visitor
            .get(app.url(&format!("/api/cart?token=&slug={slug}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(cart["lines"][0]["quantity"], 2);
        // Another visitor has an empty cart.
        let stranger: Value = app
            .new_client()
            .get(app.url(&format!("/api/cart?token=&slug={slug}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(stranger["lines"], serde_json::json!([]));
        let mut form = checkout("", "key-visitor-0123456789", "host");
        form[1].1 = slug.clone();
        let res = place(&app, &visitor, &form).await;
        assert_eq!(res.status(), StatusCode::OK);
        let guest_id: Option<i64> = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT guest_id FROM orders"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(guest_id, None);
    }
);

pub async fn set_status(
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

db_test!(
    the_brand_moves_an_order_along_and_the_guest_follows_it,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        add(&app, &tokens[0], ids[0], 3).await;
        let before = stock(&app, ids[0]).await;
        let code: String = place(
            &app,
            &app.new_client(),
            &checkout(&tokens[0], "key-flow-0123456789ab", "host"),
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(stock(&app, ids[0]).await, before - 3);
        let order: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM orders"
        )
        .fetch_one(pool)
        .await)
        .unwrap();

        // The host cannot change an order; nor can another brand's admin.
        assert_eq!(
            set_status(&app, &app.client, order, "paid", "", "")
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let admin = app.new_client();
        app.login_with(&admin, crate::helpers::ADMIN.0, crate::helpers::ADMIN.1)
            .await;

        let list: Value = admin.get(app.url("/api/brand_orders?query[status]=placed&query[event]=&query[host]=&query[from]=&query[to]=&query[page]=1")).send().await.unwrap().json().await.unwrap();
        assert_eq!(list["total"], 1);
        let none: Value = admin.get(app.url("/api/brand_orders?query[status]=shipped&query[event]=&query[host]=&query[from]=&query[to]=&query[page]=1")).send().await.unwrap().json().await.unwrap();
        assert_eq!(none["total"], 0);

        assert_eq!(
            set_status(&app, &admin, order, "paid", "", "")
                .await
                .status(),
            StatusCode::OK
        );
        // A step cannot be skipped.
        let res = set_status(&app, &admin, order, "shipped", "Colissimo", "6A123").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            set_status(&app, &admin, order, "in_preparation", "", "")
                .await
                .status(),
            StatusCode::OK
        );
        // Shipping needs the carrier and the tracking number.
        let res = set_status(&app, &admin, order, "shipped", "Colissimo", "").await;
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "tracking_number");
        assert_eq!(
            set_status(&app, &admin, order, "shipped", "Colissimo", "6A12345678")
                .await
                .status(),
            StatusCode::OK
        );

        let t: Value = app
            .new_client()
            .get(app.url(&format!("/api/order_tracking?code={code}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(t["status"], "shipped");
        let steps: Vec<&str> = t["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["status"].as_str().unwrap())
            .collect();
        assert_eq!(steps, vec!["placed", "paid", "in_preparation", "shipped"]);
        assert_eq!(
            t["steps"][3]["note"],
            "Colissimo, tracking number 6A12345678"
        );
        // Each change mails the guest (after the confirmation).
        let mails = count(&app, "SELECT COUNT(*) FROM outbox WHERE recipient = 'ana@example.com' AND subject LIKE 'Your order%'").await;
        assert_eq!(mails, 4);
        let who: String = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT actor FROM order_status_changes WHERE status = 'paid'"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(who, "brand admin admin@atelier-lumen.example");
    }
);

db_test!(
    a_cancelled_order_gives_its_stock_back,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let before = stock(&app, ids[0]).await;
        add(&app, &tokens[0], ids[0], 2).await;
        place(
            &app,
            &app.new_client(),
            &checkout(&tokens[0], "key-cancel-0123456789", "host"),
        )
        .await;
        let order: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM orders"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        let admin = app.new_client();
        app.login_with(&admin, crate::helpers::ADMIN.0, crate::helpers::ADMIN.1)
            .await;
        assert_eq!(
            set_status(&app, &admin, order, "cancelled", "", "")
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(stock(&app, ids[0]).await, before);
        // A cancelled order is final.
        assert_eq!(
            set_status(&app, &admin, order, "paid", "", "")
                .await
                .status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            set_status(&app, &admin, 999_999, "paid", "", "")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    }
);

db_test!(
    the_payment_webhook_checks_signature_time_and_replays,
    |app: TestApp| async move {
        use app::orders::payment::ssr::sign;
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        add(&app, &tokens[0], ids[0], 1).await;
        let code: String = place(
            &app,
            &app.new_client(),
            &checkout(&tokens[0], "key-webhook-0123456789", "host"),
        )
        .await
        .json()
        .await
        .unwrap();
        let total: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT total_cents FROM orders"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        let secret = "whsec-test-0123456789";
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE brands SET payment_webhook_secret = $1"
        )
        .bind(secret)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let send = |body: String, ts: i64, signature: String, brand: &'static str| {
            let app = &app;
            async move {
                app.new_client()
                    .post(app.url(&format!("/webhooks/payments/{brand}")))
                    .header("Soiree-Timestamp", ts.to_string())
                    .header("Soiree-Signature", signature)
                    .header("Content-Type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .unwrap()
            }
        };
        let now = chrono::Utc::now().timestamp();
        let body = serde_json::json!({"id": "evt_1", "type": "payment.succeeded", "data": {"order": code, "amount_cents": total}}).to_string();
        let good = sign(secret.as_bytes(), now, body.as_bytes());

        // A bad signature, an old timestamp, an unknown brand: refused, nothing paid.
        assert_eq!(
            send(
                body.clone(),
                now,
                sign(b"wrong", now, body.as_bytes()),
                "atelier-lumen"
            )
            .await
            .status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            send(body.clone(), now, String::new(), "atelier-lumen")
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        let old = now - 6 * 60;
        assert_eq!(
            send(
                body.clone(),
                old,
                sign(secret.as_bytes(), old, body.as_bytes()),
                "atelier-lumen"
            )
            .await
            .status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            send(body.clone(), now, good.clone(), "no-such-brand")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let wrong_amount = serde_json::json!({"id": "evt_2", "type": "payment.succeeded", "data": {"order": code, "amount_cents": total - 1}}).to_string();
        assert_eq!(
            send(
                wrong_amount.clone(),
                now,
                sign(secret.as_bytes(), now, wrong_amount.as_bytes()),
                "atelier-lumen"
            )
            .await
            .status(),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM orders WHERE status = 'paid'").await,
            0
        );

        let res = send(body.clone(), now, good.clone(), "atelier-lumen").await;
        assert_eq!(res.status(), StatusCode::OK);
        let answer: Value = res.json().await.unwrap();
        assert_eq!(answer["status"], "processed");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM orders WHERE status = 'paid'").await,
            1
        );
        // The same event again is recognised and changes nothing.
        let res = send(body.clone(), now, good.clone(), "atelier-lumen").await;
        let answer: Value = res.json().await.unwrap();
        assert_eq!(answer["status"], "duplicate");
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM order_status_changes WHERE status = 'paid'"
            )
            .await,
            1
        );
        let t: Value = app
            .new_client()
            .get(app.url(&format!("/api/order_tracking?code={code}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(t["status"], "paid");
    }
);

db_test!(
    the_brand_sets_shipping_and_secrets,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        // The host may not.
        let form = [
            ("form[shipping_flat]", "4.50".to_owned()),
            ("form[free_shipping_from]", "100".to_owned()),
            ("form[webhook_url]", "https://shop.example/hooks".to_owned()),
        ];
        assert_eq!(
            post(&app, &app.client, "/api/save_brand_settings", &form)
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let admin = app.new_client();
        app.login_with(&admin, crate::helpers::ADMIN.0, crate::helpers::ADMIN.1)
            .await;
        let bad = [
            ("form[shipping_flat]", "4.50".to_owned()),
            ("form[free_shipping_from]", "100".to_owned()),
            ("form[webhook_url]", "shop.example".to_owned()),
        ];
        let res = post(&app, &admin, "/api/save_brand_settings", &bad).await;
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "webhook_url");
        assert_eq!(
            post(&app, &admin, "/api/save_brand_settings", &form)
                .await
                .status(),
            StatusCode::OK
        );

        add(&app, &tokens[0], ids[0], 1).await;
        let cart: Value = app
            .new_client()
            .get(app.url(&format!("/api/cart?token={}&slug=", tokens[0])))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(cart["to_home"]["shipping_cents"], 450);
        assert_eq!(cart["shipping"]["free_from_cents"], 10000);

        let settings: Value = admin
            .get(app.url("/api/brand_settings"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(settings["has_payment_secret"], false);
        let secret: String = post(
            &app,
            &admin,
            "/api/new_brand_secret",
            &[("kind", "Payment".into())],
        )
        .await
        .json()
        .await
        .unwrap();
        assert!(secret.starts_with("whsec_") && secret.len() > 60);
        let settings: Value = admin
            .get(app.url("/api/brand_settings"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(settings["has_payment_secret"], true);
        assert!(
            !settings.to_string().contains(&secret),
            "a secret is shown once, never again"
        );
    }
);
