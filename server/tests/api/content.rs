//! The brand's own words in two languages: items, kits and polls written in
//! the brand's language with a translation; readers get theirs, or the
//! brand's where a translation is missing; the forms say what is missing.

use reqwest::{header, StatusCode};
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        add_to_cart, checkout_form, feature_items, get_json, get_text, invited_to, item_form, post,
        save_item, signed_in_admin, TestApp, HOST,
    },
};

/// The page at `path` as a reader of `lang` (the switcher's cookie).
async fn page_in(app: &TestApp, path: &str, lang: &str) -> String {
    let res = app
        .new_client()
        .get(app.url(path))
        .header(header::COOKIE, format!("soiree_lang={lang}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

/// The field and message of a refused form, and the other mistakes.
async fn mistakes(res: reqwest::Response) -> Vec<String> {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let invalid = &body["Invalid"];
    let mut fields = vec![invalid["field"].as_str().unwrap().to_owned()];
    for also in invalid["also"].as_array().into_iter().flatten() {
        fields.push(also[0].as_str().unwrap().to_owned());
    }
    fields
}

db_test!(
    items_kits_and_polls_read_in_the_readers_language_or_the_brands,
    |app: TestApp| async move {
        app.seed().await;
        app.set_brand_language("fr").await;
        let admin = signed_in_admin(&app).await;

        // A party (before the new item: it features an item of the demo).
        let (event, tokens) = invited_to(&app, &[], "Ana Lima <ana@example.com>").await;
        let others = feature_items(&app, event, 1).await;
        // The form checks the translation with the rest, all mistakes at once.
        let long = "x".repeat(121);
        let res = save_item(
            &app,
            &admin,
            item_form(&[
                ("sku", "BOUGIE-FIGUE"),
                ("name", " "),
                ("tr_name", &long),
                ("tr_composition", "60% coton"),
            ]),
        )
        .await;
        let fields = mistakes(res).await;
        for field in ["name", "tr_name", "tr_composition"] {
            assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
        }

        let res = save_item(
            &app,
            &admin,
            item_form(&[
                ("sku", "BOUGIE-FIGUE"),
                ("name", "Bougie Feuille de figuier"),
                ("description", "Cire de soja, figue verte et cèdre."),
                ("care", "Couper la mèche à 5 mm."),
                ("tr_name", "Fig leaf candle"),
                ("tr_description", "Soy wax, green fig and cedar."),
                (
                    "tr_composition",
                    "60 % organic cotton; recycled polyester 40%",
                ),
            ]),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let item: i64 = res.json().await.unwrap();
        let editor = get_json(&app, &admin, &format!("/api/item_editor?id={item}")).await;
        assert_eq!(editor["translation_lang"], "en");
        assert_eq!(editor["form"]["name"], "Bougie Feuille de figuier");
        assert_eq!(editor["form"]["tr_name"], "Fig leaf candle");
        assert_eq!(
            editor["form"]["tr_composition"],
            "60% organic cotton, 40% recycled polyester"
        );
        assert_eq!(editor["form"]["tr_care"], "");
        // The form says what is missing in English: the care text.
        let html = get_text(&app, &admin, &format!("/brand/catalog/{item}")).await;
        assert!(
            html.contains("data-testid=\"translation-missing\""),
            "{html}"
        );
        // The catalog marks items with no English name or description.
        let listing = get_json(&app, &admin, "/api/catalog?query[q]=bougie-figue&query[category]=&query[archived]=false&query[page]=1").await;
        assert_eq!(listing["rows"][0]["untranslated"], false, "{listing}");
        let listing = get_json(
            &app,
            &admin,
            "/api/catalog?query[q]=&query[category]=&query[archived]=false&query[page]=1",
        )
        .await;
        assert!(
            listing["rows"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["untranslated"] == true),
            "the demo's items have no English"
        );

        // A party features it with an untranslated item.
        let res = post(
            &app,
            &app.client,
            "/api/add_featured",
            &[
                ("event_id", event.to_string()),
                ("item_id", item.to_string()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        app::on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE items SET name = 'Plaid en lin lavé' WHERE id = $1"
        )
        .bind(others[0])
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let token = &tokens[0];
        let fr = page_in(&app, &format!("/i/{token}"), "fr").await;
        assert!(fr.contains("Bougie Feuille de figuier"), "{fr}");
        assert!(!fr.contains("Fig leaf candle"));
        let en = page_in(&app, &format!("/i/{token}"), "en").await;
        assert!(en.contains("Fig leaf candle"));
        // No translation: the brand's words.
        assert!(en.contains("Plaid en lin lavé"));
        let en = page_in(&app, &format!("/i/{token}/items/{item}"), "en").await;
        assert!(en.contains("Soy wax, green fig and cedar."));
        assert!(en.contains("organic cotton"));
        // The care text has no translation: the brand's.
        assert!(en.contains("Couper la mèche à 5 mm."));

        // An order keeps the name its buyer read.
        let guest = app.new_client();
        add_to_cart(&app, token, item, 1).await;
        let res = guest
            .post(app.url("/api/place_order"))
            .header(header::COOKIE, "soiree_lang=en")
            .form(&checkout_form(token, "k-content-0123456789ab", "home"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let line: String = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT name FROM order_lines WHERE item_id = $1"
        )
        .bind(item)
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(line, "Fig leaf candle");

        // A kit: the host reads it in their language.
        let res = post(
            &app,
            &admin,
            "/api/save_kit",
            &[
                ("id", "0".to_owned()),
                ("form[name]", "Soirée d’automne".to_owned()),
                ("form[description]", "Pour les soirées d’automne".to_owned()),
                ("form[items][]", item.to_string()),
                ("form[tr_name]", "Autumn evening".to_owned()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let kit: i64 = res.json().await.unwrap();
        let editor = get_json(&app, &admin, &format!("/api/kit_editor?id={kit}")).await;
        assert_eq!(editor["form"]["tr_name"], "Autumn evening");
        assert_eq!(editor["form"]["tr_description"], "");
        let host = app.new_client();
        app.login_with(&host, HOST.0, HOST.1).await;
        for (lang, name, description) in [
            ("en", "Autumn evening", "Pour les soirées d’automne"),
            ("fr", "Soirée d’automne", "Pour les soirées d’automne"),
        ] {
            // The host switches language (a cookie, and their preference).
            post(
                &app,
                &host,
                "/lang",
                &[("lang", lang.to_owned()), ("back", "/host".to_owned())],
            )
            .await;
            let kits = get_json(&app, &host, "/api/kits").await;
            let kit = kits
                .as_array()
                .unwrap()
                .iter()
                .find(|k| k["id"] == kit)
                .unwrap();
            assert_eq!(kit["name"], name);
            assert_eq!(kit["description"], description);
        }

        // A poll: its question and free options, translated on its page.
        let res = post(
            &app,
            &admin,
            "/api/create_poll",
            &[
                ("form[question]", "Quel parfum pour l’hiver ?".to_owned()),
                ("form[labels][0]", "Orange épicée".to_owned()),
                ("form[items][0]", String::new()),
                ("form[labels][1]", String::new()),
                ("form[items][1]", item.to_string()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let poll: i64 = res.json().await.unwrap();
        let results = get_json(&app, &admin, &format!("/api/poll_results?id={poll}")).await;
        assert_eq!(
            results["translation"]["options"].as_array().unwrap().len(),
            1
        );
        let long = "y".repeat(81);
        let res = post(
            &app,
            &admin,
            "/api/save_poll_translation",
            &[
                ("id", poll.to_string()),
                ("question", "x".repeat(201)),
                ("labels[0]", long),
            ],
        )
        .await;
        assert_eq!(mistakes(res).await, vec!["question", "label-0"]);
        let res = post(
            &app,
            &admin,
            "/api/save_poll_translation",
            &[
                ("id", poll.to_string()),
                ("question", "Which scent for winter?".to_owned()),
                ("labels[0]", "Spiced orange".to_owned()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let results = get_json(&app, &admin, &format!("/api/poll_results?id={poll}")).await;
        assert_eq!(
            results["translation"]["question"],
            "Which scent for winter?"
        );
        assert_eq!(results["question"], "Quel parfum pour l’hiver ?");
        let en = page_in(&app, &format!("/i/{token}"), "en").await;
        assert!(en.contains("Which scent for winter?"));
        assert!(en.contains("Spiced orange"));
        // The option naming an item reads the item's name.
        assert!(en.contains("Fig leaf candle"));
        let fr = page_in(&app, &format!("/i/{token}"), "fr").await;
        assert!(fr.contains("Quel parfum pour l’hiver"));
        assert!(fr.contains("Orange épicée"));

        // Only the brand's admin translates its polls.
        let res = post(
            &app,
            &host,
            "/api/save_poll_translation",
            &[("id", poll.to_string()), ("question", "Hacked".to_owned())],
        )
        .await;
        assert_ne!(res.status(), StatusCode::OK);
    }
);
