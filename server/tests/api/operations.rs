//! Health, migrations, demo data, pages and headers.

use std::time::Duration;

use app::{
    base::db::{Db, Engine},
    demo::SeedOutcome,
};
use reqwest::{header, StatusCode};

use crate::{
    db_test,
    helpers::{
        brand_count, item_count, login_failure_count, note_login_failure, user_count, TestApp,
    },
};

db_test!(migrations_apply_twice, |app: TestApp| async move {
    app.db
        .migrate()
        .await
        .expect("second run of the migrations");
    let again = Db::connect(&app.database_url).await.unwrap();
    again
        .migrate()
        .await
        .expect("third run, from a new connection");
    let brands = brand_count(&again).await;
    assert_eq!(brands, 0);
});

db_test!(demo_data_loads_once, |app: TestApp| async move {
    assert_eq!(
        app::demo::seed_demo(&app.db, chrono::Utc::now())
            .await
            .unwrap(),
        SeedOutcome::Loaded
    );
    assert_eq!(
        app::demo::seed_demo(&app.db, chrono::Utc::now())
            .await
            .unwrap(),
        SeedOutcome::AlreadyLoaded
    );
    let (items, users) = (item_count(&app).await, user_count(&app).await);
    assert_eq!((items, users), (44, 3));
});

db_test!(healthz_checks_the_database, |app: TestApp| async move {
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    app.db.close().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
});

db_test!(
    pages_render_with_security_headers,
    |app: TestApp| async move {
        app.seed().await;
        let res = app
            .client
            .get(app.url("/"))
            .header(header::ACCEPT_ENCODING, "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let h = res.headers().clone();
        let csp = h
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("'nonce-"), "{csp}");
        assert!(!csp.contains("'unsafe-eval'"), "{csp}");
        assert_eq!(h.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
        assert!(h.get(header::REFERRER_POLICY).is_some());
        assert!(h.get("x-request-id").is_some());
        assert_eq!(h.get(header::CONTENT_ENCODING).unwrap(), "gzip");

        let res = app.get("/").await;
        // Leptos's hydration markers (`<!>`, `<!--…-->`) are not content.
        let html = without_markers(&res.text().await.unwrap());
        assert!(
            html.contains("<h1 id=\"brand-name\">Atelier Lumen</h1>"),
            "{html}"
        );
        assert_eq!(html.matches("<h1").count(), 1);
    }
);

db_test!(
    pages_answer_while_another_server_starts,
    |app: TestApp| async move {
        // Building a server lists its pages by rendering the app, and while
        // Leptos does so it holds every resource created in the process
        // pending: a page of a server that is already running must answer
        // all the same (it used to hang for good, now and then).
        let building = tokio::spawn(async {
            for _ in 0..6 {
                TestApp::spawn_with(Engine::Sqlite, &[])
                    .await
                    .expect("another server");
            }
        });
        let mut answered = 0;
        while !building.is_finished() {
            let res = tokio::time::timeout(
                Duration::from_secs(5),
                app.client.get(app.url("/login")).send(),
            )
            .await
            .expect("the sign-in page answers within 5 s while another server starts")
            .expect("GET /login");
            assert_eq!(res.status(), StatusCode::OK);
            answered += 1;
        }
        building.await.expect("the other servers start");
        assert!(answered > 0);
    }
);

db_test!(unknown_pages_answer_404, |app: TestApp| async move {
    for (accept, words) in [("en-GB", "Page not found"), ("fr-FR", "Page introuvable")] {
        let res = app
            .client
            .get(app.url("/no/such/page"))
            .header(reqwest::header::ACCEPT_LANGUAGE, accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert!(res.text().await.unwrap().contains(words), "{accept}");
    }
});

db_test!(
    the_theme_carries_the_brand_colours,
    |app: TestApp| async move {
        app.seed().await;
        let res = app.get("/theme.css").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css"));
        assert_eq!(
            res.text().await.unwrap(),
            ":root { --brand: #7a2e3b; --brand-soft: #f6ece4; }\n"
        );
    }
);

db_test!(
    concurrent_writes_queue_instead_of_failing,
    |app: TestApp| async move {
        // 100 transactions at once, each reading then writing: on SQLite they
        // queue on the single writer connection; none sees "database is locked".
        let tasks: Vec<_> = (0..100)
            .map(|i| {
                let db = app.db.clone();
                tokio::spawn(async move { note_login_failure(&db, i).await })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().expect("a concurrent write");
        }
        let count = login_failure_count(&app).await;
        assert_eq!(count, 100);
    }
);

/// The HTML without comments: what a reader of the page gets.
fn without_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|e| e + 3)
        } else if after.starts_with("<!>") {
            Some(3)
        } else {
            // <!DOCTYPE …>: keep it.
            out.push_str("<!");
            Some(2)
        };
        rest = &after[end.unwrap_or(after.len())..];
    }
    out.push_str(rest);
    out
}
