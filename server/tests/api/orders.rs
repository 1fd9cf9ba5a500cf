//! Carts and checkout: one transaction per order, idempotent, never selling
//! stock that is not there, refused after the order deadline.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        add_to_cart, another_item, checkout_form, latest_mail_to, mails_to, order_count,
        order_deadline_passed, order_guest, order_line_count, order_total, orders_from,
        orders_with_status, party, place_order, post, raise_prices, set_order_status,
        set_payment_secret, set_stock, share_slug, signed_in_admin, status_changes_to, stock,
        the_order_id, who_set_status, TestApp,
    },
};

db_test!(
    an_order_snapshots_its_lines_and_the_double_submit_gives_one_order,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 2).await;
        let before = [stock(&app, ids[0]).await, stock(&app, ids[1]).await];
        assert_eq!(
            add_to_cart(&app, &tokens[0], ids[0], 2).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            add_to_cart(&app, &tokens[0], ids[1], 1).await.status(),
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
        let form = checkout_form(&tokens[0], key, "home");
        // A double click, and more: five submissions of one form at once.
        let clients: Vec<reqwest::Client> = (0..5).map(|_| app.new_client()).collect();
        let answers =
            futures::future::join_all(clients.iter().map(|c| place_order(&app, c, &form))).await;
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
        let c: String = place_order(&app, &app.new_client(), &form)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(a, c);
        assert_eq!(order_count(&app).await, 1);
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
        raise_prices(&app, 1000).await;
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
        let mail = latest_mail_to(&app, "ana@example.com").await;
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
    an_idempotency_key_is_bound_to_its_buyer,
    |app: TestApp| async move {
        let guests = "Ana Lima <ana@example.com>\nBea Roy <bea@example.com>";
        let (_, ids, tokens) = party(&app, guests, 1).await;
        let key = "k-0123456789abcdef-shared";
        // Each guest's checkout with the same key, after `items` in the cart.
        let checkout = async |guest: usize, items: i64| {
            if items > 0 {
                let res = add_to_cart(&app, &tokens[guest], ids[0], items).await;
                assert_eq!(res.status(), StatusCode::OK);
            }
            let form = checkout_form(&tokens[guest], key, "host");
            place_order(&app, &app.new_client(), &form).await
        };
        let res = checkout(0, 1).await;
        assert_eq!(res.status(), StatusCode::OK);
        let ana: String = res.json().await.unwrap();
        // Bea, who learnt Ana's key, sends it with her empty cart: she is not
        // answered with Ana's order.
        let res = checkout(1, 0).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!res.text().await.unwrap().contains(&ana));
        // With an item in her cart, the key gives her an order of her own.
        let res = checkout(1, 1).await;
        assert_eq!(res.status(), StatusCode::OK);
        let bea: String = res.json().await.unwrap();
        assert_ne!(ana, bea);
        assert_eq!(order_count(&app).await, 2);
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
            assert_eq!(
                add_to_cart(&app, token, item, 1).await.status(),
                StatusCode::OK
            );
        }
        set_stock(&app, item, 10).await;
        let results = futures::future::join_all(tokens.iter().enumerate().map(|(n, token)| {
            let app = &app;
            let form = checkout_form(token, &format!("key-{n}-0123456789abcdef"), "host");
            async move { place_order(app, &app.new_client(), &form).await }
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
        assert_eq!(order_count(&app).await, 10);
        assert_eq!(order_line_count(&app).await, 10);
    }
);

db_test!(
    checkout_is_checked_and_closed_after_the_deadline,
    |app: TestApp| async move {
        let (event, ids, tokens) = party(&app, "Ana <ana@example.com>", 1).await;
        // More than the stock is refused in the cart already.
        let left = stock(&app, ids[0]).await;
        let res = add_to_cart(&app, &tokens[0], ids[0], left + 1).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // An item the party does not feature cannot be added.
        let other = another_item(&app, ids[0]).await;
        assert_eq!(
            add_to_cart(&app, &tokens[0], other, 1).await.status(),
            StatusCode::NOT_FOUND
        );
        // An empty cart, then bad fields, each on its field.
        let res = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-empty-0123456789", "host"),
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        for (field, value, says) in [
            ("form[email]", "not-an-email", "email"),
            ("form[delivery]", "drone", "delivery"),
            ("form[name]", " ", "name"),
        ] {
            let mut form = checkout_form(&tokens[0], "key-bad-0123456789ab", "host");
            form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = value.to_owned();
            let res = place_order(&app, &app.new_client(), &form).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["Invalid"]["field"], says);
        }
        let mut form = checkout_form(&tokens[0], "key-addr-0123456789a", "home");
        form.iter_mut()
            .find(|(k, _)| *k == "form[address]")
            .unwrap()
            .1 = "home".into();
        let body: Value = place_order(&app, &app.new_client(), &form)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(body["Invalid"]["field"], "address");
        // Several mistakes at once: each one, on its field.
        let mut form = checkout_form(&tokens[0], "key-many-0123456789a", "home");
        for (field, value) in [
            ("form[name]", ""),
            ("form[email]", "not-an-email"),
            ("form[address]", "home"),
        ] {
            form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = value.to_owned();
        }
        let body: Value = place_order(&app, &app.new_client(), &form)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(body["Invalid"]["field"], "name");
        let others: Vec<&str> = body["Invalid"]["also"]
            .as_array()
            .expect("the other mistakes")
            .iter()
            .map(|pair| pair[0].as_str().unwrap())
            .collect();
        assert_eq!(others, ["email", "address"]);
        assert_eq!(order_count(&app).await, 0);

        // After the deadline: refused, and nothing is sold.
        order_deadline_passed(&app, event).await;
        let before = stock(&app, ids[0]).await;
        let res = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-late-0123456789a", "host"),
        )
        .await;
        assert!(
            res.status() == StatusCode::NOT_FOUND
                || res.status() == StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(order_count(&app).await, 0);
        assert_eq!(stock(&app, ids[0]).await, before);
    }
);

