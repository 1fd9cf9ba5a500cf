//! The fair drawing: committed before the party, drawn once whatever the
//! clicks, reproducible from the revealed seed and the eligible ids (also
//! by `soiree verify-draw`), the brand's rule deciding who is eligible, the
//! winner's prize order and mail; credit as a prize, spent by the winner's
//! orders from their invitations and given back when an order is cancelled.

use std::process::Command;

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        add_to_cart, answer_rsvp, checkout_form, get_json, latest_mail_to, mails_to, orders_from,
        party, place_order, post, signed_in_admin, turn_sharing_on, visitor_orders, TestApp, HOST,
        OTHER_HOST,
    },
};
use app::{draws::domain, on_db};

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

async fn offer(
    app: &TestApp,
    admin: &reqwest::Client,
    fields: &[(&str, String)],
) -> reqwest::Response {
    let form: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| (format!("form[{k}]"), v.clone()))
        .collect();
    admin
        .post(app.url("/api/create_prize_offer"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn guest_ids(app: &TestApp, event: i64, emails: &[&str]) -> Vec<i64> {
    let mut ids = Vec::new();
    for email in emails {
        let id: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM guests WHERE event_id = $1 AND email = $2"
        )
        .bind(event)
        .bind(*email)
        .fetch_one(pool)
        .await)
        .unwrap();
        ids.push(id);
    }
    ids.sort();
    ids
}

async fn seed_of(app: &TestApp, event: i64) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT seed FROM party_draws WHERE event_id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

db_test!(
    the_drawing_is_committed_before_drawn_once_and_reproducible_after,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        answer_rsvp(&app, &tokens[0], "yes").await;
        answer_rsvp(&app, &tokens[2], "yes").await;
        answer_rsvp(&app, &tokens[1], "no").await;
        let admin = signed_in_admin(&app).await;
        let res = offer(
            &app,
            &admin,
            &[
                ("event_id", event.to_string()),
                ("item_id", items[0].to_string()),
                ("rule", "yes".into()),
            ],
        )
        .await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );

        // Before: the commitment only.
        let before: Value = get_json(
            &app,
            &app.client,
            &format!("/api/party_draw?event_id={event}"),
        )
        .await;
        let commitment = before["commitment"].as_str().unwrap().to_owned();
        assert_eq!(commitment.len(), 64);
        assert!(before["drawn"].is_null());
        let seed = seed_of(&app, event).await;
        assert!(
            !before.to_string().contains(&seed),
            "the seed stays secret until the drawing"
        );
        let again: Value = get_json(
            &app,
            &app.client,
            &format!("/api/party_draw?event_id={event}"),
        )
        .await;
        assert_eq!(
            again["commitment"], before["commitment"],
            "one commitment per party"
        );

        // Ten clicks at once: one drawing.
        let clients: Vec<reqwest::Client> = (0..10).map(|_| app.new_client()).collect();
        for c in &clients {
            app.login_with(c, HOST.0, HOST.1).await;
        }
        let id = [("event_id", event.to_string())];
        let answers =
            futures::future::join_all(clients.iter().map(|c| post(&app, c, "/api/run_draw", &id)))
                .await;
        let mut winners = Vec::new();
        for res in answers {
            assert_eq!(res.status(), StatusCode::OK);
            let v: Value = res.json().await.unwrap();
            winners.push(v["drawn"]["winner_id"].as_i64().unwrap());
        }
        assert!(winners.windows(2).all(|w| w[0] == w[1]), "{winners:?}");
        let after: Value = get_json(
            &app,
            &app.client,
            &format!("/api/party_draw?event_id={event}"),
        )
        .await;
        let drawn = &after["drawn"];
        assert_eq!(drawn["seed"], seed.as_str());
        assert!(domain::keeps_promise(&seed, &commitment));
        let eligible = guest_ids(&app, event, &["ana@example.com", "chloe@example.com"]).await;
        let listed: Vec<i64> = drawn["eligible"]
            .as_str()
            .unwrap()
            .split(',')
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(listed, eligible, "those who said yes");
        assert_eq!(
            domain::winner(&seed, &listed),
            Some(winners[0]),
            "anyone can redo it"
        );

        // The prize: one free order, paid, for the winner; one mail.
        let prizes: Vec<(i64, i64, String)> = on_db!(app.db.reader(), |pool| sqlx::query_as(
            "SELECT guest_id, total_cents, status FROM orders WHERE event_id = $1"
        )
        .bind(event)
        .fetch_all(pool)
        .await)
        .unwrap();
        assert_eq!(prizes, vec![(winners[0], 0, "paid".to_owned())]);
        let email: String = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT email FROM guests WHERE id = $1"
        )
        .bind(winners[0])
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(mails_to(&app, &email, "You won the drawing").await, 1);
        // A prize is no purchase: the host's buyers and the party's orders stay.
        let panel: Value = get_json(
            &app,
            &app.client,
            &format!("/api/reward_panel?event_id={event}"),
        )
        .await;
        assert_eq!(panel["progress"]["buying_guests"], 0);
        let live = app::showcase::ssr::live_counts(&app.db, event, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(live.orders, 0);

        // The command redoes it from the page's figures.
        let out = Command::new(env!("CARGO_BIN_EXE_soiree"))
            .args([
                "verify-draw",
                "--seed",
                &seed,
                "--ids",
                drawn["eligible"].as_str().unwrap(),
                "--commitment",
                &commitment,
            ])
            .env("DATABASE_URL", &app.database_url)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{text} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            text.contains(&format!("Winner: guest {}", winners[0])),
            "{text}"
        );
        let wrong = Command::new(env!("CARGO_BIN_EXE_soiree"))
            .args([
                "verify-draw",
                "--seed",
                "another-seed",
                "--ids",
                "1,2",
                "--commitment",
                &commitment,
            ])
            .env("DATABASE_URL", &app.database_url)
            .output()
            .unwrap();
        assert!(
            !wrong.status.success(),
            "a seed that breaks the promise is refused"
        );
    }
);

