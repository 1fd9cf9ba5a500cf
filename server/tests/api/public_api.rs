//! The read-only JSON API: keys (created once, revoked), cursor pages, one
//! brand's data only, and an OpenAPI document that matches the answers.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{other_brand, post, sales_history, stored_api_keys, TestApp, ADMIN, SEPTEMBER},
};

/// Checks `value` against `schema` of the OpenAPI `doc`.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/components/schemas/");
        return check(doc, &doc["components"]["schemas"][name], value, at);
    }
    if value.is_null() {
        return if schema["nullable"] == true {
            Ok(())
        } else {
            Err(format!("{at} is null"))
        };
    }
    if let Some(options) = schema["enum"].as_array() {
        if !options.contains(value) {
            return Err(format!("{at} = {value} is not one of {options:?}"));
        }
    }
    match schema["type"].as_str() {
        Some("object") => {
            let obj = value.as_object().ok_or(format!("{at} is not an object"))?;
            let props = schema["properties"]
                .as_object()
                .ok_or(format!("{at}: no properties"))?;
            for key in schema["required"].as_array().into_iter().flatten() {
                let key = key.as_str().unwrap();
                if !obj.contains_key(key) {
                    return Err(format!("{at}.{key} is missing"));
                }
            }
            for (key, v) in obj {
                match props.get(key) {
                    Some(s) => check(doc, s, v, &format!("{at}.{key}"))?,
                    None if schema["additionalProperties"] == false => {
                        return Err(format!("{at}.{key} is not documented"))
                    }
                    None => {}
                }
            }
            Ok(())
        }
        Some("array") => {
            let items = value.as_array().ok_or(format!("{at} is not an array"))?;
            for (i, v) in items.iter().enumerate() {
                check(doc, &schema["items"], v, &format!("{at}[{i}]"))?;
            }
            Ok(())
        }
        Some("integer") => value
            .as_i64()
            .map(|_| ())
            .ok_or(format!("{at} is not an integer")),
        Some("number") => value
            .as_f64()
            .map(|_| ())
            .ok_or(format!("{at} is not a number")),
        Some("boolean") => value
            .as_bool()
            .map(|_| ())
            .ok_or(format!("{at} is not a boolean")),
        Some("string") => {
            let s = value.as_str().ok_or(format!("{at} is not a string"))?;
            match schema["format"].as_str() {
                Some("date-time") => chrono::DateTime::parse_from_rfc3339(s)
                    .map(|_| ())
                    .map_err(|e| format!("{at}: {e}")),
                Some("date") => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(|_| ())
                    .map_err(|e| format!("{at}: {e}")),
                _ => Ok(()),
            }
        }
        other => Err(format!("{at}: unknown type {other:?}")),
    }
}

/// The schema of a path's 200 answer.
fn answer_schema(doc: &Value, path: &str) -> Value {
    doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"].clone()
}

