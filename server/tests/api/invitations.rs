//! Invitation links and emails.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        create_event, event_times, give_up_on_mail_to, invitation_links, invited, messages,
        paste_guests, post, test_config, TestApp, HOST, KEY, OTHER_HOST,
    },
};

db_test!(
    invitations_carry_personal_links_whose_tokens_are_not_stored,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        paste_guests(
            &app,
            &app.client,
            event,
            "Ana Lima <ana@example.com>\nbob@example.com",
        )
        .await;

        let res = post(
            &app,
            &app.client,
            "/api/send_invitations",
            &[("event_id", event.to_string())],
        )
        .await;

        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<usize>().await.unwrap(), 2);
        let links = invitation_links(&app).await;
        let mails = messages(&app).await;
        assert_eq!(mails.len(), 2);
        for ((_, email, nonce, hash), mail) in links.iter().zip(&mails) {
            let token = app::invitations::invite::token(KEY, nonce.as_deref().unwrap());
            assert_eq!(
                hash.as_deref(),
                Some(app::base::tokens::hash_token(&token).as_str())
            );
            assert_ne!(nonce.as_deref(), Some(token.as_str()));
            assert!(
                mail.contains(&format!("/i/{token}")),
                "the mail to {email} holds its link"
            );
            // The guest's page opens with the link alone.
            let page = app
                .new_client()
                .get(app.url(&format!("/api/invitation?token={token}")))
                .send()
                .await
                .unwrap();
            assert_eq!(page.status(), StatusCode::OK);
            let view: Value = page.json().await.unwrap();
            assert_eq!(view["title"], "Candle evening");
            assert_eq!(view["host_first_name"], "Camille");
            assert!(
                !view["place"].as_str().unwrap().contains("rue des Lilas"),
                "no address before yes"
            );
        }
        // A second run has nobody new to invite.
        let res = post(
            &app,
            &app.client,
            "/api/send_invitations",
            &[("event_id", event.to_string())],
        )
        .await;
        assert_eq!(res.json::<usize>().await.unwrap(), 0);
        // A wrong token is a plain 404, with no event data.
        let res = app.get("/api/invitation?token=not-a-real-token").await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let page = app.get("/i/not-a-real-token").await;
        assert!(!page.text().await.unwrap().contains("Candle evening"));
    }
);

db_test!(
    the_invitation_is_multipart_with_a_calendar_and_a_message_id,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        paste_guests(&app, &app.client, event, "Ana Lima <ana@example.com>").await;
        post(
            &app,
            &app.client,
            "/api/send_invitations",
            &[("event_id", event.to_string())],
        )
        .await;

        let mail = &messages(&app).await[0];
        let message_id = mail
            .lines()
            .find(|l| l.starts_with("Message-ID:"))
            .expect("a Message-ID");
        assert!(
            message_id.trim_end().ends_with("@127.0.0.1>"),
            "on the PUBLIC_URL host: {message_id}"
        );
        assert!(
            mail.contains("To: \"Ana Lima\" <ana@example.com>"),
            "{mail}"
        );
        assert!(mail.contains("Subject: Camille invites you: Candle evening"));
        for part in [
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "text/calendar",
        ] {
            assert!(mail.contains(part), "missing {part}");
        }
        // A calendar entry to add, not a request whose Yes/No buttons would
        // answer a no-reply address; replies by mail reach the host.
        assert!(mail.contains("method=PUBLISH"), "{mail}");
        assert!(!mail.contains("method=REQUEST"));
        assert!(mail.contains("invitation.ics"));
        assert!(
            mail.contains("Reply-To: \"Camille Martin\" <camille@atelier-lumen.example>"),
            "{mail}"
        );
    }
);

db_test!(
    resend_keeps_the_link_and_revoke_replaces_it,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        paste_guests(&app, &app.client, event, "ana@example.com").await;
        post(
            &app,
            &app.client,
            "/api/send_invitations",
            &[("event_id", event.to_string())],
        )
        .await;
        let (guest, _, nonce, _) = invitation_links(&app).await.remove(0);
        let first = app::invitations::invite::token(KEY, nonce.as_deref().unwrap());
        let form = [
            ("event_id", event.to_string()),
            ("guest_id", guest.to_string()),
        ];

        // Another host can do neither.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        assert_eq!(
            post(&app, &other, "/api/resend_invitation", &form)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            post(&app, &other, "/api/revoke_invitation", &form)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );

        assert_eq!(
            post(&app, &app.client, "/api/resend_invitation", &form)
                .await
                .status(),
            StatusCode::OK
        );
        let mails = messages(&app).await;
        assert_eq!(mails.len(), 2);
        assert!(mails[1].contains(&format!("/i/{first}")), "same link");

        assert_eq!(
            post(&app, &app.client, "/api/revoke_invitation", &form)
                .await
                .status(),
            StatusCode::OK
        );
        let (_, _, nonce, _) = invitation_links(&app).await.remove(0);
        let second = app::invitations::invite::token(KEY, nonce.as_deref().unwrap());
        assert_ne!(first, second);
        assert!(messages(&app).await[2].contains(&format!("/i/{second}")));
        let old = app.get(&format!("/api/invitation?token={first}")).await;
        assert_eq!(old.status(), StatusCode::NOT_FOUND, "the old link is dead");
        let new = app.get(&format!("/api/invitation?token={second}")).await;
        assert_eq!(new.status(), StatusCode::OK);
    }
);

