//! The host writes to a chosen group of guests; reminders follow the host's
//! choice and nudge those who have not answered; the last call to order
//! goes to invited guests who have not ordered.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        answer_rsvp, event_times, get_json, latest_mail_like, mails_to, orders_from, party, post,
        read_mail, test_config, TestApp, HOST, OTHER_HOST,
    },
};
use app::{invitations::ssr::send_due_mailings, on_db};

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

/// The host's message form for `event`.
fn message(
    event: i64,
    key: &str,
    audience: &str,
    subject: &str,
    text: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("event_id", event.to_string()),
        ("form[key]", key.to_owned()),
        ("form[audience]", audience.to_owned()),
        ("form[subject]", subject.to_owned()),
        ("form[text]", text.to_owned()),
    ]
}

async fn send(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&'static str, String)],
) -> (StatusCode, Value) {
    let res = post(app, client, "/api/send_guest_message", form).await;
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

db_test!(
    the_host_writes_to_a_chosen_group_of_guests_once_per_form,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 1).await;
        answer_rsvp(&app, &tokens[0], "yes").await;
        answer_rsvp(&app, &tokens[2], "no").await;

        let form = message(event, "key-yes-1", "yes", "Parking", "Park in the yard.");
        assert_eq!(
            send(&app, &app.client, &form).await,
            (StatusCode::OK, Value::from(1))
        );
        let (status, again) = send(&app, &app.client, &form).await;
        assert_eq!(
            (status, again),
            (StatusCode::OK, Value::from(1)),
            "a second send of the form"
        );
        assert_eq!(mails_to(&app, "ana@example.com", "Parking").await, 1);
        assert_eq!(mails_to(&app, "ben@example.com", "Parking").await, 0);
        let raw = latest_mail_like(&app, "ana@example.com", "Parking")
            .await
            .unwrap();
        assert!(
            raw.contains(&format!("Reply-To: \"Camille Martin\" <{}>", HOST.0))
                || raw.contains(HOST.0),
            "{raw}"
        );
        assert!(raw.contains("List-Unsubscribe"), "{raw}");
        let (_, text) = read_mail(&raw);
        assert!(
            text.contains("Park in the yard.") && text.contains(&format!("/i/{}", tokens[0])),
            "{text}"
        );

        let pending = message(
            event,
            "key-pending-1",
            "pending",
            "Will you come?",
            "Tell me!",
        );
        assert_eq!(send(&app, &app.client, &pending).await.1, Value::from(1));
        assert_eq!(mails_to(&app, "ben@example.com", "Will you come?").await, 1);
        let all = message(event, "key-all-1", "all", "Dress code", "Red.");
        assert_eq!(send(&app, &app.client, &all).await.1, Value::from(2));
        assert_eq!(
            mails_to(&app, "chloe@example.com", "Dress code").await,
            0,
            "she said no"
        );

        // Every mistake at once, next to its field, with what was typed kept.
        let (status, err) = send(
            &app,
            &app.client,
            &message(event, "key-bad", "friends", " ", ""),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<String> =
            std::iter::once(err["Invalid"]["field"].as_str().unwrap().to_owned())
                .chain(
                    err["Invalid"]["also"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a[0].as_str().unwrap().to_owned()),
                )
                .collect();
        assert_eq!(
            fields,
            ["audience", "message_subject", "message_text"],
            "{err}"
        );

        // The page lists what was sent; another host reaches nothing.
        let page = get_json(
            &app,
            &app.client,
            &format!("/api/guest_messages?event_id={event}"),
        )
        .await;
        assert_eq!(page["sent"].as_array().unwrap().len(), 3, "{page}");
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let (status, _) = send(
            &app,
            &other,
            &message(event, "key-other", "all", "Hi", "Hello"),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let res = other
            .get(app.url(&format!("/api/guest_messages?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

db_test!(
    reminders_follow_the_hosts_choice_and_nudge_those_who_have_not_answered,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 1).await;
        answer_rsvp(&app, &tokens[0], "yes").await;
        answer_rsvp(&app, &tokens[2], "no").await;
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE events SET reminders = 'both', kind = 'online', address = NULL, video_url = 'https://meet.example/candles' WHERE id = $1"
        )
        .bind(event)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let (starts, _) = event_times(&app, event).await;
        let config = test_config();

        let two_days = starts - chrono::Duration::hours(47);
        assert_eq!(
            send_due_mailings(&app.db, &config, two_days).await.unwrap(),
            2
        );
        assert_eq!(
            send_due_mailings(&app.db, &config, two_days).await.unwrap(),
            0,
            "once"
        );
        assert_eq!(mails_to(&app, "ana@example.com", "In 2 days: ").await, 1);
        assert_eq!(
            mails_to(&app, "ben@example.com", "Will you come? ").await,
            1
        );
        assert_eq!(
            mails_to(&app, "chloe@example.com", "%").await,
            1,
            "her invitation only"
        );
        let (_, text) = read_mail(
            &latest_mail_like(&app, "ana@example.com", "In 2 days: %")
                .await
                .unwrap(),
        );
        assert!(
            text.contains("https://meet.example/candles"),
            "a yes gets the video link: {text}"
        );
        let (_, nudge) = read_mail(
            &latest_mail_like(&app, "ben@example.com", "Will you come? %")
                .await
                .unwrap(),
        );
        assert!(!nudge.contains("meet.example"), "{nudge}");

        let day = starts - chrono::Duration::hours(23);
        assert_eq!(send_due_mailings(&app.db, &config, day).await.unwrap(), 2);
        assert_eq!(mails_to(&app, "ana@example.com", "Tomorrow: ").await, 1);

        // A host who chose no reminder: nothing goes out.
        let (quiet, _, _) = party(&app, "Dan Roy <dan@example.com>", 1).await;
        on_db!(app.db.writer(), |pool| sqlx::query(
            "UPDATE events SET reminders = 'none' WHERE id = $1"
        )
        .bind(quiet)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
        let (starts, _) = event_times(&app, quiet).await;
        for hours in [47, 23] {
            send_due_mailings(&app.db, &config, starts - chrono::Duration::hours(hours))
                .await
                .unwrap();
        }
        assert_eq!(
            mails_to(&app, "dan@example.com", "%").await,
            1,
            "the invitation only"
        );
    }
);

db_test!(
    the_last_call_goes_to_invited_guests_who_have_not_ordered,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 1).await;
        answer_rsvp(&app, &tokens[2], "no").await;
        orders_from(&app, &tokens[..1], items[0], 1).await;
        let (_, ends) = event_times(&app, event).await;
        let deadline: chrono::DateTime<chrono::Utc> =
            on_db!(app.db.reader(), |pool| sqlx::query_scalar(
                "SELECT orders_close_at FROM events WHERE id = $1"
            )
            .bind(event)
            .fetch_one(pool)
            .await)
            .unwrap();
        let config = test_config();
        // Just after the party: the thank-yous (to yes and maybe: none here).
        send_due_mailings(&app.db, &config, ends + chrono::Duration::hours(1))
            .await
            .unwrap();
        let last_days = deadline - chrono::Duration::hours(47);
        assert_eq!(
            send_due_mailings(&app.db, &config, last_days)
                .await
                .unwrap(),
            2
        );
        assert_eq!(
            send_due_mailings(&app.db, &config, last_days)
                .await
                .unwrap(),
            0,
            "once"
        );
        assert_eq!(
            mails_to(&app, "ana@example.com", "Last days to order: ").await,
            0,
            "she ordered"
        );
        assert_eq!(
            mails_to(&app, "ben@example.com", "Last days to order: ").await,
            1
        );
        assert_eq!(
            mails_to(&app, "chloe@example.com", "Last days to order: ").await,
            1,
            "a no may still order"
        );
        let (_, text) = read_mail(
            &latest_mail_like(&app, "ben@example.com", "Last days to order: %")
                .await
                .unwrap(),
        );
        assert!(text.contains(&format!("/i/{}", tokens[1])), "{text}");
        assert!(
            text.contains("List-Unsubscribe") || text.contains("/unsubscribe/"),
            "{text}"
        );
    }
);
