//! The making of an order: the brand's updates on an item reach its
//! buyers' order pages in order, one mail a day at most with what is new,
//! and the brand sees how many read them. And the fans' choice: a closed
//! poll's winning item carries the mark, its voters read what the brand
//! will do.

use reqwest::{multipart::Form, StatusCode};
use serde_json::Value;

use crate::{
    db_test,
    helpers::{get_json, mails_to, orders_from, party, photo, png, post, signed_in_admin, TestApp},
};
use app::on_db;

const GUESTS: &str = "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>";

async fn post_update(
    app: &TestApp,
    admin: &reqwest::Client,
    item: &str,
    body: &str,
    with_photo: bool,
) -> reqwest::Response {
    let mut form = Form::new()
        .text("item_id", item.to_owned())
        .text("body", body.to_owned());
    if with_photo {
        form = form.part("photos", photo(png(800, 600), "loom.png", "image/png"));
    }
    admin
        .post(app.url("/api/post_making_update"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn code_of(app: &TestApp, order: i64) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT tracking_code FROM orders WHERE id = $1"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap()
}

db_test!(
    buyers_follow_the_making_of_their_items_with_a_mail_a_day_at_most,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, GUESTS, 2).await;
        let ana = orders_from(&app, &tokens[..1], items[0], 1).await[0];
        let ben = {
            let mut ids = orders_from(&app, &tokens, items[1], 1).await;
            ids.pop().unwrap()
        };
        let admin = signed_in_admin(&app).await;

        // Every mistake at once.
        let res = post_update(&app, &admin, "", " ", false).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let said = res.text().await.unwrap();
        assert!(
            said.contains("Choose the item") && said.contains("Write the update"),
            "{said}"
        );

        let res = post_update(
            &app,
            &admin,
            &items[0].to_string(),
            "The linen is being woven in Porto.",
            true,
        )
        .await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );

        // Ana bought the item: her order's page shows it; Ben's does not.
        let tracking = |code: String| {
            let app = &app;
            async move {
                let res = app.get(&format!("/api/order_tracking?code={code}")).await;
                res.json::<Value>().await.unwrap()
            }
        };
        let page = tracking(code_of(&app, ana).await).await;
        assert_eq!(
            page["making"][0]["body"],
            "The linen is being woven in Porto."
        );
        assert!(page["making"][0]["thumb_url"]
            .as_str()
            .unwrap()
            .starts_with("/media/making/"));
        let page = tracking(code_of(&app, ben).await).await;
        assert_eq!(page["making"].as_array().unwrap().len(), 0);
        let brand: Value = get_json(&app, &admin, "/api/making_updates").await;
        assert_eq!(brand["updates"][0]["read"], 1);
        assert_eq!(brand["updates"][0]["readers"], 1, "Ana's order of the item");

        // One mail with what is new, then none for a day.
        let now = chrono::Utc::now();
        let mailed = |at| app::orders::making::ssr::mail_due(&app.db, &app.config, at);
        assert_eq!(mailed(now).await.unwrap(), 1);
        assert_eq!(
            mails_to(&app, "ana@example.com", "News from the making").await,
            1
        );
        assert_eq!(
            mails_to(&app, "ben@example.com", "News from the making").await,
            0
        );
        let res = post_update(
            &app,
            &admin,
            &items[0].to_string(),
            "Cut and sewn in Lyon.",
            false,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            mailed(now + chrono::Duration::hours(2)).await.unwrap(),
            0,
            "a day at most"
        );
        assert_eq!(mailed(now + chrono::Duration::hours(25)).await.unwrap(), 1);
        let mail = crate::helpers::latest_mail_to(&app, "ana@example.com")
            .await
            .replace("=\r\n", "");
        assert!(
            mail.contains("Cut and sewn") && !mail.contains("woven in Porto"),
            "only what is new: {mail}"
        );
        let page = tracking(code_of(&app, ana).await).await;
        assert_eq!(page["making"].as_array().unwrap().len(), 2, "in order");
        assert_eq!(page["making"][1]["body"], "Cut and sewn in Lyon.");
    }
);

db_test!(
    the_fans_choice_marks_its_item_and_its_voters_read_what_comes_next,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, GUESTS, 2).await;
        let admin = signed_in_admin(&app).await;
        let res = post(
            &app,
            &admin,
            "/api/create_poll",
            &[
                ("form[question]", "Which one should we make in sage?".into()),
                ("form[labels][0]", String::new()),
                ("form[labels][1]", String::new()),
                ("form[items][0]", items[0].to_string()),
                ("form[items][1]", items[1].to_string()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let poll: i64 = res.json().await.unwrap();
        let showcase = |token: String| {
            let app = &app;
            async move {
                get_json(
                    app,
                    &app.new_client(),
                    &format!("/api/guest_showcase?token={token}"),
                )
                .await
            }
        };
        let options: Vec<i64> = showcase(tokens[0].clone()).await["polls"][0]["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_i64().unwrap())
            .collect();
        let res = post(
            &app,
            &app.new_client(),
            "/api/vote",
            &[
                ("token", tokens[0].clone()),
                ("poll_id", poll.to_string()),
                ("option_id", options[1].to_string()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);

        // Closing asks what the brand will do.
        let close = |outcome: &str| {
            let (app, admin, outcome) = (&app, &admin, outcome.to_owned());
            async move {
                post(
                    app,
                    admin,
                    "/api/close_poll",
                    &[("id", poll.to_string()), ("outcome", outcome)],
                )
                .await
            }
        };
        assert_eq!(close(" ").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            close("We make it in sage linen this spring.")
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(
            close("Again").await.status(),
            StatusCode::NOT_FOUND,
            "closed once"
        );

        // The voter reads the result and the outcome; the other guest,
        // who did not vote, sees no closed poll. The winner is marked.
        let voter = showcase(tokens[0].clone()).await;
        let ours = |s: &Value| -> Vec<Value> {
            s["polls"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["id"] == poll)
                .cloned()
                .collect()
        };
        let closed = &ours(&voter)[0];
        assert_eq!(closed["closed"], true);
        assert_eq!(closed["outcome"], "We make it in sage linen this spring.");
        assert!(closed["winner"].is_string());
        let other = showcase(tokens[1].clone()).await;
        assert!(ours(&other).is_empty());
        let marked: Vec<bool> = voter["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["id"] == items[1])
            .map(|c| c["chosen_by_fans"].as_bool().unwrap())
            .collect();
        assert_eq!(marked, vec![true]);
        let unmarked = voter["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == items[0] && c["chosen_by_fans"] == true);
        assert!(!unmarked);
    }
);
