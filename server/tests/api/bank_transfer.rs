//! Paying by bank transfer: the brand's account (IBAN checked with its
//! check digits, BIC), shown with the amount and the order's payment
//! reference on the order's page and in its email; the brand finds the
//! order by that reference.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    db_test,
    helpers::{get_json, orders_from, party, post, signed_in_admin, TestApp},
};

fn marked(answer: &Value) -> Vec<String> {
    let invalid = &answer["Invalid"];
    let mut fields = vec![invalid["field"].as_str().unwrap_or_default().to_owned()];
    for pair in invalid["also"].as_array().into_iter().flatten() {
        fields.push(pair[0].as_str().unwrap_or_default().to_owned());
    }
    fields
}

db_test!(
    guests_get_the_brands_account_and_a_reference_the_brand_finds,
    |app: TestApp| async move {
        let (_, items, tokens) = party(&app, "Ana Lima <ana@example.com>", 1).await;
        let admin = signed_in_admin(&app).await;
        let save = |iban: &str, bic: &str, name: &str| {
            let form = vec![
                ("form[iban]", iban.to_owned()),
                ("form[bic]", bic.to_owned()),
                ("form[account_name]", name.to_owned()),
            ];
            let (app, admin) = (&app, &admin);
            async move { post(app, admin, "/api/save_bank_details", &form).await }
        };
        // Every mistake at once: a mistyped IBAN, a short BIC, no holder.
        let res = save("FR76 3000 6000 0112 3456 7890 188", "BNPA", "").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let answer: Value = res.json().await.unwrap();
        let fields = marked(&answer);
        for field in ["iban", "bic", "account_name"] {
            assert!(fields.iter().any(|f| f == field), "{field} in {answer}");
        }
        let res = save(
            "fr7630006000011234567890189",
            "bnpafrpp",
            "Atelier Lumen SAS",
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let settings = get_json(&app, &admin, "/api/brand_settings").await;
        assert_eq!(
            settings["bank"]["iban"],
            "FR76 3000 6000 0112 3456 7890 189"
        );
        assert_eq!(settings["bank"]["bic"], "BNPAFRPP");

        // A guest's order: its page and its email say how to pay.
        let order = orders_from(&app, &tokens, items[0], 1).await[0];
        let code: String = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT tracking_code FROM orders WHERE id = $1"
        )
        .bind(order)
        .fetch_one(pool)
        .await)
        .unwrap();
        let tracking = get_json(
            &app,
            &app.new_client(),
            &format!("/api/order_tracking?code={code}"),
        )
        .await;
        let reference = app::base::bank::payment_reference(order);
        assert_eq!(tracking["transfer"]["reference"], reference.as_str());
        assert_eq!(
            tracking["transfer"]["iban"],
            "FR76 3000 6000 0112 3456 7890 189"
        );
        let total: i64 = app::on_db!(app.db.reader(), |pool| sqlx::query_scalar(
            "SELECT total_cents FROM orders WHERE id = $1"
        )
        .bind(order)
        .fetch_one(pool)
        .await)
        .unwrap();
        assert_eq!(tracking["transfer"]["amount"]["minor"], total);
        let mailed: i64 = app::on_db!(app.db.reader(), |pool| {
            sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE recipient = 'ana@example.com' AND message LIKE $1"
        )
        .bind(format!("%{reference}%"))
        .fetch_one(pool)
        .await
        })
        .unwrap();
        assert_eq!(mailed, 1, "the confirmation gives the reference");

        // The brand finds the order by the reference as a bank statement
        // prints it (spaces, any case).
        let typed = app::base::bank::groups_of_four(&reference).to_lowercase();
        let query: String = url::form_urlencoded::byte_serialize(typed.as_bytes()).collect();
        let found = get_json(
            &app,
            &admin,
            &format!("/api/brand_orders?query[status]=&query[event]=&query[host]=&query[from]=&query[to]=&query[page]=1&query[search]={query}"),
        )
        .await;
        let rows = found["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 1, "{found}");
        assert_eq!(rows[0]["id"], order);

        // Once paid, the page no longer asks for a transfer.
        crate::helpers::set_order_status(&app, &admin, order, "paid", "", "").await;
        let tracking = get_json(
            &app,
            &app.new_client(),
            &format!("/api/order_tracking?code={code}"),
        )
        .await;
        assert_eq!(tracking["transfer"], Value::Null);

        // All three empty: transfers are no longer offered.
        assert_eq!(save("", "", "").await.status(), StatusCode::OK);
        let settings = get_json(&app, &admin, "/api/brand_settings").await;
        assert_eq!(settings["bank"]["iban"], "");
    }
);
