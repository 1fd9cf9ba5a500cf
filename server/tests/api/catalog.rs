//! The brand's catalog: items with photos and labels, kits; only the brand's
//! admin may change them.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        brand_user, first_item_id, item_count, item_form, item_photo_count, new_brand, photo, png,
        post, save_item, saved_item, Moto, TestApp, ADMIN, HOST,
    },
};
use soiree_server::{settings::Settings, startup::Application};

async fn field_error(res: reqwest::Response) -> (String, String) {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let invalid = &body["Invalid"];
    (
        invalid["field"].as_str().unwrap_or_default().to_owned(),
        invalid["message"].as_str().unwrap_or_default().to_owned(),
    )
}

db_test!(
    items_are_checked_and_skus_are_unique_per_brand,
    |app: TestApp| async move {
        app.seed().await;
        app.login(ADMIN.0, ADMIN.1).await;
        let before = item_count(&app).await;

        let (id, item) = saved_item(&app, &app.client, item_form(&[])).await;
        assert_eq!(item["item"]["card"]["price"]["minor"], 4990);
        assert_eq!(item["item"]["vat_rate_bp"], 2000);
        assert_eq!(
            item["item"]["label"]["composition"][1]["material"],
            "recycled polyester"
        );
        assert_eq!(
            item["form"]["composition"],
            "60% organic cotton, 40% recycled polyester"
        );

        for (changes, field, says) in [
            (
                vec![("sku", "tee-sage-m")],
                "sku",
                "already uses the SKU TEE-SAGE-M",
            ),
            (
                vec![("sku", "NEW-1"), ("price", "-1")],
                "price",
                "cannot be negative",
            ),
            (
                vec![("sku", "NEW-2"), ("price", "12.345")],
                "price",
                "two decimals",
            ),
            (
                vec![("sku", "NEW-3"), ("composition", "60% cotton, 30% wool")],
                "composition",
                "adds up to 90 %",
            ),
            (
                vec![("sku", "NEW-4"), ("stock", "-2")],
                "stock",
                "cannot be negative",
            ),
            (vec![("sku", "NEW-5"), ("name", " ")], "name", "name"),
        ] {
            let (f, message) =
                field_error(save_item(&app, &app.client, item_form(&changes)).await).await;
            assert_eq!(f, field, "{changes:?}: {message}");
            assert!(message.contains(says), "{changes:?}: {message}");
        }
        // A free price is allowed.
        let res = save_item(
            &app,
            &app.client,
            item_form(&[("sku", "GIFT-1"), ("price", "0")]),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(item_count(&app).await, before + 2);

        // Editing keeps the SKU rule: another item's SKU is refused.
        let res = save_item(
            &app,
            &app.client,
            item_form(&[("id", &id.to_string()), ("sku", "GIFT-1")]),
        )
        .await;
        assert_eq!(field_error(res).await.0, "sku");
        // An item without a label shows none.
        let res = save_item(
            &app,
            &app.client,
            item_form(&[
                ("id", &id.to_string()),
                ("composition", ""),
                ("country", ""),
                ("recycled", ""),
                ("care", ""),
                ("story", ""),
                ("name", "Sage tee"),
            ]),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let item: Value = app
            .get(&format!("/api/item_editor?id={id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(item["item"]["card"]["name"], "Sage tee");
        assert_eq!(item["item"]["label"]["composition"], serde_json::json!([]));
        assert!(item["item"]["label"]["country"].is_null());
    }
);

db_test!(
    photos_are_resized_stored_and_served_with_long_cache,
    |app: TestApp| async move { photos_round_trip(&app).await }
);

db_test!(
    engine: photos_can_live_in_an_s3_bucket,
    |engine| async move {
        let Some(moto) = Moto::start().await else { return };
        let settings = moto.bucket("photos").await;
        let Some(app) = TestApp::spawn_with(engine, &settings).await else { return };
        photos_round_trip(&app).await;
        // The bucket holds the two sizes of the photo that was kept; the
        // local folder holds nothing.
        let objects = moto.objects("photos").await;
        assert_eq!(objects.len(), 2, "{objects:?}");
        assert!(objects.iter().all(|k| k.starts_with("items/") && k.ends_with(".jpg")));
        assert!(!app.media_dir.exists(), "nothing in the local folder");

        // A bucket that is not there stops start-up and says which setting.
        let mut wrong = settings.clone();
        wrong[0].1 = "no-such-bucket".to_owned();
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite://{}", dir.path().join("t.db").display());
        let settings = Settings::from_lookup(|key| match key {
            "DATABASE_URL" => Some(db.clone()),
            "SOIREE_ADDR" => Some("127.0.0.1:0".to_owned()),
            _ => wrong.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()),
        })
        .unwrap();
        let err = Application::build(settings).await.err().expect("no start");
        let err = format!("{err:#}");
        assert!(err.starts_with("MEDIA_S3_BUCKET: "), "{err}");
        assert!(err.contains("no-such-bucket"), "{err}");
    }
);

/// A brand's admin saves an item with two photos; both sizes are served
/// with a year's cache; removing one removes its files.
async fn photos_round_trip(app: &TestApp) {
    app.seed().await;
    app.login(ADMIN.0, ADMIN.1).await;
    let form = item_form(&[])
        .part("photos", photo(png(2000, 1500), "front.png", "image/png"))
        .part("photos", photo(png(600, 800), "back.png", "image/png"));
    let (id, item) = saved_item(app, &app.client, form).await;
    let photos = item["item"]["photos"].as_array().unwrap();
    assert_eq!(photos.len(), 2);
    assert_eq!(
        (photos[0]["width"].as_i64(), photos[0]["height"].as_i64()),
        (Some(1200), Some(900))
    );
    assert_eq!(
        (photos[1]["width"].as_i64(), photos[1]["height"].as_i64()),
        (Some(600), Some(800))
    );

    for url in [&photos[0]["url"], &photos[0]["thumb_url"]] {
        let res = app
            .new_client()
            .get(app.url(url.as_str().unwrap()))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "image/jpeg");
        assert!(res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable"));
        let bytes = res.bytes().await.unwrap();
        let image = image::load_from_memory(&bytes).unwrap();
        assert!(image.width() <= 1200 && image.height() <= 1200);
    }
    assert_eq!(item["item"]["card"]["thumb_url"], photos[0]["thumb_url"]);

    // Removing a photo removes its files.
    let thumb = photos[1]["thumb_url"].as_str().unwrap().to_owned();
    let res = post(
        app,
        &app.client,
        "/api/delete_item_photo",
        &[
            ("item_id", id.to_string()),
            ("photo_id", photos[1]["id"].to_string()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.new_client().get(app.url(&thumb)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.headers().get("cache-control").is_none());
}

db_test!(
    bad_uploads_are_refused_and_nothing_is_written,
    |app: TestApp| async move {
        app.seed().await;
        app.login(ADMIN.0, ADMIN.1).await;
        let before = item_count(&app).await;
        let mut broken = png(40, 40);
        broken.truncate(80);
        let mut huge = png(10, 10);
        huge.resize(8 * 1024 * 1024 + 10, 0);
        for (part, says) in [
            (
                photo(
                    b"GIF89a\x01\x00\x01\x00\x00\x00".to_vec(),
                    "cat.gif",
                    "image/gif",
                ),
                "“cat.gif” is not a JPEG, PNG or WebP",
            ),
            (
                photo(broken, "broken.png", "image/png"),
                "“broken.png” could not be read",
            ),
            (
                photo(huge, "huge.png", "image/png"),
                "“huge.png” is 8.0 MB: photos can be up to 8 MB",
            ),
            // A text file named like a photo is judged by its content.
            (
                photo(b"hello".to_vec(), "fake.jpg", "image/jpeg"),
                "“fake.jpg” is not a JPEG",
            ),
        ] {
            let form = item_form(&[("sku", "WITH-PHOTO")])
                .part("photos", photo(png(300, 300), "good.png", "image/png"))
                .part("photos", part);
            let res = save_item(&app, &app.client, form).await;
            let body: Value = {
                assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
                res.json().await.unwrap()
            };
            assert_eq!(body["Invalid"]["field"], "photos");
            let message = body["Invalid"]["message"].as_str().unwrap();
            assert!(message.contains(says), "{message}");
            // What was typed comes back for the form.
            let kept: Value =
                serde_json::from_str(body["Invalid"]["kept"].as_str().unwrap()).unwrap();
            assert_eq!(kept["name"], "Sage linen tee");
        }
        assert_eq!(item_count(&app).await, before);
        let photos = item_photo_count(&app).await;
        assert_eq!(photos, 0);
        let media = std::fs::read_dir(app.media_dir.join("items"))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(media, 0, "no photo file is left behind");
    }
);

db_test!(
    only_the_brand_admin_changes_the_catalog,
    |app: TestApp| async move {
        app.seed().await;
        let item = first_item_id(&app).await;
        // Anonymous, then a host.
        let res = save_item(&app, &app.new_client(), item_form(&[])).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        app.login(HOST.0, HOST.1).await;
        for res in [
            save_item(&app, &app.client, item_form(&[("id", &item.to_string())])).await,
            app.get("/api/catalog?query[q]=&query[category]=&query[archived]=false&query[page]=1")
                .await,
            app.get(&format!("/api/item_editor?id={item}")).await,
            post(
                &app,
                &app.client,
                "/api/archive_item",
                &[("id", item.to_string()), ("archived", "true".into())],
            )
            .await,
            post(
                &app,
                &app.client,
                "/api/save_kit",
                &[
                    ("id", "0".into()),
                    ("form[name]", "Mine".into()),
                    ("form[description]", String::new()),
                    ("form[items][]", item.to_string()),
                ],
            )
            .await,
            post(
                &app,
                &app.client,
                "/api/create_poll",
                &[
                    ("form[question]", "Q?".into()),
                    ("form[labels][0]", "a".into()),
                    ("form[labels][1]", "b".into()),
                ],
            )
            .await,
        ] {
            assert_eq!(res.status(), StatusCode::FORBIDDEN);
        }

        // The admin of another brand sees none of this brand's items.
        let other_brand = new_brand(&app, "other", "Other").await;
        brand_user(
            &app,
            other_brand,
            "boss@other.example",
            "Other Boss",
            app::base::account::Role::BrandAdmin,
            "other-admin-2026",
        )
        .await;
        let other = app.new_client();
        app.login_with(&other, "boss@other.example", "other-admin-2026")
            .await;
        let res = other
            .get(app.url(&format!("/api/item_editor?id={item}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = save_item(&app, &other, item_form(&[("id", &item.to_string())])).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = post(
            &app,
            &other,
            "/api/archive_item",
            &[("id", item.to_string()), ("archived", "true".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let listing: Value =
            other
                .get(app.url(
                    "/api/catalog?query[q]=&query[category]=&query[archived]=false&query[page]=1",
                ))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        assert_eq!(listing["total"], 0);
        // Its own SKUs are its own: the demo's SKU is free for it.
        let res = save_item(&app, &other, item_form(&[("sku", "CAN-FIG-220")])).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);

db_test!(
    the_catalog_list_searches_filters_and_pages,
    |app: TestApp| async move {
        app.seed().await;
        app.login(ADMIN.0, ADMIN.1).await;
        let list = |q: &str, category: &str, archived: bool, page: i64| {
            format!(
                "/api/catalog?query[q]={}&query[category]={}&query[archived]={archived}&query[page]={page}",
                app::base::page::urlencode(q),
                app::base::page::urlencode(category)
            )
        };
        let all: Value = app.get(&list("", "", false, 1)).await.json().await.unwrap();
        let total = all["total"].as_i64().unwrap();
        assert!(total > 20, "the demo has more than a page of items");
        assert_eq!(all["rows"].as_array().unwrap().len(), 20);
        assert_eq!(all["pages"], (total + 19) / 20);
        let second: Value = app.get(&list("", "", false, 2)).await.json().await.unwrap();
        assert_eq!(
            second["rows"].as_array().unwrap().len() as i64,
            (total - 20).min(20)
        );

        let by_sku: Value = app
            .get(&list("can-fig", "", false, 1))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(by_sku["total"], 1);
        assert_eq!(by_sku["rows"][0]["card"]["sku"], "CAN-FIG-220");
        let by_name: Value = app
            .get(&list("CANDLE", "", false, 1))
            .await
            .json()
            .await
            .unwrap();
        assert!(by_name["total"].as_i64().unwrap() >= 5);
        // LIKE wildcards are taken literally.
        let none: Value = app
            .get(&list("%", "", false, 1))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(none["total"], 0);
        let candles: Value = app
            .get(&list("", "Candles", false, 1))
            .await
            .json()
            .await
            .unwrap();
        assert!(candles["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["card"]["category"] == "Candles"));

        // Archiving moves an item to the archived list.
        let id = by_sku["rows"][0]["card"]["id"].as_i64().unwrap();
        post(
            &app,
            &app.client,
            "/api/archive_item",
            &[("id", id.to_string()), ("archived", "true".into())],
        )
        .await;
        let after: Value = app.get(&list("", "", false, 1)).await.json().await.unwrap();
        assert_eq!(after["total"], total - 1);
        let archived: Value = app.get(&list("", "", true, 1)).await.json().await.unwrap();
        assert_eq!(archived["total"], 1);
        assert_eq!(archived["rows"][0]["archived"], true);
    }
);
