//! Host rewards: the brand's rules, the live progress, closing exactly once
//! (twice, concurrently, after a crash, at the deadline), the deadline
//! warning, booking bonuses and reward orders that cannot overspend.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        a_close_that_dies_halfway, a_second_event_reward, add_to_cart, booked_party,
        booking_bonuses_of, closed_by, closed_event_count, deadline_warning, dearest_featured_item,
        discounted_reward_order, edit_the_ledger, empty_the_ledger, give_credit, ledger_entries,
        order_count, orders_from, party, party_held_days_before, party_was_held, post, redeemed,
        restock_everything, reward_credited, reward_mails, set_order_deadline, set_order_status,
        signed_in_admin, TestApp, HOST, OTHER_HOST,
    },
};

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

async fn panel(app: &TestApp, client: &reqwest::Client, event: i64) -> Value {
    let res = client
        .get(app.url(&format!("/api/reward_panel?event_id={event}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn close(app: &TestApp, client: &reqwest::Client, event: i64) -> reqwest::Response {
    post(
        app,
        client,
        "/api/close_event",
        &[("event_id", event.to_string())],
    )
    .await
}

db_test!(
    the_progress_moves_with_paid_orders_and_closing_credits_once,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 3).await;
        let (price, item) = dearest_featured_item(&app, event).await;
        // Enough for the first tier (€150) from three buyers: €60 each.
        let quantity = (6_000 + price - 1) / price;
        let orders = orders_from(&app, &tokens, item, quantity).await;
        let each = price * quantity;

        // Placed orders do not count yet: they await payment.
        let p = panel(&app, &app.client, event).await;
        assert_eq!(p["progress"]["qualifying"]["minor"], 0);
        assert_eq!(p["progress"]["awaiting_payment"]["minor"], 3 * each);
        assert_eq!(p["progress"]["to_next"]["minor"], 15_000);
        assert_eq!(p["closed"], Value::Null);
        // Not before the party has taken place.
        assert_eq!(
            close(&app, &app.client, event).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );

        let admin = signed_in_admin(&app).await;
        for id in &orders[..2] {
            assert_eq!(
                set_order_status(&app, &admin, *id, "paid", "", "")
                    .await
                    .status(),
                StatusCode::OK
            );
        }
        let p = panel(&app, &app.client, event).await;
        assert_eq!(p["progress"]["qualifying"]["minor"], 2 * each);
        assert_eq!(p["progress"]["buying_guests"], 2);
        assert_eq!(
            p["progress"]["tier"],
            Value::Null,
            "two buyers are not enough"
        );
        let two = app::rewards::domain::RewardRules::default().reward(2 * each, 2, 0);
        assert_eq!(
            p["progress"]["to_next"]["minor"],
            two.to_next_cents.unwrap()
        );
        set_order_status(&app, &admin, orders[2], "paid", "", "").await;
        let p = panel(&app, &app.client, event).await;
        let sales = 3 * each;
        assert_eq!(p["progress"]["qualifying"]["minor"], sales);
        assert_eq!(p["progress"]["buying_guests"], 3);
        assert!(p["progress"]["tier"].as_i64().unwrap() >= 1);
        // The brand admin sees the same panel; another host does not.
        assert_eq!(panel(&app, &admin, event).await["progress"], p["progress"]);
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let res = other
            .get(app.url(&format!("/api/reward_panel?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            close(&app, &other, event).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            close(&app, &admin, event).await.status(),
            StatusCode::FORBIDDEN
        );

        // Ten closes at once, then once more: one credit.
        party_was_held(&app, event).await;
        let clients: Vec<reqwest::Client> = (0..10).map(|_| app.new_client()).collect();
        for c in &clients {
            app.login_with(c, HOST.0, HOST.1).await;
        }
        let answers =
            futures::future::join_all(clients.iter().map(|c| close(&app, c, event))).await;
        for res in answers {
            assert_eq!(res.status(), StatusCode::OK);
        }
        assert_eq!(
            close(&app, &app.client, event).await.status(),
            StatusCode::OK
        );
        assert_eq!(ledger_entries(&app).await, 1);
        let expected = app::rewards::domain::RewardRules::default().reward(sales, 3, 0);
        let (credit, items, kept_sales) = reward_credited(&app).await;
        assert_eq!(
            (credit, items, kept_sales),
            (expected.credit_cents, expected.half_price_items, sales)
        );
        // The ledger is append-only, and one reward per event.
        let changed = edit_the_ledger(&app).await;
        assert!(changed.is_err(), "the ledger refuses updates");
        let deleted = empty_the_ledger(&app).await;
        assert!(deleted.is_err(), "the ledger refuses deletes");
        // The host was told; the panel shows the credit; orders are closed.
        assert_eq!(reward_mails(&app).await, 1);
        let p = panel(&app, &app.client, event).await;
        assert!(p["closed"].as_str().unwrap().contains("by the host"));
        assert_eq!(p["progress"]["credit"]["minor"], expected.credit_cents);
        assert_eq!(
            add_to_cart(&app, &tokens[0], item, 1).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let credit: Value = app
            .client
            .get(app.url("/api/host_credit"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(credit["balance"]["minor"], expected.credit_cents);
        assert_eq!(credit["half_price_items"], expected.half_price_items);
        // A payment arriving after the close changes nothing.
        let p2 = panel(&app, &app.client, event).await;
        assert_eq!(p2["progress"], p["progress"]);
    }
);

db_test!(
    a_crash_while_closing_leaves_nothing_and_the_deadline_closes_once,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 3).await;
        let (price, item) = dearest_featured_item(&app, event).await;
        let orders = orders_from(&app, &tokens, item, (6_000 + price - 1) / price).await;
        let admin = signed_in_admin(&app).await;
        for id in &orders {
            set_order_status(&app, &admin, *id, "paid", "", "").await;
        }
        party_was_held(&app, event).await;
        let now = Utc::now();

        // A close that dies halfway: its transaction never commits.
        a_close_that_dies_halfway(&app, event, now).await;
        assert_eq!(ledger_entries(&app).await, 0);
        assert_eq!(closed_event_count(&app).await, 0);

        // Two days before the deadline the host is warned, once.
        set_order_deadline(&app, event, now + Duration::hours(30)).await;
        let done = app::rewards::ssr::run_due(&app.db, &app.config, now)
            .await
            .unwrap();
        assert_eq!(done, vec![format!("warned the host of event {event}")]);
        assert!(app::rewards::ssr::run_due(&app.db, &app.config, now)
            .await
            .unwrap()
            .is_empty());
        let warning = deadline_warning(&app).await;
        assert!(warning.contains("camille@atelier-lumen.example"));

        // At the deadline it closes by itself; two servers at once, then a
        // restart running the pass again: one credit.
        let later = now + Duration::hours(31);
        let (a, b) = tokio::join!(
            app::rewards::ssr::run_due(&app.db, &app.config, later),
            app::rewards::ssr::run_due(&app.db, &app.config, later)
        );
        a.unwrap();
        b.unwrap();
        app::rewards::ssr::run_due(&app.db, &app.config, later)
            .await
            .unwrap();
        assert_eq!(ledger_entries(&app).await, 1);
        let by = closed_by(&app, event).await;
        assert_eq!(by, "automatically at the order deadline");
        // Even with the flag lost, the unique index keeps one reward.
        let again = a_second_event_reward(&app, event, later).await;
        assert!(again.is_err());
    }
);

db_test!(
    a_booked_party_held_in_time_adds_a_half_price_item_once,
    |app: TestApp| async move {
        let (origin, _, _) = party(&app, GUESTS, 1).await;
        party_was_held(&app, origin).await;
        let now = Utc::now();
        // Two parties booked from it by another host: one held 20 days
        // later, one 90 days later (outside the 60-day window).
        for (id_days, title) in [(20, "In time"), (90, "Too late")] {
            booked_party(&app, origin, title, now).await;
            // Place the original event `id_days` before the booked one.
            party_held_days_before(&app, origin, now, id_days).await;
            app::rewards::ssr::run_due(&app.db, &app.config, now)
                .await
                .unwrap();
            app::rewards::ssr::run_due(&app.db, &app.config, now)
                .await
                .unwrap();
        }
        assert_eq!(booking_bonuses_of(&app, 1).await, 1);
        let credit: Value = app
            .client
            .get(app.url("/api/host_credit"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(credit["half_price_items"], 1);
        assert!(credit["entries"][0]["what"]
            .as_str()
            .unwrap()
            .contains("In time"));
    }
);

db_test!(
    the_brand_edits_its_rules_with_clear_errors,
    |app: TestApp| async move {
        app.seed().await;
        let admin = signed_in_admin(&app).await;
        let rules: Value = admin
            .get(app.url("/api/reward_rules"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(rules["from"][0], "150");
        assert_eq!(rules["percent"][2], "15");
        assert_eq!(rules["min_buying_guests"], "3");
        let save = |rows: [(&str, &str, &str); 2], guests: &str| {
            let mut form: Vec<(String, String)> = Vec::new();
            for (i, (f, p, n)) in rows.iter().enumerate() {
                form.push((format!("form[from][{i}]"), f.to_string()));
                form.push((format!("form[percent][{i}]"), p.to_string()));
                form.push((format!("form[items][{i}]"), n.to_string()));
            }
            form.push(("form[min_buying_guests]".into(), guests.into()));
            form.push(("form[booking_bonus_items]".into(), "2".into()));
            form.push(("form[booking_window_days]".into(), "45".into()));
            let admin = admin.clone();
            let url = app.url("/api/save_reward_rules");
            async move { admin.post(url).form(&form).send().await.unwrap() }
        };
        let res = save([("200", "10", "1"), ("100", "12", "2")], "3").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let err: Value = res.json().await.unwrap();
        assert!(
            err.to_string().contains("higher than the row above"),
            "{err}"
        );
        let res = save([("200", "80", "1"), ("", "", "")], "3").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            save([("200", "12.5", "1"), ("500", "20", "3")], "2")
                .await
                .status(),
            StatusCode::OK
        );
        let rules: Value = admin
            .get(app.url("/api/reward_rules"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(rules["from"][1], "500");
        assert_eq!(rules["percent"][0], "12.50");
        assert_eq!(rules["from"][2], "");
        assert_eq!(rules["booking_window_days"], "45");
        // A host cannot read or change them.
        let host = app.new_client();
        app.login_with(&host, HOST.0, HOST.1).await;
        assert_eq!(
            host.get(app.url("/api/reward_rules"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        let stored = app::rewards::ssr::rules(&app.db, 1).await.unwrap();
        assert_eq!(stored.tiers[0].credit_bp, 1_250);
        assert_eq!(stored.min_buying_guests, 2);
    }
);

fn redeem_form(item: i64, quantity: i64, key: &str) -> Vec<(String, String)> {
    vec![
        (format!("form[qty][{item}]"), quantity.to_string()),
        (
            "form[address]".into(),
            "4 place Bellecour, 69002 Lyon".into(),
        ),
        ("form[idempotency_key]".into(), key.into()),
    ]
}

db_test!(
    reward_orders_take_half_price_and_credit_and_never_overspend,
    |app: TestApp| async move {
        let (event, _, _) = party(&app, GUESTS, 1).await;
        let (price, item) = dearest_featured_item(&app, event).await;
        // €30 of credit and one half-price item.
        give_credit(&app, event, 3_000, 1).await;
        restock_everything(&app, 100).await;

        // Nothing chosen: a clear message, nothing written.
        let res = app
            .client
            .post(app.url("/api/redeem_credit"))
            .form(&redeem_form(item, 0, "key-empty-0123456789abcdef"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Choose at least one item"));

        // Eight reward orders at once, each dearer than the credit left.
        let clients: Vec<reqwest::Client> = (0..8).map(|_| app.new_client()).collect();
        for c in &clients {
            app.login_with(c, HOST.0, HOST.1).await;
        }
        let answers = futures::future::join_all(clients.iter().enumerate().map(|(i, c)| {
            let form = redeem_form(item, 2, &format!("key-race-{i}-0123456789abcdef"));
            let url = app.url("/api/redeem_credit");
            async move { c.post(url).form(&form).send().await.unwrap() }
        }))
        .await;
        let ok = answers
            .iter()
            .filter(|r| r.status() == StatusCode::OK)
            .count();
        assert!(ok >= 1);
        for r in &answers {
            assert!(
                matches!(
                    r.status(),
                    StatusCode::OK | StatusCode::UNPROCESSABLE_ENTITY
                ),
                "{}",
                r.status()
            );
        }
        let (credit, items): (i64, i64) = app::rewards::ssr::balance(&app.db, 2).await.unwrap();
        assert_eq!(
            (credit, items),
            (0, 0),
            "everything spent, nothing below zero"
        );
        let spent = redeemed(&app).await;
        assert_eq!(spent, (3_000, 1));
        // The first order got the half price on one unit and the credit.
        let first = discounted_reward_order(&app).await;
        assert_eq!(first.0, 2 * price - price / 2);
        assert_eq!(first.1, 3_000.min(first.0));
        assert_eq!(first.2, first.0 - first.1);
        assert_eq!(first.3, "host_reward");
        // Reward orders do not count as the party's sales.
        let p = panel(&app, &app.client, event).await;
        assert_eq!(p["progress"]["awaiting_payment"]["minor"], 0);

        let before = order_count(&app).await;
        let form = redeem_form(item, 1, "key-twice-0123456789abcdef");
        let a = app
            .client
            .post(app.url("/api/redeem_credit"))
            .form(&form)
            .send()
            .await
            .unwrap();
        // No credit left: refused, and nothing written.
        assert_eq!(a.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(order_count(&app).await, before);

        // The brand admin has no credit page; another host sees their own (empty) one.
        let admin = signed_in_admin(&app).await;
        assert_eq!(
            admin
                .post(app.url("/api/redeem_credit"))
                .form(&form)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let theirs: Value = other
            .get(app.url("/api/host_credit"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(theirs["entries"], serde_json::json!([]));
    }
);
