//! The host's pick list: the orders delivered to the host, per guest and in
//! total, with who has paid; as a page's data and as CSV, for the host and
//! the brand's admin only.

use reqwest::StatusCode;

use crate::{
    db_test,
    helpers::{
        add_to_cart, checkout_form, get_json, get_text, orders_from, party, place_order,
        set_order_status, signed_in_admin, TestApp, OTHER_HOST,
    },
};

const GUESTS: &str =
    "Ana Lima <ana@example.com>\nBen Okafor <ben@example.com>\nChloé Martin <chloe@example.com>";

db_test!(
    the_pick_list_groups_what_the_host_hands_over_with_who_has_paid,
    |app: TestApp| async move {
        let (event, items, tokens) = party(&app, GUESTS, 2).await;
        // Ana and Ben have theirs delivered to the host; Chloé at home.
        let orders = orders_from(&app, &tokens[..2], items[0], 2).await;
        assert_eq!(
            add_to_cart(&app, &tokens[2], items[1], 1).await.status(),
            StatusCode::OK
        );
        let home = place_order(
            &app,
            &app.new_client(),
            &checkout_form(&tokens[2], "key-home-0123456789abcdef", "home"),
        )
        .await;
        assert_eq!(home.status(), StatusCode::OK);
        let admin = signed_in_admin(&app).await;
        set_order_status(&app, &admin, orders[1], "paid", "", "").await;

        let list = get_json(&app, &app.client, &format!("/api/pick_list?id={event}")).await;
        let per_guest = list["orders"].as_array().unwrap();
        assert_eq!(per_guest.len(), 2, "{list}");
        assert_eq!(per_guest[0]["buyer"], "Guest 0");
        assert_eq!(per_guest[0]["paid"], false);
        assert_eq!(per_guest[1]["paid"], true);
        assert_eq!(per_guest[1]["lines"][0]["quantity"], 2);
        assert_eq!(
            list["totals"].as_array().unwrap().len(),
            1,
            "Chloé's item goes to her home"
        );
        assert_eq!(list["totals"][0]["quantity"], 4);

        let res = app
            .client
            .get(app.url(&format!("/host/events/{event}/pick-list.csv")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
        let csv = res.text().await.unwrap();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[0], "Guest,Order,Paid,SKU,Item,Quantity");
        assert!(
            rows[1].starts_with(&format!("Guest 0,{},not paid,", orders[0])),
            "{csv}"
        );
        assert!(
            rows[2].starts_with(&format!("Guest 1,{},paid,", orders[1])),
            "{csv}"
        );
        assert!(
            rows[3].starts_with("All guests,,,") && rows[3].ends_with(",4"),
            "{csv}"
        );
        assert_eq!(rows.len(), 4);

        // The brand's admin reads it too; a cancelled order leaves it.
        set_order_status(&app, &admin, orders[0], "cancelled", "", "").await;
        let list = get_json(&app, &admin, &format!("/api/pick_list?id={event}")).await;
        assert_eq!(list["orders"].as_array().unwrap().len(), 1);
        assert_eq!(list["totals"][0]["quantity"], 2);

        // Another host: not found, for the data and the file alike.
        let other = app.new_client();
        app.login_with(&other, OTHER_HOST.0, OTHER_HOST.1).await;
        for path in [
            format!("/api/pick_list?id={event}"),
            format!("/host/events/{event}/pick-list.csv"),
        ] {
            let res = other.get(app.url(&path)).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let page = get_text(
            &app,
            &app.client,
            &format!("/host/events/{event}/pick-list"),
        )
        .await;
        assert!(page.contains("Pick list: Candle evening"), "{page}");
        assert!(page.contains("data-print"), "the print button");
    }
);