db_test!(
    buyers_only_when_the_rule_says_so_and_the_brand_offers_by_period,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        let admin = signed_in_admin(&app).await;
        // Mistakes, all at once.
        let res = offer(&app, &admin, &[("rule", "maybe".into())]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let why = res.text().await.unwrap();
        for field in ["period_from", "item_id", "rule"] {
            assert!(why.contains(field), "{field}: {why}");
        }
        let today = chrono::Utc::now().date_naive();
        let period = [
            ("period_from", today.to_string()),
            (
                "period_to",
                (today + chrono::Duration::days(60)).to_string(),
            ),
            ("item_id", items[0].to_string()),
            ("rule", "bought".into()),
        ];
        assert_eq!(offer(&app, &admin, &period).await.status(), StatusCode::OK);
        let id = [("event_id", event.to_string())];
        let nobody = post(&app, &app.client, "/api/run_draw", &id).await;
        assert_eq!(
            nobody.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "nobody bought yet"
        );
        answer_rsvp(&app, &tokens[0], "yes").await;
        orders_from(&app, &tokens[1..2], items[0], 1).await;
        let res = post(&app, &app.client, "/api/run_draw", &id).await;
        assert_eq!(res.status(), StatusCode::OK);
        let v: Value = res.json().await.unwrap();
        let ben = guest_ids(&app, event, &["ben@example.com"]).await;
        assert_eq!(
            v["drawn"]["winner_id"].as_i64(),
            Some(ben[0]),
            "the only buyer"
        );

        // Another host sees nothing; the brand admin sees but does not draw.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let res = other
            .get(app.url(&format!("/api/party_draw?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            post(&app, &other, "/api/run_draw", &id).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            post(&app, &admin, "/api/run_draw", &id).await.status(),
            StatusCode::FORBIDDEN
        );
        let offers: Value = get_json(&app, &admin, "/api/prize_offers").await;
        assert_eq!(offers["offers"].as_array().unwrap().len(), 1);
    }
);

/// The prize credit `email` has left, as a data download tells it.
async fn credit_left(app: &TestApp, email: &str) -> i64 {
    let brand = crate::helpers::brand_of_event(app, 1).await;
    app::base::guest_credit::balance(&app.db, brand, email)
        .await
        .unwrap()
}

/// Ana's cart (`token`) as its page reads it: the credit and the total to
/// the host, in minor units.
async fn cart_credit(app: &TestApp, token: &str, slug: &str) -> (i64, i64) {
    let cart = get_json(
        app,
        &app.new_client(),
        &format!("/api/cart?token={token}&slug={slug}"),
    )
    .await;
    (
        cart["credit"]["minor"].as_i64().unwrap(),
        cart["to_host"]["total_cents"].as_i64().unwrap(),
    )
}

/// Ana orders `units` more of `item` (on what her cart holds) from her
/// invitation `token`: the order's (code, status, discount, total).
async fn ana_orders(
    app: &TestApp,
    token: &str,
    item: i64,
    units: i64,
    key: &str,
) -> (String, String, i64, i64) {
    if units > 0 {
        assert_eq!(
            add_to_cart(app, token, item, units).await.status(),
            StatusCode::OK
        );
    }
    let form = checkout_form(token, &format!("{key}-0123456789abcdef"), "host");
    let res = place_order(app, &app.new_client(), &form).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let code: String = res.json().await.unwrap();
    let (status, discount, total): (String, i64, i64) =
        on_db!(app.db.reader(), |pool| sqlx::query_as(
            "SELECT status, discount_cents, total_cents FROM orders WHERE tracking_code = $1"
        )
        .bind(&code)
        .fetch_one(pool)
        .await)
        .unwrap();
    (code, status, discount, total)
}

db_test!(
    credit_won_at_the_drawing_pays_the_winner_s_orders_and_comes_back_when_cancelled,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        answer_rsvp(&app, &tokens[0], "yes").await;
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE items SET price_cents = 1500 WHERE id = $1"
        )
        .bind(items[0])
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let admin = signed_in_admin(&app).await;
        // Every mistake at once; credit needs no item.
        for (amount, why) in [("", "credit"), ("vingt", "credit"), ("5000", "1,000")] {
            let res = offer(
                &app,
                &admin,
                &[
                    ("prize_kind", "credit".into()),
                    ("credit", amount.into()),
                    ("rule", "maybe".into()),
                ],
            )
            .await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{amount}");
            let said = res.text().await.unwrap();
            for part in ["period_from", "rule", why] {
                assert!(said.contains(part), "{amount}: {part} in {said}");
            }
            assert!(!said.contains("Choose the prize"), "{said}");
        }
        let fields = [
            ("event_id", event.to_string()),
            ("prize_kind", "credit".into()),
            ("credit", "20".into()),
            ("rule", "yes".into()),
        ];
        assert_eq!(offer(&app, &admin, &fields).await.status(), StatusCode::OK);
        let offers: Value = get_json(&app, &admin, "/api/prize_offers").await;
        assert_eq!(offers["offers"][0]["prize"], "€20.00 of credit");

        // Ana, the only one who said yes, wins 20 € of credit: no order,
        // one mail that says how to spend it.
        let id = [("event_id", event.to_string())];
        let res = post(&app, &app.client, "/api/run_draw", &id).await;
        assert_eq!(res.status(), StatusCode::OK);
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["prize"], "€20.00 of credit");
        assert_eq!(crate::helpers::order_count(&app).await, 0);
        assert_eq!(
            mails_to(&app, "ana@example.com", "You won the drawing").await,
            1
        );
        assert!(latest_mail_to(&app, "ana@example.com")
            .await
            .contains("invitation link"));
        assert_eq!(credit_left(&app, "ana@example.com").await, 2_000);

        // Her cart takes it off; Ben's and the share link's do not.
        add_to_cart(&app, &tokens[1], items[0], 1).await;
        assert_eq!(cart_credit(&app, &tokens[1], "").await, (0, 1_500));
        let slug = turn_sharing_on(&app, event).await;
        let res = visitor_orders(&app, &slug, items[0], "ana@example.com").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            credit_left(&app, "ana@example.com").await,
            2_000,
            "a typed address spends nothing"
        );

        // 15 € paid in full by the credit: paid at once; then 30 € of which
        // the 5 € left.
        // The brand's back office listens (the events are queued, whether
        // they reach it or not).
        app::on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE brands SET webhook_url = 'http://127.0.0.1:9/hooks'"
        )
        .execute(pool)
        .await
        .map(|_| ()))
        .unwrap();
        add_to_cart(&app, &tokens[0], items[0], 1).await;
        assert_eq!(cart_credit(&app, &tokens[0], "").await, (2_000, 0));
        let (paid, status, discount, total) =
            ana_orders(&app, &tokens[0], items[0], 0, "first").await;
        assert_eq!((status.as_str(), discount, total), ("paid", 1_500, 0));
        // The back office hears of the payment as of any other.
        let events: Vec<String> = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT d.event_type FROM webhook_deliveries d JOIN orders o ON o.id = d.order_id
             WHERE o.tracking_code = $1 ORDER BY d.id"
        )
        .bind(&paid)
        .fetch_all(pool)
        .await)
        .unwrap();
        assert_eq!(events, ["order.placed", "order.paid"]);
        assert!(latest_mail_to(&app, "ana@example.com")
            .await
            .contains("Prize credit"));
        let (code, status, discount, total) =
            ana_orders(&app, &tokens[0], items[0], 2, "second").await;
        assert_eq!((status.as_str(), discount, total), ("placed", 500, 2_500));
        assert_eq!(credit_left(&app, "ana@example.com").await, 0);
        let tracking = get_json(
            &app,
            &app.new_client(),
            &format!("/api/order_tracking?code={code}"),
        )
        .await;
        assert_eq!(tracking["credit_is_prize"], true);

        // One unit less: the credit stays on the order; cancelled: it is hers again.
        let change = &tracking["change"];
        let line = change["lines"][0]["id"].as_i64().unwrap();
        let form = [
            ("code", code.clone()),
            ("key", change["key"].as_str().unwrap().to_owned()),
            ("revision", change["revision"].to_string()),
            ("line", line.to_string()),
            ("quantity", "1".into()),
        ];
        assert_eq!(
            post(&app, &app.new_client(), "/api/change_order_line", &form)
                .await
                .status(),
            StatusCode::OK
        );
        let tracking = get_json(
            &app,
            &app.new_client(),
            &format!("/api/order_tracking?code={code}"),
        )
        .await;
        assert_eq!(tracking["totals"]["total_cents"], 1_000);
        assert_eq!(credit_left(&app, "ana@example.com").await, 0);
        let change = &tracking["change"];
        let form = [
            ("code", code.clone()),
            ("key", change["key"].as_str().unwrap().to_owned()),
            ("revision", change["revision"].to_string()),
        ];
        assert_eq!(
            post(&app, &app.new_client(), "/api/cancel_my_order", &form)
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(credit_left(&app, "ana@example.com").await, 500);

        // At another party of the brand, from her invitation there: two
        // orders at once spend the 5 € once.
        let (_, theirs, all) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let second = all.last().unwrap().clone();
        let (a, b) = futures::join!(
            ana_orders(&app, &tokens[0], items[0], 1, "at-once-a"),
            ana_orders(&app, &second, theirs[0], 1, "at-once-b")
        );
        assert_eq!(a.2 + b.2, 500, "{a:?} {b:?}");
        assert_eq!(credit_left(&app, "ana@example.com").await, 0);

        // Her data download says what is left; her erasure takes it.
        let data = get_json(&app, &admin, "/brand/privacy/export?email=ana@example.com").await;
        assert_eq!(data["prize_credit_minor_units"], 0);
        let erase = [
            ("email", "ana@example.com".to_owned()),
            ("confirm", "yes".to_owned()),
        ];
        assert_eq!(
            post(&app, &admin, "/api/erase_person", &erase)
                .await
                .status(),
            StatusCode::OK
        );
        let rows: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM guest_credits"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(rows, 0);
    }
);
