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

/// A text of the database: the first column of the first row of `sql`,
/// whose one parameter is `arg`.
async fn text_of(app: &TestApp, sql: &str, arg: &str) -> String {
    app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(sql)
        .bind(arg)
        .fetch_one(pool)
        .await)
    .unwrap_or_else(|e| panic!("{sql} ({arg}): {e}"))
}

/// The translation of `field` of the demo item `sku` into `language`.
async fn item_translation(app: &TestApp, sku: &str, language: &str, field: &str) -> String {
    let sql = format!(
        "SELECT t.text FROM translations t JOIN items i ON t.kind = 'item' AND t.ref_id = i.id
         WHERE i.sku = $1 AND t.language = '{language}' AND t.field = '{field}'"
    );
    text_of(app, &sql, sku).await
}

/// How many translations into `language` there are.
async fn translations_into(app: &TestApp, language: &str) -> i64 {
    app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM translations WHERE language = $1"
    )
    .bind(language)
    .fetch_one(pool)
    .await)
    .unwrap()
}

db_test!(
    the_demo_is_french_with_english_translations,
    |app: TestApp| async move {
        let now = chrono::Utc::now();
        assert_eq!(
            app::demo::seed_demo(&app.db, now).await.unwrap(),
            SeedOutcome::Loaded
        );
        let brand = "SELECT language FROM brands WHERE slug = $1";
        assert_eq!(text_of(&app, brand, "atelier-lumen").await, "fr");
        let item = "SELECT name FROM items WHERE sku = $1";
        assert_eq!(
            text_of(&app, item, "CAN-FIG-220").await,
            "Bougie Feuille de figuier"
        );
        let category = "SELECT category FROM items WHERE sku = $1";
        assert_eq!(text_of(&app, category, "CAN-FIG-220").await, "Bougies");
        assert_eq!(
            item_translation(&app, "CAN-FIG-220", "en", "name").await,
            "Fig Leaf Candle"
        );
        let composition = "SELECT label_composition FROM items WHERE sku = $1";
        assert_eq!(
            text_of(&app, composition, "LIN-CUS-SAG").await,
            "60% coton biologique, 40% polyester recyclé"
        );
        assert_eq!(
            item_translation(&app, "LIN-CUS-SAG", "en", "composition").await,
            "60% organic cotton, 40% recycled polyester"
        );
        // 44 items' names and descriptions, 6 labels' composition, care and
        // story, 2 kits' names and descriptions, a poll and its 4 options.
        assert_eq!(
            translations_into(&app, "en").await,
            44 * 2 + 6 * 3 + 2 * 2 + 1 + 4
        );
        assert_eq!(translations_into(&app, "fr").await, 0);
        let poll = "SELECT question FROM polls WHERE question LIKE $1";
        assert!(text_of(&app, poll, "Quel parfum%")
            .await
            .ends_with("\u{a0}?"));
        let kit =
            "SELECT t.text FROM translations t JOIN kits k ON t.kind = 'kit' AND t.ref_id = k.id
                   WHERE k.name = $1 AND t.field = 'name'";
        assert_eq!(text_of(&app, kit, "Kit de démarrage").await, "Starter kit");
        // Its history speaks French too.
        assert!(app::demo::seed_history(&app.db, now).await.unwrap());
        let party = "SELECT title FROM events WHERE title = $1";
        assert_eq!(
            text_of(&app, party, "Soirée bougies").await,
            "Soirée bougies"
        );
    }
);

