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

/// How many rows of `table` hold `email` in `column`.
async fn rows_with(app: &TestApp, table: &str, column: &str, email: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
    app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(&sql)
        .bind(email)
        .fetch_one(pool)
        .await)
    .unwrap()
}

db_test!(
    a_guest_downloads_then_erases_their_data_and_the_figures_stay,
    |app: TestApp| async move {
        let (event, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let guest = app.new_client();
        let post = |path: &str, form: Vec<(&'static str, String)>| {
            let guest = guest.clone();
            let url = app.url(path);
            async move { guest.post(url).form(&form).send().await.unwrap() }
        };
        let token = tokens[0].clone();
        let res = post(
            "/api/answer_invitation",
            vec![
                ("token", token.clone()),
                ("rsvp", "yes".into()),
                ("companions", "0".into()),
                ("note", "Gluten-free please".into()),
                ("news", "yes".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = post(
            "/api/set_favourite",
            vec![
                ("token", token.clone()),
                ("item_id", ids[0].to_string()),
                ("on", "true".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        add_to_cart(&app, &token, ids[0], 2).await;
        let mut form = checkout_form(&token, "key-erase-0123456789abcdef", "home");
        form.retain(|(k, _)| *k != "form[name]");
        form.push(("form[name]", "Ana Lima".into()));
        assert_eq!(
            place_order(&app, &app.new_client(), &form).await.status(),
            StatusCode::OK
        );
        let sales = || async {
            app::on_db!(app.db.reader(), |pool| sqlx::query_as::<_, (i64, i64)>(
                "SELECT COUNT(*), CAST(COALESCE(SUM(total_cents), 0) AS BIGINT) FROM orders WHERE event_id = $1"
            )
            .bind(event)
            .fetch_one(pool)
            .await)
            .unwrap()
        };
        let before = sales().await;

        // The download: everything, as a file.
        let res = guest
            .get(app.url(&format!("/i/{token}/my-data.json")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
        let data: serde_json::Value = res.json().await.unwrap();
        assert_eq!(data["email"], "ana@example.com");
        assert_eq!(data["invitations"][0]["note"], "Gluten-free please");
        assert_eq!(data["invitations"][0]["answer"], "yes");
        assert_eq!(data["orders"][0]["lines"][0]["quantity"], 2);
        assert_eq!(
            data["orders"][0]["delivery_address"],
            "12 rue des Fleurs, 69001 Lyon"
        );
        assert_eq!(data["favourites"].as_array().unwrap().len(), 1);
        assert_eq!(data["mail"]["news"], true);

        // The erasure asks for a tick first, and changes nothing without it.
        let res = post("/api/erase_my_data", vec![("token", token.clone())]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "confirm");
        assert_eq!(
            rows_with(&app, "guests", "email", "ana@example.com").await,
            1
        );

        let res = post(
            "/api/erase_my_data",
            vec![("token", token.clone()), ("confirm", "yes".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::LOCATION], "/erased");
        for (table, column) in [
            ("guests", "email"),
            ("orders", "customer_email"),
            ("mail_choices", "email"),
            ("outbox", "recipient"),
        ] {
            assert_eq!(
                rows_with(&app, table, column, "ana@example.com").await,
                0,
                "{table} still holds the address"
            );
        }
        assert_eq!(rows_with(&app, "guests", "name", "Ana Lima").await, 0);
        assert_eq!(
            rows_with(&app, "orders", "customer_name", "Ana Lima").await,
            0
        );
        assert_eq!(
            rows_with(&app, "guests", "note", "Gluten-free please").await,
            0
        );
        // The host's figures do not move; the link is dead.
        assert_eq!(sales().await, before);
        let page = app
            .new_client()
            .get(app.url(&format!("/i/{token}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        // The brand's log names what was done, and the person only by a hash.
        let log: Vec<(String, String, String)> =
            app::on_db!(app.db.reader(), |pool| sqlx::query_as(
                "SELECT action, actor, subject FROM privacy_log ORDER BY id"
            )
            .fetch_all(pool)
            .await)
            .unwrap();
        let brand: i64 = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT brand_id FROM events WHERE id = $1"
        )
        .bind(event)
        .fetch_one(pool)
        .await)
        .unwrap();
        let hash = app::privacy::ssr::subject(brand, "ana@example.com");
        assert_eq!(
            log,
            vec![
                ("export".to_owned(), "guest".to_owned(), hash.clone()),
                ("erase".to_owned(), "guest".to_owned(), hash),
            ]
        );
    }
);

db_test!(
    the_brand_admin_downloads_and_erases_by_address_and_reads_the_log,
    |app: TestApp| async move {
        let (_, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        let form = checkout_form(&tokens[0], "key-admin-erase-0123456789", "host");
        assert_eq!(
            place_order(&app, &app.new_client(), &form).await.status(),
            StatusCode::OK
        );
        let admin = crate::helpers::signed_in_admin(&app).await;
        let export = |client: reqwest::Client, email: &'static str| {
            let url = app.url(&format!("/brand/privacy/export?email={email}"));
            async move { client.get(url).send().await.unwrap() }
        };
        let res = export(admin.clone(), "ana@example.com").await;
        assert_eq!(res.status(), StatusCode::OK);
        let data: serde_json::Value = res.json().await.unwrap();
        assert_eq!(data["orders"].as_array().unwrap().len(), 1);
        // Another brand's admin finds nothing of this brand's; a host and a
        // visitor are refused.
        crate::helpers::other_brand(&app).await;
        let rival = app.new_client();
        app.login_with(&rival, "boss@rival.example", "rival-pass-2026")
            .await;
        let theirs: serde_json::Value = export(rival.clone(), "ana@example.com")
            .await
            .json()
            .await
            .unwrap();
        assert!(theirs["orders"].as_array().unwrap().is_empty());
        assert!(theirs["invitations"].as_array().unwrap().is_empty());
        let host = app.new_client();
        app.login_with(&host, crate::helpers::HOST.0, crate::helpers::HOST.1)
            .await;
        assert_eq!(
            export(host, "ana@example.com").await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            export(app.new_client(), "ana@example.com").await.status(),
            StatusCode::UNAUTHORIZED
        );

        // The erasure asks for a confirmation, then says what it did.
        let erase = |confirm: bool| {
            let mut form = vec![("email", "ana@example.com".to_owned())];
            if confirm {
                form.push(("confirm", "yes".to_owned()));
            }
            let admin = admin.clone();
            let url = app.url("/api/erase_person");
            async move { admin.post(url).form(&form).send().await.unwrap() }
        };
        assert_eq!(
            erase(false).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let res = erase(true).await;
        assert_eq!(res.status(), StatusCode::OK);
        let said: String = res.json().await.unwrap();
        assert!(
            said.contains("1 invitation") && said.contains("1 orders"),
            "{said}"
        );
        assert_eq!(
            rows_with(&app, "orders", "customer_email", "ana@example.com").await,
            0
        );

        let log: serde_json::Value = get_json(&app, &admin, "/api/privacy_log").await;
        let lines = log.as_array().unwrap();
        assert_eq!(lines.len(), 2, "{log}");
        assert_eq!(lines[0]["action"], "Erasure");
        assert!(lines[0]["actor"].as_str().unwrap().starts_with("admin "));
        assert_eq!(lines[1]["action"], "Download");
        assert!(!log.to_string().contains("ana@example.com"));
        // The page shows it.
        let page = get_text(&app, &admin, "/brand/privacy").await;
        assert!(page.contains("data-testid=\"privacy-log\""), "{page}");
    }
);

db_test!(
    guests_who_never_answered_are_forgotten_after_the_brands_retention,
    |app: TestApp| async move {
        let (event, tokens) = invited(&app, "10", "ana@example.com\nbob@example.com").await;
        assert_eq!(rsvp(&app, &tokens[0], false).await, StatusCode::OK);
        // Bob never answers; the party was eleven months ago.
        let now = chrono::Utc::now();
        crate::helpers::party_held_days_before(&app, event, now, 335).await;
        soiree_server::workers::housekeeping(&app.db).await.unwrap();
        assert_eq!(
            rows_with(&app, "guests", "email", "bob@example.com").await,
            1
        );

        // The brand keeps them three months: Bob is forgotten, Ana stays.
        let admin = crate::helpers::signed_in_admin(&app).await;
        let save = |months: &str| {
            let form = vec![
                ("form[shipping_flat]", "5.90".to_owned()),
                ("form[free_shipping_from]", "60".to_owned()),
                ("form[webhook_url]", String::new()),
                ("form[language]", "en".to_owned()),
                ("form[retention_months]", months.to_owned()),
            ];
            let admin = admin.clone();
            let url = app.url("/api/save_brand_settings");
            async move { admin.post(url).form(&form).send().await.unwrap() }
        };
        let res = save("13").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "retention_months");
        assert_eq!(save("3").await.status(), StatusCode::OK);
        soiree_server::workers::housekeeping(&app.db).await.unwrap();
        assert_eq!(
            rows_with(&app, "guests", "email", "bob@example.com").await,
            0
        );
        assert_eq!(
            rows_with(&app, "outbox", "recipient", "bob@example.com").await,
            0
        );
        assert_eq!(
            rows_with(&app, "guests", "email", "ana@example.com").await,
            1
        );
        let page = app
            .new_client()
            .get(app.url(&format!("/i/{}", tokens[1])))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        let notice = get_text(&app, &app.new_client(), "/privacy").await;
        assert!(
            notice.contains("forgotten 3 months after their party"),
            "{notice}"
        );
        let settings = get_text(&app, &admin, "/brand/settings").await;
        assert!(
            settings.contains("value=\"3\" selected"),
            "the setting shows"
        );
    }
);

/// The slug of `event`'s brand.
async fn brand_slug(app: &TestApp, event: i64) -> String {
    app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT b.slug FROM brands b JOIN events e ON e.brand_id = b.id WHERE e.id = $1"
    )
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

db_test!(
    someone_without_a_link_asks_by_mail_and_the_mailed_link_downloads_and_erases,
    |app: TestApp| async move {
        let (event, _, _) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let slug = brand_slug(&app, event).await;
        let visitor = app.new_client();
        let ask = |email: &'static str| {
            let visitor = visitor.clone();
            let url = app.url("/api/ask_for_my_data");
            let slug = slug.clone();
            async move {
                visitor
                    .post(url)
                    .form(&[("slug", slug), ("email", email.to_owned())])
                    .send()
                    .await
                    .unwrap()
            }
        };
        let mails = || async {
            app::on_db!(app.db.reader(), |pool| sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM outbox"
            )
            .fetch_one(pool)
            .await)
            .unwrap()
        };

        // A bad address is said so, next to its field.
        let res = ask("not an address").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "email");

        // An address the brand does not hold gets the same answer, and no mail.
        let before = mails().await;
        assert_eq!(ask("nobody@example.com").await.status(), StatusCode::OK);
        assert_eq!(mails().await, before);

        // A guest's address gets one link (asking again within minutes sends none).
        assert_eq!(ask("ana@example.com").await.status(), StatusCode::OK);
        assert_eq!(ask("ANA@example.com").await.status(), StatusCode::OK);
        assert_eq!(mails().await, before + 1);
        let mail = latest_mail_to(&app, "ana@example.com").await;
        let (_, text) = crate::helpers::read_mail(&mail);
        let base = app.config.public_url.as_str().trim_end_matches('/');
        let link = text
            .split_whitespace()
            .find(|w| w.starts_with(&format!("{base}/privacy/request/")))
            .expect("a data link in the mail");
        let path = link.strip_prefix(base).unwrap();
        let token = path.rsplit('/').next().unwrap().to_owned();

        // The page names the brand and the address; the download has it all
        // and is logged.
        let page = get_text(&app, &visitor, path).await;
        assert!(page.contains("ana@example.com"), "{page}");
        let res = visitor
            .get(app.url(&format!("{path}/data.json")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let data: serde_json::Value = res.json().await.unwrap();
        assert_eq!(data["email"], "ana@example.com");
        assert_eq!(data["invitations"].as_array().unwrap().len(), 1);
        let logged: Vec<String> = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT actor FROM privacy_log ORDER BY id"
        )
        .fetch_all(pool)
        .await)
        .unwrap();
        assert_eq!(logged, vec!["guest (by mail)".to_owned()]);

        // A made-up link shows nothing.
        let res = visitor
            .get(app.url("/privacy/request/not-a-real-token/data.json"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // The erasure asks for a tick, then erases; the link dies with it.
        let erase = |confirm: bool| {
            let mut form = vec![("token", token.clone())];
            if confirm {
                form.push(("confirm", "yes".to_owned()));
            }
            visitor.post(app.url("/api/erase_asked")).form(&form).send()
        };
        assert_eq!(
            erase(false).await.unwrap().status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            rows_with(&app, "guests", "email", "ana@example.com").await,
            1
        );
        let res = erase(true).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::LOCATION], "/erased");
        for (table, column) in [
            ("guests", "email"),
            ("privacy_requests", "email"),
            ("outbox", "recipient"),
        ] {
            assert_eq!(
                rows_with(&app, table, column, "ana@example.com").await,
                0,
                "{table} still holds the address"
            );
        }
        let res = visitor
            .get(app.url(&format!("{path}/data.json")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(erase(true).await.unwrap().status(), StatusCode::NOT_FOUND);
    }
);

db_test!(
    a_mailed_data_link_expires_after_an_hour,
    |app: TestApp| async move {
        use app::privacy::asked;
        let (event, _, _) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let slug = brand_slug(&app, event).await;
        let then = chrono::Utc::now() - chrono::Duration::minutes(61);
        asked::ask(&app.db, &app.config, &slug, "ana@example.com", then)
            .await
            .unwrap();
        let mail = latest_mail_to(&app, "ana@example.com").await;
        let (_, text) = crate::helpers::read_mail(&mail);
        let token = text
            .split_whitespace()
            .find_map(|w| w.split("/privacy/request/").nth(1))
            .expect("a data link")
            .to_owned();
        assert!(asked::shown(&app.db, &token, then).await.is_ok());
        assert!(matches!(
            asked::shown(&app.db, &token, chrono::Utc::now()).await,
            Err(app::base::error::AppError::NotFound)
        ));
        // Another brand's slug never mails this brand's guests.
        let res = app
            .new_client()
            .post(app.url("/api/ask_for_my_data"))
            .form(&[("slug", "no-such-brand"), ("email", "ana@example.com")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);
