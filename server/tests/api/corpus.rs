//! The bad-input corpus: every server function and form endpoint gets
//! malformed requests (no fields, wrong types, huge or hostile strings,
//! control characters, HTML and SQL, wrong content types, another brand's
//! ids) from a visitor, a host, the brand's admin and another brand's
//! admin. No answer is a 5xx, no connection drops (a panic), and a refused
//! request changes no table. (A request that is well formed after all, a
//! name of `<script>` say, may be accepted: its text is escaped where it
//! is shown.)

use http::Method;
use leptos::server_fn::axum::server_fn_paths;
use reqwest::header;

use crate::{
    db_test,
    helpers::{other_brand, party, signed_in_admin, TestApp, HOST},
};

/// Values a field should never take.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "' OR 1=1; DROP TABLE users; --",
    "\u{0}\u{1}\u{7}\u{1b}[2J\u{7f}",
    "line\r\nSet-Cookie: evil=1",
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "../../etc/passwd",
    "%00%FF%FE",
    "\u{202e}\u{fffd}\u{1F4A5}",
];

/// Field names the functions take, plain and as parts of a form.
const FIELDS: &[&str] = &[
    "id",
    "event_id",
    "item_id",
    "item",
    "poll_id",
    "option_id",
    "kit",
    "token",
    "slug",
    "code",
    "email",
    "name",
    "password",
    "title",
    "qty",
    "quantity",
    "status",
    "rsvp",
    "note",
    "lines",
    "enabled",
    "suspended",
    "kind",
    "next",
    "idempotency_key",
    "form[id]",
    "form[name]",
    "form[email]",
    "form[title]",
    "form[price]",
    "form[idempotency_key]",
    "form[address]",
    "form[webhook_url]",
];

/// The row count of every table: what the corpus must leave as it is.
async fn fingerprint(app: &TestApp) -> Vec<(String, i64)> {
    let tables: Vec<String> = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        match app.db.engine() {
            app::base::db::Engine::Sqlite =>
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
            app::base::db::Engine::Postgres =>
                "SELECT tablename::TEXT FROM pg_tables WHERE schemaname = 'public'
                 AND tablename NOT LIKE '_sqlx%' ORDER BY tablename",
        }
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    let mut counts = Vec::new();
    for table in tables {
        let sql = format!("SELECT COUNT(*) FROM \"{table}\"");
        let n: i64 = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(&sql)
            .fetch_one(pool)
            .await)
        .unwrap();
        counts.push((table, n));
    }
    counts
}

/// The malformed requests to one function: (content type, body) for a
/// POST, a query string for a GET.
/// `theirs`: real ids of the brand's party and items, sent by people who
/// may not touch them (a visitor, another brand's admin).
fn bodies(method: &Method, theirs: &[String]) -> Vec<(Option<&'static str>, String)> {
    let form = |value: &str| {
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for field in FIELDS {
            pairs.append_pair(field, value);
        }
        pairs.finish()
    };
    let mut out: Vec<(Option<&'static str>, String)> = HOSTILE
        .iter()
        .copied()
        .chain(theirs.iter().map(String::as_str))
        .map(|v| (Some("application/x-www-form-urlencoded"), form(v)))
        .collect();
    if *method == Method::GET {
        return out.into_iter().map(|(_, q)| (None, q)).collect();
    }
    out.extend([
        (Some("application/x-www-form-urlencoded"), String::new()),
        (
            Some("application/x-www-form-urlencoded"),
            "%ZZ%FF=%E0%80&&==&id[]=1".into(),
        ),
        (
            Some("application/x-www-form-urlencoded"),
            form(&"A".repeat(60 * 1024 / FIELDS.len())),
        ),
        (
            Some("application/x-www-form-urlencoded"),
            "x".repeat(1024 * 1024),
        ),
        (
            Some("application/json"),
            r#"{"id": "one", "form": [1, {"x": null}]}"#.into(),
        ),
        (Some("application/json"), "{\"id\":".into()),
        (Some("text/plain"), "' OR 1=1 --".into()),
        (
            Some("multipart/form-data"),
            "--x\r\nContent-Disposition: form-data\r\n\r\nx".into(),
        ),
        (
            Some("multipart/form-data; boundary=x"),
            "--x\r\nnot a part".into(),
        ),
        (None, "\u{0}\u{1}\u{2}".into()),
    ]);
    out
}

db_test!(
    malformed_requests_never_answer_5xx_nor_change_anything,
    |app: TestApp| async move {
        let (event, items, _) = party(&app, "Ana Lima <ana@example.com>", 2).await;
        let theirs = [
            event.to_string(),
            items[0].to_string(),
            items[1].to_string(),
        ];
        other_brand(&app).await;
        let host = app.new_client();
        app.login_with(&host, HOST.0, HOST.1).await;
        let admin = signed_in_admin(&app).await;
        let rival = app.new_client();
        app.login_with(&rival, "boss@rival.example", "rival-pass-2026")
            .await;
        let visitor = app.new_client();

        let (mut requests, mut endpoints, mut accepted) = (0, 0, 0);
        let skip = ["/api/logout", "/api/logout_everywhere"];
        let mut paths: Vec<(String, Method)> = server_fn_paths()
            .filter(|(p, _)| !skip.contains(p))
            .map(|(p, m)| (p.to_owned(), m))
            .collect();
        // The form endpoints outside server functions.
        paths.extend([
            ("/lang".to_owned(), Method::POST),
            (format!("/webhooks/payments/{event}"), Method::POST),
            ("/webhooks/stripe/1".to_owned(), Method::POST),
            ("/api/v1/orders".to_owned(), Method::GET),
            ("/api/v1/hosts".to_owned(), Method::GET),
        ]);
        for (path, method) in &paths {
            endpoints += 1;
            let before = fingerprint(&app).await;
            let mut changed_allowed = false;
            for (client, owner) in [
                (&visitor, false),
                (&host, true),
                (&admin, true),
                (&rival, false),
            ] {
                let ids: &[String] = if owner { &[] } else { &theirs };
                for (content_type, body) in bodies(method, ids) {
                    let req = if *method == Method::GET {
                        client.get(format!("{}?{body}", app.url(path)))
                    } else {
                        let req = client.post(app.url(path)).body(body);
                        match content_type {
                            Some(ct) => req.header(header::CONTENT_TYPE, ct),
                            None => req,
                        }
                    };
                    requests += 1;
                    let res = req
                        .send()
                        .await
                        .unwrap_or_else(|e| panic!("{method} {path}: no answer ({e})"));
                    let status = res.status();
                    let text = res.text().await.unwrap_or_default();
                    assert!(
                        !status.is_server_error(),
                        "{method} {path} answered {status}: {}",
                        text.chars().take(300).collect::<String>()
                    );
                    if *method == Method::POST && status.as_u16() < 400 {
                        accepted += 1;
                        changed_allowed = true;
                    }
                }
            }
            if !changed_allowed {
                assert_eq!(
                    fingerprint(&app).await,
                    before,
                    "refused requests to {path} changed a table"
                );
            }
        }
        eprintln!(
            "bad-input corpus: {requests} requests to {endpoints} endpoints, none 5xx; \
             {accepted} well-formed after all were accepted, every refusal left the tables as they were"
        );
        assert!(endpoints >= 60, "{endpoints} endpoints");
    }
);