async fn new_key(app: &TestApp, admin: &reqwest::Client, name: &str) -> String {
    let res = post(
        app,
        admin,
        "/api/create_api_key",
        &[("name", name.to_owned())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn call(app: &TestApp, key: Option<&str>, path: &str) -> (StatusCode, Value) {
    let mut req = app.new_client().get(app.url(path));
    if let Some(key) = key {
        req = req.bearer_auth(key);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

db_test!(
    api_keys_open_one_brands_data_in_cursor_pages,
    |app: TestApp| async move {
        sales_history(&app).await;
        other_brand(&app).await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        // A key needs a name; it is shown once and stored as a hash.
        let res = post(&app, &admin, "/api/create_api_key", &[("name", " ".into())]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let key = new_key(&app, &admin, "Metabase").await;
        assert!(key.starts_with("soiree_"));
        let listed = admin
            .get(app.url("/api/api_keys"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(listed.contains("Metabase") && !listed.contains(&key));
        assert_eq!(stored_api_keys(&app).await, 1);

        // No key, a wrong key.
        let res = app
            .new_client()
            .get(app.url("/api/v1/hosts"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(res.headers()["www-authenticate"], "Bearer");
        let (status, body) = call(&app, Some("soiree_nope"), "/api/v1/hosts").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["error"]["code"], "unauthorized");

        // The OpenAPI document is valid OpenAPI 3.
        let (status, doc) = call(&app, None, "/api/v1/openapi.json").await;
        assert_eq!(status, StatusCode::OK);
        let parsed: openapiv3::OpenAPI =
            serde_json::from_value(doc.clone()).expect("a valid OpenAPI document");
        assert_eq!(parsed.paths.paths.len(), 5);

        // Hosts, two at a time, to the last page; each answer matches the document.
        let mut seen = Vec::new();
        let mut path = "/api/v1/hosts?limit=2".to_owned();
        loop {
            let (status, page) = call(&app, Some(&key), &path).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            check(&doc, &answer_schema(&doc, "/hosts"), &page, "hosts").unwrap();
            for h in page["data"].as_array().unwrap() {
                seen.push(h["email"].as_str().unwrap().to_owned());
            }
            match page["next_cursor"].as_str() {
                Some(c) => path = format!("/api/v1/hosts?limit=2&cursor={c}"),
                None => break,
            }
        }
        seen.sort();
        assert_eq!(
            seen,
            vec![
                "camille@atelier-lumen.example",
                "hugo@atelier-lumen.example",
                "new@example.com"
            ]
        );

        let (status, orders) = call(
            &app,
            Some(&key),
            "/api/v1/orders?from=2026-09-01&to=2026-09-30&limit=500",
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        check(&doc, &answer_schema(&doc, "/orders"), &orders, "orders").unwrap();
        assert_eq!(orders["data"].as_array().unwrap().len(), 10);
        assert!(orders["next_cursor"].is_null());
        let (_, all) = call(&app, Some(&key), "/api/v1/orders").await;
        assert_eq!(all["data"].as_array().unwrap().len(), 11);
        let (_, events) = call(&app, Some(&key), "/api/v1/events").await;
        check(&doc, &answer_schema(&doc, "/events"), &events, "events").unwrap();
        let (_, items) = call(&app, Some(&key), "/api/v1/items").await;
        check(&doc, &answer_schema(&doc, "/items"), &items, "items").unwrap();
        assert!(!items["data"].as_array().unwrap().is_empty());
        assert_eq!(
            events["data"].as_array().unwrap().len(),
            4,
            "cancelled ones too, with cancelled_at"
        );
        let (status, perf) = call(
            &app,
            Some(&key),
            &format!("/api/v1/performance?{SEPTEMBER}"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{perf}");
        check(
            &doc,
            &answer_schema(&doc, "/performance"),
            &perf,
            "performance",
        )
        .unwrap();
        assert_eq!(perf["totals"]["revenue_cents"], 18_000);
        assert_eq!(perf["data"].as_array().unwrap().len(), 2);
        assert_eq!(perf["period"]["first_day"], "2026-09-01");

        // Bad parameters say what to fix.
        for bad in [
            "/api/v1/orders?limit=0",
            "/api/v1/orders?limit=9999",
            "/api/v1/hosts?cursor=zzz",
            "/api/v1/orders?from=2026-09-01",
            "/api/v1/performance?period=year",
        ] {
            let (status, body) = call(&app, Some(&key), bad).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
            assert_eq!(body["error"]["code"], "invalid_parameter");
            check(&doc, &doc["components"]["schemas"]["Error"], &body, "error").unwrap();
        }

        // Another brand's key never sees this brand's data.
        let rival = app.new_client();
        app.login_with(&rival, "boss@rival.example", "rival-pass-2026")
            .await;
        let rival_key = new_key(&app, &rival, "Rival BI").await;
        let (_, hosts) = call(&app, Some(&rival_key), "/api/v1/hosts").await;
        let emails: Vec<&str> = hosts["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["email"].as_str().unwrap())
            .collect();
        assert_eq!(emails, vec!["host@rival.example"]);
        let (_, orders) = call(&app, Some(&rival_key), "/api/v1/orders").await;
        assert!(orders["data"].as_array().unwrap().is_empty());
        // …nor can its admin revoke this brand's key.
        let ids: Value = admin
            .get(app.url("/api/api_keys"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = ids[0]["id"].as_i64().unwrap();
        let res = post(
            &app,
            &rival,
            "/api/revoke_api_key",
            &[("id", id.to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // Revoked: refused from then on.
        let res = post(
            &app,
            &admin,
            "/api/revoke_api_key",
            &[("id", id.to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let (status, body) = call(&app, Some(&key), "/api/v1/hosts").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("revoked"));
        let listed: Value = admin
            .get(app.url("/api/api_keys"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(listed[0]["revoked"].is_string());
        assert!(listed[0]["last_used"].is_string());
    }
);
