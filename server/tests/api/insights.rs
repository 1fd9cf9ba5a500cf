//! Host performance against a hand-computed fixture: two hosts, three held
//! parties (two in September 2026, one in August), plus what must not count:
//! a cancelled party, cancelled, refunded and unpaid orders, and a host's
//! own reward order.

use app::on_db;
use chrono::{DateTime, TimeZone, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    events::OTHER_HOST,
    helpers::{TestApp, ADMIN, HOST},
    orders::count,
};

/// A summer time in Paris (UTC+2).
fn paris(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h - 2, 0, 0).unwrap()
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    on_db!(app.db.reader(), |pool| sqlx::query_scalar(
        "SELECT id FROM users WHERE email = $1"
    )
    .bind(email)
    .fetch_one(pool)
    .await)
    .unwrap()
}

async fn party(app: &TestApp, host: i64, title: &str, at: DateTime<Utc>, cancelled: bool) -> i64 {
    on_db!(app.db.writer(), |pool| sqlx::query_scalar(
        "INSERT INTO events (brand_id, host_id, title, description, starts_at, ends_at, time_zone, kind, address,
           capacity, orders_close_at, cancelled_at, created_at, updated_at, share_slug)
         SELECT brand_id, id, $1, '', $2, $3, 'Europe/Paris', 'in_person', '1 rue de la Paix', 20, $4, $5, $2, $2, $6
         FROM users WHERE id = $7 RETURNING id"
    )
    .bind(title)
    .bind(at)
    .bind(at + chrono::Duration::hours(3))
    .bind(at + chrono::Duration::days(5))
    .bind(cancelled.then_some(at))
    .bind(format!("slug-{title}").replace(' ', "-"))
    .bind(host)
    .fetch_one(pool)
    .await)
    .unwrap()
}

async fn guest(app: &TestApp, event: i64, name: &str, rsvp: &str) -> i64 {
    on_db!(app.db.writer(), |pool| sqlx::query_scalar(
        "INSERT INTO guests (event_id, name, email, rsvp, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(event)
    .bind(name)
    .bind(format!("{}@example.com", name.to_lowercase()))
    .bind(rsvp)
    .bind(Utc::now())
    .fetch_one(pool)
    .await)
    .unwrap()
}

/// An order of `cents` of items; `email` is the buyer's.
async fn order(
    app: &TestApp,
    event: i64,
    guest: Option<i64>,
    email: &str,
    status: &str,
    kind: &str,
    cents: i64,
) -> i64 {
    on_db!(app.db.writer(), |pool| sqlx::query_scalar(
        "INSERT INTO orders (brand_id, event_id, guest_id, host_id, customer_name, customer_email, status,
           merchandise_cents, shipping_cents, total_cents, placed_at, updated_at, kind, tracking_code)
         SELECT brand_id, id, $1, host_id, 'Buyer', $2, $3, $4, 0, $4, starts_at, starts_at, $5, $6
         FROM events WHERE id = $7 RETURNING id"
    )
    .bind(guest)
    .bind(email)
    .bind(status)
    .bind(cents)
    .bind(kind)
    .bind(format!("track-{event}-{email}-{status}-{kind}-{cents}"))
    .bind(event)
    .fetch_one(pool)
    .await)
    .unwrap()
}

async fn exec(app: &TestApp, sql: &str, ids: &[i64]) {
    on_db!(app.db.writer(), |pool| {
        let mut q = sqlx::query(sql);
        for id in ids {
            q = q.bind(*id);
        }
        q.execute(pool).await.map(|r| r.rows_affected())
    })
    .unwrap();
}

