//! Host rewards: the brand's rules, the live progress, closing exactly once
//! (twice, concurrently, after a crash, at the deadline), the deadline
//! warning, booking bonuses and reward orders that cannot overspend.

use app::on_db;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{TestApp, ADMIN, HOST},
    invitations::post,
    orders::{add, count, party, place, set_status},
};

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

/// Runs SQL that changes rows (a test fixture).
async fn exec(app: &TestApp, sql: &str) {
    on_db!(app.db.writer(), |pool| sqlx::query(sql)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .unwrap();
}

/// Moves the event into the past: it started 3 hours ago, ended 1 hour ago.
async fn held(app: &TestApp, event: i64) {
    let now = Utc::now();
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE events SET starts_at = $1, ends_at = $2 WHERE id = $3"
    )
    .bind(now - Duration::hours(3))
    .bind(now - Duration::hours(1))
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

/// Each guest orders `quantity` of `item` for delivery to the host; returns
/// the order ids.
async fn orders_from(app: &TestApp, tokens: &[String], item: i64, quantity: i64) -> Vec<i64> {
    let emails = ["ana@example.com", "ben@example.com", "chloe@example.com"];
    let mut ids = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        assert_eq!(
            add(app, token, item, quantity).await.status(),
            StatusCode::OK
        );
        let form = vec![
            ("token", token.clone()),
            ("slug", String::new()),
            ("form[name]", format!("Guest {i}")),
            ("form[email]", emails[i].to_owned()),
            ("form[delivery]", "host".to_owned()),
            ("form[address]", String::new()),
            (
                "form[idempotency_key]",
                format!("key-{i}-0123456789abcdef-{token}"),
            ),
        ];
        let res = place(app, &app.new_client(), &form).await;
        assert_eq!(res.status(), StatusCode::OK);
        let code: String = res.json().await.unwrap();
        let id: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM orders WHERE tracking_code = $1"
        )
        .bind(&code)
        .fetch_one(pool)
        .await)
        .unwrap();
        ids.push(id);
    }
    ids
}

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

/// (price, id) of the dearest item with stock enough.
async fn dear_item(app: &TestApp, event: i64) -> (i64, i64) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT i.price_cents, i.id FROM items i JOIN event_items f ON f.item_id = i.id
         WHERE f.event_id = $1 AND i.stock >= 20 ORDER BY i.price_cents DESC, i.id LIMIT 1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

async fn admin(app: &TestApp) -> reqwest::Client {
    let admin = app.new_client();
    app.login_with(&admin, ADMIN.0, ADMIN.1).await;
    admin
}

db_test!(
    the_progress_moves_with_paid_orders_and_closing_credits_once,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 3).await;
        let (price, item) = dear_item(&app, event).await;
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

        let admin = admin(&app).await;
        for id in &orders[..2] {
            assert_eq!(
                set_status(&app, &admin, *id, "paid", "", "").await.status(),
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
        set_status(&app, &admin, orders[2], "paid", "", "").await;
        let p = panel(&app, &app.client, event).await;
        let sales = 3 * each;
        assert_eq!(p["progress"]["qualifying"]["minor"], sales);
        assert_eq!(p["progress"]["buying_guests"], 3);
        assert!(p["progress"]["tier"].as_i64().unwrap() >= 1);
        // The brand admin sees the same panel; another host does not.
        assert_eq!(panel(&app, &admin, event).await["progress"], p["progress"]);
        let other = app.new_client();
        app.login_with(
            &other,
            crate::events::OTHER_HOST.0,
            crate::events::OTHER_HOST.1,
        )
        .await;
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
        held(&app, event).await;
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
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM host_credit_ledger").await,
            1
        );
        let expected = app::rewards::domain::RewardRules::default().reward(sales, 3, 0);
        let (credit, items, kept_sales): (i64, i64, i64) =
            on_db!(app.db.reader(), |pool| sqlx::query_as(
                "SELECT credit_cents, half_price_items, sales_cents FROM host_credit_ledger"
            )
            .fetch_one(pool)
            .await)
            .unwrap();
        assert_eq!(
            (credit, items, kept_sales),
            (expected.credit_cents, expected.half_price_items, sales)
        );
        // The ledger is append-only, and one reward per event.
        let changed = on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE host_credit_ledger SET credit_cents = 1"
        )
        .execute(pool)
        .await
        .map(|r| r.rows_affected()));
        assert!(changed.is_err(), "the ledger refuses updates");
        let deleted = on_db!(app.db.writer(), |pool| sqlx::query(
            "DELETE FROM host_credit_ledger"
        )
        .execute(pool)
        .await
        .map(|r| r.rows_affected()));
        assert!(deleted.is_err(), "the ledger refuses deletes");
        // The host was told; the panel shows the credit; orders are closed.
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%is closed: your reward'"
            )
            .await,
            1
        );
        let p = panel(&app, &app.client, event).await;
        assert!(p["closed"].as_str().unwrap().contains("by the host"));
        assert_eq!(p["progress"]["credit"]["minor"], expected.credit_cents);
        assert_eq!(
            add(&app, &tokens[0], item, 1).await.status(),
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
        let (price, item) = dear_item(&app, event).await;
        let orders = orders_from(&app, &tokens, item, (6_000 + price - 1) / price).await;
        let admin = admin(&app).await;
        for id in &orders {
            set_status(&app, &admin, *id, "paid", "", "").await;
        }
        held(&app, event).await;
        let now = Utc::now();

        // A close that dies halfway: its transaction never commits.
        on_db!(app.db.writer(), |pool| {
            let mut tx = pool.begin().await.unwrap();
            sqlx::query("UPDATE events SET closed_at = $1, closed_by = 'crash' WHERE id = $2")
                .bind(now)
                .bind(event)
                .execute(&mut *tx)
                .await
                .unwrap();
            sqlx::query(
                "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
                 SELECT brand_id, host_id, 'event_reward', id, 999999, 9, $1 FROM events WHERE id = $2",
            )
            .bind(now)
            .bind(event)
            .execute(&mut *tx)
            .await
            .unwrap();
            drop(tx);
        });
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM host_credit_ledger").await,
            0
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM events WHERE closed_at IS NOT NULL"
            )
            .await,
            0
        );

        // Two days before the deadline the host is warned, once.
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE events SET orders_close_at = $1 WHERE id = $2"
        )
        .bind(now + Duration::hours(30))
        .bind(event)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let done = app::rewards::ssr::run_due(&app.db, &app.config, now)
            .await
            .unwrap();
        assert_eq!(done, vec![format!("warned the host of event {event}")]);
        assert!(app::rewards::ssr::run_due(&app.db, &app.config, now)
            .await
            .unwrap()
            .is_empty());
        let warning: String = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT message FROM outbox WHERE subject LIKE 'Orders for % close in 2 days'"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
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
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM host_credit_ledger").await,
            1
        );
        let by: String = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT closed_by FROM events WHERE id = $1"
        )
        .bind(event)
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(by, "automatically at the order deadline");
        // Even with the flag lost, the unique index keeps one reward.
        let again = on_db!(app.db.writer(), |pool| {
            sqlx::query(
            "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
             SELECT brand_id, host_id, 'event_reward', id, 1, 1, $1 FROM events WHERE id = $2"
        )
        .bind(later)
        .bind(event)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
        });
        assert!(again.is_err());
    }
);

