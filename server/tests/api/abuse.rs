//! What a public party page invites: floods of sign-ins and writes, huge or
//! endless bodies, slow clients, password guessing spread over time or
//! run in parallel, a share link used to flood a mailbox.

use std::time::Duration;

use reqwest::{header, StatusCode};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{
    db_test,
    helpers::{mails_to, turn_sharing_on, TestApp, HOST},
};

/// A client whose requests come, as a reverse proxy says, from `ip`.
fn client_at(app: &TestApp, ip: &str) -> reqwest::Client {
    let mut headers = header::HeaderMap::new();
    headers.insert("x-forwarded-for", ip.parse().unwrap());
    headers.insert(header::ORIGIN, app.address.parse().unwrap());
    headers.insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// Settings that count clients by the proxy's header, with small limits.
fn behind_a_proxy(limits: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut extra = vec![("CLIENT_IP_HEADER", "X-Forwarded-For".to_owned())];
    extra.extend(limits.iter().map(|(k, v)| (*k, (*v).to_owned())));
    extra
}

db_test!(
    engine: writes_past_their_limit_wait_their_turn,
    |engine| async move {
        let extra = behind_a_proxy(&[
            ("RATE_LIMIT_SIGN_IN", "3"),
            ("RATE_LIMIT_WRITES", "4"),
            ("RATE_LIMIT_API", "2"),
        ]);
        let Some(app) = TestApp::spawn_with(engine, &extra).await else {
            return;
        };
        let attacker = client_at(&app, "198.51.100.7, 203.0.113.5");
        let login = |client: &reqwest::Client| {
            client
                .post(app.url("/api/login"))
                .form(&[("email", "nobody@example.com"), ("password", "guess-1234")])
                .send()
        };
        for _ in 0..3 {
            assert_eq!(login(&attacker).await.unwrap().status(), StatusCode::UNAUTHORIZED);
        }
        let res = login(&attacker).await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        let wait: u64 = res.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
        assert!((1..=60).contains(&wait), "Retry-After {wait}");
        let body: Value = res.json().await.unwrap();
        assert!(body["TooManyRequests"]["seconds"].as_u64().unwrap() >= 1, "{body}");

        // A form posted without JavaScript gets a page that says so.
        let res = attacker
            .post(app.url("/api/login"))
            .header(header::ACCEPT, "text/html")
            .form(&[("email", "nobody@example.com"), ("password", "guess-1234")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(res.headers().contains_key(header::RETRY_AFTER));
        let page = res.text().await.unwrap();
        assert!(page.contains("<h1>Too many attempts from your connection."), "{page}");

        // Another address is not slowed down by this one; the proxy's last
        // entry is the client (the first could be forged).
        let other = client_at(&app, "203.0.113.5, 203.0.113.6");
        assert_eq!(login(&other).await.unwrap().status(), StatusCode::UNAUTHORIZED);

        // Other writes have their own, larger budget.
        let writer = client_at(&app, "203.0.113.20");
        let switch = || {
            writer
                .post(app.url("/lang"))
                .form(&[("lang", "en"), ("back", "/")])
                .send()
        };
        for _ in 0..4 {
            assert!(switch().await.unwrap().status().is_redirection());
        }
        assert_eq!(switch().await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
        // Pages are not counted.
        assert_eq!(
            writer.get(app.url("/login")).send().await.unwrap().status(),
            StatusCode::OK
        );

        // The JSON API answers in its own shape.
        let api = client_at(&app, "203.0.113.30");
        for _ in 0..2 {
            let res = api.get(app.url("/api/v1/orders")).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        }
        let res = api.get(app.url("/api/v1/orders")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(res.headers().contains_key(header::RETRY_AFTER));
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "rate_limited");

        // Payment webhooks count per client and brand.
        let hook = |brand: &str| {
            api.post(app.url(&format!("/webhooks/payments/{brand}")))
                .body("{}")
                .send()
        };
        let hooks = client_at(&app, "203.0.113.40");
        let hook_from = |brand: &str| {
            hooks
                .post(app.url(&format!("/webhooks/payments/{brand}")))
                .body("{}")
                .send()
        };
        for _ in 0..2 {
            assert_ne!(hook_from("1").await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
        }
        assert_eq!(hook_from("1").await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
        assert_ne!(hook_from("2").await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
        assert_ne!(hook("1").await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
    }
);

/// Posts a sign-in form in `chunks`, without a length.
async fn chunked_login(app: &TestApp, chunks: Vec<Vec<u8>>) -> StatusCode {
    let chunks = chunks.into_iter().map(Ok::<_, std::io::Error>);
    app.client
        .post(app.url("/api/login"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
        .send()
        .await
        .unwrap()
        .status()
}

db_test!(
    bodies_past_64_kb_are_refused_and_photo_uploads_keep_their_room,
    |app: TestApp| async move {
        let big = "x".repeat(100 * 1024);
        let res = app
            .client
            .post(app.url("/api/login"))
            .form(&[("email", "ana@example.com"), ("password", big.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body, serde_json::json!("TooLarge"));

        // A body of unknown length (chunked) is cut at the same size; under
        // it, a chunked form is read as usual.
        let big = (0..20).map(|_| vec![b'a'; 8 * 1024]).collect();
        assert_eq!(
            chunked_login(&app, big).await,
            StatusCode::PAYLOAD_TOO_LARGE
        );
        let small = vec![
            b"email=ana%40example.com".to_vec(),
            b"&password=guess-1234".to_vec(),
        ];
        assert_eq!(chunked_login(&app, small).await, StatusCode::UNAUTHORIZED);

        // A photo upload of 1 MB is not refused for its size.
        let form = reqwest::multipart::Form::new().text("name", "Big").part(
            "photos",
            reqwest::multipart::Part::bytes(vec![0u8; 1024 * 1024])
                .file_name("big.jpg")
                .mime_str("image/jpeg")
                .unwrap(),
        );
        let res = app
            .client
            .post(app.url(<app::catalog::pages::SaveItem as leptos::server_fn::ServerFn>::PATH))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_ne!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(!res.status().is_server_error(), "{}", res.status());
    }
);

db_test!(
    engine: a_client_that_does_not_finish_its_request_gets_408,
    |engine| async move {
        let Some(app) =
            TestApp::spawn_with(engine, &[("REQUEST_TIMEOUT_SECS", "1".to_owned())]).await
        else {
            return;
        };
        let address = app.address.trim_start_matches("http://").to_owned();
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        // Says 100 bytes, sends 10, then nothing.
        let head = format!(
            "POST /api/login HTTP/1.1\r\nHost: {address}\r\nOrigin: {}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=ana&",
            app.address
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let started = std::time::Instant::now();
        let mut answer = vec![0u8; 256];
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer))
            .await
            .expect("an answer before 10 s")
            .unwrap();
        let answer = String::from_utf8_lossy(&answer[..n]);
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
);

db_test!(
    engine: an_attackers_failures_lock_out_the_attacker_not_the_owner,
    |engine| async move {
        let Some(app) = TestApp::spawn_with(engine, &behind_a_proxy(&[])).await else {
            return;
        };
        app.seed().await;
        let attacker = client_at(&app, "198.51.100.66");
        let owner = client_at(&app, "203.0.113.9");
        let login = |client: &reqwest::Client, password: &str| {
            client
                .post(app.url("/api/login"))
                .form(&[("email", HOST.0), ("password", password)])
                .send()
        };
        for _ in 0..5 {
            assert_eq!(
                login(&attacker, "wrong-password").await.unwrap().status(),
                StatusCode::UNAUTHORIZED
            );
        }
        // The attacker is locked out, even with the right password…
        let res = login(&attacker, HOST.1).await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        // …the owner, elsewhere, is not.
        assert_eq!(login(&owner, HOST.1).await.unwrap().status(), StatusCode::OK);

        // Guesses sent all at once are counted as they arrive: no more
        // than five are checked, however many run in parallel.
        let burst = client_at(&app, "198.51.100.67");
        let guesses = (0..20).map(|i| {
            let burst = burst.clone();
            let url = app.url("/api/login");
            async move {
                burst
                    .post(url)
                    .form(&[("email", HOST.0), ("password", &format!("guess-{i:04}"))])
                    .send()
                    .await
                    .unwrap()
                    .status()
            }
        });
        let answers = futures::future::join_all(guesses).await;
        let checked = answers
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count();
        let locked = answers
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count();
        assert_eq!(checked + locked, 20, "{answers:?}");
        assert!(checked <= 5, "{checked} guesses checked");
    }
);

db_test!(
    password_checks_run_a_few_at_a_time,
    |app: TestApp| async move {
        use app::base::auth::ssr::{hash_concurrency, hash_peak};
        let attempts = (0..hash_concurrency() * 4).map(|i| {
            let client = app.new_client();
            let url = app.url("/api/login");
            async move {
                client
                    .post(url)
                    .form(&[
                        ("email", format!("nobody{i}@example.com")),
                        ("password", "guess-1234".to_owned()),
                    ])
                    .send()
                    .await
                    .unwrap()
                    .status()
            }
        });
        let answers = futures::future::join_all(attempts).await;
        assert!(
            answers.iter().all(|s| *s == StatusCode::UNAUTHORIZED),
            "{answers:?}"
        );
        // The peak is over the whole test process, whose other tests hash too.
        assert!(
            hash_peak() <= hash_concurrency(),
            "{} hashes at once, over the cap of {}",
            hash_peak(),
            hash_concurrency()
        );
    }
);

db_test!(
    a_share_link_mails_a_listed_address_at_most_once_an_hour,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = crate::helpers::create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        let slug = turn_sharing_on(&app, event).await;
        let visitor = app.new_client();
        let join = || {
            let form = [
                ("slug", slug.clone()),
                ("name", "Dan".to_owned()),
                ("email", "dan@example.com".to_owned()),
            ];
            visitor.post(app.url("/api/join_event")).form(&form).send()
        };
        for _ in 0..3 {
            assert_eq!(join().await.unwrap().status(), StatusCode::OK);
        }
        assert_eq!(mails_to(&app, "dan@example.com", "").await, 1);

        // An hour later, the link goes out again.
        app::on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE guests SET link_sent_at = $1 WHERE email = 'dan@example.com'"
        )
        .bind(chrono::Utc::now() - chrono::Duration::minutes(61))
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        assert_eq!(join().await.unwrap().status(), StatusCode::OK);
        assert_eq!(mails_to(&app, "dan@example.com", "").await, 2);
    }
);