db_test!(
    a_share_link_visitor_orders_with_a_cart_of_their_own,
    |app: TestApp| async move {
        let (event, ids, _) = party(&app, "Ana <ana@example.com>", 1).await;
        let slug = share_slug(&app, event).await;
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
        let mut form = checkout_form("", "key-visitor-0123456789", "host");
        form[1].1 = slug.clone();
        let res = place_order(&app, &visitor, &form).await;
        assert_eq!(res.status(), StatusCode::OK);
        let guest_id = order_guest(&app).await;
        assert_eq!(guest_id, None);
    }
);

db_test!(
    the_brand_moves_an_order_along_and_the_guest_follows_it,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        add_to_cart(&app, &tokens[0], ids[0], 3).await;
        let before = stock(&app, ids[0]).await;
        let code: String = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-flow-0123456789ab", "host"),
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(stock(&app, ids[0]).await, before - 3);
        let order = the_order_id(&app).await;

        // The host cannot change an order; nor can another brand's admin.
        assert_eq!(
            set_order_status(&app, &app.client, order, "paid", "", "")
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
            set_order_status(&app, &admin, order, "paid", "", "")
                .await
                .status(),
            StatusCode::OK
        );
        // A step cannot be skipped.
        let res = set_order_status(&app, &admin, order, "shipped", "Colissimo", "6A123").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            set_order_status(&app, &admin, order, "in_preparation", "", "")
                .await
                .status(),
            StatusCode::OK
        );
        // Shipping needs the carrier and the tracking number.
        let res = set_order_status(&app, &admin, order, "shipped", "Colissimo", "").await;
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "tracking_number");
        assert_eq!(
            set_order_status(&app, &admin, order, "shipped", "Colissimo", "6A12345678")
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
        let mails = mails_to(&app, "ana@example.com", "Your order").await;
        assert_eq!(mails, 4);
        let who = who_set_status(&app, "paid").await;
        assert_eq!(who, "brand admin admin@atelier-lumen.example");
    }
);

