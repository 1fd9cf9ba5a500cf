//! The guest's invitation page kept per server (`server/src/kept_pages.rs`):
//! served again while what it is made from is the same, and rendered anew
//! at the first view after any change of it, whoever made the change (this
//! server, another one, or a statement straight to the database).

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::{db_test, helpers::*};

/// One view of a page.
struct View {
    status: StatusCode,
    /// `hit` (served as kept), `miss` (rendered and kept) or none.
    cache: Option<String>,
    nonce: Option<String>,
    /// The page with its nonce written `NONCE`.
    body: String,
}

/// Views `url` with no cookie but `cookie`, as a guest's phone would.
async fn view(url: &str, cookie: Option<&str>) -> View {
    let mut req = reqwest::Client::new().get(url);
    if let Some(cookie) = cookie {
        req = req.header(reqwest::header::COOKIE, cookie);
    }
    let res = req.send().await.expect("GET the page");
    let status = res.status();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let cache = header("x-cache");
    let nonce = header("content-security-policy").and_then(|csp| {
        let start = csp.find("'nonce-")? + "'nonce-".len();
        let len = csp[start..].find('\'')?;
        Some(csp[start..start + len].to_owned())
    });
    let text = res.text().await.expect("the page");
    let body = match &nonce {
        Some(nonce) => {
            // The page's inline style and scripts carry the header's nonce.
            assert!(
                text.contains(&format!("nonce=\"{nonce}\"")),
                "the page carries its header's nonce"
            );
            text.replace(nonce.as_str(), "NONCE")
        }
        None => text,
    };
    View {
        status,
        cache,
        nonce,
        body,
    }
}

/// Views `url` until it is served as kept: its first view renders it, and
/// the visit that view records changes the row it is made from.
async fn kept(url: &str, cookie: Option<&str>) -> View {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let v = view(url, cookie).await;
        assert_eq!(v.status, StatusCode::OK, "{url}");
        if v.cache.as_deref() == Some("hit") {
            return v;
        }
        assert!(Instant::now() < deadline, "{url} is never served as kept");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The guest's page as kept by the app, checked to be what a server that
/// keeps nothing renders for the same request; `what` names the change
/// before it, which the page must show.
async fn same_as_rendered(
    app: &TestApp,
    renderer: &SecondServer,
    path: &str,
    last: &str,
    what: &str,
) -> String {
    let kept = kept(&app.url(path), None).await;
    let fresh = view(&renderer.url(path), None).await;
    assert_eq!(fresh.cache, None, "the renderer keeps nothing");
    assert!(
        kept.body == fresh.body,
        "the kept page is the rendered one after: {what}"
    );
    assert!(kept.body != last, "the page shows: {what}");
    kept.body
}

db_test!(
    the_kept_page_follows_every_change_of_what_it_shows,
    |app: TestApp| async move {
        let (event, ids, tokens) =
            party(&app, "Ana <ana@example.com>\nBo <bo@example.com>", 3).await;
        let renderer = app
            .second_server_with(&[("KEPT_PAGES_MB", "0".into())])
            .await;
        let page = format!("/i/{}", tokens[0]);
        let same = |last: String, what: &'static str| {
            let (app, renderer, page) = (&app, &renderer, &page);
            async move { same_as_rendered(app, renderer, page, &last, what).await }
        };
        let first = view(&app.url(&page), None).await;
        assert_eq!(
            first.cache.as_deref(),
            Some("miss"),
            "the first view renders"
        );
        let mut last = same(String::new(), "the party").await;

        let guest = |form: Vec<(&'static str, String)>, path: &'static str| {
            let app = &app;
            async move {
                let res = post(app, &app.new_client(), path, &form).await;
                assert_eq!(res.status(), StatusCode::OK, "{path}");
            }
        };
        let token = || ("token", tokens[0].clone());
        guest(
            vec![
                token(),
                ("rsvp", "yes".into()),
                ("companions", "1".into()),
                ("note", "Je viens avec un gâteau".into()),
                ("news", "yes".into()),
            ],
            "/api/answer_invitation",
        )
        .await;
        last = same(last, "the guest's answer, note and news choice").await;
        assert!(last.contains("Je viens avec un gâteau"));
        guest(
            vec![
                token(),
                ("item_id", ids[1].to_string()),
                ("on", "true".into()),
            ],
            "/api/set_favourite",
        )
        .await;
        last = same(last, "a favourite").await;

        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let res = post(
            &app,
            &admin,
            "/api/create_poll",
            &[
                ("form[question]", "Quelle couleur ensuite ?".into()),
                ("form[labels][0]", "Sauge".into()),
                ("form[labels][1]", "Rouille".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let poll: i64 = res.json().await.unwrap();
        last = same(last, "the brand's new poll").await;
        assert!(last.contains("Quelle couleur ensuite ?"));
        let options: Vec<i64> = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM poll_options WHERE poll_id = $1 ORDER BY position"
        )
        .bind(poll)
        .fetch_all(pool)
        .await)
        .unwrap();
        let vote = |token: &String, option: i64| {
            vec![
                ("token", token.clone()),
                ("poll_id", poll.to_string()),
                ("option_id", option.to_string()),
            ]
        };
        guest(vote(&tokens[0], options[0]), "/api/vote").await;
        last = same(last, "the guest's vote and the results").await;
        guest(vote(&tokens[1], options[1]), "/api/vote").await;
        last = same(last, "another guest's vote in the results").await;

        write_by_id(
            &app,
            "UPDATE items SET price_cents = 98765 WHERE id = $1",
            ids[0],
        )
        .await;
        last = same(last, "an item's new price").await;
        assert!(last.contains("987"));
        write_by_id(
            &app,
            "UPDATE events SET title = 'Soirée renommée' WHERE id = $1",
            event,
        )
        .await;
        last = same(last, "the party's new title").await;
        write_by_id(&app,
            "UPDATE users SET display_name = 'Hôte Renommée' WHERE id = (SELECT host_id FROM events WHERE id = $1)",
            event,
        )
        .await;
        last = same(last, "the host's new name").await;
        guest(vec![token()], "/api/ask_to_host").await;
        last = same(last, "the guest's wish to host").await;
        app::on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE events SET cancelled_at = $1 WHERE id = $2"
        )
        .bind(chrono::Utc::now())
        .bind(event)
        .execute(pool)
        .await
        .map(|_| ()))
        .unwrap();
        same(last, "the party's cancellation").await;
    }
);

