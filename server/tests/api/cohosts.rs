//! Co-hosts: the host adds another host of the brand, or a newcomer by
//! email; a co-host runs the guest list, invitations, messages, featured
//! items and the presentation, but never edits, cancels or closes the
//! party; the brand's share for co-hosts is credited once at closing,
//! whatever the number of concurrent closes.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{
        dearest_featured_item, get_json, mails_to, orders_from, party, party_was_held,
        paste_guests, post, set_order_status, signed_in_admin, TestApp, ADMIN, HOST, OTHER_HOST,
    },
};
use app::on_db;

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

async fn add_cohost(
    app: &TestApp,
    client: &reqwest::Client,
    event: i64,
    name: &str,
    email: &str,
) -> reqwest::Response {
    let form = [
        ("event_id", event.to_string()),
        ("form[name]", name.to_owned()),
        ("form[email]", email.to_owned()),
    ];
    post(app, client, "/api/add_cohost", &form).await
}

async fn status_of(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, String)],
) -> StatusCode {
    post(app, client, path, form).await.status()
}

async fn signed_in(app: &TestApp, who: (&str, &str)) -> reqwest::Client {
    let client = app.new_client();
    app.login_with(&client, who.0, who.1).await;
    client
}

db_test!(
    a_cohost_runs_the_party_and_only_the_host_edits_and_closes_it,
    |app: TestApp| async move {
        let (event, items, _) = party(&app, GUESTS, 2).await;
        let cohost = signed_in(&app, OTHER_HOST).await;
        let id = [("event_id", event.to_string())];
        // Before: another host of the brand sees nothing.
        assert_eq!(
            cohost
                .get(app.url(&format!("/api/event?id={event}")))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::NOT_FOUND
        );

        let res = add_cohost(&app, &app.client, event, "", OTHER_HOST.0).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap()
        );
        assert_eq!(
            mails_to(&app, OTHER_HOST.0, "").await,
            1,
            "the co-host is told"
        );
        // Adding twice changes nothing.
        assert_eq!(
            add_cohost(&app, &app.client, event, "", OTHER_HOST.0)
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(mails_to(&app, OTHER_HOST.0, "").await, 1);

        let page: Value = get_json(&app, &cohost, &format!("/api/event?id={event}")).await;
        assert_eq!(page["cohost"], true);
        assert_eq!(page["can_edit"], false);
        assert_eq!(page["can_manage"], true);
        let overview: Value = get_json(&app, &cohost, "/api/host_overview").await;
        assert!(
            overview.to_string().contains(&format!("\"id\":{event}")),
            "the co-host's list has it: {overview}"
        );
        // The co-host invites and arranges.
        assert_eq!(
            paste_guests(&app, &cohost, event, "Dora Costa <dora@example.com>")
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(
            status_of(&app, &cohost, "/api/send_invitations", &id).await,
            StatusCode::OK
        );
        assert_eq!(mails_to(&app, "dora@example.com", "").await, 1);
        let remove = [
            ("event_id", event.to_string()),
            ("item_id", items[1].to_string()),
        ];
        assert_eq!(
            status_of(&app, &cohost, "/api/remove_featured", &remove).await,
            StatusCode::OK
        );
        let shown: Value = get_json(
            &app,
            &cohost,
            &format!("/api/presentation?event_id={event}"),
        )
        .await;
        assert_eq!(
            shown["slides"].as_array().unwrap().len(),
            1,
            "the co-host presents"
        );
        // But never edits, cancels or closes it, nor adds co-hosts.
        party_was_held(&app, event).await;
        assert_eq!(
            status_of(&app, &cohost, "/api/close_event", &id).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status_of(
                &app,
                &cohost,
                "/api/cancel_event",
                &[("id", event.to_string())]
            )
            .await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            add_cohost(&app, &cohost, event, "Eve", "eve@example.com")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let panel: Value = get_json(
            &app,
            &cohost,
            &format!("/api/reward_panel?event_id={event}"),
        )
        .await;
        assert_eq!(panel["can_close"], false);

        // Taken off the party, they see nothing again.
        let user: i64 = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT id FROM users WHERE email = $1"
        )
        .bind(OTHER_HOST.0)
        .fetch_one(pool)
        .await)
        .unwrap();
        let off = [
            ("event_id", event.to_string()),
            ("user_id", user.to_string()),
        ];
        assert_eq!(
            status_of(&app, &app.client, "/api/remove_cohost", &off).await,
            StatusCode::OK
        );
        assert_eq!(
            paste_guests(&app, &cohost, event, "Fay <fay@example.com>")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    }
);

db_test!(
    a_newcomer_cohost_gets_an_account_and_mistakes_are_told_by_field,
    |app: TestApp| async move {
        let (event, _, _) = party(&app, GUESTS, 1).await;
        let res = add_cohost(&app, &app.client, event, "", "not-an-email").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let why: Value = res.json().await.unwrap();
        assert_eq!(why["Invalid"]["field"], "cohost_email", "{why}");
        let res = add_cohost(&app, &app.client, event, "", "gina@example.com").await;
        let why: Value = res.json().await.unwrap();
        assert_eq!(
            why["Invalid"]["field"], "cohost_name",
            "a newcomer needs a name: {why}"
        );
        let res = add_cohost(&app, &app.client, event, "", ADMIN.0).await;
        let why: Value = res.json().await.unwrap();
        assert_eq!(
            why["Invalid"]["field"], "cohost_email",
            "a brand admin cannot co-host: {why}"
        );
        let res = add_cohost(&app, &app.client, event, "", HOST.0).await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not the host themself"
        );

        let res = add_cohost(&app, &app.client, event, "Gina Rossi", "gina@example.com").await;
        assert_eq!(res.status(), StatusCode::OK);
        let role: String = on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT role FROM users WHERE email = 'gina@example.com'"
        )
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(role, "host");
        assert_eq!(
            mails_to(&app, "gina@example.com", "").await,
            2,
            "a welcome with the password link, and the party"
        );
        let list: Value =
            get_json(&app, &app.client, &format!("/api/cohosts?event_id={event}")).await;
        assert_eq!(list["list"][0]["name"], "Gina Rossi");
    }
);

