//! The host's guest list: one at a time, pasted lists, removal.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{create_event, paste_guests, TestApp, ADMIN, HOST, OTHER_HOST},
};

async fn guests(app: &TestApp, event_id: i64) -> Vec<Value> {
    let res = app.get(&format!("/api/guests?event_id={event_id}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

db_test!(
    a_pasted_list_adds_the_valid_lines_and_reports_the_rest,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        let one = app
            .client
            .post(app.url("/api/add_guest"))
            .form(&[
                ("event_id", event.to_string()),
                ("name", String::new()),
                ("email", "bob@example.com".into()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(one.status(), StatusCode::OK);

        let text = "Ana Lima <ana@example.com>\nnot an email\nBob Stone, BOB@example.com\nana@example.com\nChloé <chloe@example.com>\n";
        let res = paste_guests(&app, &app.client, event, text).await;

        assert_eq!(res.status(), StatusCode::OK);
        let report: Value = res.json().await.unwrap();
        assert_eq!(report["added"], 2, "{report}");
        assert_eq!(report["merged"], 1, "{report}");
        assert_eq!(report["rejected"][0]["line"], 2);
        assert_eq!(report["rejected"].as_array().unwrap().len(), 1);
        let list = guests(&app, event).await;
        let pairs: Vec<(&str, &str)> = list
            .iter()
            .map(|g| (g["name"].as_str().unwrap(), g["email"].as_str().unwrap()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Bob Stone", "bob@example.com"),
                ("Ana Lima", "ana@example.com"),
                ("Chloé", "chloe@example.com")
            ]
        );
        let overview: Value = app.get("/api/host_overview").await.json().await.unwrap();
        assert_eq!(overview["events"][0]["counts"]["invited"], 3);
        assert_eq!(overview["events"][0]["counts"]["yes"], 0);
    }
);

db_test!(
    only_the_host_manages_the_guest_list,
    |app: TestApp| async move {
        app.seed().await;
        app.login(HOST.0, HOST.1).await;
        let event: i64 = create_event(&app, &app.client, &[])
            .await
            .json()
            .await
            .unwrap();
        paste_guests(&app, &app.client, event, "ana@example.com").await;
        let guest_id = guests(&app, event).await[0]["id"].as_i64().unwrap();

        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        assert_eq!(
            paste_guests(&app, &other, event, "evil@example.com")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let res = other
            .get(app.url(&format!("/api/guests?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = other
            .post(app.url("/api/remove_guest"))
            .form(&[
                ("event_id", event.to_string()),
                ("guest_id", guest_id.to_string()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let res = admin
            .get(app.url(&format!("/api/guests?event_id={event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            paste_guests(&app, &admin, event, "x@example.com")
                .await
                .status(),
            StatusCode::FORBIDDEN
        );

        assert_eq!(guests(&app, event).await.len(), 1);
        let res = app
            .client
            .post(app.url("/api/remove_guest"))
            .form(&[
                ("event_id", event.to_string()),
                ("guest_id", guest_id.to_string()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(guests(&app, event).await.is_empty());
    }
);

db_test!(an_empty_paste_is_refused, |app: TestApp| async move {
    app.seed().await;
    app.login(HOST.0, HOST.1).await;
    let event: i64 = create_event(&app, &app.client, &[])
        .await
        .json()
        .await
        .unwrap();
    let res = paste_guests(&app, &app.client, event, "  \n\n").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["Invalid"]["field"], "text");
});
