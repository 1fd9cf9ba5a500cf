//! Sign-in, sessions, throttling and authorization.

use app::base::{
    auth::ssr::{session_user, SESSION_COOKIE},
    tokens::hash_token,
};
use chrono::{Duration, Utc};
use reqwest::{header, StatusCode};
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        client, expired_set_password_link, latest_mail_to, mails_to, session_count, session_hashes,
        sessions_of, TestApp, ADMIN, HOST,
    },
};

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{SESSION_COOKIE}=")))
        .map(str::to_owned)
}

/// The raw token in a `Set-Cookie` line.
fn token_of(cookie: &str) -> String {
    let pair = cookie.split(';').next().unwrap_or_default();
    pair.trim_start_matches(&format!("{SESSION_COOKIE}="))
        .to_owned()
}

async fn me(app: &TestApp, client: &reqwest::Client) -> Value {
    let res = client.get(app.url("/api/me")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

db_test!(
    login_succeeds_and_opens_a_hashed_session,
    |app: TestApp| async move {
        app.seed().await;

        let res = app.login(HOST.0, HOST.1).await;

        assert_eq!(res.status(), StatusCode::OK);
        let cookie = session_cookie(&res).expect("a session cookie");
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        assert!(
            !cookie.contains("Secure"),
            "not Secure unless SESSION_SECURE: {cookie}"
        );
        assert_eq!(res.headers().get(header::LOCATION).unwrap(), "/host");
        let raw = token_of(&cookie);
        assert!(raw.len() >= 22, "at least 128 bits of token");
        // Only the hash is stored: the database never holds a usable token.
        let stored = session_hashes(&app).await;
        assert_eq!(stored, vec![hash_token(&raw)]);
        assert!(!stored.contains(&raw));
        let user = me(&app, &app.client).await;
        assert_eq!(user["email"], HOST.0);
        assert_eq!(user["role"], "Host");
    }
);

db_test!(a_new_login_gets_a_new_token, |app: TestApp| async move {
    app.seed().await;
    let first = session_cookie(&app.login(HOST.0, HOST.1).await).unwrap();
    let second = session_cookie(&app.login(HOST.0, HOST.1).await).unwrap();
    assert_ne!(first, second);
});

db_test!(
    wrong_password_and_unknown_email_answer_alike,
    |app: TestApp| async move {
        app.seed().await;

        let wrong = app.login(HOST.0, "not-the-password").await;
        let (wrong_status, wrong_body): (_, Value) = (wrong.status(), wrong.json().await.unwrap());
        let unknown = app
            .login("nobody@atelier-lumen.example", "not-the-password")
            .await;
        let (unknown_status, unknown_body): (_, Value) =
            (unknown.status(), unknown.json().await.unwrap());

        assert_eq!(wrong_status, StatusCode::UNAUTHORIZED);
        assert_eq!(unknown_status, wrong_status);
        // Same variant, same words; only the echoed email differs.
        assert_eq!(wrong_body["WrongCredentials"]["email"], HOST.0);
        assert_eq!(
            unknown_body["WrongCredentials"]["email"],
            "nobody@atelier-lumen.example"
        );
        assert!(session_hashes(&app).await.is_empty());
    }
);

db_test!(bad_input_names_the_field, |app: TestApp| async move {
    let res = app.login("not-an-email", "whatever").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["Invalid"]["field"], "email");

    let res = app.login(HOST.0, "").await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["Invalid"]["field"], "password");
});

db_test!(five_failures_lock_the_email, |app: TestApp| async move {
    app.seed().await;
    for _ in 0..5 {
        assert_eq!(
            app.login(HOST.0, "wrong-password").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }

    // Even the right password is refused now, with a clear message.
    let res = app.login(HOST.0, HOST.1).await;

    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["LockedOut"]["minutes"], 15);
    assert!(session_hashes(&app).await.is_empty());
    // Another account is not affected.
    assert_eq!(app.login(ADMIN.0, ADMIN.1).await.status(), StatusCode::OK);
});

db_test!(
    failures_below_the_limit_are_forgotten_after_success,
    |app: TestApp| async move {
        app.seed().await;
        for _ in 0..4 {
            app.login(HOST.0, "wrong-password").await;
        }
        assert_eq!(app.login(HOST.0, HOST.1).await.status(), StatusCode::OK);
        for _ in 0..4 {
            app.login(HOST.0, "wrong-password").await;
        }
        assert_eq!(app.login(HOST.0, HOST.1).await.status(), StatusCode::OK);
    }
);

