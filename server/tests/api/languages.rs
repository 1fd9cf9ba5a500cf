//! French and English: a party's guests read its language, from the
//! invitation's subject to the order's mail and pages; a visitor reads their
//! browser's; the switcher's choice beats both.

use reqwest::{header, StatusCode};

use crate::{
    db_test,
    helpers::{
        add_to_cart, checkout_form, feature_items, invited_to, latest_mail_to, place_order, post,
        TestApp, HOST,
    },
};

/// A queued message's subject and text part, decoded.
fn read_mail(raw: &str) -> (String, String) {
    let mail = mailparse::parse_mail(raw.as_bytes()).expect("a MIME message");
    let subject = mail
        .headers
        .iter()
        .find(|h| h.get_key().eq_ignore_ascii_case("subject"))
        .map(|h| h.get_value())
        .unwrap_or_default();
    fn text_of(part: &mailparse::ParsedMail) -> Option<String> {
        if part.ctype.mimetype == "text/plain" {
            return part.get_body().ok();
        }
        part.subparts.iter().find_map(text_of)
    }
    (subject, text_of(&mail).unwrap_or_default())
}

/// The `lang` of a page's `<html>`.
async fn page_lang(client: &reqwest::Client, app: &TestApp, path: &str) -> (String, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "GET {path}");
    let html = res.text().await.unwrap();
    let lang = html
        .split("<html lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    (lang, html)
}

db_test!(
    a_french_party_writes_to_its_guests_in_french,
    |app: TestApp| async move {
        app.seed().await;
        app.set_brand_language("fr").await;
        let (event, tokens) = invited_to(&app, &[], "Ana Lima <ana@example.com>").await;

        let (subject, text) = read_mail(&latest_mail_to(&app, "ana@example.com").await);
        assert!(subject.contains("vous invite"), "{subject}");
        assert!(text.starts_with("Bonjour Ana Lima,"), "{text}");
        assert!(text.contains("Répondez"), "{text}");

        let (lang, html) = page_lang(&app.new_client(), &app, &format!("/i/{}", tokens[0])).await;
        assert_eq!(lang, "fr");
        assert!(html.contains("Aller au contenu"));

        let ids = feature_items(&app, event, 1).await;
        add_to_cart(&app, &tokens[0], ids[0], 2).await;
        let res = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "k-fr-0123456789abcdef", "home"),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let (subject, text) = read_mail(&latest_mail_to(&app, "ana@example.com").await);
        assert_eq!(subject, "Votre commande de la soirée Candle evening");
        assert!(text.contains("Merci pour votre commande"), "{text}");
        // Amounts the French way: a decimal comma, the euro sign after.
        let total = text
            .lines()
            .find(|l| l.starts_with("Total"))
            .unwrap_or_default();
        assert!(total.starts_with("Total\u{a0}: "), "{total}");
        assert!(total.ends_with("\u{a0}€") && total.contains(','), "{total}");
    }
);

db_test!(
    an_english_party_of_a_french_brand_writes_in_english,
    |app: TestApp| async move {
        app.seed().await;
        app.set_brand_language("fr").await;
        let (_, tokens) =
            invited_to(&app, &[("language", "en")], "Ana Lima <ana@example.com>").await;
        let (subject, text) = read_mail(&latest_mail_to(&app, "ana@example.com").await);
        assert!(subject.contains("invites you"), "{subject}");
        assert!(text.starts_with("Hello Ana Lima,"), "{text}");
        let (lang, html) = page_lang(&app.new_client(), &app, &format!("/i/{}", tokens[0])).await;
        assert_eq!(lang, "en");
        assert!(html.contains("Skip to content"));
    }
);

db_test!(
    a_party_language_that_is_not_ours_is_refused_at_its_field,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let res = crate::helpers::create_event(&app, &app.client, &[("language", "de")]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "language", "{body}");
    }
);

