//! The host's digest: new answers, notes and orders in one email at most
//! once an hour, never twice for the same news, and not at all once the
//! host turns it off. Notes show on the host's guest list and report, not
//! to the brand's admin.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        get_json, host_digests, messages, orders_from, party, post, signed_in_admin, TestApp,
    },
};

const GUESTS: &str = "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>";

async fn answer(app: &TestApp, token: &str, rsvp: &str, note: &str) {
    let res = post(
        app,
        &app.new_client(),
        "/api/answer_invitation",
        &[
            ("token", token.to_owned()),
            ("rsvp", rsvp.into()),
            ("companions", "1".into()),
            ("note", note.into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn send_due(app: &TestApp, at: chrono::DateTime<Utc>) -> usize {
    app::events::digest::ssr::send_due(&app.db, &app.config, at)
        .await
        .unwrap()
}

db_test!(
    the_host_hears_of_answers_notes_and_orders_once_an_hour_at_most,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        answer(&app, &tokens[0], "yes", "I'll bring a lemon cake!").await;
        orders_from(&app, &tokens[1..], items[0], 1).await;
        let before = host_digests(&app).await;

        assert_eq!(send_due(&app, Utc::now()).await, 1);
        assert_eq!(host_digests(&app).await, before + 1);
        let mail = messages(&app)
            .await
            .into_iter()
            .rev()
            .find(|m| m.contains("at your parties"))
            .unwrap();
        assert!(
            mail.contains("1 new answer and 1 order at your parties"),
            "{mail}"
        );
        assert!(mail.contains("Ana Lima is coming (+1)"), "{mail}");
        assert!(mail.contains("lemon cake"), "{mail}");
        assert!(mail.contains("ordered for"), "{mail}");
        assert!(mail.contains(&format!("/host/events/{event}")), "{mail}");

        // Nothing new: nothing sent. News within the hour waits for the hour.
        assert_eq!(send_due(&app, Utc::now() + Duration::minutes(61)).await, 0);
        answer(&app, &tokens[1], "maybe", "").await;
        assert_eq!(
            send_due(&app, Utc::now()).await,
            0,
            "not twice within an hour"
        );
        // Two servers at once: one digest.
        let later = Utc::now() + Duration::minutes(61);
        let (a, b) = tokio::join!(send_due(&app, later), send_due(&app, later));
        assert_eq!(a + b, 1);
        assert_eq!(host_digests(&app).await, before + 2);

        // Off: nothing more, even with news.
        let res = post(
            &app,
            &app.client,
            "/api/set_digest",
            &[("on", "false".to_owned())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        answer(&app, &tokens[1], "no", "Sorry!").await;
        assert_eq!(send_due(&app, Utc::now() + Duration::hours(3)).await, 0);
        let overview: Value = get_json(&app, &app.client, "/api/host_overview").await;
        assert_eq!(overview["digest"], false);
        // A brand admin has no digest to switch.
        let admin = signed_in_admin(&app).await;
        let res = post(
            &app,
            &admin,
            "/api/set_digest",
            &[("on", "true".to_owned())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
);

db_test!(
    notes_reach_the_host_not_the_brand,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 0).await;
        answer(&app, &tokens[0], "yes", "Can I bring my sister?").await;
        let guests: Value =
            get_json(&app, &app.client, &format!("/api/guests?event_id={event}")).await;
        let ana = guests
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["email"] == "ana@example.com")
            .unwrap();
        assert_eq!(ana["note"], "Can I bring my sister?");
        let report: Value =
            get_json(&app, &app.client, &format!("/api/event_report?id={event}")).await;
        assert!(report["guests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["note"] == "Can I bring my sister?"));

        let admin = signed_in_admin(&app).await;
        let guests: Value = get_json(&app, &admin, &format!("/api/guests?event_id={event}")).await;
        assert!(guests.as_array().unwrap().iter().all(|g| g["note"] == ""));
        let report: Value = get_json(&app, &admin, &format!("/api/event_report?id={event}")).await;
        assert!(report["guests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["note"] == ""));
    }
);
