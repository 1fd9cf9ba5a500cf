//! A party that moves or is called off reaches the calendars of the guests
//! who are coming: every file of a party has the same UID, and each change
//! raises its SEQUENCE.

use reqwest::StatusCode;

use crate::{
    db_test,
    helpers::{
        answer_rsvp, calendar_of, event_form, latest_mail_like, mails_to, party, post, TestApp,
    },
};

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

/// The host sends the party's form with `changes`.
async fn edit(app: &TestApp, event: i64, changes: &[(&str, &str)]) {
    let mut form = event_form(changes);
    form.push(("id".into(), event.to_string()));
    let res = app
        .client
        .post(app.url("/api/update_event"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

/// The calendar file of the latest mail to `email` whose subject is LIKE
/// `pattern`.
async fn calendar(app: &TestApp, email: &str, pattern: &str) -> String {
    let raw = latest_mail_like(app, email, pattern)
        .await
        .unwrap_or_else(|| panic!("a mail {pattern} to {email}"));
    calendar_of(&raw).expect("a calendar file")
}

fn line<'a>(ics: &'a str, name: &str) -> &'a str {
    ics.split("\r\n")
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("{name} in {ics}"))
}

db_test!(
    moving_the_party_moves_it_in_the_calendars_of_those_coming,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 1).await;
        answer_rsvp(&app, &tokens[0], "yes").await;
        answer_rsvp(&app, &tokens[1], "maybe").await;
        answer_rsvp(&app, &tokens[2], "no").await;
        let invited = calendar(&app, "ana@example.com", "%invites you%").await;
        let uid = line(&invited, "UID:").to_owned();
        assert_eq!(
            uid,
            format!("UID:event-{event}@{}", app.config.mail.message_id_host)
        );
        assert_eq!(line(&invited, "SEQUENCE:"), "SEQUENCE:0");
        assert!(
            !invited.contains("LOCATION"),
            "no address before a yes: {invited}"
        );

        // A new title moves nothing: nobody is mailed.
        edit(&app, event, &[("title", "Candle & wine evening")]).await;
        for guest in ["ana", "ben", "chloe"] {
            assert_eq!(
                mails_to(&app, &format!("{guest}@example.com"), "Changed: ").await,
                0
            );
        }

        // A day later, somewhere else: those coming get the new entry.
        let day = (chrono::Utc::now() + chrono::Duration::days(8))
            .format("%Y-%m-%d")
            .to_string();
        let (starts, ends) = (format!("{day}T19:00"), format!("{day}T22:00"));
        let changes = [
            ("title", "Candle & wine evening"),
            ("starts_at", starts.as_str()),
            ("ends_at", ends.as_str()),
            ("address", "9 rue Saint-Jean, Lyon"),
        ];
        edit(&app, event, &changes).await;
        assert_eq!(
            mails_to(&app, "ana@example.com", "Changed: Candle & wine evening").await,
            1
        );
        assert_eq!(mails_to(&app, "ben@example.com", "Changed: ").await, 1);
        assert_eq!(
            mails_to(&app, "chloe@example.com", "Changed: ").await,
            0,
            "she said no"
        );
        let moved = calendar(&app, "ana@example.com", "Changed: %").await;
        assert_eq!(line(&moved, "UID:"), uid, "the same entry");
        assert_eq!(line(&moved, "SEQUENCE:"), "SEQUENCE:1");
        assert_eq!(
            line(&moved, "DTSTART"),
            format!("DTSTART;TZID=Europe/Paris:{}T190000", day.replace('-', ""))
        );
        assert_eq!(
            line(&moved, "LOCATION:"),
            "LOCATION:9 rue Saint-Jean\\, Lyon"
        );
        assert_eq!(line(&moved, "STATUS:"), "STATUS:CONFIRMED");
        let maybe = calendar(&app, "ben@example.com", "Changed: %").await;
        assert!(
            !maybe.contains("LOCATION"),
            "the address is for a yes: {maybe}"
        );
        let (_, text) = crate::helpers::read_mail(
            &latest_mail_like(&app, "ana@example.com", "Changed: %")
                .await
                .unwrap(),
        );
        assert!(text.contains("at 9 rue Saint-Jean, Lyon"), "{text}");

        // Called off: the same entry, cancelled, for everyone still invited.
        let res = post(
            &app,
            &app.client,
            "/api/cancel_event",
            &[("id", event.to_string())],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        for guest in ["ana@example.com", "ben@example.com"] {
            let off = calendar(&app, guest, "Cancelled: %").await;
            assert_eq!(line(&off, "UID:"), uid);
            assert_eq!(line(&off, "SEQUENCE:"), "SEQUENCE:2");
            assert_eq!(line(&off, "STATUS:"), "STATUS:CANCELLED");
            assert_eq!(line(&off, "METHOD:"), "METHOD:PUBLISH");
        }
        assert_eq!(mails_to(&app, "chloe@example.com", "Cancelled: ").await, 0);
    }
);