db_test!(
    visitors_read_their_browsers_language_or_the_brands,
    |app: TestApp| async move {
        app.seed().await;
        app.set_brand_language("fr").await;
        let ask = |accept: &'static str| {
            let client = app.new_client();
            let url = app.url("/");
            async move {
                let req = client.get(url);
                let req = if accept.is_empty() {
                    req
                } else {
                    req.header(header::ACCEPT_LANGUAGE, accept)
                };
                let html = req.send().await.unwrap().text().await.unwrap();
                html.split("<html lang=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .unwrap_or_default()
                    .to_owned()
            }
        };
        assert_eq!(ask("en-GB,en;q=0.9").await, "en");
        assert_eq!(ask("de-DE, fr;q=0.5, en;q=0.4").await, "fr");
        assert_eq!(ask("de-DE").await, "fr", "the brand's language");
        assert_eq!(ask("").await, "fr");
        app.set_brand_language("en").await;
        assert_eq!(ask("de-DE").await, "en");
    }
);

db_test!(
    the_switcher_sets_a_cookie_and_a_signed_in_preference,
    |app: TestApp| async move {
        app.seed().await;
        app.set_brand_language("fr").await;
        let (_, tokens) = invited_to(&app, &[], "Ana Lima <ana@example.com>").await;
        let guest_page = format!("/i/{}", tokens[0]);

        // A guest of a French party chooses English, and is brought back.
        let guest = app.new_client();
        let res = post(
            &app,
            &guest,
            "/lang",
            &[("lang", "en".into()), ("back", guest_page.clone())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[header::LOCATION], guest_page.as_str());
        let cookie = res.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(cookie.starts_with("soiree_lang=en;"), "{cookie}");
        assert_eq!(page_lang(&guest, &app, &guest_page).await.0, "en");
        // Their mail stays in the party's language.
        let (subject, _) = read_mail(&latest_mail_to(&app, "ana@example.com").await);
        assert!(subject.contains("vous invite"), "{subject}");

        // Only a path on this site is gone back to; an unknown language is refused.
        for bad in ["//evil.example/x", "https://evil.example", "/\\evil"] {
            let res = post(
                &app,
                &app.new_client(),
                "/lang",
                &[("lang", "fr".into()), ("back", bad.into())],
            )
            .await;
            assert_eq!(res.headers()[header::LOCATION], "/", "{bad}");
        }
        let res = post(
            &app,
            &app.new_client(),
            "/lang",
            &[("lang", "de".into()), ("back", "/".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // A signed-in host's choice follows them to another browser.
        app.login(HOST.0, HOST.1).await;
        post(
            &app,
            &app.client,
            "/lang",
            &[("lang", "en".into()), ("back", "/host".into())],
        )
        .await;
        let elsewhere = app.new_client();
        app.login_with(&elsewhere, HOST.0, HOST.1).await;
        let res = elsewhere
            .get(app.url("/host"))
            .header(header::ACCEPT_LANGUAGE, "fr")
            .send()
            .await
            .unwrap();
        let html = res.text().await.unwrap();
        assert!(
            html.contains("<html lang=\"en\""),
            "the preference beats the browser"
        );
    }
);

db_test!(
    the_browser_loads_one_language_file_kept_for_a_year,
    |app: TestApp| async move {
        let (lang, html) = page_lang(&app.new_client(), &app, "/login").await;
        let href = html
            .split("name=\"soiree-l10n\" content=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("the page names its translations")
            .to_owned();
        assert!(href.starts_with(&format!("/l10n/{lang}.ftl?v=")), "{href}");
        let res = app.new_client().get(app.url(&href)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable"));
        let text = res.text().await.unwrap();
        assert!(text.contains("skip-to-content ="));
        let other = if lang == "fr" {
            "Skip to content"
        } else {
            "Aller au contenu"
        };
        assert!(!text.contains(other), "one language only");
        let res = app
            .new_client()
            .get(app.url("/l10n/de.ftl"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

/// English words that give away an untranslated French page (the pages'
/// own vocabulary: brand content is French in the test below).
const ENGLISH_GIVEAWAYS: &[&str] = &[
    "Your",
    "your",
    "Add to",
    "cart",
    "Cart",
    "Sign in",
    "Skip to",
    "Answer",
    "answer",
    "Order",
    "order",
    "Place the",
    "Delivery",
    "Shipping",
    "Hello",
    "Guests",
    "guests",
    "party",
    "Party",
    "Yes, I",
    "Send my",
    "Back to",
    "Items",
    "items",
    "Quantity",
    "Remove",
    "Pay",
    "Favourite",
    "Vote",
    "The collection",
    "Host",
    "host",
    "the",
    "and",
    "with",
    "of",
];

/// Whether `phrase` is in `text` as whole words (`Vote` is not in `Voter`).
fn has_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// `html` without its `<tag …>…</tag>` blocks.
fn without_blocks(html: &str, tag: &str) -> String {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut kept = String::new();
    let mut tail = html;
    while let Some(start) = tail.find(&open) {
        kept.push_str(&tail[..start]);
        tail = match tail[start..].find(&close) {
            Some(end) => &tail[start + end + close.len()..],
            None => "",
        };
    }
    kept.push_str(tail);
    kept
}

/// The text a person reads on a page: tags, scripts and styles removed.
fn visible_text(html: &str) -> String {
    let html = without_blocks(&without_blocks(html, "script"), "style");
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}

/// A message id left raw on a page (`guest-send-answer`).
fn raw_keys(text: &str) -> Vec<String> {
    let ids = app::base::l10n::keys::ALL;
    text.split(|c: char| c.is_whitespace() || ",.;:!?()«»\"".contains(c))
        .filter(|w| ids.contains(w))
        .map(str::to_owned)
        .collect()
}

db_test!(
    every_page_of_a_guest_reads_its_language_with_no_key_and_no_english_left,
    |app: TestApp| async move {
        app.seed().await;
        app.set_brand_language("fr").await;
        let (event, tokens) = invited_to(&app, &[], "Ana Lima <ana@example.com>").await;
        let ids = feature_items(&app, event, 1).await;
        // The brand's own words, in French as a French brand writes them.
        app::on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE items SET name = 'Bougie Feuille de figuier', description = 'Cire de soja et de colza, figue verte et cèdre.'
             WHERE id = $1"
        )
        .bind(ids[0])
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let slug = crate::helpers::turn_sharing_on(&app, event).await;
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        let res = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[0], "k-routes-0123456789ab", "home"),
        )
        .await;
        let code: String = res.json().await.unwrap();
        let token = &tokens[0];
        let pages = [
            format!("/i/{token}"),
            format!("/i/{token}/items/{}", ids[0]),
            format!("/i/{token}/cart"),
            format!("/s/{slug}"),
            format!("/s/{slug}/items/{}", ids[0]),
            format!("/s/{slug}/cart"),
            format!("/o/{code}"),
            "/no/such/page".to_owned(),
        ];
        for (lang, cookie) in [("fr", "soiree_lang=fr"), ("en", "soiree_lang=en")] {
            for path in &pages {
                let res = app
                    .new_client()
                    .get(app.url(path))
                    .header(header::COOKIE, cookie)
                    .send()
                    .await
                    .unwrap();
                let html = res.text().await.unwrap();
                assert!(
                    html.contains(&format!("<html lang=\"{lang}\"")),
                    "{lang} {path}"
                );
                let text = visible_text(&html);
                assert_eq!(
                    raw_keys(&text),
                    Vec::<String>::new(),
                    "{lang} {path}: a raw key"
                );
                if lang == "fr" {
                    let left: Vec<_> = ENGLISH_GIVEAWAYS
                        .iter()
                        .filter(|w| has_words(&text, w))
                        .collect();
                    assert!(
                        left.is_empty(),
                        "{path}: English left in French: {left:?}\n{text}"
                    );
                }
            }
        }
    }
);
