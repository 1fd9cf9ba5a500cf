//! Two-step sign-in for brand admins: set up with a first code, asked after
//! the password, a code never used twice, recovery codes used once, five
//! wrong codes end the attempt.

use app::base::totp;
use reqwest::{header, StatusCode};

use crate::{
    db_test,
    helpers::{signed_in_admin, TestApp, ADMIN, HOST},
};

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client.post(app.url(path)).form(form).send().await.unwrap()
}

/// Whether `client` holds a session (the admin's status answers).
async fn signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    let res = client.get(app.url("/api/two_step")).send().await.unwrap();
    res.status() == StatusCode::OK
}

/// A fresh client past the password; answers it and where it was sent.
async fn past_password(app: &TestApp) -> (reqwest::Client, String) {
    let client = app.new_client();
    let res = app.login_with(&client, ADMIN.0, ADMIN.1).await;
    assert_eq!(res.status(), StatusCode::OK);
    let to = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    (client, to)
}

fn now_step() -> i64 {
    totp::step_of(chrono::Utc::now().timestamp())
}

db_test!(
    two_step_sign_in_asks_a_code_after_the_password,
    |app: TestApp| async move {
        app.seed().await;
        let admin = signed_in_admin(&app).await;

        // Hosts cannot set it up.
        let host = app.new_client();
        app.login_with(&host, HOST.0, HOST.1).await;
        assert_eq!(
            post(&app, &host, "/api/start_two_step", &[]).await.status(),
            StatusCode::FORBIDDEN
        );

        // Set-up: a secret, then a first code proves the app has it.
        let res = post(&app, &admin, "/api/start_two_step", &[]).await;
        assert_eq!(res.status(), StatusCode::OK);
        let status: serde_json::Value = admin
            .get(app.url("/api/two_step"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(status["on"], false);
        let setup = &status["pending"];
        let secret = setup["secret"].as_str().unwrap().to_owned();
        assert!(setup["qr_svg"].as_str().unwrap().contains("<svg"));
        let res = post(&app, &admin, "/api/confirm_two_step", &[("code", "000000")]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "code");
        let step = now_step();
        let first = totp::code_at(&secret, step).unwrap();
        let res = post(&app, &admin, "/api/confirm_two_step", &[("code", &first)]).await;
        assert_eq!(res.status(), StatusCode::OK);
        let recovery: Vec<String> = res.json().await.unwrap();
        assert_eq!(recovery.len(), 10);
        let status: serde_json::Value = admin
            .get(app.url("/api/two_step"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(status["on"], true);
        assert_eq!(status["recovery_left"], 10);

        // The password alone no longer signs in: it leads to the code.
        let (client, to) = past_password(&app).await;
        assert_eq!(to, "/login/code");
        assert!(!signed_in(&app, &client).await);
        // The code already used (at set-up) is refused; the next one works.
        let res = post(&app, &client, "/api/sign_in_code", &[("code", &first)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let next = totp::code_at(&secret, step + 1).unwrap();
        let res = post(&app, &client, "/api/sign_in_code", &[("code", &next)]).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::LOCATION], "/brand");
        assert!(signed_in(&app, &client).await);

        // A recovery code signs in once.
        let (client, _) = past_password(&app).await;
        let res = post(
            &app,
            &client,
            "/api/sign_in_code",
            &[("code", &recovery[0].to_uppercase())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(signed_in(&app, &client).await);
        let (client, _) = past_password(&app).await;
        let res = post(
            &app,
            &client,
            "/api/sign_in_code",
            &[("code", &recovery[0])],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!signed_in(&app, &client).await);

        // Five wrong codes end the attempt: even a right one is then too late.
        for _ in 0..5 {
            let res = post(&app, &client, "/api/sign_in_code", &[("code", "123456")]).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        }
        let res = post(
            &app,
            &client,
            "/api/sign_in_code",
            &[("code", &recovery[1])],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!signed_in(&app, &client).await);
        // Without the password first, a code opens nothing.
        let stranger = app.new_client();
        let res = post(
            &app,
            &stranger,
            "/api/sign_in_code",
            &[("code", &recovery[1])],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!signed_in(&app, &stranger).await);

        // Recovery codes are stored as salted password hashes.
        let stored: Vec<String> = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT code_hash FROM recovery_codes"
        )
        .fetch_all(pool)
        .await)
        .unwrap();
        assert_eq!(stored.len(), 10);
        assert!(
            stored.iter().all(|h| h.starts_with("$argon2id$")),
            "{stored:?}"
        );

        // A password reset does not go around the code: its link leads to it.
        let res = post(
            &app,
            &app.new_client(),
            "/api/request_password_reset",
            &[("email", ADMIN.0)],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let mail = crate::helpers::latest_mail_to(&app, ADMIN.0)
            .await
            .replace("=\r\n", "");
        let start = mail.find("/reset/").expect("a reset link") + "/reset/".len();
        let token: String = mail[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let phone = app.new_client();
        let res = post(
            &app,
            &phone,
            "/api/set_first_password",
            &[("token", &token), ("password", "quiet-orchard-2027")],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::LOCATION], "/login/code");
        assert!(!signed_in(&app, &phone).await);
        let res = post(&app, &phone, "/api/sign_in_code", &[("code", &recovery[2])]).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(signed_in(&app, &phone).await);

        // The new password ended the other sessions.
        assert!(!signed_in(&app, &admin).await);

        // Turning it off takes a code; then the password is enough again.
        let res = post(&app, &phone, "/api/stop_two_step", &[("code", "999999")]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = post(
            &app,
            &phone,
            "/api/stop_two_step",
            &[("code", &recovery[1])],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let client = app.new_client();
        let res = app.login_with(&client, ADMIN.0, "quiet-orchard-2027").await;
        assert_eq!(res.headers()[header::LOCATION], "/brand");
        assert!(signed_in(&app, &client).await);
    }
);
