//! Invitation links and emails.

use app::on_db;
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    events::{create, OTHER_HOST},
    guests::paste,
    helpers::{TestApp, HOST},
};

const KEY: &[u8] = b"test-secret-key-that-is-long-enough-0123";

/// (guest id, email, nonce, token hash), by id.
async fn links(app: &TestApp) -> Vec<(i64, String, Option<String>, Option<String>)> {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT id, email, token_nonce, token_hash FROM guests ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

/// Every queued message, soft line breaks of quoted-printable undone.
async fn messages(app: &TestApp) -> Vec<String> {
    let raw: Vec<String> = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT message FROM outbox ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    raw.into_iter().map(|m| m.replace("=\r\n", "")).collect()
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, String)],
) -> reqwest::Response {
    client.post(app.url(path)).form(form).send().await.unwrap()
}

db_test!(
    invitations_carry_personal_links_whose_tokens_are_not_stored,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create(&app, &app.client, &[]).await.json().await.unwrap();
        paste(
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
        let links = links(&app).await;
        let mails = messages(&app).await;
        assert_eq!(mails.len(), 2);
        for ((_, email, nonce, hash), mail) in links.iter().zip(&mails) {
            let token = app::invitations::invite::token(KEY, nonce.as_deref().unwrap());
            assert_eq!(
                hash.as_deref(),
                Some(app::accounts::ssr::hash_token(&token).as_str())
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
        let event: i64 = create(&app, &app.client, &[]).await.json().await.unwrap();
        paste(&app, &app.client, event, "Ana Lima <ana@example.com>").await;
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
        assert!(mail.contains("method=REQUEST"));
        assert!(mail.contains("invitation.ics"));
    }
);

db_test!(
    resend_keeps_the_link_and_revoke_replaces_it,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create(&app, &app.client, &[]).await.json().await.unwrap();
        paste(&app, &app.client, event, "ana@example.com").await;
        post(
            &app,
            &app.client,
            "/api/send_invitations",
            &[("event_id", event.to_string())],
        )
        .await;
        let (guest, _, nonce, _) = links(&app).await.remove(0);
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
        let (_, _, nonce, _) = links(&app).await.remove(0);
        let second = app::invitations::invite::token(KEY, nonce.as_deref().unwrap());
        assert_ne!(first, second);
        assert!(messages(&app).await[2].contains(&format!("/i/{second}")));
        let old = app.get(&format!("/api/invitation?token={first}")).await;
        assert_eq!(old.status(), StatusCode::NOT_FOUND, "the old link is dead");
        let new = app.get(&format!("/api/invitation?token={second}")).await;
        assert_eq!(new.status(), StatusCode::OK);
    }
);
