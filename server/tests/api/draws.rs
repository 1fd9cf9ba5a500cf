//! The fair drawing: committed before the party, drawn once whatever the
//! clicks, reproducible from the revealed seed and the eligible ids (also
//! by `soiree verify-draw`), the brand's rule deciding who is eligible, the
//! winner's prize order and mail.

use std::process::Command;

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        answer_rsvp, get_json, mails_to, orders_from, party, post, signed_in_admin, TestApp, HOST,
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
