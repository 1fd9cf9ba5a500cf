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
