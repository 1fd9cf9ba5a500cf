//! An online party: its video link shows to the guests who said yes, from
//! 15 minutes before the start to the end, and nowhere else.

use serde_json::Value;

use crate::{
    db_test,
    helpers::{answer_rsvp, get_json, get_text, invited_to, TestApp},
};
use app::on_db;

const LINK: &str = "https://meet.example/candles-night";

async fn page(app: &TestApp, token: &str) -> Value {
    get_json(
        app,
        &app.new_client(),
        &format!("/api/invitation?token={token}"),
    )
    .await
}

/// The party starts `minutes` from now (negative: it started) and lasts two hours.
async fn starts_in(app: &TestApp, event: i64, minutes: i64) {
    let starts = chrono::Utc::now() + chrono::Duration::minutes(minutes);
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE events SET starts_at = $1, ends_at = $2 WHERE id = $3"
    )
    .bind(starts)
    .bind(starts + chrono::Duration::hours(2))
    .bind(event)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

db_test!(
    an_online_partys_link_shows_to_a_yes_from_15_minutes_before_the_start,
    |app: TestApp| async move {
        app.seed().await;
        let (event, tokens) = invited_to(
            &app,
            &[("kind", "online"), ("address", ""), ("video_url", LINK)],
            "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>",
        )
        .await;
        answer_rsvp(&app, &tokens[0], "yes").await;

        let ana = page(&app, &tokens[0]).await;
        assert_eq!(ana["video_link"], Value::Null, "a week ahead");
        assert!(
            ana["place"].as_str().unwrap().contains("15 minutes before"),
            "{ana}"
        );

        starts_in(&app, event, 10).await;
        let ana = page(&app, &tokens[0]).await;
        assert_eq!(ana["video_link"], LINK);
        let ben = page(&app, &tokens[1]).await;
        assert_eq!(ben["video_link"], Value::Null, "not answered: {ben}");
        assert!(!ben.to_string().contains("meet.example"), "{ben}");
        let html = get_text(&app, &app.new_client(), &format!("/i/{}", tokens[0])).await;
        assert!(
            html.contains(&format!("href=\"{LINK}\"")),
            "the join button"
        );

        starts_in(&app, event, -180).await;
        assert_eq!(
            page(&app, &tokens[0]).await["video_link"],
            Value::Null,
            "over"
        );
    }
);