db_test!(
    logout_ends_the_session_on_the_server,
    |app: TestApp| async move {
        app.seed().await;
        let cookie = session_cookie(&app.login(HOST.0, HOST.1).await).unwrap();
        let pair = cookie.split(';').next().unwrap().to_owned();

        let res = app.post("/api/logout").await;

        assert_eq!(res.status(), StatusCode::OK);
        assert!(session_cookie(&res).unwrap().contains("Max-Age=0"));
        assert!(session_hashes(&app).await.is_empty());
        // Replaying the old cookie by hand gets nobody.
        let replay = client(&app.address, true)
            .get(app.url("/api/me"))
            .header(header::COOKIE, pair)
            .send()
            .await
            .unwrap();
        assert_eq!(replay.json::<Value>().await.unwrap(), Value::Null);
    }
);

db_test!(
    sessions_expire_when_idle_or_old,
    |app: TestApp| async move {
        app.seed().await;
        let cookie = session_cookie(&app.login(HOST.0, HOST.1).await).unwrap();
        let raw = token_of(&cookie);
        let now = Utc::now();

        assert!(session_user(&app.db, &raw, now + Duration::days(6))
            .await
            .unwrap()
            .is_some());
        // Used a day ago (the call above touched it): idle for 8 days ends it.
        assert!(
            session_user(&app.db, &raw, now + Duration::days(6) + Duration::days(8))
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            session_hashes(&app).await.is_empty(),
            "an expired session is deleted"
        );

        let cookie = session_cookie(&app.login(HOST.0, HOST.1).await).unwrap();
        let raw = token_of(&cookie);
        // Kept alive every 6 days, it still ends 30 days after sign-in.
        let mut t = now;
        for _ in 0..4 {
            t += Duration::days(6);
            assert!(session_user(&app.db, &raw, t).await.unwrap().is_some());
        }
        assert!(session_user(&app.db, &raw, now + Duration::days(31))
            .await
            .unwrap()
            .is_none());
    }
);

