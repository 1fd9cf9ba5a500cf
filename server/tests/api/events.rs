//! Hosts schedule, edit and cancel events; nobody else can change them.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        create_event, event_count, event_form, event_times, TestApp, ADMIN, HOST, OTHER_HOST,
    },
};

db_test!(
    a_host_schedules_an_event_in_its_time_zone,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;

        let res = create_event(&app, &app.client, &[("time_zone", "America/New_York")]).await;

        assert_eq!(res.status(), StatusCode::OK);
        let id: i64 = res.json().await.unwrap();
        let event: Value = app
            .get(&format!("/api/event?id={id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(event["summary"]["title"], "Candle evening");
        assert_eq!(event["summary"]["status"], "Upcoming");
        assert_eq!(event["summary"]["time_zone"], "America/New_York");
        assert!(event["summary"]["when"]
            .as_str()
            .unwrap()
            .ends_with("19:00"));
        assert_eq!(event["can_edit"], true);
        // Stored in UTC: 19:00 in New York is midnight UTC (or 23:00 in summer).
        let stored: chrono::DateTime<chrono::Utc> = event_times(&app, id).await.0;
        assert!(matches!(
            stored.format("%H:%M").to_string().as_str(),
            "00:00" | "23:00"
        ));
        let list: Value = app.get("/api/host_overview").await.json().await.unwrap();
        assert_eq!(list["events"][0]["id"], id);
    }
);

db_test!(
    bad_event_input_names_the_field_and_writes_nothing,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let cases: [(&[(&str, &str)], &str); 6] = [
            (&[("starts_at", "2020-01-01T19:00")], "starts_at"),
            (&[("ends_at", "2020-01-01T19:00")], "ends_at"),
            (
                &[("orders_close_at", "2020-01-01T19:00")],
                "orders_close_at",
            ),
            (&[("capacity", "0")], "capacity"),
            (
                &[("kind", "online"), ("video_url", "ftp://files.example/x")],
                "video_url",
            ),
            (&[("title", "")], "title"),
        ];
        for (changes, field) in cases {
            let res = create_event(&app, &app.client, changes).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["Invalid"]["field"], field);
        }
        assert_eq!(event_count(&app).await, 0);
    }
);

db_test!(only_the_host_changes_an_event, |app: TestApp| async move {
    app.seed().await;
    app.login(HOST.0, HOST.1).await;
    let id: i64 = create_event(&app, &app.client, &[])
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/event?id={id}");

    // Anonymous: 401.
    let anonymous = app.new_client();
    let res = anonymous.get(app.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Another host: 404 for reading, editing and cancelling, nothing changes.
    let other = app.new_client();
    app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
    assert_eq!(
        other.get(app.url(&path)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let mut edit = event_form(&[("title", "Hijacked")]);
    edit.push(("id".into(), id.to_string()));
    let res = other
        .post(app.url("/api/update_event"))
        .form(&edit)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = other
        .post(app.url("/api/cancel_event"))
        .form(&[("id", id.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The brand admin reads it but cannot change it.
    let admin = app.new_client();
    app.login_with(&admin, ADMIN.0, ADMIN.1).await;
    let seen: Value = admin
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(seen["can_edit"], false);
    let res = admin
        .post(app.url("/api/update_event"))
        .form(&edit)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let event: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(event["summary"]["title"], "Candle evening");
    assert_eq!(event["summary"]["status"], "Upcoming");

    // The host edits, then cancels; a cancelled event is no longer editable.
    let mut own = event_form(&[("title", "Candle & wine evening"), ("capacity", "20")]);
    own.push(("id".into(), id.to_string()));
    let res = app
        .client
        .post(app.url("/api/update_event"))
        .form(&own)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .client
        .post(app.url("/api/cancel_event"))
        .form(&[("id", id.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let event: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(event["summary"]["title"], "Candle & wine evening");
    assert_eq!(event["capacity"], 20);
    assert_eq!(event["summary"]["status"], "Cancelled");
    assert_eq!(event["can_edit"], false);
    let res = app
        .client
        .post(app.url("/api/update_event"))
        .form(&own)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
});
