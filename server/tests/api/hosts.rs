//! The host program: a fan applies, the brand approves (a single-use
//! set-password link valid 48 hours) or declines (a kind email), invites a
//! fan directly, and suspends a host.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        accounts_with_email, create_event, host_application_count, mails_to, post, sessions_of,
        stored_set_password_links, turn_sharing_on, welcome_token, TestApp, ADMIN, HOST,
    },
};

fn application(name: &str, email: &str, motivation: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[name]", name.to_owned()),
        ("form[email]", email.to_owned()),
        ("form[city]", "Lyon".to_owned()),
        ("form[motivation]", motivation.to_owned()),
    ]
}

async fn apply(app: &TestApp, form: &[(&str, String)]) -> reqwest::Response {
    post(app, &app.new_client(), "/api/apply_to_host", form).await
}

async fn program(app: &TestApp, admin: &reqwest::Client) -> Value {
    let res = admin
        .get(app.url("/api/host_program"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn decide(app: &TestApp, admin: &reqwest::Client, id: i64, approve: bool) -> StatusCode {
    post(
        app,
        admin,
        "/api/decide_application",
        &[("id", id.to_string()), ("approve", approve.to_string())],
    )
    .await
    .status()
}

db_test!(
    a_fan_applies_and_is_approved_or_declined,
    |app: TestApp| async move {
        app.seed().await;
        let love = "I have lit your fig candle every evening for two years.";
        // Bad input says what to fix and keeps what was typed.
        let res = apply(&app, &application("Nina Roux", "nina@", love)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = res.text().await.unwrap();
        assert!(body.contains("email"), "{body}");
        assert!(
            body.contains("fig candle"),
            "what was typed comes back: {body}"
        );
        let res = apply(&app, &application("Nina Roux", "nina@example.com", "ok")).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // An existing account is told to sign in.
        let res = apply(&app, &application("Camille", HOST.0, love)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().await.unwrap().contains("sign in"));
        assert_eq!(host_application_count(&app).await, 0);

        // Two fans apply; applying twice keeps one application.
        for form in [
            application("Nina Roux", "Nina@Example.com", love),
            application("Nina Roux", "nina@example.com", love),
            application(
                "Omar Haddad",
                "omar@example.com",
                "Your linen is the softest I know.",
            ),
        ] {
            assert_eq!(apply(&app, &form).await.status(), StatusCode::OK);
        }
        assert_eq!(host_application_count(&app).await, 2);
        assert_eq!(
            mails_to(&app, "nina@example.com", "Your application").await,
            1,
            "one thanks, however often she sends the form"
        );

        // Only the brand admin sees and decides applications.
        assert_eq!(
            app.client
                .get(app.url("/api/host_program"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );
        app.login(HOST.0, HOST.1).await;
        assert_eq!(
            app.client
                .get(app.url("/api/host_program"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let p = program(&app, &admin).await;
        let apps = p["applications"].as_array().unwrap();
        let id_of = |email: &str| {
            apps.iter().find(|a| a["email"] == email).unwrap()["id"]
                .as_i64()
                .unwrap()
        };
        let (nina, omar) = (id_of("nina@example.com"), id_of("omar@example.com"));
        assert_eq!(apps[0]["city"], "Lyon");
        assert_eq!(
            decide(&app, &app.client, nina, true).await,
            StatusCode::FORBIDDEN
        );

        assert_eq!(decide(&app, &admin, nina, true).await, StatusCode::OK);
        assert_eq!(decide(&app, &admin, omar, false).await, StatusCode::OK);
        assert_eq!(
            decide(&app, &admin, omar, true).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "answered once"
        );
        assert_eq!(
            decide(&app, &admin, 99_999, true).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            mails_to(&app, "omar@example.com", "Your application").await,
            2,
            "thanks, then the kind decline"
        );
        assert_eq!(accounts_with_email(&app, "omar@example.com").await, 0);

        // Nina's link: a weak password is refused, then it signs her in as
        // a host, once.
        let token = welcome_token(&app, "nina@example.com").await;
        let nina_client = app.new_client();
        let set = |password: &str| {
            let c = nina_client.clone();
            let url = app.url("/api/set_first_password");
            let form = [("token", token.clone()), ("password", password.to_owned())];
            async move { c.post(url).form(&form).send().await.unwrap().status() }
        };
        assert_eq!(set("short").await, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(set("amber-harbour-2026").await, StatusCode::OK);
        assert_eq!(
            set("amber-harbour-2027").await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let me: Value = nina_client
            .get(app.url("/api/me"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["role"], "Host");
        let hosts = program(&app, &admin).await["hosts"].clone();
        let nina_row = hosts
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["email"] == "nina@example.com")
            .unwrap()
            .clone();
        assert_eq!(nina_row["city"], "Lyon");
        assert_eq!(nina_row["joined_via"], "application");
        // Applying again once approved is refused.
        let res = apply(&app, &application("Nina Roux", "nina@example.com", love)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

db_test!(
    the_brand_invites_a_fan_and_suspends_a_host,
    |app: TestApp| async move {
        app.seed().await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let invite = |email: &str| {
            let form = vec![
                ("form[name]", "Rose Blanc".to_owned()),
                ("form[email]", email.to_owned()),
                ("form[city]", "Nantes".to_owned()),
            ];
            let admin = admin.clone();
            let url = app.url("/api/invite_host");
            async move { admin.post(url).form(&form).send().await.unwrap() }
        };
        let res = invite("rose").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.text().await.unwrap().contains("Rose Blanc"),
            "the form is kept"
        );
        let res = invite(HOST.0).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().await.unwrap().contains("already has an account"));
        assert_eq!(invite("rose@example.com").await.status(), StatusCode::OK);
        let token = welcome_token(&app, "rose@example.com").await;
        assert!(token.len() >= 40);
        // The link is stored only as a hash, valid 48 hours.
        let valid_hours = stored_set_password_links(&app, "rose@example.com").await;
        assert_eq!(valid_hours, 1);

        // Suspend Camille: she cannot schedule, her open party stays.
        app.login(HOST.0, HOST.1).await;
        let open: i64 = create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        let hosts = program(&app, &admin).await["hosts"].clone();
        let camille = hosts
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["email"] == HOST.0)
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let suspend = |id: i64, on: bool, who: reqwest::Client| {
            let url = app.url("/api/set_host_suspended");
            async move {
                who.post(url)
                    .form(&[("id", id.to_string()), ("suspended", on.to_string())])
                    .send()
                    .await
                    .unwrap()
                    .status()
            }
        };
        assert_eq!(
            suspend(camille, true, app.client.clone()).await,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            suspend(99_999, true, admin.clone()).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(suspend(camille, true, admin.clone()).await, StatusCode::OK);
        // Her session ended with the suspension: she can no longer schedule,
        // invite or write to guests, nor sign in again.
        let res = create_event(&app, &app.client, &[]).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let res = app
            .client
            .post(app.url("/api/add_guest"))
            .form(&[
                ("event_id", open.to_string()),
                ("name", "Lou".to_owned()),
                ("email", "lou@example.com".to_owned()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let res = app.login(HOST.0, HOST.1).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "email");
        assert!(body["Invalid"]["message"]
            .as_str()
            .unwrap()
            .contains("suspended"));
        assert_eq!(sessions_of(&app, HOST.0).await, 0);
        // Guests still reach it by its share link.
        let slug = turn_sharing_on(&app, open).await;
        let page = app
            .new_client()
            .get(app.url(&format!("/s/{slug}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK, "guests still see it");
        assert_eq!(suspend(camille, false, admin.clone()).await, StatusCode::OK);
        assert_eq!(app.login(HOST.0, HOST.1).await.status(), StatusCode::OK);
        assert_eq!(
            create_event(&app, &app.client, &[]).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            app.client
                .get(app.url(&format!("/api/event?id={open}")))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::OK,
            "her open party is still hers"
        );
    }
);
