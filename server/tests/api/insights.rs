//! Host performance against a hand-computed fixture (`sales_history` in the
//! helpers): two hosts, three held
//! parties (two in September 2026, one in August), plus what must not count:
//! a cancelled party, cancelled, refunded and unpaid orders, and a host's
//! own reward order.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{order_count, sales_history, user_id, TestApp, ADMIN, HOST, OTHER_HOST, SEPTEMBER},
};

async fn dashboard(app: &TestApp, client: &reqwest::Client, query: &str) -> Value {
    let res = client
        .get(app.url(&format!("/api/brand_dashboard?{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

db_test!(
    every_figure_matches_the_hand_computed_fixture,
    |app: TestApp| async move {
        let (e1, e2) = sales_history(&app).await;
        assert_eq!(order_count(&app).await, 11);
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let d = dashboard(&app, &admin, SEPTEMBER).await;
        let t = &d["totals"];
        let want = [
            ("events", 2),
            ("invited", 6),
            ("answered", 5),
            ("yes", 3),
            ("bought", 3),
            ("orders", 5),
            ("revenue_cents", 18_000),
            ("buyers", 4),
            ("reward_cents", 1_100),
            ("bookings", 1),
        ];
        for (key, value) in want {
            assert_eq!(t[key], value, "{key} in {t}");
        }
        let p = &d["previous"];
        for (key, value) in [
            ("events", 1),
            ("invited", 1),
            ("yes", 1),
            ("orders", 1),
            ("revenue_cents", 2_500),
            ("buyers", 1),
            ("reward_cents", 0),
            ("bookings", 0),
        ] {
            assert_eq!(p[key], value, "previous {key} in {p}");
        }
        assert_eq!(d["new_hosts"], serde_json::json!([1, 0]));
        let kpi = |key: &str| {
            d["kpis"]
                .as_array()
                .unwrap()
                .iter()
                .find(|k| k["key"] == key)
                .unwrap()
                .clone()
        };
        let tile = |key: &str| {
            let k = kpi(key);
            (
                k["value"].as_str().unwrap().to_owned(),
                k["change"].as_str().unwrap().to_owned(),
            )
        };
        assert_eq!(tile("events"), ("2".into(), "+100 %".into()));
        assert_eq!(tile("invited"), ("6".into(), "+500 %".into()));
        assert_eq!(tile("yes_rate"), ("50.0 %".into(), "−50.0 pts".into()));
        assert_eq!(tile("buyers"), ("4".into(), "+300 %".into()));
        assert_eq!(tile("orders"), ("5".into(), "+400 %".into()));
        assert_eq!(tile("revenue"), ("€180.00".into(), "+620 %".into()));
        assert_eq!(tile("average_order"), ("€36.00".into(), "+44 %".into()));
        assert_eq!(tile("reward_share"), ("6.1 %".into(), "+6.1 pts".into()));
        assert_eq!(tile("bookings"), ("1".into(), "new".into()));
        assert_eq!(tile("new_hosts"), ("1".into(), "new".into()));
        assert_eq!(d["period"]["label"], "1 Sept 2026 – 30 Sept 2026");
        assert_eq!(d["period"]["prev_label"], "2 Aug 2026 – 31 Aug 2026");
        // Weeks from Monday 31 August; Camille's party in the first,
        // Hugo's in the week of 14 September.
        let weeks: Vec<(String, i64)> = d["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                (
                    w["label"].as_str().unwrap().to_owned(),
                    w["revenue_cents"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            weeks,
            vec![
                ("31 Aug".into(), 11_000),
                ("7 Sept".into(), 0),
                ("14 Sept".into(), 7_000),
                ("21 Sept".into(), 0),
                ("28 Sept".into(), 0),
            ]
        );

        // The leaderboard, by each measure.
        let names = |d: &Value| -> Vec<String> {
            d["leaderboard"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["name"].as_str().unwrap().to_owned())
                .collect()
        };
        let camille_first = vec!["Camille Martin".to_owned(), "Hugo Bernard".to_owned()];
        let hugo_first = vec!["Hugo Bernard".to_owned(), "Camille Martin".to_owned()];
        for (sort, want) in [
            ("revenue", &camille_first),
            ("events", &camille_first),
            ("buyers", &camille_first),
            ("conversion", &camille_first),
            ("average_order", &hugo_first),
            ("bookings", &camille_first),
        ] {
            let d = dashboard(&app, &admin, &format!("{SEPTEMBER}&sort={sort}")).await;
            assert_eq!(&names(&d), want, "sorted by {sort}");
            assert_eq!(d["sort"], sort);
        }
        let row = d["leaderboard"][0].clone();
        assert_eq!(row["revenue_cents"], 11_000);
        assert_eq!(row["buyers"], 3);
        assert_eq!(row["conversion_bp"], 7_500);
        assert_eq!(row["average_order_cents"], 2_750);

        // A bad custom range says why and shows this month.
        let bad = dashboard(&app, &admin, "period=custom&from=2026-09-30&to=2026-09-01").await;
        assert!(
            bad["period"]["error"].to_string().contains("swap"),
            "{}",
            bad["period"]
        );

        // The party report: who bought (no amounts per guest), what sold
        // and what guests wanted.
        let report: Value = admin
            .get(app.url(&format!("/api/event_report?id={e1}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let bought: Vec<(String, bool)> = report["guests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["name"].as_str().unwrap().to_owned(),
                    g["bought"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            bought,
            vec![
                ("Ana".into(), true),
                ("Ben".into(), true),
                ("Chloe".into(), false),
                ("Dan".into(), false)
            ]
        );
        assert!(!report["guests"].to_string().contains("cents"));
        let fig = &report["items"][0];
        assert_eq!(
            (
                fig["name"].as_str().unwrap(),
                fig["units"].as_i64().unwrap(),
                fig["favourites"].as_i64().unwrap()
            ),
            ("Fig Leaf Candle", 2, 1)
        );
        assert_eq!(report["figures"]["revenue_cents"], 11_000);

        // Hosts see their own reports only.
        app.login(HOST.0, HOST.1).await;
        let status = |id: i64| {
            let url = app.url(&format!("/api/event_report?id={id}"));
            let c = app.client.clone();
            async move { c.get(url).send().await.unwrap().status() }
        };
        assert_eq!(status(e1).await, StatusCode::OK);
        assert_eq!(status(e2).await, StatusCode::NOT_FOUND);
        assert_eq!(
            app.client
                .get(app.url(&format!("/api/brand_dashboard?{SEPTEMBER}")))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        // Camille's own view: her figures and her band, no other names.
        let mine: Value = app
            .client
            .get(app.url(&format!("/api/my_performance?{SEPTEMBER}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(mine["totals"]["revenue_cents"], 11_000);
        assert_eq!(mine["totals"]["events"], 1);
        assert_eq!(mine["rank_band"], "Top half");
        assert_eq!(mine["ranked_hosts"], 2);
        assert_eq!(mine["earned"]["minor"], 1_100);
        assert!(!mine.to_string().contains("Hugo"));
        let hugo = app.new_client();
        app.login_with(&hugo, OTHER_HOST.0, OTHER_HOST.1).await;
        let his: Value = hugo
            .get(app.url(&format!("/api/my_performance?{SEPTEMBER}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(his["rank_band"], "Growing");
        assert!(!his.to_string().contains("Camille"));
    }
);

db_test!(
    the_host_page_shows_their_parties_funnel_and_ledger,
    |app: TestApp| async move {
        let (e1, _) = sales_history(&app).await;
        let camille = user_id(&app, HOST.0).await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let r: Value = admin
            .get(app.url(&format!("/api/host_report?id={camille}&{SEPTEMBER}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(r["host"]["email"], HOST.0);
        assert_eq!(r["events"].as_array().unwrap().len(), 1);
        assert_eq!(r["events"][0]["event_id"], e1);
        assert_eq!(r["totals"]["invited"], 4);
        assert_eq!(r["totals"]["bought"], 2);
        assert_eq!(r["credit"]["entries"].as_array().unwrap().len(), 1);
        assert_eq!(r["earned"]["minor"], 1_100);
        // Another brand's host, or no host at all, is not found.
        let res = admin
            .get(app.url("/api/host_report?id=99999"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        // The pages render for the admin.
        for path in [
            format!("/brand?{SEPTEMBER}"),
            format!("/brand/hosts/{camille}?{SEPTEMBER}"),
            format!("/brand/events/{e1}/report"),
        ] {
            let page = admin.get(app.url(&path)).send().await.unwrap();
            let status = page.status();
            let html = page.text().await.unwrap();
            assert_eq!(status, StatusCode::OK, "{path}: {html}");
            assert!(html.contains("<svg") || path.contains("report"), "{path}");
        }
    }
);

db_test!(
    csv_exports_stream_the_period_with_a_header_row,
    |app: TestApp| async move {
        sales_history(&app).await;
        let admin = app.new_client();
        app.login_with(&admin, ADMIN.0, ADMIN.1).await;
        let get = |kind: &str| {
            let url = app.url(&format!("/brand/exports/{kind}.csv?{SEPTEMBER}"));
            let c = admin.clone();
            async move { c.get(url).send().await.unwrap() }
        };
        let res = get("orders").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
        assert_eq!(
            res.headers()["content-disposition"],
            "attachment; filename=\"soiree-orders-2026-09-01-2026-09-30.csv\""
        );
        assert_eq!(res.headers()["x-total-rows"], "10");
        let body = res.text().await.unwrap();
        let rows: Vec<&str> = body.lines().collect();
        assert!(rows[0]
            .starts_with("order_id,placed_at,status,kind,event_id,event_title,host_id,host_name"));
        assert_eq!(
            rows.len(),
            11,
            "a header and the 10 orders of September: {body}"
        );
        let ana = rows.iter().find(|r| r.contains("ana@example.com")).unwrap();
        assert!(ana.contains(",2026-09-05T17:00:00Z,paid,guest,"), "{ana}");
        assert!(
            ana.contains(",5000,50.00,0,0.00,0,0.00,5000,50.00,EUR"),
            "{ana}"
        );
        assert!(
            !body.contains("hana@example.com"),
            "August is another period"
        );

        let lines = get("order-lines").await.text().await.unwrap();
        assert_eq!(lines.lines().count(), 2, "{lines}");
        assert!(
            lines.contains(",CAN-FIG-220,Fig Leaf Candle,2500,25.00,2,0,5000,50.00,20.00,EUR"),
            "{lines}"
        );
        let events = get("events").await.text().await.unwrap();
        assert_eq!(events.lines().count(), 3, "{events}");
        assert!(events.contains(",Autumn candles,"));
        assert!(
            events.contains(",2026-09-05,4,3,2,2,4,11000,110.00,3,1100,11.00,1,EUR"),
            "{events}"
        );
        let hosts = get("hosts").await.text().await.unwrap();
        assert_eq!(hosts.lines().count(), 4, "{hosts}");
        assert!(hosts.contains(",Camille Martin,camille@atelier-lumen.example,"));

        // Only the brand's admin exports.
        assert_eq!(
            app.new_client()
                .get(app.url("/brand/exports/orders.csv"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );
        app.login(HOST.0, HOST.1).await;
        assert_eq!(
            app.client
                .get(app.url("/brand/exports/orders.csv"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(get("secrets").await.status(), StatusCode::NOT_FOUND);
        let bad = admin
            .get(app.url("/brand/exports/orders.csv?period=custom&from=2026-13-01&to=2026-01-01"))
            .send()
            .await
            .unwrap();
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text().await.unwrap().contains("date like"));
    }
);