db_test!(
    the_demo_in_english_has_french_translations,
    |app: TestApp| async move {
        let now = chrono::Utc::now();
        assert_eq!(
            app::demo::seed_demo_in(&app.db, now, app::base::l10n::Lang::En)
                .await
                .unwrap(),
            SeedOutcome::Loaded
        );
        let brand = "SELECT language FROM brands WHERE slug = $1";
        assert_eq!(text_of(&app, brand, "atelier-lumen").await, "en");
        let item = "SELECT name FROM items WHERE sku = $1";
        assert_eq!(text_of(&app, item, "CAN-FIG-220").await, "Fig Leaf Candle");
        let category = "SELECT category FROM items WHERE sku = $1";
        assert_eq!(text_of(&app, category, "CAN-FIG-220").await, "Candles");
        assert_eq!(
            item_translation(&app, "CAN-FIG-220", "fr", "name").await,
            "Bougie Feuille de figuier"
        );
        assert_eq!(
            item_translation(&app, "CAN-FIG-220", "fr", "care").await,
            "Recouper la mèche à 5\u{a0}mm avant chaque utilisation."
        );
        assert_eq!(
            translations_into(&app, "fr").await,
            44 * 2 + 6 * 3 + 2 * 2 + 1 + 4
        );
        assert_eq!(translations_into(&app, "en").await, 0);
        assert!(app::demo::seed_history(&app.db, now).await.unwrap());
        let party = "SELECT title FROM events WHERE title = $1";
        assert_eq!(
            text_of(&app, party, "Candle evening").await,
            "Candle evening"
        );
    }
);

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

db_test!(pages_carry_the_brand_colours, |app: TestApp| async move {
    app.seed().await;
    let page = crate::helpers::get_text(&app, &app.new_client(), "/").await;
    // Inline, under the page's nonce: no request for them holds up the
    // first paint.
    let style = page
        .split("<style nonce=")
        .skip(1)
        .find(|s| s.contains("--brand"))
        .expect("an inline style with the colours");
    assert!(
        style.contains(">:root { --brand: #7a2e3b; --brand-soft: #f6ece4; }\n</style>"),
        "{style}"
    );
    assert!(!page.contains("theme.css"));
});

db_test!(
    pages_and_answers_are_not_stored_by_caches,
    |app: TestApp| async move {
        app.seed().await;
        for path in ["/", "/login", "/api/me"] {
            let res = app.get(path).await;
            assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store", "{path}");
            // Served over plain HTTP: no HSTS.
            assert!(!res
                .headers()
                .contains_key(header::STRICT_TRANSPORT_SECURITY));
        }
        let res = app.get("/healthz").await;
        assert!(!res.headers().contains_key(header::CACHE_CONTROL));
    }
);