db_test!(
    a_cancelled_order_gives_its_stock_back,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let before = stock(&app, ids[0]).await;
        add_to_cart(&app, &tokens[0], ids[0], 2).await;
        place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-cancel-0123456789", "host"),
        )
        .await;
        let order = the_order_id(&app).await;
        let admin = app.new_client();
        app.login_with(&admin, crate::helpers::ADMIN.0, crate::helpers::ADMIN.1)
            .await;
        assert_eq!(
            set_order_status(&app, &admin, order, "cancelled", "", "")
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(stock(&app, ids[0]).await, before);
        // A cancelled order is final.
        assert_eq!(
            set_order_status(&app, &admin, order, "paid", "", "")
                .await
                .status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            set_order_status(&app, &admin, 999_999, "paid", "", "")
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
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        let code: String = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "key-webhook-0123456789", "host"),
        )
        .await
        .json()
        .await
        .unwrap();
        let total = order_total(&app).await;
        let secret = "whsec-test-0123456789";
        set_payment_secret(&app, secret).await;
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
        assert_eq!(orders_with_status(&app, "paid").await, 0);

        let res = send(body.clone(), now, good.clone(), "atelier-lumen").await;
        assert_eq!(res.status(), StatusCode::OK);
        let answer: Value = res.json().await.unwrap();
        assert_eq!(answer["status"], "processed");
        assert_eq!(orders_with_status(&app, "paid").await, 1);
        // The same event again is recognised and changes nothing.
        let res = send(body.clone(), now, good.clone(), "atelier-lumen").await;
        let answer: Value = res.json().await.unwrap();
        assert_eq!(answer["status"], "duplicate");
        assert_eq!(status_changes_to(&app, "paid").await, 1);
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
            ("form[language]", "en".into()),
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
            ("form[language]", "en".into()),
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

        add_to_cart(&app, &tokens[0], ids[0], 1).await;
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

db_test!(
    the_brand_changes_ticked_orders_at_once_and_finds_a_customer,
    |app: TestApp| async move {
        let (event, ids, tokens) = party(
            &app,
            "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>",
            1,
        )
        .await;
        let orders = orders_from(&app, &tokens, ids[0], 1).await;
        let admin = signed_in_admin(&app).await;
        let bulk = |picked: Vec<(usize, i64)>, status: &'static str| {
            let mut form: Vec<(String, String)> = picked
                .into_iter()
                .map(|(n, id)| (format!("ids[{n}]"), id.to_string()))
                .collect();
            form.push(("status".into(), status.into()));
            let client = admin.clone();
            let url = app.url("/api/bulk_order_status");
            async move { client.post(url).form(&form).send().await.unwrap() }
        };

        // Two ticked rows (not next to each other) become paid.
        let res = bulk(vec![(0, orders[0]), (2, orders[2])], "paid").await;
        assert_eq!(res.status(), StatusCode::OK);
        let report: Value = res.json().await.unwrap();
        assert_eq!(report["moved"], 2);
        assert_eq!(report["refused"], serde_json::json!([]));
        assert_eq!(orders_with_status(&app, "paid").await, 2);
        // A placed order cannot skip payment: it is named, the others move.
        let report: Value = bulk(vec![(0, orders[0]), (1, orders[1])], "in_preparation")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(report["moved"], 1);
        assert_eq!(report["refused"][0][0], orders[1]);
        assert_eq!(
            report["refused"][0][1],
            "A placed order cannot become in preparation."
        );
        // Nothing ticked, or a status a bulk change does not set: a message.
        assert_eq!(
            bulk(vec![], "paid").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            bulk(vec![(0, orders[1])], "shipped").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // The host may not; another brand's order is not found.
        let host_try = post(
            &app,
            &app.client,
            "/api/bulk_order_status",
            &[("ids[0]", orders[1].to_string()), ("status", "paid".into())],
        )
        .await;
        assert_eq!(host_try.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            bulk(vec![(0, 999_999)], "paid").await.status(),
            StatusCode::NOT_FOUND
        );

        // Search by a customer's name or email, any case.
        let found = |search: &str| {
            let url = app.url(&format!(
                "/api/brand_orders?query[search]={search}&query[status]=&query[event]={event}&query[host]=&query[from]=&query[to]=&query[page]=1"
            ));
            let client = admin.clone();
            async move {
                let v: Value = client.get(url).send().await.unwrap().json().await.unwrap();
                v["total"].as_i64().unwrap()
            }
        };
        assert_eq!(found("BEN@example").await, 1);
        assert_eq!(found("guest").await, 3);
        assert_eq!(found("nobody").await, 0);
        // The party filter names the date and the host.
        let list: Value = admin
            .get(app.url("/api/brand_orders?query[status]=&query[event]=&query[host]=&query[from]=&query[to]=&query[page]=1"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let label = list["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e[0] == event)
            .unwrap()[1]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(label.ends_with("· Camille Martin"), "{label}");
    }
);