db_test!(
    the_clock_and_the_language_make_their_own_pages,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, "Ana <ana@example.com>", 2).await;
        let url = app.url(&format!("/i/{}", tokens[0]));
        // One page per language, each kept.
        let fr = kept(&url, Some("soiree_lang=fr")).await;
        let en = kept(&url, Some("soiree_lang=en")).await;
        assert!(fr.body.contains("<html lang=\"fr\""));
        assert!(en.body.contains("<html lang=\"en\""));
        assert_eq!(kept(&url, Some("soiree_lang=fr")).await.body, fr.body);
        // Each view has a nonce of its own, in its header and its page.
        let again = kept(&url, None).await;
        let other = kept(&url, None).await;
        assert!(again.nonce.is_some() && again.nonce != other.nonce);
        assert_eq!(again.body, other.body);

        // Orders close in two seconds: with nothing written, the clock
        // alone changes the page.
        set_order_deadline(
            &app,
            event,
            chrono::Utc::now() + chrono::Duration::seconds(2),
        )
        .await;
        let open = kept(&url, None).await;
        assert!(open.body.contains("data-testid=\"item-card\""));
        assert!(!open.body.contains("data-testid=\"party-over\""));
        tokio::time::sleep(Duration::from_millis(2500)).await;
        let closed = view(&url, None).await;
        assert_eq!(
            (closed.status, closed.cache.as_deref()),
            (StatusCode::OK, Some("miss"))
        );
        assert!(closed.body.contains("data-testid=\"party-over\""));
        assert!(!closed.body.contains("data-testid=\"item-card\""));
    }
);

db_test!(
    only_a_plain_view_of_a_live_link_is_kept,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, "Ana <ana@example.com>", 2).await;
        let page = format!("/i/{}", tokens[0]);
        kept(&app.url(&page), None).await;
        // A query (a form's result carried back), a signed-in person (their
        // name in the header) and any other cookie: rendered, not kept.
        let query = view(&app.url(&format!("{page}?x=1")), None).await;
        assert_eq!((query.status, query.cache), (StatusCode::OK, None));
        let signed_in = app.client.get(app.url(&page)).send().await.unwrap();
        assert_eq!(signed_in.status(), StatusCode::OK);
        assert!(signed_in.headers().get("x-cache").is_none());
        assert!(signed_in
            .text()
            .await
            .unwrap()
            .contains("data-testid=\"signed-in-as\""));
        let other = view(&app.url(&page), Some("soiree_visitor=abc")).await;
        assert_eq!(other.cache, None);
        // The guest's other pages are not kept.
        let cart = view(&app.url(&format!("{page}/cart")), None).await;
        assert_eq!((cart.status, cart.cache), (StatusCode::OK, None));
        // A revoked link is not found at once, kept page or not.
        write_by_id(
            &app,
            "UPDATE guests SET token_hash = 'revoked' WHERE event_id = $1",
            event,
        )
        .await;
        let gone = view(&app.url(&page), None).await;
        assert_eq!((gone.status, gone.cache), (StatusCode::NOT_FOUND, None));
    }
);

db_test!(
    a_view_served_as_kept_still_records_the_visit,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, "Ana <ana@example.com>", 2).await;
        let url = app.url(&format!("/i/{}", tokens[0]));
        // Seen 30 minutes ago; the party's "here" window (two hours before
        // the start) opens in two seconds.
        party_started_ago(
            &app,
            event,
            -(app::base::presence::PRESENT_FROM + chrono::Duration::seconds(2)),
        )
        .await;
        guests_last_seen_ago(&app, chrono::Duration::minutes(30)).await;
        let before = last_seen(&app, &tokens[0]).await.unwrap();
        kept(&url, None).await;
        assert_eq!(
            last_seen(&app, &tokens[0]).await,
            Some(before),
            "no visit due yet"
        );
        tokio::time::sleep(Duration::from_millis(2500)).await;
        // Nothing the page shows changed: it is served as kept, and the
        // visit inside the window is recorded.
        assert_eq!(view(&url, None).await.cache.as_deref(), Some("hit"));
        visit_recorded(&app, &tokens[0], before).await;
    }
);