async fn answer(app: &TestApp, token: &str, rsvp: &str, companions: i64) -> reqwest::Response {
    // A guest has no account: a fresh client with no cookie.
    app.new_client()
        .post(app.url("/api/answer_invitation"))
        .form(&[
            ("token", token.to_owned()),
            ("rsvp", rsvp.into()),
            ("companions", companions.to_string()),
            ("note", "See you!".into()),
        ])
        .send()
        .await
        .unwrap()
}

db_test!(
    answers_fill_the_capacity_then_a_waiting_list_moves_up,
    |app: TestApp| async move {
        let (event, tokens) = invited(
            &app,
            "3",
            "ana@example.com\nbob@example.com\ncleo@example.com",
        )
        .await;
        let sent_before = messages(&app).await.len();

        // Ana and a companion: 2 of 3 places. Bob and a companion do not fit.
        assert_eq!(
            answer(&app, &tokens[0], "yes", 1)
                .await
                .json::<String>()
                .await
                .unwrap(),
            "yes"
        );
        assert_eq!(
            answer(&app, &tokens[1], "yes", 1)
                .await
                .json::<String>()
                .await
                .unwrap(),
            "waiting"
        );
        // Cleo alone fits in the last place.
        assert_eq!(
            answer(&app, &tokens[2], "yes", 0)
                .await
                .json::<String>()
                .await
                .unwrap(),
            "yes"
        );
        let view: Value = app
            .get(&format!("/api/invitation?token={}", tokens[0]))
            .await
            .json()
            .await
            .unwrap();
        assert!(
            view["place"].as_str().unwrap().contains("rue des Lilas"),
            "a yes sees the address"
        );
        assert_eq!(view["note"], "See you!");

        // Ana cannot come after all: Bob moves up and is told by email.
        assert_eq!(
            answer(&app, &tokens[0], "no", 1)
                .await
                .json::<String>()
                .await
                .unwrap(),
            "no"
        );
        let bob: Value = app
            .get(&format!("/api/invitation?token={}", tokens[1]))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(bob["rsvp"], "yes");
        let mails = messages(&app).await;
        assert_eq!(mails.len(), sent_before + 1);
        assert!(mails.last().unwrap().contains("To: bob@example.com"));
        assert!(mails.last().unwrap().contains("A place freed up"));

        let overview: Value = app.get("/api/host_overview").await.json().await.unwrap();
        let counts = &overview["events"][0]["counts"];
        assert_eq!(
            (counts["yes"].as_i64(), counts["no"].as_i64()),
            (Some(2), Some(1)),
            "{overview}"
        );
        let guests: Vec<Value> = app
            .get(&format!("/api/guests?event_id={event}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(guests[0]["companions"], 0, "a no brings nobody");
    }
);

db_test!(
    bad_answers_are_refused_and_change_nothing,
    |app: TestApp| async move {
        let (_, tokens) = invited(&app, "10", "ana@example.com").await;
        let res = answer(&app, &tokens[0], "perhaps", 0).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            res.json::<Value>().await.unwrap()["Invalid"]["field"],
            "rsvp"
        );
        let res = answer(&app, &tokens[0], "yes", 4).await;
        assert_eq!(
            res.json::<Value>().await.unwrap()["Invalid"]["field"],
            "companions"
        );
        let res = answer(&app, "forged-token", "yes", 0).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let view: Value = app
            .get(&format!("/api/invitation?token={}", tokens[0]))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(view["rsvp"], "pending");

        // After the start, answers are closed.
        let config = test_config();
        let later = chrono::Utc::now() + chrono::Duration::days(8);
        let err = app::invitations::ssr::answer(
            &app.db,
            &config,
            &tokens[0],
            &app::invitations::domain::Rsvp::new(
                app::invitations::domain::Answer::Yes,
                Some(0),
                None,
            ),
            later,
        )
        .await
        .unwrap_err();
        assert!(err.to_string().contains("started"), "{err}");
    }
);

db_test!(
    reminders_and_thank_yous_go_out_once_to_yes_and_maybe,
    |app: TestApp| async move {
        use app::invitations::ssr::send_due_mailings;
        let (event, tokens) = invited(
            &app,
            "10",
            "ana@example.com\nbob@example.com\ncleo@example.com",
        )
        .await;
        answer(&app, &tokens[0], "yes", 0).await;
        answer(&app, &tokens[1], "maybe", 0).await;
        answer(&app, &tokens[2], "no", 0).await;
        let (starts, ends) = event_times(&app, event).await;
        let config = test_config();
        let before = messages(&app).await.len();

        assert_eq!(
            send_due_mailings(&app.db, &config, chrono::Utc::now())
                .await
                .unwrap(),
            0,
            "not due yet"
        );
        let day_before = starts - chrono::Duration::hours(23);
        assert_eq!(
            send_due_mailings(&app.db, &config, day_before)
                .await
                .unwrap(),
            2
        );
        assert_eq!(
            send_due_mailings(&app.db, &config, day_before)
                .await
                .unwrap(),
            0,
            "once only"
        );
        let after = ends + chrono::Duration::hours(1);
        assert_eq!(send_due_mailings(&app.db, &config, after).await.unwrap(), 2);
        assert_eq!(
            send_due_mailings(&app.db, &config, after).await.unwrap(),
            0,
            "once only"
        );

        let mails = messages(&app).await;
        let new = &mails[before..];
        assert_eq!(new.len(), 4);
        assert!(
            new.iter().all(|m| !m.contains("cleo@example.com")),
            "not to a no"
        );
        assert!(new[0].contains("Subject: Tomorrow: Candle evening"));
        assert!(new[2].contains("Subject: Thank you for coming: Candle evening"));
        assert!(
            new[2].contains(&format!("/i/{}", tokens[0])),
            "with the guest's own link"
        );
    }
);

db_test!(
    engine: a_mail_given_up_on_shows_on_the_guest_list,
    |engine: app::base::db::Engine| async move {
        // The app's own worker must not deliver the mail this test marks
        // failed: after its first pass it sleeps for a minute.
        let settings = [("OUTBOX_POLL_MS", "60000".to_owned())];
        let Some(app) = TestApp::spawn_with(engine, &settings).await else { return };
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let (event, _) = invited(&app, "10", "ana@example.com\nbob@example.com").await;
        give_up_on_mail_to(&app, "bob@example.com", "mailbox unavailable").await;

        let guests: Vec<Value> = app
            .get(&format!("/api/guests?event_id={event}"))
            .await
            .json()
            .await
            .unwrap();

        let failed: Vec<(&str, bool)> = guests
            .iter()
            .map(|g| {
                (
                    g["email"].as_str().unwrap(),
                    g["mail_failed"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            failed,
            vec![("ana@example.com", false), ("bob@example.com", true)]
        );
    }
);

db_test!(
    the_share_link_lets_friends_of_friends_join_until_the_host_turns_it_off,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        let details: Value = app
            .get(&format!("/api/event?id={event}"))
            .await
            .json()
            .await
            .unwrap();
        let url = details["share"]["url"].as_str().unwrap().to_owned();
        let slug = url.rsplit('/').next().unwrap().to_owned();
        assert!(slug.len() >= 22, "an unguessable slug");
        assert!(details["share"]["qr_svg"]
            .as_str()
            .unwrap()
            .starts_with("<svg"));

        let visitor = app.new_client();
        let shown: Value = visitor
            .get(app.url(&format!("/api/shared_event?slug={slug}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(shown["title"], "Candle evening");
        assert!(
            !shown.to_string().contains("rue des Lilas"),
            "no address on the share link"
        );

        let join = |name: &str, email: &str| {
            let form = [
                ("slug", slug.clone()),
                ("name", name.to_owned()),
                ("email", email.to_owned()),
            ];
            visitor.post(app.url("/api/join_event")).form(&form).send()
        };
        assert_eq!(
            join("Dan", "dan@example.com").await.unwrap().status(),
            StatusCode::OK
        );
        assert_eq!(
            join("", "eve@example.com").await.unwrap().status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let guests: Vec<Value> = app
            .get(&format!("/api/guests?event_id={event}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(guests.len(), 1);
        assert_eq!(guests[0]["invited"], true);
        assert!(messages(&app)
            .await
            .last()
            .unwrap()
            .contains("To: Dan <dan@example.com>"));

        // The host turns it off: the page and the form answer 404.
        let res = post(
            &app,
            &app.client,
            "/api/set_sharing",
            &[("id", event.to_string()), ("enabled", "false".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = visitor
            .get(app.url(&format!("/api/shared_event?slug={slug}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            join("Fay", "fay@example.com").await.unwrap().status(),
            StatusCode::NOT_FOUND
        );
        // Another host cannot turn it back on.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let res = post(
            &app,
            &other,
            "/api/set_sharing",
            &[("id", event.to_string()), ("enabled", "true".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);
