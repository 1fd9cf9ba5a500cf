//! French and English: a party's guests read its language, from the
//! invitation's subject to the order's mail and pages; a visitor reads their
//! browser's; the switcher's choice beats both.

use reqwest::{header, StatusCode};

use crate::{
    db_test,
    helpers::{
        add_to_cart, checkout_form, feature_items, invited_to, latest_mail_to, place_order, post,
        read_mail, TestApp, HOST,
    },
};

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

/// The admin invites Rose Blanc to host; her welcome mail is queued.
async fn invite_rose(app: &TestApp, admin: &reqwest::Client) {
    let form = [
        ("form[name]", "Rose Blanc".to_owned()),
        ("form[email]", "rose@example.com".to_owned()),
        ("form[city]", "Nantes".to_owned()),
    ];
    let res = post(app, admin, "/api/invite_host", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
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
    // A host's and a brand admin's pages.
    "Settings",
    "Catalog",
    "Orders",
    "Save",
    "Dashboard",
    "Hosts",
    "Sign out",
    "Bookings",
    "Polls",
    "Report",
    "New",
    "Edit",
    "Cancel",
    "Delete",
    "Status",
    "Price",
    "Name",
    "Email",
    "Password",
    "Back",
    "Loading",
    "Not available",
    "Are you sure",
    "Please",
    "sign in",
    "Credit",
    "Welcome",
    "Apply",
    "Title",
    "Paid",
    "Placed",
    "Shipped",
    "Delivered",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
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

/// Writes in French what the demo brand wrote in English (its tagline,
/// items, kits and poll): brand content is data, not the pages' words.
async fn brand_words_in_french(app: &TestApp) {
    for sql in [
        "UPDATE brands SET tagline = 'Bougies, parfums et linge faits lentement en France.'",
        "UPDATE items SET name = 'Bougie ' || sku, description = 'Cire de soja et de colza, figue verte et cèdre.',
           category = 'Bougies', label_composition = 'Cire de colza', label_country = 'France',
           label_care = 'Coupez la mèche à 5 mm.', label_story = 'Coulée à la main près de Lyon.'",
        "UPDATE kits SET name = 'Coffret ' || id, description = 'Pour les soirées d’automne.'",
        "UPDATE polls SET question = 'Quel parfum pour cet hiver ?'",
        "UPDATE poll_options SET label = 'Parfum ' || position",
    ] {
        app::on_db!(app.db.writer(), |pool| sqlx::query(sql)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .unwrap();
    }
}

/// What the pages of a French brand show: a party of Camille's with Ana
/// invited, an item featured, shared, ordered by Ana (who asks to host a
/// party too), a fan's application, a kit, a poll, an API key and a
/// webhook that fails.
struct FrenchBrand {
    event: i64,
    item: i64,
    token: String,
    slug: String,
    code: String,
    order: i64,
    kit: i64,
    poll: i64,
    camille: i64,
}

async fn a_french_brand_with_a_party(app: &TestApp) -> FrenchBrand {
    app.seed().await;
    app.set_brand_language("fr").await;
    brand_words_in_french(app).await;
    crate::helpers::send_webhooks_to(app, "http://127.0.0.1:9/hook").await;
    let (event, tokens) = invited_to(
        app,
        &[
            ("title", "Soirée bougies"),
            ("description", "Des parfums pour l’hiver"),
        ],
        "Ana Lima <ana@example.com>",
    )
    .await;
    let ids = feature_items(app, event, 1).await;
    let slug = crate::helpers::turn_sharing_on(app, event).await;
    let token = tokens[0].clone();
    add_to_cart(app, &token, ids[0], 1).await;
    let mut form = checkout_form(&token, "k-routes-0123456789ab", "home");
    form.push(("form[wants_to_host]", "yes".into()));
    let res = place_order(app, &app.new_client(), &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let code: String = res.json().await.unwrap();
    let admin = crate::helpers::signed_in_admin(app).await;
    let res = post(
        app,
        &app.new_client(),
        "/api/apply_to_host",
        &[
            ("form[name]", "Nina Roux".into()),
            ("form[email]", "nina@example.com".into()),
            ("form[city]", "Lyon".into()),
            ("form[motivation]", "J’aime recevoir mes amies.".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = post(
        app,
        &admin,
        "/api/create_api_key",
        &[("name", "Tableur".into())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    FrenchBrand {
        event,
        item: ids[0],
        token,
        slug,
        code: code.clone(),
        order: crate::helpers::order_with_code(app, &code).await,
        kit: crate::helpers::first_kit_id(app).await,
        poll: crate::helpers::first_poll_id(app).await,
        camille: crate::helpers::user_id(app, HOST.0).await,
    }
}

/// The attributes a person reads or hears (a label read out, a hint in an
/// empty field, a tooltip, an image's text), one per line.
fn read_attributes(html: &str) -> String {
    let mut out = String::new();
    for name in ["aria-label", "placeholder", "title", "alt"] {
        let opening = format!(" {name}=\"");
        for (at, _) in html.match_indices(&opening) {
            let value = &html[at + opening.len()..];
            out.push_str(value.split('"').next().unwrap_or_default());
            out.push('\n');
        }
    }
    out.replace("&#x27;", "'").replace("&amp;", "&")
}

/// `text` without the identifiers it shows as they are (a path, a file,
/// time zone or event type name, an address): not words to translate.
fn prose(text: &str) -> String {
    text.split_whitespace()
        .filter(|token| {
            let inner = token
                .trim_start_matches(['(', '«', '"'])
                .trim_end_matches(|c: char| !c.is_alphanumeric());
            !inner.contains(['/', '_', '@', '.'])
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where `phrase` stands in `text` as whole words, with the words around it.
fn in_context(text: &str, phrase: &str) -> Vec<String> {
    text.match_indices(phrase)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        })
        .map(|(at, _)| {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |(i, _)| i);
            let to = text[at..]
                .char_indices()
                .nth(30 + phrase.len())
                .map_or(text.len(), |(i, _)| at + i);
            text[from..to]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Reads each of `pages` as `client` in French, then in English (chosen
/// with the switcher): each answers with its status, says its language
/// in `<html lang>`, leaves no message id raw and, in French, no English
/// word of the pages' own vocabulary, in its text or in the attributes
/// people read. Every page is read before the test fails, and its failure
/// names them all.
async fn every_page_reads(
    app: &TestApp,
    client: &reqwest::Client,
    who: &str,
    pages: &[(String, StatusCode)],
) {
    let mut problems = Vec::new();
    for lang in ["fr", "en"] {
        let res = post(
            app,
            client,
            "/lang",
            &[("lang", lang.into()), ("back", "/".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        for (path, status) in pages {
            let res = client.get(app.url(path)).send().await.unwrap();
            if res.status() != *status {
                problems.push(format!("{lang} {path}: status {}", res.status()));
            }
            let html = res.text().await.unwrap();
            if !html.contains(&format!("<html lang=\"{lang}\"")) {
                problems.push(format!("{lang} {path}: not <html lang=\"{lang}\">"));
            }
            let text = format!("{}\n{}", visible_text(&html), read_attributes(&html));
            let keys = raw_keys(&text);
            if !keys.is_empty() {
                problems.push(format!("{lang} {path}: raw keys {keys:?}"));
            }
            if lang == "fr" {
                let text = prose(&text);
                for word in ENGLISH_GIVEAWAYS.iter().filter(|w| has_words(&text, w)) {
                    problems.push(format!(
                        "{path}: English \"{word}\" in French: {:?}",
                        in_context(&text, word)
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{who}: {} problems\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// `paths`, each expected to answer 200.
fn found(paths: &[String]) -> Vec<(String, StatusCode)> {
    paths.iter().map(|p| (p.clone(), StatusCode::OK)).collect()
}

db_test!(
    every_page_of_a_visitor_reads_its_language_with_no_key_and_no_english_left,
    |app: TestApp| async move {
        let brand = a_french_brand_with_a_party(&app).await;
        // A fan the brand invites to host sets their password here.
        let admin = crate::helpers::signed_in_admin(&app).await;
        invite_rose(&app, &admin).await;
        let welcome = crate::helpers::welcome_token(&app, "rose@example.com").await;
        let mut pages = found(&[
            "/".to_owned(),
            "/login".to_owned(),
            "/login?next=/host".to_owned(),
            "/become-a-host".to_owned(),
            format!("/items/{}", brand.item),
            format!("/welcome/{welcome}"),
        ]);
        pages.push(("/welcome/no-such-link".to_owned(), StatusCode::OK));
        pages.push(("/no/such/page".to_owned(), StatusCode::NOT_FOUND));
        every_page_reads(&app, &app.new_client(), "visitor", &pages).await;
    }
);

db_test!(
    every_page_of_a_host_reads_its_language_with_no_key_and_no_english_left,
    |app: TestApp| async move {
        let brand = a_french_brand_with_a_party(&app).await;
        let host = app.new_client();
        app.login_with(&host, HOST.0, HOST.1).await;
        let event = brand.event;
        let mut pages = found(&[
            "/host".to_owned(),
            "/host/events/new".to_owned(),
            format!("/host/events/{event}"),
            format!("/host/events/{event}/edit"),
            format!("/host/events/{event}/present"),
            format!("/host/events/{event}/report"),
            "/host/performance".to_owned(),
            "/host/credit".to_owned(),
        ]);
        // A host on the brand's pages is refused in their language; a
        // party that is not theirs is not found.
        pages.push(("/brand/settings".to_owned(), StatusCode::FORBIDDEN));
        pages.push(("/host/events/999999".to_owned(), StatusCode::NOT_FOUND));
        every_page_reads(&app, &host, "host", &pages).await;
    }
);

db_test!(
    every_page_of_a_brand_admin_reads_its_language_with_no_key_and_no_english_left,
    |app: TestApp| async move {
        let brand = a_french_brand_with_a_party(&app).await;
        let admin = crate::helpers::signed_in_admin(&app).await;
        let FrenchBrand {
            event,
            item,
            order,
            kit,
            poll,
            camille,
            ..
        } = brand;
        let mut pages = found(&[
            "/brand".to_owned(),
            "/brand/hosts".to_owned(),
            format!("/brand/hosts/{camille}"),
            format!("/brand/events/{event}/report"),
            "/brand/catalog".to_owned(),
            "/brand/catalog/new".to_owned(),
            format!("/brand/catalog/{item}"),
            "/brand/kits".to_owned(),
            "/brand/kits/new".to_owned(),
            format!("/brand/kits/{kit}"),
            "/brand/orders".to_owned(),
            format!("/brand/orders/{order}"),
            "/brand/settings".to_owned(),
            "/brand/webhooks".to_owned(),
            "/brand/votes".to_owned(),
            format!("/brand/votes/{poll}"),
            "/brand/exports".to_owned(),
            "/brand/api-keys".to_owned(),
            "/brand/bookings".to_owned(),
            // The party's own pages, which the brand reads too.
            format!("/s/{}", brand.slug),
            format!("/o/{}", brand.code),
        ]);
        // An admin on a host's page is refused in their language.
        pages.push(("/host/credit".to_owned(), StatusCode::FORBIDDEN));
        every_page_reads(&app, &admin, "admin", &pages).await;
    }
);

db_test!(
    a_new_host_is_welcomed_in_the_language_they_read,
    |app: TestApp| async move {
        app.seed().await;
        app.set_brand_language("fr").await;
        let admin = crate::helpers::signed_in_admin(&app).await;
        // A fan the French brand invites reads its language…
        invite_rose(&app, &admin).await;
        let (subject, text) = read_mail(&latest_mail_to(&app, "rose@example.com").await);
        assert_eq!(subject, "Atelier Lumen\u{a0}: bienvenue parmi nos hôtes");
        assert!(text.starts_with("Bonjour Rose Blanc,"), "{text}");
        assert!(text.contains("vous invite à devenir"), "{text}");
        assert!(text.contains("48 heures"), "{text}");

        // …and a guest of its English party who asked to host, the party's.
        let (event, tokens) =
            invited_to(&app, &[("language", "en")], "Ana Lima <ana@example.com>").await;
        let ids = feature_items(&app, event, 1).await;
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        let mut form = checkout_form(&tokens[0], "k-welcome-0123456789ab", "host");
        form.push(("form[wants_to_host]", "yes".into()));
        let res = place_order(&app, &app.new_client(), &form).await;
        assert_eq!(res.status(), StatusCode::OK);
        let asked: i64 = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM booking_requests WHERE email = 'ana@example.com'"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        let res = post(
            &app,
            &admin,
            "/api/decide_booking",
            &[("id", asked.to_string()), ("approve", "true".into())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let (subject, text) = read_mail(&latest_mail_to(&app, "ana@example.com").await);
        assert_eq!(subject, "Welcome to the Atelier Lumen hosts");
        assert!(text.starts_with("Hello Ana Lima,"), "{text}");
        assert!(text.contains("Good news"), "{text}");
    }
);

db_test!(
    a_refusal_reads_in_the_language_of_its_page,
    |app: TestApp| async move {
        let brand = a_french_brand_with_a_party(&app).await;
        let admin = crate::helpers::signed_in_admin(&app).await;
        post(
            &app,
            &admin,
            "/lang",
            &[("lang", "fr".into()), ("back", "/brand".into())],
        )
        .await;
        let refusal = |res: reqwest::Response| async move {
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let body: serde_json::Value = res.json().await.unwrap();
            let mut said = vec![body["Invalid"]["message"].as_str().unwrap().to_owned()];
            for also in body["Invalid"]["also"].as_array().into_iter().flatten() {
                said.push(also[1].as_str().unwrap().to_owned());
            }
            said
        };
        // An email and an account that exists, as the brand invites a host.
        let invite = |email: &'static str| {
            let form = [
                ("form[name]", "Rose Blanc".to_owned()),
                ("form[email]", email.to_owned()),
                ("form[city]", "Nantes".to_owned()),
            ];
            let (app, admin) = (&app, &admin);
            async move { post(app, admin, "/api/invite_host", &form).await }
        };
        assert_eq!(
            refusal(invite("rose").await).await,
            ["Saisissez une adresse e-mail de la forme nom@exemple.fr."]
        );
        assert_eq!(
            refusal(invite(HOST.0).await).await,
            [format!("{} a déjà un compte.", HOST.0)]
        );
        // The bank account for transfers.
        let res = post(
            &app,
            &admin,
            "/api/save_bank_details",
            &[
                ("form[iban]", "FR76 3000 6000 0112 3456 7890 188".into()),
                ("form[bic]", "BNPA".into()),
                ("form[account_name]", "Atelier Lumen".into()),
            ],
        )
        .await;
        let said = refusal(res).await;
        assert!(
            said[0].starts_with("Cet IBAN contient une faute de frappe"),
            "{said:?}"
        );
        assert!(
            said[1].starts_with("Saisissez le BIC de la banque"),
            "{said:?}"
        );
        // An order shipped with no parcel, or moved where it cannot go.
        let ship = |status: &'static str| {
            crate::helpers::set_order_status(&app, &admin, brand.order, status, "", "")
        };
        assert_eq!(
            refusal(ship("delivered").await).await,
            ["Une commande au statut «\u{a0}enregistrée\u{a0}» ne peut pas passer au statut «\u{a0}livrée\u{a0}»."]
        );
        // The guest's cart, on a French page.
        let guest = app.new_client();
        let res = guest
            .post(app.url("/api/add_to_cart"))
            .header(header::COOKIE, "soiree_lang=fr")
            .form(&[
                ("token", brand.token.clone()),
                ("slug", String::new()),
                ("item_id", brand.item.to_string()),
                ("quantity", "0".into()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(
            refusal(res).await,
            ["Choisissez une quantité d’au moins 1."]
        );
    }
);
