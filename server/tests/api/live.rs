//! Live figures pushed to open pages (server-sent events): the host's
//! stream, a guest's, who may open them, and two servers sharing a
//! database and a media bucket: a change made on one is heard on the other.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        item_form, orders_from, party, photo, png, saved_item, Moto, TestApp, ADMIN, HOST,
        OTHER_HOST,
    },
};

/// The messages of an open event stream, read as they come.
struct Messages {
    res: reqwest::Response,
    buffer: String,
}

impl Messages {
    async fn open(client: &reqwest::Client, url: &str) -> Messages {
        let res = client.get(url).send().await.expect("open the stream");
        assert_eq!(res.status(), StatusCode::OK, "{url}");
        assert_eq!(res.headers()["content-type"], "text/event-stream");
        Messages {
            res,
            buffer: String::new(),
        }
    }

    /// The next message's JSON, waiting at most `within`.
    async fn next(&mut self, within: Duration) -> Value {
        tokio::time::timeout(within, async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let message: String = self.buffer.drain(..end + 2).collect();
                    let data: String = message
                        .lines()
                        .filter_map(|l| l.strip_prefix("data:"))
                        .map(str::trim)
                        .collect();
                    if !data.is_empty() {
                        return serde_json::from_str(&data).expect("a JSON message");
                    }
                    continue;
                }
                let chunk = self
                    .res
                    .chunk()
                    .await
                    .expect("read")
                    .expect("the stream ends");
                self.buffer.push_str(&String::from_utf8_lossy(&chunk));
            }
        })
        .await
        .unwrap_or_else(|_| panic!("no message within {within:?}"))
    }

    /// The next message whose `field` is `value`, within `within`.
    async fn until(&mut self, field: &str, value: i64, within: Duration) -> Value {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let message = self.next(left).await;
            if message[field] == value {
                return message;
            }
        }
    }
}

db_test!(
    an_order_shows_on_the_host_s_open_stream_within_a_second,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, "Ana <ana@example.com>", 1).await;
        let mut host = Messages::open(&app.client, &app.url(&format!("/live/host/{event}"))).await;
        let first = host.next(Duration::from_secs(5)).await;
        assert_eq!(first["orders"], 0);
        assert_eq!(first["sales"]["minor"], 0);
        assert!(first["reward"].is_object(), "the host's progress too");
        orders_from(&app, &tokens, items[0], 1).await;
        let after = host.until("orders", 1, Duration::from_secs(1)).await;
        assert!(after["sales"]["minor"].as_i64().unwrap() > 0);
    }
);

db_test!(
    a_guest_s_stream_has_counts_and_no_amounts,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, "Ana <ana@example.com>", 1).await;
        let guest = app.new_client();
        let mut live =
            Messages::open(&guest, &app.url(&format!("/live/guest/{}", tokens[0]))).await;
        let first = live.next(Duration::from_secs(5)).await;
        assert_eq!(
            first,
            serde_json::json!({"present": 0, "coming": 0, "orders": 0})
        );
        // Her answer and her order reach her own page.
        crate::helpers::post(
            &app,
            &guest,
            "/api/answer_invitation",
            &[
                ("token", tokens[0].clone()),
                ("rsvp", "yes".into()),
                ("companions", "1".into()),
            ],
        )
        .await;
        live.until("coming", 2, Duration::from_secs(1)).await;
        orders_from(&app, &tokens, items[0], 1).await;
        live.until("orders", 1, Duration::from_secs(1)).await;
    }
);

db_test!(
    only_the_party_s_host_and_guests_open_its_streams,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, "Ana <ana@example.com>", 1).await;
        let anonymous = app.new_client();
        let res = anonymous
            .get(app.url(&format!("/live/host/{event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        let res = other
            .get(app.url(&format!("/live/host/{event}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "another host's party");
        let res = anonymous
            .get(app.url("/live/guest/not-a-real-link"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = anonymous
            .get(app.url(&format!("/live/guest/{}x", tokens[0])))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_share_the_media_bucket_and_an_order_shows_live_on_both() {
    // Several servers share one PostgreSQL database and one S3 bucket: a
    // change is announced with NOTIFY and every server's LISTEN hears it; a
    // photo saved through one is served by the other.
    let Some(moto) = Moto::start().await else {
        return;
    };
    let settings = moto.bucket("media").await;
    let Some(app) = TestApp::spawn_with(app::base::db::Engine::Postgres, &settings).await else {
        return;
    };
    let (event, items, tokens) = party(&app, "Ana <ana@example.com>", 1).await;
    let other = app.second_server().await;

    let admin = app.new_client();
    app.login_with(&admin, ADMIN.0, ADMIN.1).await;
    let form = item_form(&[]).part("photos", photo(png(900, 600), "front.png", "image/png"));
    let (_, item) = saved_item(&app, &admin, form).await;
    let url = item["item"]["photos"][0]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let from_other = reqwest::get(other.url(&url)).await.unwrap();
    assert_eq!(
        from_other.status(),
        StatusCode::OK,
        "{url} on the second server"
    );
    assert_eq!(from_other.headers()["content-type"], "image/jpeg");
    let bytes = from_other.bytes().await.unwrap();
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 900);
    assert!(!app.media_dir.exists(), "nothing in a local folder");

    // The host watches on the second server (the cookie is good on both).
    let host = crate::helpers::client(&other.address, true);
    let res = host
        .post(other.url("/api/login"))
        .form(&[("email", HOST.0), ("password", HOST.1)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let mut live = Messages::open(&host, &other.url(&format!("/live/host/{event}"))).await;
    assert_eq!(live.next(Duration::from_secs(5)).await["orders"], 0);
    // The guest orders on the first server.
    orders_from(&app, &tokens, items[0], 1).await;
    live.until("orders", 1, Duration::from_secs(1)).await;
}
