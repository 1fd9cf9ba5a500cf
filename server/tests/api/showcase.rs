//! The live event: kits become featured items, guests browse them with their
//! own link only, favourite them and vote once; the presentation counts.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        bare_order, brand_of_event, create_event, event_form, first_items_by_sku,
        guests_last_seen_ago, invitation_links, invitation_nonce, invited, last_seen, make_kit,
        party_started_ago, paste_guests, post, share_slug, visit_recorded, write_by_id, TestApp,
        ADMIN, HOST, KEY, OTHER_HOST,
    },
};

async fn featured_ids(app: &TestApp, client: &reqwest::Client, event: i64) -> Vec<i64> {
    let f: Value = client
        .get(app.url(&format!("/api/featured?event_id={event}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    f["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

async fn showcase(app: &TestApp, token: &str) -> Value {
    let res = app
        .new_client()
        .get(app.url(&format!("/api/guest_showcase?token={token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn guest_item(app: &TestApp, token: &str, item: i64) -> reqwest::Response {
    app.new_client()
        .get(app.url(&format!(
            "/api/showcase_item?token={token}&slug=&item_id={item}"
        )))
        .send()
        .await
        .unwrap()
}

db_test!(
    an_event_starts_from_a_kit_and_the_host_shapes_it,
    |app: TestApp| async move {
        app.seed().await;
        let ids = first_items_by_sku(&app, 6).await;
        let kit = make_kit(&app, "Autumn kit", &[ids[2], ids[0], ids[1]]).await;
        app.login(HOST.0, HOST.1).await;
        // A kit id that does not exist is refused on its field.
        let res = create_event(&app, &app.client, &[]).await;
        assert_eq!(res.status(), StatusCode::OK);
        let mut fields = event_form(&[]);
        fields.push(("form[kit]".into(), "999999".into()));
        let res = app
            .client
            .post(app.url("/api/create_event"))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"]["field"], "kit");

        let mut fields = event_form(&[]);
        fields.push(("form[kit]".into(), kit.to_string()));
        let event: i64 = app
            .client
            .post(app.url("/api/create_event"))
            .form(&fields)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            featured_ids(&app, &app.client, event).await,
            vec![ids[2], ids[0], ids[1]]
        );

        // Remove one, add another, move the new one to the front.
        let ev = event.to_string();
        post(
            &app,
            &app.client,
            "/api/remove_featured",
            &[("event_id", ev.clone()), ("item_id", ids[0].to_string())],
        )
        .await;
        let res = post(
            &app,
            &app.client,
            "/api/add_featured",
            &[("event_id", ev.clone()), ("item_id", ids[5].to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        // Adding twice changes nothing.
        post(
            &app,
            &app.client,
            "/api/add_featured",
            &[("event_id", ev.clone()), ("item_id", ids[5].to_string())],
        )
        .await;
        assert_eq!(
            featured_ids(&app, &app.client, event).await,
            vec![ids[2], ids[1], ids[5]]
        );
        for _ in 0..2 {
            post(
                &app,
                &app.client,
                "/api/move_featured",
                &[
                    ("event_id", ev.clone()),
                    ("item_id", ids[5].to_string()),
                    ("up", "true".into()),
                ],
            )
            .await;
        }
        assert_eq!(
            featured_ids(&app, &app.client, event).await,
            vec![ids[5], ids[2], ids[1]]
        );
        // Moving the first up again is harmless.
        post(
            &app,
            &app.client,
            "/api/move_featured",
            &[
                ("event_id", ev.clone()),
                ("item_id", ids[5].to_string()),
                ("up", "true".into()),
            ],
        )
        .await;
        assert_eq!(
            featured_ids(&app, &app.client, event).await,
            vec![ids[5], ids[2], ids[1]]
        );
        // "Move to top" and a drop at a place: one call each, whatever the distance.
        let place = |item: i64, position: &'static str| {
            let form = vec![
                ("event_id", ev.clone()),
                ("item_id", item.to_string()),
                ("position", position.to_owned()),
            ];
            let (app, client) = (&app, app.client.clone());
            async move { post(app, &client, "/api/place_featured", &form).await }
        };
        assert_eq!(place(ids[1], "0").await.status(), StatusCode::OK);
        assert_eq!(
            featured_ids(&app, &app.client, event).await,
            vec![ids[1], ids[5], ids[2]]
        );
        place(ids[1], "99").await;
        assert_eq!(
            featured_ids(&app, &app.client, event).await,
            vec![ids[5], ids[2], ids[1]]
        );
        assert_eq!(place(999_999, "0").await.status(), StatusCode::NOT_FOUND);

        // The guest sees exactly these, in this order.
        paste_guests(&app, &app.client, event, "Ana <ana@example.com>").await;
        post(
            &app,
            &app.client,
            "/api/send_invitations",
            &[("event_id", ev.clone())],
        )
        .await;
        let nonce = invitation_links(&app).await[0].2.clone().unwrap();
        let token = app::invitations::invite::token(KEY, &nonce);
        let s = showcase(&app, &token).await;
        let seen: Vec<i64> = s["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect();
        assert_eq!(seen, vec![ids[5], ids[2], ids[1]]);
        assert_eq!(s["personal"], true);

        // The kit itself is unchanged by the host's edits.
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let k: Value = admin
            .get(app.url(&format!("/api/kit_editor?id={kit}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            k["form"]["items"],
            serde_json::json!([ids[2], ids[0], ids[1]])
        );

        // Another host cannot change this event's items, nor see them.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let res = post(
            &app,
            &other,
            "/api/add_featured",
            &[("event_id", ev.clone()), ("item_id", ids[3].to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = post(
            &app,
            &other,
            "/api/remove_featured",
            &[("event_id", ev.clone()), ("item_id", ids[5].to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = other
            .get(app.url(&format!("/api/featured?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = other
            .get(app.url(&format!("/api/presentation?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(featured_ids(&app, &app.client, event).await.len(), 3);
    }
);

db_test!(
    a_guest_link_opens_only_its_own_event,
    |app: TestApp| async move {
        let (event, tokens) = invited(&app, "10", "Ana <ana@example.com>").await;
        let ids = first_items_by_sku(&app, 4).await;
        let ev = event.to_string();
        for id in &ids[..2] {
            post(
                &app,
                &app.client,
                "/api/add_featured",
                &[("event_id", ev.clone()), ("item_id", id.to_string())],
            )
            .await;
        }
        // Another host's event features another item.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let theirs: i64 = create_event(&app, &other, &[]).await.json().await.unwrap();
        post(
            &app,
            &other,
            "/api/add_featured",
            &[
                ("event_id", theirs.to_string()),
                ("item_id", ids[3].to_string()),
            ],
        )
        .await;

        let res = guest_item(&app, &tokens[0], ids[0]).await;
        assert_eq!(res.status(), StatusCode::OK);
        let item: Value = res.json().await.unwrap();
        assert_eq!(item["item"]["card"]["id"], ids[0]);
        // Not featured here (but in another event, or not at all): not found.
        for id in [ids[3], ids[2]] {
            assert_eq!(
                guest_item(&app, &tokens[0], id).await.status(),
                StatusCode::NOT_FOUND
            );
        }
        // A wrong token reads nothing.
        let res = guest_item(&app, "not-a-token", ids[0]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = app
            .new_client()
            .get(app.url("/api/guest_showcase?token=nope"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        // A guest cannot favourite an item of another event.
        let res = post(
            &app,
            &app.new_client(),
            "/api/set_favourite",
            &[
                ("token", tokens[0].clone()),
                ("item_id", ids[3].to_string()),
                ("on", "true".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        // The share link shows the items, without favourites.
        let slug = share_slug(&app, event).await;
        let shared: Value = app
            .new_client()
            .get(app.url(&format!("/api/shared_showcase?slug={slug}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(shared["items"].as_array().unwrap().len(), 2);
        assert_eq!(shared["personal"], false);
        let res = app
            .new_client()
            .get(app.url(&format!(
                "/api/showcase_item?token=&slug={slug}&item_id={}",
                ids[3]
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

db_test!(guests_keep_favourites, |app: TestApp| async move {
    let (event, tokens) = invited(&app, "10", "Ana <ana@example.com>\nBo <bo@example.com>").await;
    let ids = first_items_by_sku(&app, 3).await;
    for id in &ids {
        post(
            &app,
            &app.client,
            "/api/add_featured",
            &[("event_id", event.to_string()), ("item_id", id.to_string())],
        )
        .await;
    }
    let fav = |token: String, item: i64, on: bool| {
        let app = &app;
        async move {
            post(
                app,
                &app.new_client(),
                "/api/set_favourite",
                &[
                    ("token", token),
                    ("item_id", item.to_string()),
                    ("on", on.to_string()),
                ],
            )
            .await
        }
    };
    assert_eq!(
        fav(tokens[0].clone(), ids[1], true).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        fav(tokens[0].clone(), ids[1], true).await.status(),
        StatusCode::OK
    );
    fav(tokens[0].clone(), ids[2], true).await;
    assert_eq!(
        showcase(&app, &tokens[0]).await["favourites"],
        serde_json::json!([ids[1], ids[2]])
    );
    // Another guest's favourites are their own.
    assert_eq!(
        showcase(&app, &tokens[1]).await["favourites"],
        serde_json::json!([])
    );
    fav(tokens[0].clone(), ids[1], false).await;
    assert_eq!(
        showcase(&app, &tokens[0]).await["favourites"],
        serde_json::json!([ids[2]])
    );
    let item: Value = guest_item(&app, &tokens[0], ids[2])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(item["favourite"], true);
});

db_test!(
    one_vote_per_guest_and_results_after_voting,
    |app: TestApp| async move {
        let (event, tokens) =
            invited(&app, "10", "Ana <ana@example.com>\nBo <bo@example.com>").await;
        let ids = first_items_by_sku(&app, 1).await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        // Options: two free texts and an item (named after it).
        let res = post(
            &app,
            &admin,
            "/api/create_poll",
            &[
                ("form[question]", "Which colour next?".into()),
                ("form[labels][0]", "Sage".into()),
                ("form[labels][1]", "Rust".into()),
                ("form[labels][2]", String::new()),
                ("form[items][0]", String::new()),
                ("form[items][1]", String::new()),
                ("form[items][2]", ids[0].to_string()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let poll: i64 = res.json().await.unwrap();
        // One option is not a vote.
        let res = post(
            &app,
            &admin,
            "/api/create_poll",
            &[
                ("form[question]", "Q?".into()),
                ("form[labels][0]", "Only".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let s = showcase(&app, &tokens[0]).await;
        let p = &s["polls"][0];
        assert_eq!(p["question"], "Which colour next?");
        assert!(p["my_vote"].is_null());
        assert_eq!(p["total"], 0, "no results before voting");
        let options: Vec<i64> = p["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_i64().unwrap())
            .collect();
        assert_eq!(options.len(), 3);

        let vote = |token: &str, option: i64| {
            let form = vec![
                ("token", token.to_owned()),
                ("poll_id", poll.to_string()),
                ("option_id", option.to_string()),
            ];
            let app = &app;
            async move { post(app, &app.new_client(), "/api/vote", &form).await }
        };
        assert_eq!(vote(&tokens[0], options[0]).await.status(), StatusCode::OK);
        let again = vote(&tokens[0], options[1]).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = again.json().await.unwrap();
        assert!(body["Invalid"]["message"]
            .as_str()
            .unwrap()
            .contains("already voted"));
        assert_eq!(vote(&tokens[1], options[0]).await.status(), StatusCode::OK);
        // The same person invited to another party still has one vote.
        let host2 = app.new_client();
        app.login_with(&host2, OTHER_HOST.0, OTHER_HOST.1).await;
        let other_event: i64 = create_event(&app, &host2, &[]).await.json().await.unwrap();
        paste_guests(
            &app,
            &host2,
            other_event,
            "Ana again <ana@example.com>\nCy <cy@example.com>",
        )
        .await;
        post(
            &app,
            &host2,
            "/api/send_invitations",
            &[("event_id", other_event.to_string())],
        )
        .await;
        let token_of = |email: &'static str, event: i64| {
            let app = &app;
            async move {
                let nonce = invitation_nonce(app, event, email).await;
                app::invitations::invite::token(KEY, &nonce)
            }
        };
        let ana_again = token_of("ana@example.com", other_event).await;
        assert_eq!(
            vote(&ana_again, options[1]).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let cy = token_of("cy@example.com", other_event).await;
        assert_eq!(vote(&cy, options[2]).await.status(), StatusCode::OK);
        // An option of another poll, or no option, is refused.
        assert_eq!(
            vote(&tokens[1], 999_999).await.status(),
            StatusCode::NOT_FOUND
        );

        let s = showcase(&app, &tokens[0]).await;
        assert_eq!(s["polls"][0]["my_vote"], options[0]);
        assert_eq!(s["polls"][0]["total"], 3);
        assert_eq!(s["polls"][0]["options"][0]["votes"], 2);

        let r: Value = admin
            .get(app.url(&format!("/api/poll_results?id={poll}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(r["total"], 3);
        assert_eq!(
            r["options"][2]["label"],
            r["options"][2]["label"].as_str().unwrap()
        );
        let votes: Vec<i64> = r["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["votes"].as_i64().unwrap())
            .collect();
        assert_eq!(votes, vec![2, 0, 1]);
        let per_event = r["per_event"].as_array().unwrap();
        assert_eq!(per_event.len(), 2);
        assert_eq!(per_event[0]["event_id"], event);
        assert_eq!(per_event[0]["votes"], serde_json::json!([2, 0, 0]));
        assert_eq!(per_event[1]["votes"], serde_json::json!([0, 0, 1]));

        // Closed: no more votes; its voters see how it ended.
        post(
            &app,
            &admin,
            "/api/set_poll_open",
            &[("id", poll.to_string()), ("open", "false".into())],
        )
        .await;
        let open = showcase(&app, &tokens[1]).await;
        let ours: Vec<&Value> = open["polls"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["id"] == poll)
            .collect();
        assert_eq!(ours.len(), 1);
        assert_eq!(ours[0]["closed"], true);
    }
);

db_test!(
    the_presentation_shows_counts_and_no_personal_data,
    |app: TestApp| async move {
        let (event, tokens) =
            invited(&app, "10", "Ana <ana@example.com>\nBo <bo@example.com>").await;
        let ids = first_items_by_sku(&app, 2).await;
        for id in &ids {
            post(
                &app,
                &app.client,
                "/api/add_featured",
                &[("event_id", event.to_string()), ("item_id", id.to_string())],
            )
            .await;
        }
        // Ana says yes with a friend; Bo opens his page days before.
        post(
            &app,
            &app.new_client(),
            "/api/answer_invitation",
            &[
                ("token", tokens[0].clone()),
                ("rsvp", "yes".into()),
                ("companions", "1".into()),
            ],
        )
        .await;
        let before = chrono::Utc::now() - chrono::Duration::minutes(1);
        showcase(&app, &tokens[1]).await;
        visit_recorded(&app, &tokens[1], before).await;
        // The party has begun: Ana opens her page there, so she is "here".
        party_started_ago(&app, event, chrono::Duration::minutes(10)).await;
        guests_last_seen_ago(&app, chrono::Duration::days(3)).await;
        showcase(&app, &tokens[0]).await;
        visit_recorded(&app, &tokens[0], before).await;
        // Two orders, one cancelled.
        let brand = brand_of_event(&app, event).await;
        for (status, cents) in [("placed", 6400_i64), ("paid", 3200), ("cancelled", 9900)] {
            bare_order(&app, brand, event, status, cents).await;
        }
        let res = app
            .get(&format!("/api/presentation?event_id={event}"))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let text = res.text().await.unwrap();
        assert!(
            !text.contains("ana@example.com") && !text.contains("Ana"),
            "no guest data in the presentation"
        );
        let p: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(p["slides"].as_array().unwrap().len(), 2);
        assert!(p["qr_svg"].as_str().unwrap().starts_with("<svg"));
        assert_eq!(p["live"]["present"], 1);
        assert_eq!(p["live"]["coming"], 2);
        assert_eq!(p["live"]["orders"], 2);
        assert_eq!(p["live"]["sales"]["minor"], 9600);
        let live: Value = app
            .get(&format!("/api/live?event_id={event}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(live, p["live"]);
        // Guests and the brand admin cannot open the host's presentation.
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let res = admin
            .get(app.url(&format!("/api/live?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app
            .new_client()
            .get(app.url(&format!("/api/live?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
);

db_test!(
    guest_pages_load_their_data_once,
    |app: TestApp| async move {
        // A resource made inside a Suspense is made (and fetched) again each
        // time the server re-walks it: the page's data are made with the
        // page, and the page renders them once. Only islands hydrate, so the
        // page does not carry its data a second time for the browser.
        let (event, _, tokens) = crate::helpers::party(&app, "Ana Lima <ana@example.com>", 3).await;
        let slug = crate::helpers::turn_sharing_on(&app, event).await;
        for page in [format!("/i/{}", tokens[0]), format!("/s/{slug}")]
            .iter()
            .cycle()
            .take(6)
        {
            let html = crate::helpers::get_text(&app, &app.new_client(), page).await;
            assert_eq!(html.matches("data-testid=\"item-card\"").count(), 3);
            assert_eq!(
                html.matches(r#"{\"Ok\":{\"items\":["#).count(),
                0,
                "the showcase is not sent as hydration data on {page}"
            );
            if page.starts_with("/i/") {
                assert!(
                    html.contains("data-component=\"GuestLive_"),
                    "{page} has its live line"
                );
            }
        }
    }
);

db_test!(
    a_guest_s_visit_is_written_off_the_page_and_at_most_hourly,
    |app: TestApp| async move {
        let (event, tokens) = invited(&app, "10", "Ana <ana@example.com>").await;
        let start = chrono::Utc::now() - chrono::Duration::minutes(1);
        assert_eq!(last_seen(&app, &tokens[0]).await, None);
        showcase(&app, &tokens[0]).await;
        let first = visit_recorded(&app, &tokens[0], start).await;
        // Views within the hour write nothing.
        for _ in 0..3 {
            showcase(&app, &tokens[0]).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(last_seen(&app, &tokens[0]).await, Some(first));
        // An hour later, the next view is recorded.
        guests_last_seen_ago(&app, chrono::Duration::minutes(61)).await;
        let an_hour_ago = last_seen(&app, &tokens[0]).await.unwrap();
        showcase(&app, &tokens[0]).await;
        visit_recorded(&app, &tokens[0], an_hour_ago).await;
        // Seen 30 minutes ago, before the party's two hours began: the view
        // inside them is recorded at once (she is "here").
        party_started_ago(&app, event, chrono::Duration::minutes(-100)).await;
        guests_last_seen_ago(&app, chrono::Duration::minutes(30)).await;
        let before_window = last_seen(&app, &tokens[0]).await.unwrap();
        showcase(&app, &tokens[0]).await;
        visit_recorded(&app, &tokens[0], before_window).await;
    }
);

db_test!(
    a_guest_s_cards_follow_every_change_of_what_they_show,
    |app: TestApp| async move {
        // The server keeps a party's rendered cards while their stamp is
        // the same. Each change below is written straight to the database,
        // as another server (or any code path) would, and shows at the
        // next view: the triggers of migration 0030 bump the card's
        // version, the stamp carries stock and the featured list.
        let (event, ids, tokens) = crate::helpers::party(&app, "Ana <ana@example.com>", 3).await;
        let page = format!("/i/{}", tokens[0]);
        let slug = crate::helpers::turn_sharing_on(&app, event).await;
        let shared = format!("/s/{slug}");
        let view = || async {
            let guest = crate::helpers::get_text(&app, &app.new_client(), &page).await;
            let public = crate::helpers::get_text(&app, &app.new_client(), &shared).await;
            let cards = |html: &str| {
                let start = html.find("<ul class=\"item-grid\">").expect("the grid");
                let end = start + html[start..].find("</ul>").unwrap();
                html[start..end].to_owned()
            };
            let (guest, public) = (cards(&guest), cards(&public));
            // Both pages show the same cards, linked to their own pages.
            assert_eq!(
                guest.replace(&format!("/i/{}/", tokens[0]), "/"),
                public.replace(&format!("/s/{slug}/"), "/")
            );
            guest
        };
        let first = view().await;
        assert_eq!(first, view().await, "the same cards twice");
        assert_eq!(first.matches("data-testid=\"item-card\"").count(), 3);

        write_by_id(
            &app,
            "UPDATE items SET name = 'Lampe renommée' WHERE id = $1",
            ids[0],
        )
        .await;
        assert!(view().await.contains("Lampe renommée"), "a new name");
        write_by_id(
            &app,
            "UPDATE items SET price_cents = 98765 WHERE id = $1",
            ids[0],
        )
        .await;
        assert!(view().await.contains("987"), "a new price");
        write_by_id(
            &app,
            "UPDATE items SET category = 'Catégorie neuve' WHERE id = $1",
            ids[1],
        )
        .await;
        assert!(view().await.contains("Catégorie neuve"), "a new category");
        // The seeded catalog has its own translations: the item starts without.
        write_by_id(
            &app,
            "DELETE FROM translations WHERE kind = 'item' AND ref_id = $1",
            ids[2],
        )
        .await;
        for lang in ["fr", "en"] {
            app::on_db!(app.db.writer(), |pool| sqlx::query(
                "INSERT INTO translations (kind, ref_id, language, field, text)
                 VALUES ('item', $1, $2, 'name', 'Nom traduit')"
            )
            .bind(ids[2])
            .bind(lang)
            .execute(pool)
            .await
            .map(|_| ()))
            .unwrap();
        }
        assert!(view().await.contains("Nom traduit"), "a translated name");
        write_by_id(
            &app,
            "UPDATE translations SET text = 'Autre nom' WHERE kind = 'item' AND ref_id = $1",
            ids[2],
        )
        .await;
        assert!(view().await.contains("Autre nom"), "a translation changed");
        write_by_id(
            &app,
            "DELETE FROM translations WHERE kind = 'item' AND ref_id = $1",
            ids[2],
        )
        .await;
        assert!(!view().await.contains("Autre nom"), "a translation removed");
        app::on_db!(app.db.writer(), |pool| sqlx::query(
            "INSERT INTO item_photos (item_id, position, display_path, thumb_path, width, height, created_at)
             VALUES ($1, 1, 'cache-test.webp', 'cache-test-thumb.webp', 800, 600, $2)"
        )
        .bind(ids[1])
        .bind(chrono::Utc::now())
        .execute(pool)
        .await
        .map(|_| ()))
        .unwrap();
        assert!(
            view().await.contains("cache-test-thumb.webp"),
            "a first photo"
        );
        write_by_id(
            &app,
            "UPDATE item_photos SET thumb_path = 'other-thumb.webp' WHERE item_id = $1",
            ids[1],
        )
        .await;
        assert!(view().await.contains("other-thumb.webp"), "a photo changed");
        write_by_id(&app, "DELETE FROM item_photos WHERE item_id = $1", ids[1]).await;
        assert!(
            !view().await.contains("other-thumb.webp"),
            "a photo removed"
        );
        write_by_id(&app, "UPDATE items SET stock = 0 WHERE id = $1", ids[1]).await;
        assert_eq!(view().await.matches("sold-out").count(), 1, "sold out");
        write_by_id(&app, "UPDATE items SET stock = 3 WHERE id = $1", ids[1]).await;
        assert_eq!(
            view().await.matches("data-testid=\"stock-note\"").count(),
            1,
            "three left"
        );
        let brand = crate::helpers::brand_of_event(&app, event).await;
        write_by_id(
            &app,
            "UPDATE brands SET currency = 'GBP' WHERE id = $1",
            brand,
        )
        .await;
        assert!(view().await.contains('£'), "the brand's new currency");
        // The featured list: its order and its items.
        write_by_id(
            &app,
            "UPDATE event_items SET position = 0 WHERE item_id = $1",
            ids[2],
        )
        .await;
        let html = view().await;
        let at = |id: i64| html.find(&format!("/items/{id}\"")).unwrap();
        assert!(at(ids[2]) < at(ids[0]), "moved to the top");
        write_by_id(
            &app,
            "UPDATE items SET active = FALSE WHERE id = $1",
            ids[0],
        )
        .await;
        assert_eq!(
            view().await.matches("data-testid=\"item-card\"").count(),
            2,
            "an item withdrawn"
        );
        write_by_id(&app, "DELETE FROM event_items WHERE item_id = $1", ids[2]).await;
        assert_eq!(
            view().await.matches("data-testid=\"item-card\"").count(),
            1,
            "an item removed"
        );
    }
);