/// The ledger's rows of a kind for a party: (host, cents).
async fn ledger_of(app: &TestApp, event: i64, kind: &str) -> Vec<(i64, i64)> {
    on_db!(app.db.reader(), |pool| sqlx::query_as(
        "SELECT host_id, credit_cents FROM host_credit_ledger WHERE event_id = $1 AND kind = $2 ORDER BY host_id"
    )
    .bind(event)
    .bind(kind)
    .fetch_all(pool)
    .await)
    .unwrap()
}

db_test!(
    the_cohosts_share_is_credited_once_under_ten_concurrent_closes,
    |app: TestApp| async move {
        let (event, _, tokens) = party(&app, GUESTS, 3).await;
        let admin = signed_in_admin(&app).await;
        let rules: Value = get_json(&app, &admin, "/api/reward_rules").await;
        let mut form: Vec<(String, String)> = Vec::new();
        for field in ["from", "percent", "items"] {
            for v in rules[field].as_array().unwrap() {
                form.push((format!("form[{field}][]"), v.as_str().unwrap().to_owned()));
            }
        }
        for field in [
            "min_buying_guests",
            "booking_bonus_items",
            "booking_window_days",
        ] {
            form.push((
                format!("form[{field}]"),
                rules[field].as_str().unwrap().to_owned(),
            ));
        }
        form.push(("form[cohost_share_pct]".into(), "20".into()));
        let saved = admin
            .post(app.url("/api/save_reward_rules"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            saved.status(),
            StatusCode::OK,
            "{}",
            saved.text().await.unwrap()
        );
        assert_eq!(
            add_cohost(&app, &app.client, event, "", OTHER_HOST.0)
                .await
                .status(),
            StatusCode::OK
        );

        let (price, item) = dearest_featured_item(&app, event).await;
        let quantity = (6_000 + price - 1) / price;
        for order in orders_from(&app, &tokens, item, quantity).await {
            set_order_status(&app, &admin, order, "paid", "", "").await;
        }
        party_was_held(&app, event).await;
        let clients: Vec<reqwest::Client> = (0..10).map(|_| app.new_client()).collect();
        for c in &clients {
            app.login_with(c, HOST.0, HOST.1).await;
        }
        let id = [("event_id", event.to_string())];
        let answers = futures::future::join_all(
            clients
                .iter()
                .map(|c| post(&app, c, "/api/close_event", &id)),
        )
        .await;
        assert!(answers.iter().all(|r| r.status() == StatusCode::OK));

        let rules = app::rewards::domain::RewardRules {
            cohost_share_pct: 20,
            ..Default::default()
        };
        let whole = rules.reward(3 * price * quantity, 3, 0).credit_cents;
        assert!(whole > 0, "the party earned a reward");
        let (host_part, each) = app::rewards::domain::split_credit(whole, 20, 1);
        let host: Vec<(i64, i64)> = ledger_of(&app, event, "event_reward").await;
        assert_eq!(host.len(), 1);
        assert_eq!(host[0].1, host_part);
        let shares = ledger_of(&app, event, "cohost_share").await;
        assert_eq!(shares.len(), 1, "one share, once: {shares:?}");
        assert_eq!(shares[0].1, each);
        assert_eq!(host_part + each, whole, "nothing lost, nothing made up");
        // The co-host reads it in their ledger.
        let cohost = signed_in(&app, OTHER_HOST).await;
        let credit: Value = get_json(&app, &cohost, "/api/host_credit").await;
        assert_eq!(credit["balance"]["minor"], each);
        assert!(
            credit.to_string().contains("share as a co-host"),
            "{credit}"
        );
    }
);
