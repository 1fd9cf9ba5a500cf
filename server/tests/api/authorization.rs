//! The authorization sweep: every brand-admin and host server function,
//! called by another brand's admin, another brand's host or another host of
//! the same brand with this brand's ids, answers 404 (or 403 for the wrong
//! role) and never shows or changes anything.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        add_to_cart, booking_requests_with_status, checkout_form, event_form,
        fail_every_webhook_delivery, featured_item_count, first_kit_id, first_poll_id, guest_count,
        host_applications_with_status, open_events_not_titled, orders_with_status, other_brand,
        outbox_count, party, place_order, post, send_webhooks_to, suspended_user_count,
        the_booking_request_id, the_guest_id, the_host_application_id, the_order_id,
        the_webhook_delivery_id, user_id, TestApp, ADMIN, HOST, OTHER_HOST,
    },
};

/// What a sweep call is: a GET with a query, or a form POST.
enum Call {
    Get(String),
    Post(&'static str, Vec<(&'static str, String)>),
}

async fn send(app: &TestApp, client: &reqwest::Client, call: &Call) -> (StatusCode, String) {
    let res = match call {
        Call::Get(path) => client.get(app.url(path)).send().await.unwrap(),
        Call::Post(path, form) => post(app, client, path, form).await,
    };
    let status = res.status();
    (status, res.text().await.unwrap())
}

fn name(call: &Call) -> String {
    match call {
        Call::Get(p) => format!("GET {p}"),
        Call::Post(p, _) => format!("POST {p}"),
    }
}