db_test!(
    engine: behind_https_cookies_are_secure_and_browsers_told_to_stay,
    |engine: Engine| async move {
        let settings = [("PUBLIC_URL", "https://soiree.example".to_owned())];
        let Some(app) = TestApp::spawn_with(engine, &settings).await else { return };
        app.seed().await;
        // The answer to the sign-in itself, not the page it leads to.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let (email, password) = crate::helpers::ADMIN;
        let res = app.login_with(&client, email, password).await;
        assert_eq!(
            res.headers()[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000; includeSubDomains"
        );
        let cookies: Vec<&str> = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        assert!(!cookies.is_empty());
        for cookie in cookies {
            assert!(cookie.contains("; Secure"), "{cookie}");
        }
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

db_test!(
    small_answers_on_a_kept_alive_connection_are_not_held_back,
    |app: TestApp| async move {
        // Without TCP_NODELAY the server's last small write waits for the
        // client's delayed ACK: about 40 ms per answer on a kept-alive
        // connection. The median of several keeps a busy machine's spikes
        // out of the verdict.
        std::fs::create_dir_all(&app.media_dir).unwrap();
        std::fs::write(app.media_dir.join("small.txt"), "ok\n").unwrap();
        let client = app.new_client();
        let mut took = Vec::new();
        for _ in 0..15 {
            let start = std::time::Instant::now();
            let res = client
                .get(app.url("/media/small.txt"))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(res.text().await.unwrap(), "ok\n");
            took.push(start.elapsed());
        }
        took.sort();
        assert!(
            took[7] < Duration::from_millis(25),
            "median answer {:?}: TCP_NODELAY is off? {took:?}",
            took[7]
        );
    }
);

/// A built site as cargo-leptos leaves it with `hash-files` and
/// `--precompress`: content-named files, each with its `.br` and `.gz`,
/// and the hash list. Returns (site root, hash file).
fn hashed_site(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let pkg = dir.join("site/pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    for (name, body) in [
        ("soiree.h4sh-js.js", "console.log('hydrate')"),
        ("soiree.h4sh-wasm.wasm", "\0asm"),
        ("soiree.h4sh-css.css", "body{color:#222}"),
    ] {
        std::fs::write(pkg.join(name), body).unwrap();
        std::fs::write(pkg.join(format!("{name}.br")), format!("br:{body}")).unwrap();
        std::fs::write(pkg.join(format!("{name}.gz")), format!("gz:{body}")).unwrap();
    }
    let hashes = dir.join("hash.txt");
    std::fs::write(&hashes, "js: h4sh-js\nwasm: h4sh-wasm\ncss: h4sh-css\n").unwrap();
    (dir.join("site"), hashes)
}

db_test!(
    engine: built_files_are_named_by_content_kept_a_year_and_sent_precompressed,
    |engine: Engine| async move {
        let dir = tempfile::tempdir().unwrap();
        let (site, hashes) = hashed_site(dir.path());
        let settings = [
            ("LEPTOS_SITE_ROOT", site.display().to_string()),
            ("LEPTOS_HASH_FILE", hashes.display().to_string()),
        ];
        let Some(app) = TestApp::spawn_with(engine, &settings).await else { return };
        // Pages name the hashed files. A page a guest or visitor opens
        // carries the stylesheet inline; the brand's and hosts' pages link it.
        let page = crate::helpers::get_text(&app, &app.new_client(), "/login").await;
        for name in ["soiree.h4sh-js.js", "soiree.h4sh-wasm.wasm"] {
            assert!(page.contains(&format!("/pkg/{name}")), "the page names {name}");
        }
        assert!(page.contains(">body{color:#222}</style>"), "{page}");
        assert!(!page.contains("rel=\"stylesheet\""), "{page}");
        app.seed().await;
        let admin = crate::helpers::signed_in_admin(&app).await;
        let page = crate::helpers::get_text(&app, &admin, "/brand").await;
        assert!(
            page.contains("href=\"/pkg/soiree.h4sh-css.css\""),
            "{page}"
        );
        assert!(!page.contains("body{color:#222}"));
        // Each is sent as the compressed file made at build time, as the
        // browser accepts, and kept for a year.
        for (accept, encoding) in [("br, gzip", "br"), ("gzip", "gz"), ("identity", "")] {
            let res = app
                .new_client()
                .get(app.url("/pkg/soiree.h4sh-js.js"))
                .header(header::ACCEPT_ENCODING, accept)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(
                res.headers()[header::CACHE_CONTROL],
                "public, max-age=31536000, immutable"
            );
            let sent = res
                .headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap().to_owned());
            let body = res.bytes().await.unwrap();
            let expected = match encoding {
                "" => {
                    assert_eq!(sent, None);
                    "console.log('hydrate')".to_owned()
                }
                e => {
                    assert_eq!(sent.as_deref(), Some(if e == "gz" { "gzip" } else { e }));
                    format!("{e}:console.log('hydrate')")
                }
            };
            assert_eq!(body, expected.as_bytes(), "{accept}");
        }
    }
);

db_test!(
    unhashed_files_are_checked_on_each_visit,
    |app: TestApp| async move {
        // The test app has no hash file: plain names, no year-long cache.
        let page = crate::helpers::get_text(&app, &app.new_client(), "/login").await;
        assert!(page.contains("/pkg/soiree.css"), "plain names");
        let site = app.outbox_dir.parent().unwrap().join("site/pkg");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("soiree.css"), "body{}").unwrap();
        let res = app
            .new_client()
            .get(app.url("/pkg/soiree.css"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
    }
);
