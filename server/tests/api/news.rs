//! The brand's news: written once by the admin, sent only to those who
//! asked for it and have not stopped it, each mail with its stop link; a
//! second send of the same form sends nothing again.

use reqwest::StatusCode;

use crate::{
    db_test,
    helpers::{invited, latest_mail_to, TestApp},
};

async fn answer(app: &TestApp, token: &str, news: bool) {
    let mut form = vec![
        ("token", token.to_owned()),
        ("rsvp", "yes".to_owned()),
        ("companions", "0".to_owned()),
    ];
    if news {
        form.push(("news", "yes".to_owned()));
    }
    let res = app
        .new_client()
        .post(app.url("/api/answer_invitation"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

async fn news_mails(app: &TestApp) -> Vec<String> {
    app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT o.recipient FROM outbox o JOIN news_deliveries d ON d.message_id = o.message_id
         ORDER BY o.recipient"
    )
    .fetch_all(pool)
    .await)
    .unwrap()
}

fn form(key: &str, subject: &str, text: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[key]", key.to_owned()),
        ("form[subject]", subject.to_owned()),
        ("form[text]", text.to_owned()),
    ]
}

db_test!(
    news_goes_only_to_those_who_asked_once_per_form,
    |app: TestApp| async move {
        let (event, tokens) = invited(
            &app,
            "10",
            "ana@example.com\nbob@example.com\ncleo@example.com",
        )
        .await;
        answer(&app, &tokens[0], true).await;
        answer(&app, &tokens[1], false).await;
        answer(&app, &tokens[2], true).await;
        // Cleo then stops the brand's mail with the link of a reminder.
        let brand_id: i64 = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT brand_id FROM events WHERE id = $1"
        )
        .bind(event)
        .fetch_one(pool)
        .await)
        .unwrap();
        let stop = app::base::consent::stop_url(&app.config, brand_id, "cleo@example.com");
        let path = &stop[stop.find("/unsubscribe/").unwrap()..];
        let res = app.new_client().post(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);

        let admin = crate::helpers::signed_in_admin(&app).await;
        let send = |client: &reqwest::Client, form: Vec<(&'static str, String)>| {
            client.post(app.url("/api/send_news")).form(&form).send()
        };
        let page: serde_json::Value = admin
            .get(app.url("/api/brand_news"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(page["audience"], 1);
        let key = page["key"].as_str().unwrap().to_owned();

        // Every mistake at once, next to its field; nothing sent.
        let res = send(&admin, form(&key, " ", "")).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "subject");
        assert_eq!(body["Invalid"]["also"][0][0], "text");
        assert!(news_mails(&app).await.is_empty());

        // Hosts and visitors cannot send it.
        let host = app.new_client();
        app.login_with(&host, crate::helpers::HOST.0, crate::helpers::HOST.1)
            .await;
        let news = form(
            &key,
            "Autumn linen",
            "The new linen is here.\n\nCome and see.",
        );
        assert_eq!(
            send(&host, news.clone()).await.unwrap().status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            send(&app.new_client(), news.clone())
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );
        assert!(news_mails(&app).await.is_empty());

        // Only Ana asked and did not stop; a second click sends nothing more.
        let res = send(&admin, news.clone()).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<i64>().await.unwrap(), 1);
        let res = send(&admin, news.clone()).await.unwrap();
        assert_eq!(res.json::<i64>().await.unwrap(), 1);
        assert_eq!(news_mails(&app).await, vec!["ana@example.com".to_owned()]);
        let mail = latest_mail_to(&app, "ana@example.com")
            .await
            .replace("=\r\n", "");
        assert!(mail.contains("Subject: Autumn linen"), "{mail}");
        assert!(mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        let (_, text) = crate::helpers::read_mail(&mail);
        assert!(text.contains("The new linen is here."), "{text}");
        assert!(text.contains("/unsubscribe/"), "{text}");

        let page: serde_json::Value = admin
            .get(app.url("/api/brand_news"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(page["mailings"][0]["subject"], "Autumn linen");
        assert_eq!(page["mailings"][0]["recipients"], 1);

        // Another brand's admin sends to their own fans only.
        crate::helpers::other_brand(&app).await;
        let rival = app.new_client();
        app.login_with(&rival, "boss@rival.example", "rival-pass-2026")
            .await;
        let res = send(&rival, form("rival-key", "Hello", "Rival news"))
            .await
            .unwrap();
        assert_eq!(res.json::<i64>().await.unwrap(), 0);

        // The address's download lists the news it received.
        let data = app::privacy::ssr::export(
            &app.db,
            brand_id,
            "ana@example.com",
            "guest",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert_eq!(data["news_received"][0]["subject"], "Autumn linen");

        // An erasure takes the news mails with it.
        app::privacy::ssr::erase(
            &app.db,
            brand_id,
            "ana@example.com",
            "guest",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert!(news_mails(&app).await.is_empty());
    }
);