db_test!(
    every_brand_and_host_function_refuses_others_data,
    |app: TestApp| async move {
        // Brand A (the demo): a party of Camille with a guest, an order, a
        // webhook delivery, a booking request, a closed-party credit.
        let (event, ids, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        send_webhooks_to(&app, "http://127.0.0.1:9/none").await;
        add_to_cart(&app, &tokens[0], ids[0], 1).await;
        let mut form = checkout_form(&tokens[0], "key-sweep-0123456789abcdef", "host");
        form.push(("form[wants_to_host]", "yes".into()));
        assert_eq!(
            place_order(&app, &app.new_client(), &form).await.status(),
            StatusCode::OK
        );
        let order = the_order_id(&app).await;
        let guest = the_guest_id(&app).await;
        let delivery = the_webhook_delivery_id(&app).await;
        let booking = the_booking_request_id(&app).await;
        let kit = first_kit_id(&app).await;
        let poll = first_poll_id(&app).await;
        let item = ids[0];
        fail_every_webhook_delivery(&app).await;
        other_brand(&app).await;
        // A fan's application to the demo brand.
        let res = post(
            &app,
            &app.new_client(),
            "/api/apply_to_host",
            &[
                ("form[name]", "Nina Roux".into()),
                ("form[email]", "nina@example.com".into()),
                ("form[city]", "Lyon".into()),
                ("form[motivation]", "I love every candle you make.".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let application = the_host_application_id(&app).await;
        let camille = user_id(&app, HOST.0).await;

        let brand_calls = vec![
            Call::Get(format!("/api/host_report?id={camille}")),
            Call::Post(
                "/api/set_host_suspended",
                vec![("id", camille.to_string()), ("suspended", "true".into())],
            ),
            Call::Post(
                "/api/decide_application",
                vec![("id", application.to_string()), ("approve", "true".into())],
            ),
            Call::Get(format!("/api/brand_order?id={order}")),
            Call::Post(
                "/api/set_order_status",
                vec![
                    ("id", order.to_string()),
                    ("status", "paid".into()),
                    ("carrier", String::new()),
                    ("tracking_number", String::new()),
                ],
            ),
            Call::Post(
                "/api/bulk_order_status",
                vec![("ids[0]", order.to_string()), ("status", "paid".into())],
            ),
            Call::Post("/api/retry_webhook", vec![("id", delivery.to_string())]),
            Call::Post(
                "/api/decide_booking",
                vec![("id", booking.to_string()), ("approve", "true".into())],
            ),
            Call::Get(format!("/api/kit_editor?id={kit}")),
            Call::Post(
                "/api/save_kit",
                vec![
                    ("id", kit.to_string()),
                    ("form[name]", "Stolen".into()),
                    ("form[description]", String::new()),
                ],
            ),
            Call::Get(format!("/api/item_editor?id={item}")),
            Call::Post(
                "/api/archive_item",
                vec![("id", item.to_string()), ("archived", "true".into())],
            ),
            Call::Post(
                "/api/delete_item_photo",
                vec![("item_id", item.to_string()), ("photo_id", "1".into())],
            ),
            Call::Get(format!("/api/poll_results?id={poll}")),
            Call::Post(
                "/api/set_poll_open",
                vec![("id", poll.to_string()), ("open", "false".into())],
            ),
        ];
        let host_calls = vec![
            Call::Get(format!("/api/event_report?id={event}")),
            Call::Get(format!("/api/event?id={event}")),
            Call::Post("/api/update_event", {
                let mut f: Vec<(&'static str, String)> = event_form(&[("title", "Stolen")])
                    .into_iter()
                    .map(|(k, v)| (&*Box::leak(k.into_boxed_str()), v))
                    .collect();
                f.push(("id", event.to_string()));
                f
            }),
            Call::Post("/api/cancel_event", vec![("id", event.to_string())]),
            Call::Post(
                "/api/set_sharing",
                vec![("id", event.to_string()), ("enabled", "false".into())],
            ),
            Call::Get(format!("/api/guests?event_id={event}")),
            Call::Post(
                "/api/add_guest",
                vec![
                    ("event_id", event.to_string()),
                    ("name", "Eve".into()),
                    ("email", "eve@example.com".into()),
                ],
            ),
            Call::Post(
                "/api/add_guests",
                vec![
                    ("event_id", event.to_string()),
                    ("text", "eve@example.com".into()),
                ],
            ),
            Call::Post(
                "/api/send_invitations",
                vec![("event_id", event.to_string())],
            ),
            Call::Post(
                "/api/resend_invitation",
                vec![
                    ("event_id", event.to_string()),
                    ("guest_id", guest.to_string()),
                ],
            ),
            Call::Post(
                "/api/revoke_invitation",
                vec![
                    ("event_id", event.to_string()),
                    ("guest_id", guest.to_string()),
                ],
            ),
            Call::Post(
                "/api/remove_guest",
                vec![
                    ("event_id", event.to_string()),
                    ("guest_id", guest.to_string()),
                ],
            ),
            Call::Get(format!("/api/featured?event_id={event}")),
            Call::Post(
                "/api/add_featured",
                vec![
                    ("event_id", event.to_string()),
                    ("item_id", ids[0].to_string()),
                ],
            ),
            Call::Post(
                "/api/remove_featured",
                vec![
                    ("event_id", event.to_string()),
                    ("item_id", ids[0].to_string()),
                ],
            ),
            Call::Post(
                "/api/move_featured",
                vec![
                    ("event_id", event.to_string()),
                    ("item_id", ids[0].to_string()),
                    ("up", "true".into()),
                ],
            ),
            Call::Post(
                "/api/place_featured",
                vec![
                    ("event_id", event.to_string()),
                    ("item_id", ids[0].to_string()),
                    ("position", "0".into()),
                ],
            ),
            Call::Get(format!("/api/presentation?event_id={event}")),
            Call::Get(format!("/api/pick_list?id={event}")),
            Call::Get(format!("/host/events/{event}/pick-list.csv")),
            Call::Get(format!("/api/live?event_id={event}")),
            Call::Get(format!("/api/reward_panel?event_id={event}")),
            Call::Post("/api/close_event", vec![("event_id", event.to_string())]),
            Call::Get(format!("/api/friend_order_form?event_id={event}")),
            Call::Post(
                "/api/order_for_friend",
                vec![
                    ("event_id", event.to_string()),
                    ("form[key]", "stolen-friend-order-key-0123".into()),
                    ("form[name]", "Eve".into()),
                    ("form[email]", "eve@example.com".into()),
                    ("form[delivery]", "host".into()),
                    ("form[items][1]", "1".into()),
                ],
            ),
            Call::Get(format!("/api/cohosts?event_id={event}")),
            Call::Post(
                "/api/add_cohost",
                vec![
                    ("event_id", event.to_string()),
                    ("form[name]", "Eve".into()),
                    ("form[email]", "eve@example.com".into()),
                ],
            ),
            Call::Post(
                "/api/remove_cohost",
                vec![("event_id", event.to_string()), ("user_id", "1".into())],
            ),
        ];
        let before = what_callers_could_change(&app).await;

        let rival_admin = app.new_client();
        app.login_with(&rival_admin, "boss@rival.example", "rival-pass-2026")
            .await;
        let rival_host = app.new_client();
        app.login_with(&rival_host, "host@rival.example", "rival-pass-2026")
            .await;
        let other_host = app.new_client();
        app.login_with(&other_host, OTHER_HOST.0, OTHER_HOST.1)
            .await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let anonymous = app.new_client();

        let mut failures = Vec::new();
        let mut expect = |who: &str, call: &Call, got: (StatusCode, String), want: StatusCode| {
            if got.0 != want {
                failures.push(format!(
                    "{who} {}: {} (want {want}) {}",
                    name(call),
                    got.0,
                    got.1.chars().take(120).collect::<String>()
                ));
            }
        };
        for call in &brand_calls {
            expect(
                "rival admin",
                call,
                send(&app, &rival_admin, call).await,
                StatusCode::NOT_FOUND,
            );
            expect(
                "host",
                call,
                send(&app, &app.client, call).await,
                StatusCode::FORBIDDEN,
            );
            expect(
                "anonymous",
                call,
                send(&app, &anonymous, call).await,
                StatusCode::UNAUTHORIZED,
            );
        }
        for call in &host_calls {
            expect(
                "rival host",
                call,
                send(&app, &rival_host, call).await,
                StatusCode::NOT_FOUND,
            );
            expect(
                "other host",
                call,
                send(&app, &other_host, call).await,
                StatusCode::NOT_FOUND,
            );
            expect(
                "rival admin",
                call,
                {
                    // A brand admin is refused host-only functions by role
                    // (403); another brand's party is not found (404).
                    let got = send(&app, &rival_admin, call).await;
                    if got.0 == StatusCode::FORBIDDEN {
                        (StatusCode::NOT_FOUND, got.1)
                    } else {
                        got
                    }
                },
                StatusCode::NOT_FOUND,
            );
            expect(
                "anonymous",
                call,
                send(&app, &anonymous, call).await,
                StatusCode::UNAUTHORIZED,
            );
        }
        assert!(
            failures.is_empty(),
            "{} refusals went wrong:\n{}",
            failures.len(),
            failures.join("\n")
        );

        // The lists of another brand hold none of this brand's data.
        for (path, empty) in [
            ("/api/brand_orders?query[status]=&query[event]=&query[host]=&query[from]=&query[to]=&query[page]=1", "rows"),
            ("/api/webhook_deliveries", "rows"),
        ] {
            let v: Value = rival_admin.get(app.url(path)).send().await.unwrap().json().await.unwrap();
            assert_eq!(v[empty], serde_json::json!([]), "{path}");
        }
        let v: Value = rival_admin
            .get(app.url("/api/booking_requests"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v, serde_json::json!([]));
        let v: Value = rival_admin
            .get(app.url("/api/kits"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v, serde_json::json!([]));
        let v: Value = rival_admin
            .get(app.url("/api/reward_rules"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v["from"][0], "150", "its own (default) rules");
        let v: Value = rival_host
            .get(app.url("/api/host_credit"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v["entries"], serde_json::json!([]));
        let v: Value = rival_host
            .get(app.url("/api/credit_page"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            v["items"],
            serde_json::json!([]),
            "no items of another brand to order"
        );
        // Host-only functions refuse the brand admin.
        for path in ["/api/host_credit", "/api/credit_page"] {
            assert_eq!(
                admin.get(app.url(path)).send().await.unwrap().status(),
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }

        // Nothing changed.
        let after = what_callers_could_change(&app).await;
        assert_eq!(before, after);
        let _ = (delivery, kit);
    }
);

/// The counts a refused caller could have moved: the same before and after
/// the calls, or something went through.
async fn what_callers_could_change(app: &TestApp) -> [i64; 8] {
    [
        guest_count(app).await,
        featured_item_count(app).await,
        outbox_count(app).await,
        open_events_not_titled(app, "Stolen").await,
        orders_with_status(app, "placed").await,
        booking_requests_with_status(app, "pending").await,
        host_applications_with_status(app, "pending").await,
        suspended_user_count(app).await,
    ]
}