db_test!(
    a_booked_party_held_in_time_adds_a_half_price_item_once,
    |app: TestApp| async move {
        let (origin, _, _) = party(&app, GUESTS, 1).await;
        held(&app, origin).await;
        let now = Utc::now();
        // Two parties booked from it by another host: one held 20 days
        // later, one 90 days later (outside the 60-day window).
        for (id_days, title) in [(20, "In time"), (90, "Too late")] {
            on_db!(app.db.writer(), |pool| sqlx::query(
                "INSERT INTO events (brand_id, host_id, title, description, starts_at, ends_at, time_zone, kind, address,
                    capacity, orders_close_at, created_at, updated_at, booked_from_event_id)
                 SELECT e.brand_id, u.id, $1, '', $2, $3, 'Europe/Paris', 'in_person', '1 rue X', 10, $4, $5, $5, e.id
                 FROM events e, users u WHERE e.id = $6 AND u.email = 'hugo@atelier-lumen.example'"
            )
            .bind(title)
            .bind(now - Duration::hours(2))
            .bind(now - Duration::hours(1))
            .bind(now + Duration::days(5))
            .bind(now)
            .bind(origin)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
            .unwrap();
            // Place the original event `id_days` before the booked one.
            on_db!(app.db.writer(), |pool| sqlx::query(
                "UPDATE events SET starts_at = $1, ends_at = $2 WHERE id = $3"
            )
            .bind(now - Duration::days(id_days) - Duration::hours(3))
            .bind(now - Duration::days(id_days) - Duration::hours(2))
            .bind(origin)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
            .unwrap();
            app::rewards::ssr::run_due(&app.db, &app.config, now)
                .await
                .unwrap();
            app::rewards::ssr::run_due(&app.db, &app.config, now)
                .await
                .unwrap();
        }
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM host_credit_ledger WHERE kind = 'booking_bonus' AND half_price_items = 1").await,
            1
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
        let admin = admin(&app).await;
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

/// Gives the demo host `credit` cents and `items` half-price items, as a
/// closed party would.
async fn give_credit(app: &TestApp, event: i64, credit: i64, items: i64) {
    on_db!(app.db.writer(), |pool| sqlx::query(
        "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
         SELECT brand_id, host_id, 'event_reward', id, $1, $2, $3 FROM events WHERE id = $4"
    )
    .bind(credit)
    .bind(items)
    .bind(Utc::now())
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

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
        let (price, item) = dear_item(&app, event).await;
        // €30 of credit and one half-price item.
        give_credit(&app, event, 3_000, 1).await;
        exec(&app, "UPDATE items SET stock = 100").await;

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
        let spent: (i64, i64) = on_db!(app.db.reader(), |pool| sqlx::query_as(
            "SELECT CAST(SUM(-credit_cents) AS BIGINT), CAST(SUM(-half_price_items) AS BIGINT) FROM host_credit_ledger WHERE kind = 'redemption'"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(spent, (3_000, 1));
        // The first order got the half price on one unit and the credit.
        let first: (i64, i64, i64, String) = on_db!(app.db.reader(), |pool| sqlx::query_as(
            "SELECT merchandise_cents, discount_cents, total_cents, kind FROM orders WHERE kind = 'host_reward' AND discount_cents > 0"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(first.0, 2 * price - price / 2);
        assert_eq!(first.1, 3_000.min(first.0));
        assert_eq!(first.2, first.0 - first.1);
        assert_eq!(first.3, "host_reward");
        // Reward orders do not count as the party's sales.
        let p = panel(&app, &app.client, event).await;
        assert_eq!(p["progress"]["awaiting_payment"]["minor"], 0);

        let before = count(&app, "SELECT COUNT(*) FROM orders").await;
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
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, before);

        // The brand admin has no credit page; another host sees their own (empty) one.
        let admin = admin(&app).await;
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
        app.login_with(
            &other,
            crate::events::OTHER_HOST.0,
            crate::events::OTHER_HOST.1,
        )
        .await;
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