/// Ids of (the September party of Camille, Hugo's September party).
pub async fn fixture(app: &TestApp) -> (i64, i64) {
    app.seed().await;
    let camille = user_id(app, HOST.0).await;
    let hugo = user_id(app, OTHER_HOST.0).await;
    // Camille, 5 September: 4 invited, 3 answered, 2 yes.
    let e1 = party(app, camille, "Autumn candles", paris(2026, 9, 5, 19), false).await;
    let g1 = guest(app, e1, "Ana", "yes").await;
    let g2 = guest(app, e1, "Ben", "yes").await;
    let g3 = guest(app, e1, "Chloe", "no").await;
    let g4 = guest(app, e1, "Dan", "pending").await;
    let o1 = order(app, e1, Some(g1), "ana@example.com", "paid", "guest", 5000).await;
    order(
        app,
        e1,
        Some(g2),
        "BEN@example.com",
        "shipped",
        "guest",
        3000,
    )
    .await;
    order(
        app,
        e1,
        Some(g3),
        "chloe@example.com",
        "cancelled",
        "guest",
        9999,
    )
    .await;
    order(
        app,
        e1,
        Some(g4),
        "dan@example.com",
        "placed",
        "guest",
        4000,
    )
    .await;
    order(app, e1, None, "visitor@example.com", "paid", "guest", 2000).await;
    order(app, e1, None, HOST.0, "paid", "guest", 1000).await;
    order(app, e1, None, HOST.0, "paid", "host_reward", 3000).await;
    // Two units of the first item in Ana's order; Ben favourites it.
    exec(
        app,
        "INSERT INTO order_lines (order_id, item_id, sku, name, unit_price_cents, vat_rate_bp, quantity, line_cents)
         SELECT $1, id, sku, name, 2500, 2000, 2, 5000 FROM items WHERE sku = 'CAN-FIG-220'",
        &[o1],
    )
    .await;
    exec(
        app,
        "INSERT INTO favourites (guest_id, item_id, created_at) SELECT $1, id, '2026-09-05T18:00:00+00:00' FROM items WHERE sku = 'CAN-FIG-220'",
        &[g2],
    )
    .await;
    exec(
        app,
        "INSERT INTO host_credit_ledger (brand_id, host_id, kind, event_id, credit_cents, half_price_items, created_at)
         SELECT brand_id, host_id, 'event_reward', id, 1100, 1, starts_at FROM events WHERE id = $1",
        &[e1],
    )
    .await;
    exec(
        app,
        "INSERT INTO booking_requests (brand_id, from_event_id, name, email, created_at)
         SELECT brand_id, id, 'Chloe', 'chloe@example.com', starts_at FROM events WHERE id = $1",
        &[e1],
    )
    .await;
    // Hugo, 20 September: 2 invited, 2 answered, 1 yes; one refund.
    let e2 = party(app, hugo, "Linen evening", paris(2026, 9, 20, 18), false).await;
    let h1 = guest(app, e2, "Eve", "yes").await;
    let h2 = guest(app, e2, "Finn", "maybe").await;
    order(
        app,
        e2,
        Some(h1),
        "eve@example.com",
        "delivered",
        "guest",
        7000,
    )
    .await;
    order(
        app,
        e2,
        Some(h2),
        "finn@example.com",
        "refunded",
        "guest",
        4000,
    )
    .await;
    // Hugo's cancelled party in September counts for nothing.
    let e4 = party(app, hugo, "Called off", paris(2026, 9, 12, 18), true).await;
    let k = guest(app, e4, "Gus", "yes").await;
    order(app, e4, Some(k), "gus@example.com", "paid", "guest", 50_000).await;
    // Camille, 15 August (the period before): 1 invited, 1 yes, 1 order.
    let e3 = party(app, camille, "Summer linen", paris(2026, 8, 15, 18), false).await;
    let k1 = guest(app, e3, "Hana", "yes").await;
    order(
        app,
        e3,
        Some(k1),
        "hana@example.com",
        "delivered",
        "guest",
        2500,
    )
    .await;
    // A host who joined in September.
    exec(
        app,
        "INSERT INTO users (brand_id, email, display_name, role, password_hash, created_at)
         SELECT brand_id, 'new@example.com', 'New Host', 'host', 'x', '2026-09-10T10:00:00+00:00' FROM users WHERE id = $1",
        &[camille],
    )
    .await;
    (e1, e2)
}

pub const SEPTEMBER: &str = "period=custom&from=2026-09-01&to=2026-09-30";

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
        let (e1, e2) = fixture(&app).await;
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 11);
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
        assert_eq!(d["period"]["label"], "1 Sep 2026 – 30 Sep 2026");
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
                ("7 Sep".into(), 0),
                ("14 Sep".into(), 7_000),
                ("21 Sep".into(), 0),
                ("28 Sep".into(), 0),
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
        let (e1, _) = fixture(&app).await;
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
        fixture(&app).await;
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
