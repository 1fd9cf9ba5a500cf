//! The party's album: only guests who said yes add photos, once the party
//! has begun; the party's guests see what the host shows (and their own),
//! nobody else does, not even through `/media/`; erasure takes the photos.

use reqwest::{multipart::Form, StatusCode};
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        answer_rsvp, get_json, party, party_started_ago, photo, png, post, TestApp, OTHER_HOST,
    },
};
use app::on_db;

const GUESTS: &str = "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>";

async fn add(app: &TestApp, token: &str, photos: usize, caption: &str) -> reqwest::Response {
    let mut form = Form::new()
        .text("token", token.to_owned())
        .text("caption", caption.to_owned());
    for n in 0..photos {
        form = form.part(
            "photos",
            photo(png(640, 480), &format!("p{n}.png"), "image/png"),
        );
    }
    app.new_client()
        .post(app.url("/api/add_album_photos"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn photo_ids(app: &TestApp) -> Vec<(i64, String)> {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT id, thumb_path FROM album_photos ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

async fn status_of(app: &TestApp, client: &reqwest::Client, path: &str) -> StatusCode {
    client.get(app.url(path)).send().await.unwrap().status()
}

db_test!(
    only_the_partys_guests_see_its_album_and_the_host_chooses,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 1).await;
        let (ana, ben) = (&tokens[0], &tokens[1]);
        answer_rsvp(&app, ana, "yes").await;
        answer_rsvp(&app, ben, "no").await;

        // Not before the party, and only for those who came.
        let res = add(&app, ana, 1, "").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("once the party has begun"));
        party_started_ago(&app, event, chrono::Duration::hours(1)).await;
        assert_eq!(
            add(&app, ben, 1, "").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let res = add(&app, ana, 0, &"x".repeat(201)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let said = res.text().await.unwrap();
        assert!(
            said.contains("at least one photo") && said.contains("caption"),
            "{said}"
        );

        // Ana adds two: they wait for the host.
        let res = add(&app, ana, 2, "The table").await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );
        let photos = photo_ids(&app).await;
        assert_eq!(photos.len(), 2);
        let mine: Value = get_json(
            &app,
            &app.new_client(),
            &format!("/api/guest_album?token={ana}"),
        )
        .await;
        assert_eq!(mine["mine_waiting"].as_array().unwrap().len(), 2);
        assert_eq!(mine["shown"].as_array().unwrap().len(), 0);
        let theirs: Value = get_json(
            &app,
            &app.new_client(),
            &format!("/api/guest_album?token={ben}"),
        )
        .await;
        assert_eq!(theirs["mine_waiting"].as_array().unwrap().len(), 0);
        assert_eq!(theirs["shown"].as_array().unwrap().len(), 0);
        let file = |token: &str, id: i64| format!("/i/{token}/album/{id}/thumb");
        let anyone = app.new_client();
        assert_eq!(
            status_of(&app, &anyone, &file(ana, photos[0].0)).await,
            StatusCode::OK
        );
        assert_eq!(
            status_of(&app, &anyone, &file(ben, photos[0].0)).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status_of(&app, &anyone, &format!("/media/{}", photos[0].1)).await,
            StatusCode::NOT_FOUND,
            "album files are not public media"
        );
        assert_eq!(
            status_of(
                &app,
                &anyone,
                &format!("/host/events/{event}/album/{}/thumb", photos[0].0)
            )
            .await,
            StatusCode::UNAUTHORIZED
        );

        // Another host sees nothing; the host shows the first photo.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let res = other
            .get(app.url(&format!("/api/host_album?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let show = |client: reqwest::Client, id: i64| {
            let app = &app;
            async move {
                post(
                    app,
                    &client,
                    "/api/show_album_photo",
                    &[
                        ("event_id", event.to_string()),
                        ("photo_id", id.to_string()),
                        ("shown", "true".into()),
                    ],
                )
                .await
            }
        };
        assert_eq!(
            show(other.clone(), photos[0].0).await.status(),
            StatusCode::NOT_FOUND
        );
        let album: Value = get_json(
            &app,
            &app.client,
            &format!("/api/host_album?event_id={event}"),
        )
        .await;
        assert_eq!(album["photos"].as_array().unwrap().len(), 2);
        assert_eq!(album["photos"][0]["state"], "pending");
        assert_eq!(
            status_of(
                &app,
                &app.client,
                &format!("/host/events/{event}/album/{}/full", photos[1].0)
            )
            .await,
            StatusCode::OK
        );
        assert_eq!(
            show(app.client.clone(), photos[0].0).await.status(),
            StatusCode::OK
        );
        let theirs: Value = get_json(
            &app,
            &app.new_client(),
            &format!("/api/guest_album?token={ben}"),
        )
        .await;
        assert_eq!(theirs["shown"].as_array().unwrap().len(), 1);
        assert_eq!(theirs["shown"][0]["caption"], "The table");
        assert_eq!(theirs["shown"][0]["by"], "Ana L.");
        assert_eq!(
            status_of(&app, &anyone, &file(ben, photos[0].0)).await,
            StatusCode::OK
        );
        assert_eq!(
            status_of(&app, &anyone, &file(ben, photos[1].0)).await,
            StatusCode::NOT_FOUND
        );

        // A guest of another party sees none of it.
        let (_, _, links) = party(&app, "Zoé Roux <zoe@example.com>", 1).await;
        let stranger = links.last().unwrap();
        assert_ne!(stranger, ana);
        assert_eq!(
            status_of(&app, &anyone, &file(stranger, photos[0].0)).await,
            StatusCode::NOT_FOUND
        );

        // Ana's data erased: her photos and their files go.
        let brand: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT brand_id FROM events WHERE id = $1"
        )
        .bind(event)
        .fetch_one(pool)
        .await)
        .unwrap();
        app::privacy::ssr::erase(
            &app.db,
            brand,
            "ana@example.com",
            "test",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert!(photo_ids(&app).await.is_empty());
        let removed = app::base::photos::empty_trash(&app.db, &app.config.media)
            .await
            .unwrap();
        assert_eq!(removed, 4, "two photos in two sizes");
        let folder = app.media_dir.join(format!("private/albums/{event}"));
        let left = std::fs::read_dir(folder).map(|d| d.count()).unwrap_or(0);
        assert_eq!(left, 0);
    }
);
