//! Bookings: a guest asks to host (at checkout or from their page), the
//! brand approves them as a host with a single-use 48-hour link to set a
//! password, and their first party records the party it was booked from.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        add_to_cart, booked_from, booking_request_count, create_event, expired_set_password_link,
        mails_to, party, place_order, post, welcome_token, TestApp, ADMIN, HOST, OTHER_HOST,
    },
};

db_test!(
    a_guest_books_a_party_and_becomes_a_host,
    |app: TestApp| async move {
        let (origin, ids, tokens) = party(
            &app,
            "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>",
            1,
        )
        .await;
        // Ana asks at checkout.
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        let form = vec![
            ("token", tokens[0].clone()),
            ("slug", String::new()),
            ("form[name]", "Ana Lima".into()),
            ("form[email]", "ana@example.com".into()),
            ("form[delivery]", "host".into()),
            ("form[address]", String::new()),
            ("form[idempotency_key]", "key-book-0123456789abcdef".into()),
            ("form[wants_to_host]", "yes".into()),
        ];
        assert_eq!(
            place_order(&app, &app.new_client(), &form).await.status(),
            StatusCode::OK
        );
        // Ben asks from his invitation page, twice.
        let guest = app.new_client();
        let asked = |token: String| {
            let guest = guest.clone();
            let url = app.url(&format!("/api/booking_asked?token={token}"));
            async move {
                guest
                    .get(url)
                    .send()
                    .await
                    .unwrap()
                    .json::<bool>()
                    .await
                    .unwrap()
            }
        };
        assert!(!asked(tokens[1].clone()).await);
        for _ in 0..2 {
            let res = post(
                &app,
                &guest,
                "/api/ask_to_host",
                &[("token", tokens[1].clone())],
            )
            .await;
            assert_eq!(res.status(), StatusCode::OK);
        }
        assert!(asked(tokens[1].clone()).await);
        assert_eq!(booking_request_count(&app).await, 2);
        // A wrong token asks nothing.
        let res = post(
            &app,
            &guest,
            "/api/ask_to_host",
            &[("token", "nope".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // The host cannot see or decide requests; the admin can.
        assert_eq!(
            app.client
                .get(app.url("/api/booking_requests"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let list: Value = admin
            .get(app.url("/api/booking_requests"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let rows = list.as_array().unwrap();
        assert_eq!(rows.len(), 2);
        let id_of = |email: &str| {
            rows.iter().find(|r| r["email"] == email).unwrap()["id"]
                .as_i64()
                .unwrap()
        };
        let (ana, ben) = (id_of("ana@example.com"), id_of("ben@example.com"));
        let decide = |id: i64, approve: bool| {
            let admin = admin.clone();
            let url = app.url("/api/decide_booking");
            async move {
                admin
                    .post(url)
                    .form(&[("id", id.to_string()), ("approve", approve.to_string())])
                    .send()
                    .await
                    .unwrap()
            }
        };
        assert_eq!(
            post(
                &app,
                &app.client,
                "/api/decide_booking",
                &[("id", ana.to_string()), ("approve", "true".into())]
            )
            .await
            .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(decide(ana, true).await.status(), StatusCode::OK);
        assert_eq!(decide(ben, false).await.status(), StatusCode::OK);
        assert_eq!(
            decide(ana, false).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "answered once"
        );
        assert_eq!(decide(9999, true).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            mails_to(&app, "ben@example.com", "Your request to host").await,
            1
        );

        // Ana sets her password with the link: a weak one is refused, then
        // she is signed in as a host; the link works once.
        let token = welcome_token(&app, "ana@example.com").await;
        assert!(token.len() >= 40);
        let ana_client = app.new_client();
        let set = |password: &str| {
            let c = ana_client.clone();
            let url = app.url("/api/set_first_password");
            let form = [("token", token.clone()), ("password", password.to_owned())];
            async move { c.post(url).form(&form).send().await.unwrap() }
        };
        assert_eq!(
            set("short").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(set("velvet-lantern-2026").await.status(), StatusCode::OK);
        let me: Value = ana_client
            .get(app.url("/api/me"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["role"], "Host");
        assert_eq!(
            set("another-phrase-2026").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let fresh = app.new_client();
        app.login_with(&fresh, "ana@example.com", "velvet-lantern-2026")
            .await;
        let me: Value = fresh
            .get(app.url("/api/me"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["email"], "ana@example.com");

        // Her first party records where it was booked from; the second does not.
        let first: i64 = create_event(&app, &ana_client, &[])
            .await
            .json()
            .await
            .unwrap();
        let second: i64 = create_event(&app, &ana_client, &[])
            .await
            .json()
            .await
            .unwrap();
        let from = vec![
            booked_from(&app, first).await,
            booked_from(&app, second).await,
        ];
        assert_eq!(from, vec![Some(origin), None]);
        let _ = HOST;
    }
);

db_test!(an_expired_link_sets_nothing, |app: TestApp| async move {
    app.seed().await;
    expired_set_password_link(&app, OTHER_HOST.0, "old-link").await;
    let res = post(
        &app,
        &app.new_client(),
        "/api/set_first_password",
        &[
            ("token", "old-link".into()),
            ("password", "velvet-lantern-2026".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("expired"));
    // The old password still works.
    let c = app.new_client();
    app.login_with(&c, OTHER_HOST.0, OTHER_HOST.1).await;
    let me: Value = c
        .get(app.url("/api/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], OTHER_HOST.0);
});