db_test!(roles_are_checked_on_the_server, |app: TestApp| async move {
    app.seed().await;

    // Anonymous: 401 from the server function, a redirect from the page.
    let res = app.get("/api/brand_overview").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let page = app
        .client
        .get(app.url("/brand"))
        .header(header::ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::FOUND);
    assert_eq!(
        page.headers().get(header::LOCATION).unwrap(),
        "/login?next=/brand"
    );

    // A host may not call a brand admin's function.
    app.login(HOST.0, HOST.1).await;
    let res = app.get("/api/brand_overview").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        Value::String("Forbidden".into())
    );
    let res = app.get("/api/host_overview").await;
    assert_eq!(res.status(), StatusCode::OK);

    // A brand admin may, and sees their brand's figures; not the host's page.
    let admin = app.new_client();
    app.login_with(&admin, ADMIN.0, ADMIN.1).await;
    let res = admin
        .get(app.url("/api/brand_overview"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["hosts"], 2);
    assert_eq!(body["active_items"], 44);
    let res = admin
        .get(app.url("/api/host_overview"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
});

db_test!(cross_site_writes_are_refused, |app: TestApp| async move {
    app.seed().await;
    app.login(HOST.0, HOST.1).await;
    let cookie = session_count(&app).await;
    assert_eq!(cookie, 1);

    // Same cookie jar, but the POST claims another site.
    let res = app
        .client
        .post(app.url("/api/logout"))
        .header(header::ORIGIN, "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A cookie-carrying write with neither Origin nor Referer is refused too.
    let bare = client(&app.address, false);
    let res = bare
        .post(app.url("/api/logout"))
        .header(header::COOKIE, "soiree_session=whatever")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Other methods are not accepted with a cookie.
    let res = app
        .client
        .delete(app.url("/api/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        me(&app, &app.client).await["email"],
        HOST.0,
        "still signed in"
    );
});

/// The reset link in the latest mail to `email`.
async fn reset_token(app: &TestApp, email: &str) -> String {
    let mail = latest_mail_to(app, email).await.replace("=\r\n", "");
    let start = mail.find("/reset/").expect("a reset link") + "/reset/".len();
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

db_test!(
    a_forgotten_password_is_reset_by_a_link_that_works_once,
    |app: TestApp| async move {
        app.seed().await;
        // Signed in on a laptop with the old password.
        let laptop = app.new_client();
        assert_eq!(
            app.login_with(&laptop, HOST.0, HOST.1).await.status(),
            StatusCode::OK
        );
        let ask = |email: &str| {
            let form = [("email", email.to_owned())];
            let url = app.url("/api/request_password_reset");
            let client = app.new_client();
            async move { client.post(url).form(&form).send().await.unwrap() }
        };
        // Whether an account uses the address or not, the answer is the same.
        assert_eq!(ask("nobody@example.com").await.status(), StatusCode::OK);
        assert_eq!(mails_to(&app, "nobody@example.com", "").await, 0);
        assert_eq!(ask(HOST.0).await.status(), StatusCode::OK);
        assert_eq!(mails_to(&app, HOST.0, "Choose a new password").await, 1);
        // Asked again at once: no second link.
        assert_eq!(ask(HOST.0).await.status(), StatusCode::OK);
        assert_eq!(mails_to(&app, HOST.0, "Choose a new password").await, 1);
        let res = ask("not an address").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let token = reset_token(&app, HOST.0).await;
        let page = app
            .new_client()
            .get(app.url(&format!("/reset/{token}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.text().await.unwrap().contains("Choose a new password"));

        let phone = app.new_client();
        let set = |password: &str| {
            let form = [("token", token.clone()), ("password", password.to_owned())];
            let url = app.url("/api/set_first_password");
            let phone = phone.clone();
            async move { phone.post(url).form(&form).send().await.unwrap() }
        };
        let res = set("motdepasse123").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = set("quiet-orchard-2027").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::LOCATION], "/host");
        assert_eq!(me(&app, &phone).await["email"], HOST.0);
        // The laptop's session ended with the old password.
        assert!(me(&app, &laptop).await.is_null());
        assert_eq!(sessions_of(&app, HOST.0).await, 1);
        // The link works once.
        let res = set("another-orchard-2028").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            app.login(HOST.0, HOST.1).await.status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.login(HOST.0, "quiet-orchard-2027").await.status(),
            StatusCode::OK
        );

        // A link older than an hour is refused.
        expired_set_password_link(&app, ADMIN.0, "an-old-reset-link-0123456789").await;
        let res = app
            .new_client()
            .post(app.url("/api/set_first_password"))
            .form(&[
                ("token", "an-old-reset-link-0123456789"),
                ("password", "quiet-orchard-2029"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = res.json().await.unwrap();
        assert!(body["Invalid"]["message"]
            .as_str()
            .unwrap()
            .contains("expired"));
    }
);

db_test!(
    signing_out_everywhere_ends_every_session,
    |app: TestApp| async move {
        app.seed().await;
        let phone = app.new_client();
        let laptop = app.new_client();
        app.login_with(&phone, HOST.0, HOST.1).await;
        app.login_with(&laptop, HOST.0, HOST.1).await;
        app.login_with(&app.client, ADMIN.0, ADMIN.1).await;
        assert_eq!(sessions_of(&app, HOST.0).await, 2);

        let res = phone
            .post(app.url("/api/logout_everywhere"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(me(&app, &phone).await.is_null());
        assert!(me(&app, &laptop).await.is_null());
        assert_eq!(sessions_of(&app, HOST.0).await, 0);
        // Only this user's sessions.
        assert_eq!(me(&app, &app.client).await["email"], ADMIN.0);
    }
);

db_test!(
    signing_in_ends_the_session_the_browser_held,
    |app: TestApp| async move {
        app.seed().await;
        let browser = app.new_client();
        app.login_with(&browser, HOST.0, HOST.1).await;
        assert_eq!(sessions_of(&app, HOST.0).await, 1);
        // Another account signs in on the same browser: the host's session
        // is over on the server, not only replaced in the browser.
        app.login_with(&browser, ADMIN.0, ADMIN.1).await;
        assert_eq!(sessions_of(&app, HOST.0).await, 0);
        assert_eq!(me(&app, &browser).await["email"], ADMIN.0);
    }
);

db_test!(
    a_signed_in_user_changes_their_password_with_the_current_one,
    |app: TestApp| async move {
        app.seed().await;
        let phone = app.new_client();
        let laptop = app.new_client();
        app.login_with(&phone, HOST.0, HOST.1).await;
        app.login_with(&laptop, HOST.0, HOST.1).await;
        let change = |current: &str, new: &str| {
            let form = [("current", current.to_owned()), ("new", new.to_owned())];
            phone
                .post(app.url("/api/change_password"))
                .form(&form)
                .send()
        };
        // Every mistake at once, each on its field.
        let res = change("", "short").await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "current");
        assert_eq!(body["Invalid"]["also"][0][0], "new");
        // A wrong current password changes nothing.
        let res = change("not-my-password-2026", "quiet-orchard-2027")
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "current");
        assert_eq!(sessions_of(&app, HOST.0).await, 2);
        // The right one: the new password works, the laptop is signed out,
        // this phone stays.
        let res = change(HOST.1, "quiet-orchard-2027").await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(me(&app, &phone).await["email"], HOST.0);
        assert!(me(&app, &laptop).await.is_null());
        assert_eq!(
            app.login_with(&app.new_client(), HOST.0, HOST.1)
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        let fresh = app.new_client();
        app.login_with(&fresh, HOST.0, "quiet-orchard-2027").await;
        assert_eq!(me(&app, &fresh).await["email"], HOST.0);
        // Visitors cannot.
        let res = app
            .new_client()
            .post(app.url("/api/change_password"))
            .form(&[("current", HOST.1), ("new", "another-orchard-2028")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
);
