//! What every server function answers to a form it cannot read.

use http::Method;
use leptos::server_fn::axum::server_fn_paths;
use reqwest::{header, StatusCode};
use serde_json::Value;

use crate::{db_test, helpers::TestApp};

db_test!(
    a_form_sent_without_its_fields_gets_a_field_message,
    |app: TestApp| async move {
        app.seed().await;
        let mut field_messages = 0;
        for (path, method) in server_fn_paths() {
            let url = app.url(path);
            let req = match method {
                m if m == Method::GET => app.client.get(url),
                m if m == Method::POST => app
                    .client
                    .post(url)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(""),
                _ => continue,
            };
            let res = req.send().await.expect("the server answers");
            let status = res.status();
            let body = res.text().await.unwrap();
            for words in [
                "serializ",
                "Serializ",
                "missing field",
                "server function",
                "Custom(",
            ] {
                assert!(!body.contains(words), "{path} shows {words:?}: {body}");
            }
            assert_ne!(status, StatusCode::INTERNAL_SERVER_ERROR, "{path}: {body}");
            if status == StatusCode::UNPROCESSABLE_ENTITY {
                let error: Value = serde_json::from_str(&body).expect("a JSON error");
                if let Some(invalid) = error.get("Invalid") {
                    let field = invalid["field"].as_str().unwrap_or_default();
                    let message = invalid["message"].as_str().unwrap_or_default();
                    assert!(!field.is_empty() && !message.is_empty(), "{path}: {body}");
                    field_messages += 1;
                } else {
                    assert_eq!(error, Value::String("Unreadable".into()), "{path}");
                }
            }
        }
        // Most functions take arguments: each of those names its first
        // missing field.
        assert!(field_messages >= 40, "only {field_messages} field messages");
    }
);

/// The fields an `Invalid` answer marks: the first, then the others.
fn marked(body: &str) -> Vec<String> {
    let error: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let invalid = &error["Invalid"];
    let mut fields = vec![invalid["field"].as_str().unwrap_or_default().to_owned()];
    for pair in invalid["also"].as_array().into_iter().flatten() {
        fields.push(pair[0].as_str().unwrap_or_default().to_owned());
    }
    fields
}

/// Who posts, to which function, what form, and the fields it must mark.
type Case<'a> = (
    &'a reqwest::Client,
    &'a str,
    Vec<(&'a str, String)>,
    Vec<&'a str>,
);

db_test!(
    each_form_marks_all_its_mistakes_at_once,
    |app: TestApp| async move {
        use crate::helpers::{
            orders_from, party, post, set_order_status, share_slug, signed_in_admin,
        };
        let (event, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let orders = orders_from(&app, &tokens, items[0], 1).await;
        let slug = share_slug(&app, event).await;
        let admin = signed_in_admin(&app).await;
        set_order_status(&app, &admin, orders[0], "paid", "", "").await;
        set_order_status(&app, &admin, orders[0], "in_preparation", "", "").await;
        let guest = app.new_client();
        let long_name = "N".repeat(200);
        let cases: Vec<Case> = vec![
            (
                &guest,
                "/api/login",
                vec![
                    ("email", "not-an-email".into()),
                    ("password", String::new()),
                ],
                vec!["email", "password"],
            ),
            (
                &guest,
                "/api/join_event",
                vec![
                    ("slug", slug.clone()),
                    ("name", String::new()),
                    ("email", "x@".into()),
                ],
                vec!["name", "email"],
            ),
            (
                &app.client,
                "/api/add_guest",
                vec![
                    ("event_id", event.to_string()),
                    ("name", long_name),
                    ("email", "nope".into()),
                ],
                vec!["name", "email"],
            ),
            (
                &app.client,
                "/api/redeem_credit",
                vec![
                    ("form[idempotency_key]", "a-form-key-0123456789".into()),
                    ("form[address]", "Lyon".into()),
                ],
                vec!["qty", "address"],
            ),
            (
                &admin,
                "/api/bulk_order_status",
                vec![("status", "shipped".into())],
                vec!["bulk-status", "bulk-ids"],
            ),
            (
                &admin,
                "/api/set_order_status",
                vec![("id", orders[0].to_string()), ("status", "shipped".into())],
                vec!["carrier", "tracking_number"],
            ),
        ];
        for (client, path, form, fields) in cases {
            let res = post(&app, client, path, &form).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
            let body = res.text().await.unwrap();
            let found = marked(&body);
            for field in fields {
                assert!(
                    found.iter().any(|f| f == field),
                    "{path} marks {found:?}, not {field}: {body}"
                );
            }
        }
    }
);

db_test!(
    a_form_posted_without_javascript_comes_back_with_its_answer_once,
    |app: TestApp| async move {
        use crate::helpers::{invited, post};
        let (event, _) = invited(&app, "50", "Ana Lima <ana@example.com>").await;
        let page = app.url(&format!("/host/events/{event}"));
        // The browser posts the form, follows the redirect to the page, and
        // the page says what was done.
        let res = app
            .client
            .post(app.url("/api/add_guests"))
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, &page)
            .form(&[
                ("event_id", event.to_string()),
                (
                    "text",
                    "Ben Okafor <ben@example.com>\nChloé <chloe@example.com>\nnot a guest".into(),
                ),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND);
        let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
        assert_eq!(location, page, "back on the party's page");
        let cookie = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|c| c.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("soiree_form_answer="))
            .expect("the answer is carried");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("Max-Age=300"),
            "{cookie}"
        );
        assert!(!cookie.contains("not a guest"), "not readable as it is");
        let client = &app.client;
        let page_html = |url: String| async move {
            let res = client.get(url).header(header::ACCEPT, "text/html");
            res.send().await.unwrap().text().await.unwrap()
        };
        let html = page_html(location).await;
        assert!(html.contains("Added 2 guests."), "the report: {html}");
        assert!(html.contains("could not be read"), "the rejected line");
        // Once: the next visit shows the list without the report.
        let html = page_html(page.clone()).await;
        assert!(!html.contains("Added 2 guests."), "shown once");
        // A long list of broken lines still comes back: the first ten, and
        // how many more.
        let broken: Vec<String> = (0..40)
            .map(|i| format!("not a guest number {i} {}", "x".repeat(80)))
            .collect();
        let res = app
            .client
            .post(app.url("/api/add_guests"))
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, &page)
            .form(&[("event_id", event.to_string()), ("text", broken.join("\n"))])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND);
        let html = page_html(page.clone()).await;
        assert!(html.contains("40 lines could not be read"), "{html}");
        assert!(html.contains("…and 30 more"), "the rest counted");
        // With JavaScript (no text/html in Accept) the answer is the body,
        // and nothing is carried.
        let res = post(
            &app,
            &app.client,
            "/api/add_guests",
            &[
                ("event_id", event.to_string()),
                ("text", "Dan <dan@example.com>".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("soiree_form_answer")));
    }
);
