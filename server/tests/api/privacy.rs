//! Guests' control over the brand's mail: news asked unticked and kept
//! with its time and place; one click (RFC 8058) stops a brand's
//! reminders, thank-yous and news across its parties.

use reqwest::{header, StatusCode};

use crate::{
    db_test,
    helpers::{
        add_to_cart, checkout_form, event_times, get_json, get_text, invited, latest_mail_to,
        party, place_order, turn_sharing_on, TestApp,
    },
};

/// The brand's news answer stored for `email`: (news, source, answered).
async fn news_of(app: &TestApp, email: &str) -> Option<(bool, Option<String>, bool)> {
    let row: Option<(bool, Option<String>, Option<chrono::DateTime<chrono::Utc>>)> =
        app::on_db!(app.db.reader(), |pool| sqlx::query_as(
            "SELECT news, news_source, news_answered_at FROM mail_choices WHERE email = $1"
        )
        .bind(email)
        .fetch_optional(pool)
        .await)
        .unwrap();
    row.map(|(news, source, at)| (news, source, at.is_some()))
}

async fn rsvp(app: &TestApp, token: &str, news: bool) -> StatusCode {
    let mut form = vec![
        ("token", token.to_owned()),
        ("rsvp", "yes".to_owned()),
        ("companions", "0".to_owned()),
    ];
    if news {
        form.push(("news", "yes".to_owned()));
    }
    app.new_client()
        .post(app.url("/api/answer_invitation"))
        .form(&form)
        .send()
        .await
        .unwrap()
        .status()
}

db_test!(
    news_is_asked_unticked_and_kept_with_when_and_where,
    |app: TestApp| async move {
        let (event, ids, tokens) =
            party(&app, "Ana Lima <ana@example.com>\nBob <bob@example.com>", 1).await;
        // The guest's page asks, unticked.
        let page = get_text(&app, &app.new_client(), &format!("/i/{}", tokens[0])).await;
        let checkbox = page
            .split("<input")
            .find(|tag| tag.contains("name=\"news\""))
            .expect("a news checkbox");
        assert!(checkbox.contains("type=\"checkbox\""), "{checkbox}");
        assert!(!checkbox.contains("checked"), "unticked: {checkbox}");

        assert_eq!(rsvp(&app, &tokens[0], true).await, StatusCode::OK);
        assert_eq!(
            news_of(&app, "ana@example.com").await,
            Some((true, Some("rsvp".into()), true))
        );
        // Answering again without the box: the no is kept too.
        assert_eq!(rsvp(&app, &tokens[0], false).await, StatusCode::OK);
        assert_eq!(
            news_of(&app, "ana@example.com").await,
            Some((false, Some("rsvp".into()), true))
        );

        // At checkout.
        add_to_cart(&app, &tokens[1], ids[0], 1).await;
        let mut form = checkout_form(&tokens[1], "key-news-0123456789abcdef", "host");
        form.retain(|(k, _)| *k != "form[email]");
        form.push(("form[email]", "bob@example.com".into()));
        form.push(("form[news]", "yes".into()));
        assert_eq!(
            place_order(&app, &app.new_client(), &form).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            news_of(&app, "bob@example.com").await,
            Some((true, Some("checkout".into()), true))
        );

        // Through the share link.
        let slug = turn_sharing_on(&app, event).await;
        let res = app
            .new_client()
            .post(app.url("/api/join_event"))
            .form(&[
                ("slug", slug.as_str()),
                ("name", "Dan"),
                ("email", "dan@example.com"),
                ("news", "yes"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            news_of(&app, "dan@example.com").await,
            Some((true, Some("share_link".into()), true))
        );
    }
);

/// The value of header `name` in a stored message.
fn header_of<'a>(mail: &'a str, name: &str) -> Option<&'a str> {
    mail.lines()
        .find(|l| {
            l.to_ascii_lowercase()
                .starts_with(&format!("{}:", name.to_ascii_lowercase()))
        })
        .map(|l| l[name.len() + 1..].trim())
}

db_test!(
    one_click_stops_a_brands_reminders_and_thank_yous,
    |app: TestApp| async move {
        use app::invitations::ssr::send_due_mailings;
        let (event, tokens) = invited(&app, "10", "ana@example.com\nbob@example.com").await;
        for token in &tokens {
            assert_eq!(rsvp(&app, token, false).await, StatusCode::OK);
        }
        let (starts, ends) = event_times(&app, event).await;
        assert_eq!(
            send_due_mailings(&app.db, &app.config, starts - chrono::Duration::hours(23))
                .await
                .unwrap(),
            2
        );
        let reminder = latest_mail_to(&app, "ana@example.com")
            .await
            .replace("=\r\n", "");
        assert!(reminder.contains("Subject: Tomorrow"), "{reminder}");
        assert_eq!(
            header_of(&reminder, "List-Unsubscribe-Post"),
            Some("List-Unsubscribe=One-Click")
        );
        let mailed = header_of(&reminder, "List-Unsubscribe")
            .expect("a List-Unsubscribe header")
            .trim_matches(['<', '>'])
            .to_owned();
        // Under PUBLIC_URL (https in production); this test's server is elsewhere.
        let path = mailed
            .strip_prefix(app.config.public_url.as_str().trim_end_matches('/'))
            .expect("a link under PUBLIC_URL");
        assert!(path.starts_with("/unsubscribe/"), "{path}");
        let (_, text) = crate::helpers::read_mail(&reminder);
        assert!(
            text.contains(&mailed),
            "a link at the foot of the mail too: {text}"
        );
        let link = app.url(path);
        // The invitation itself is transactional: no such header.
        let first = crate::helpers::messages(&app).await;
        assert!(first
            .iter()
            .filter(|m| m.contains("invites you:"))
            .all(|m| !m.contains("List-Unsubscribe")));

        // The page behind the link says what stops and asks to confirm.
        let page = reqwest::get(&link).await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        let text = page.text().await.unwrap();
        assert!(text.contains("ana@example.com"), "{text}");
        // A mail client's one click: a POST without cookies or origin.
        let res = reqwest::Client::new()
            .post(&link)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        // Twice is harmless.
        let again = reqwest::Client::new()
            .post(&link)
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::OK);
        // A forged link stops nothing.
        let forged = link.replace("/unsubscribe/", "/unsubscribe/9");
        let res = reqwest::Client::new().post(&forged).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // The thank-yous: Bob's comes, Ana's does not.
        assert_eq!(
            send_due_mailings(&app.db, &app.config, ends + chrono::Duration::hours(1))
                .await
                .unwrap(),
            1
        );
        assert!(latest_mail_to(&app, "bob@example.com")
            .await
            .contains("Thank you"));
        assert!(!latest_mail_to(&app, "ana@example.com")
            .await
            .contains("Thank you"));
        let token = link.rsplit('/').next().unwrap();
        let page = get_json(
            &app,
            &app.new_client(),
            &format!("/api/mail_choice?token={token}"),
        )
        .await;
        assert_eq!(page["stopped"], true);
    }
);
