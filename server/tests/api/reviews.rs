//! Reviews and tips: only the holder of a delivered order's link reviews
//! an item they paid for, once; the brand publishes, hides and answers, and
//! the item's rating follows; buyers are asked a week after delivery, once,
//! in the party's language, unless they stopped the brand's mail; hosts'
//! tips; the rating in the JSON API; erasure takes the reviews and photos.

use reqwest::{multipart::Form, StatusCode};
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        get_json, mails_to, orders_from, other_brand, party, photo, png, post, set_order_status,
        signed_in_admin, TestApp,
    },
};
use app::on_db;

const GUESTS: &str = "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>";

async fn code_of(app: &TestApp, order: i64) -> String {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT tracking_code FROM orders WHERE id = $1"
    )
    .bind(order)
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// The brand takes `order` from placed to delivered.
async fn deliver(app: &TestApp, admin: &reqwest::Client, order: i64) {
    for (status, carrier, number) in [
        ("paid", "", ""),
        ("in_preparation", "", ""),
        ("shipped", "Colissimo", "6A123"),
        ("delivered", "", ""),
    ] {
        let res = set_order_status(app, admin, order, status, carrier, number).await;
        assert_eq!(res.status(), StatusCode::OK, "{status}");
    }
}

async fn review(
    app: &TestApp,
    code: &str,
    item: i64,
    rating: &str,
    comment: &str,
    with_photo: bool,
) -> reqwest::Response {
    let mut form = Form::new()
        .text("code", code.to_owned())
        .text("item_id", item.to_string())
        .text("rating", rating.to_owned())
        .text("comment", comment.to_owned());
    if with_photo {
        form = form.part("photos", photo(png(900, 600), "table.png", "image/png"));
    }
    app.new_client()
        .post(app.url("/api/submit_review"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn rating_of(app: &TestApp, item: i64) -> (i64, i64) {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT rating_count, rating_sum FROM items WHERE id = $1"
    )
    .bind(item)
    .fetch_one(pool)
    .await)
    .unwrap()
}

async fn review_ids(app: &TestApp) -> Vec<i64> {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM reviews ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

async fn moderate(app: &TestApp, client: &reqwest::Client, id: i64, state: &str) -> StatusCode {
    post(
        app,
        client,
        "/api/moderate_review",
        &[("id", id.to_string()), ("state", state.to_owned())],
    )
    .await
    .status()
}

db_test!(
    only_the_buyer_of_a_delivered_item_reviews_it_and_the_brand_publishes,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, GUESTS, 2).await;
        let orders = orders_from(&app, &tokens[..1], items[0], 1).await;
        let code = code_of(&app, orders[0]).await;
        let admin = signed_in_admin(&app).await;

        // Not before delivery.
        let res = review(&app, &code, items[0], "5", "Lovely", false).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("once your order is delivered"));
        deliver(&app, &admin, orders[0]).await;

        // An item not bought, an unknown link: not found.
        let res = review(&app, &code, items[1], "5", "Lovely", false).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = review(&app, "not-a-code", items[0], "5", "Lovely", false).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // Every mistake at once.
        let res = review(&app, &code, items[0], "9", "  ", false).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let said = res.text().await.unwrap();
        assert!(
            said.contains("from 1 to 5 stars") && said.contains("a few words"),
            "{said}"
        );
        assert!(review_ids(&app).await.is_empty(), "nothing half-written");

        // The review, with its photo, waits for the brand; a second one of
        // the same item keeps the first.
        let res = review(&app, &code, items[0], "4", "Soft linen, washes well.", true).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );
        let res = review(&app, &code, items[0], "1", "Changed my mind", false).await;
        assert_eq!(res.status(), StatusCode::OK);
        let ids = review_ids(&app).await;
        assert_eq!(ids.len(), 1, "one review per order and item");
        let photos = std::fs::read_dir(app.media_dir.join("reviews"))
            .unwrap()
            .count();
        assert_eq!(
            photos, 2,
            "the photo in two sizes, the second review's none"
        );
        let mine: Value = get_json(
            &app,
            &app.new_client(),
            &format!("/api/buyer_reviews?code={code}"),
        )
        .await;
        assert_eq!(mine["delivered"], true);
        let reviewed = &mine["items"].as_array().unwrap();
        assert_eq!(reviewed.len(), 1, "only what was bought: {mine}");
        assert_eq!(reviewed[0]["mine"]["rating"], 4);
        assert!(reviewed[0]["mine"]["state"]
            .as_str()
            .unwrap()
            .contains("reads it"));

        // Nothing shows before the brand publishes it.
        let page: Value = get_json(
            &app,
            &app.new_client(),
            &format!("/api/public_item?item_id={}", items[0]),
        )
        .await;
        assert_eq!(page[1]["reviews"].as_array().unwrap().len(), 0);
        assert_eq!(rating_of(&app, items[0]).await, (0, 0));

        // Another brand, a host: not theirs to moderate.
        other_brand(&app).await;
        let rival = app.new_client();
        app.login_with(&rival, "boss@rival.example", "rival-pass-2026")
            .await;
        assert_eq!(
            moderate(&app, &rival, ids[0], "published").await,
            StatusCode::NOT_FOUND
        );
        assert_ne!(
            moderate(&app, &app.client, ids[0], "published").await,
            StatusCode::OK
        );
        assert_eq!(
            moderate(&app, &admin, ids[0], "shown").await,
            StatusCode::UNPROCESSABLE_ENTITY
        );

        // Published with an answer: on the item's page, in its rating.
        let queue: Value = get_json(&app, &admin, "/api/review_moderation?state=pending").await;
        assert_eq!(queue["pending"], 1);
        assert_eq!(queue["entries"][0]["author"], "Guest 0.");
        assert_eq!(
            moderate(&app, &admin, ids[0], "published").await,
            StatusCode::OK
        );
        let res = post(
            &app,
            &admin,
            "/api/reply_review",
            &[("id", ids[0].to_string()), ("reply", "Thank you!".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(rating_of(&app, items[0]).await, (1, 4));
        let page: Value = get_json(
            &app,
            &app.new_client(),
            &format!("/api/public_item?item_id={}", items[0]),
        )
        .await;
        let shown = &page[1]["reviews"][0];
        assert_eq!(shown["body"], "Soft linen, washes well.");
        assert_eq!(shown["reply"], "Thank you!");
        assert!(shown["thumb_url"]
            .as_str()
            .unwrap()
            .starts_with("/media/reviews/"));
        assert_eq!(page[0]["card"]["rating"]["count"], 1);

        // Hidden again: off the page and out of the rating.
        assert_eq!(
            moderate(&app, &admin, ids[0], "hidden").await,
            StatusCode::OK
        );
        assert_eq!(rating_of(&app, items[0]).await, (0, 0));
    }
);

/// Moves the delivery of `order` `days` into the past.
async fn delivered_days_ago(app: &TestApp, order: i64, days: i64) {
    let at = chrono::Utc::now() - chrono::Duration::days(days);
    on_db!(app.db.writer(), |pool| sqlx::query(
        "UPDATE order_status_changes SET changed_at = $1 WHERE order_id = $2 AND status = 'delivered'"
    )
    .bind(at)
    .bind(order)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

db_test!(
    buyers_are_asked_a_week_after_delivery_once_unless_they_stopped_the_mail,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        let orders = orders_from(&app, &tokens, items[0], 1).await;
        let admin = signed_in_admin(&app).await;
        for order in &orders {
            deliver(&app, &admin, *order).await;
        }
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE events SET language = 'fr' WHERE id = $1"
        )
        .bind(event)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let asked = |now| app::reviews::ssr::ask_due(&app.db, &app.config, now);

        // Delivered two days ago: not yet.
        delivered_days_ago(&app, orders[0], 2).await;
        delivered_days_ago(&app, orders[1], 2).await;
        assert_eq!(asked(chrono::Utc::now()).await.unwrap(), 0);

        // A week on: Ana is asked once, in the party's language, with the
        // stop link; Ben stopped the brand's mail and is not.
        delivered_days_ago(&app, orders[0], 8).await;
        delivered_days_ago(&app, orders[1], 8).await;
        let stop = app::base::consent::Stop {
            brand_id: on_db!(app.db.reader(), |pool| sqlx::query_scalar(
                "SELECT brand_id FROM events WHERE id = $1"
            )
            .bind(event)
            .fetch_one(pool)
            .await)
            .unwrap(),
            email: "ben@example.com".into(),
        };
        app::base::consent::stop(&app.db, &stop, chrono::Utc::now())
            .await
            .unwrap();
        asked(chrono::Utc::now()).await.unwrap();
        asked(chrono::Utc::now()).await.unwrap();
        assert_eq!(
            mails_to(&app, "ana@example.com", "Que pensez-vous").await,
            1
        );
        assert_eq!(
            mails_to(&app, "ben@example.com", "Que pensez-vous").await,
            0
        );
        let mail = crate::helpers::latest_mail_to(&app, "ana@example.com")
            .await
            .replace("=\r\n", "");
        let code = code_of(&app, orders[0]).await;
        assert!(mail.contains(&format!("/o/{code}/review")), "{mail}");
        assert!(mail.contains("List-Unsubscribe"), "{mail}");
        let marked: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM orders WHERE review_asked_at IS NOT NULL"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(marked, 2, "both orders are done with");
    }
);

db_test!(
    hosts_write_tips_and_the_api_gives_each_items_rating,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, GUESTS, 1).await;
        let orders = orders_from(&app, &tokens, items[0], 1).await;
        let admin = signed_in_admin(&app).await;

        // The host's tip: every mistake at once, then sent, then rewritten.
        let tip = |item: String, body: &str| {
            let (app, body) = (&app, body.to_owned());
            async move {
                post(
                    app,
                    &app.client,
                    "/api/save_tip",
                    &[("form[item_id]", item), ("form[body]", body)],
                )
                .await
            }
        };
        let res = tip(String::new(), " ").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let said = res.text().await.unwrap();
        assert!(
            said.contains("Choose the item") && said.contains("Write your tip"),
            "{said}"
        );
        assert_eq!(
            tip(items[0].to_string(), "On a long table.").await.status(),
            StatusCode::OK
        );
        assert_eq!(
            tip(items[0].to_string(), "On a long table, with linen napkins.")
                .await
                .status(),
            StatusCode::OK
        );
        let mine: Value = get_json(&app, &app.client, "/api/my_tips").await;
        assert_eq!(
            mine["mine"].as_array().unwrap().len(),
            1,
            "one tip per item: {mine}"
        );
        assert_eq!(
            mine["mine"][0]["body"],
            "On a long table, with linen napkins."
        );
        let tip_id = review_ids(&app).await[0];
        assert_eq!(
            moderate(&app, &admin, tip_id, "published").await,
            StatusCode::OK
        );

        // Two buyers rate it 5 and 4: the average is 4.5.
        for (order, stars) in orders.iter().zip(["5", "4"]) {
            deliver(&app, &admin, *order).await;
            let code = code_of(&app, *order).await;
            let res = review(&app, &code, items[0], stars, "Beautiful", false).await;
            assert_eq!(res.status(), StatusCode::OK);
        }
        for id in review_ids(&app).await {
            assert_eq!(
                moderate(&app, &admin, id, "published").await,
                StatusCode::OK
            );
        }
        let page: Value = get_json(
            &app,
            &app.new_client(),
            &format!("/api/public_item?item_id={}", items[0]),
        )
        .await;
        assert_eq!(
            page[1]["tips"][0]["body"],
            "On a long table, with linen napkins."
        );
        assert_eq!(page[1]["reviews"].as_array().unwrap().len(), 2);
        assert_eq!(
            rating_of(&app, items[0]).await,
            (2, 9),
            "the tip is no rating"
        );

        let res = post(
            &app,
            &admin,
            "/api/create_api_key",
            &[("name", "BI".into())],
        )
        .await;
        let key: String = res.json().await.unwrap();
        let listed: Value = app
            .new_client()
            .get(app.url("/api/v1/items?limit=500"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let rated = listed["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == items[0])
            .expect("the item is listed");
        assert_eq!(rated["rating_count"], 2);
        assert_eq!(rated["rating_average"], 4.5);
    }
);

db_test!(
    a_buyer_s_data_download_gives_their_reviews_and_erasing_takes_them_with_photos,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        let orders = orders_from(&app, &tokens[..1], items[0], 1).await;
        let admin = signed_in_admin(&app).await;
        deliver(&app, &admin, orders[0]).await;
        let code = code_of(&app, orders[0]).await;
        let res = review(&app, &code, items[0], "5", "Perfect", true).await;
        assert_eq!(res.status(), StatusCode::OK);
        let id = review_ids(&app).await[0];
        assert_eq!(
            moderate(&app, &admin, id, "published").await,
            StatusCode::OK
        );
        assert_eq!(rating_of(&app, items[0]).await, (1, 5));

        let brand: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT brand_id FROM events WHERE id = $1"
        )
        .bind(event)
        .fetch_one(pool)
        .await)
        .unwrap();
        // Their data download gives the review first.
        let data = app::privacy::ssr::export(
            &app.db,
            brand,
            "ana@example.com",
            "test",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert_eq!(data["reviews"][0]["comment"], "Perfect", "{data}");
        assert_eq!(data["reviews"][0]["rating"], 5);
        assert_eq!(data["reviews"][0]["state"], "published");
        app::privacy::ssr::erase(
            &app.db,
            brand,
            "ana@example.com",
            "test",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert!(review_ids(&app).await.is_empty(), "the review is gone");
        assert_eq!(rating_of(&app, items[0]).await, (0, 0), "and its rating");
        let removed = app::base::photos::empty_trash(&app.db, &app.config.media)
            .await
            .unwrap();
        assert_eq!(removed, 2, "both sizes of the photo");
        let left = std::fs::read_dir(app.media_dir.join("reviews"))
            .unwrap()
            .count();
        assert_eq!(left, 0, "no file left");
    }
);
