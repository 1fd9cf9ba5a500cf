//! The `soiree` binary's subcommands, run as a user would.

use std::{
    io::Write,
    process::{Command, Output, Stdio},
};

use reqwest::StatusCode;

use crate::{
    db_test,
    helpers::{event_count, events_of_hosts_at, host_applications_with_status, users_at, TestApp},
};

fn soiree(database_url: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_soiree"))
        .args(args)
        .env_clear()
        .env("DATABASE_URL", database_url)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run soiree");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().expect("soiree output")
}

db_test!(
    create_admin_reads_the_password_from_stdin,
    |app: TestApp| async move {
        let out = soiree(
            &app.database_url,
            &[
                "create-admin",
                "--email",
                "Owner@Brand.example",
                "--name",
                "Owner",
            ],
            "a-long-enough-secret\n",
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout)
            .contains("Brand admin owner@brand.example created"));

        let res = app
            .login("owner@brand.example", "a-long-enough-secret")
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["location"], "/brand");

        // A common password is refused, and nothing changes.
        let out = soiree(
            &app.database_url,
            &["create-admin", "--email", "owner@brand.example"],
            "password123\n",
        );
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("most common"));
        assert_eq!(
            app.login("owner@brand.example", "a-long-enough-secret")
                .await
                .status(),
            StatusCode::OK
        );
    }
);

#[test]
fn a_wrong_setting_stops_start_up_with_one_line_naming_it() {
    let out = soiree("mysql://somewhere/db", &["migrate"], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("DATABASE_URL"), "{stderr}");
}

#[test]
fn help_lists_the_subcommands() {
    let out = soiree("sqlite://unused.db", &["--help"], "");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for sub in ["serve", "migrate", "seed-demo", "create-admin"] {
        assert!(stdout.contains(sub), "{stdout}");
    }
}

#[test]
fn seed_demo_speaks_french_or_english_only() {
    let out = soiree("sqlite://unused.db", &["seed-demo", "--language", "de"], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("[possible values: fr, en]"), "{stderr}");
}

db_test!(
    seed_demo_loads_the_language_asked,
    |app: TestApp| async move {
        let out = soiree(&app.database_url, &["seed-demo", "--language", "en"], "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (language, name): (String, String) = app::on_db!(app.db.reader(), |pool| {
            sqlx::query_as(
                "SELECT b.language, i.name FROM brands b JOIN items i ON i.brand_id = b.id
             WHERE i.sku = 'CAN-FIG-220'",
            )
            .fetch_one(pool)
            .await
        })
        .unwrap();
        assert_eq!(
            (language.as_str(), name.as_str()),
            ("en", "Fig Leaf Candle")
        );
    }
);

db_test!(
    seed_demo_and_seed_load_write_a_history_once,
    |app: TestApp| async move {
        // In French unless asked otherwise, as `make run` shows it.
        let out = soiree(&app.database_url, &["seed-demo"], "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let language: String = app::on_db!(app.db.reader(), |pool| {
            sqlx::query_scalar("SELECT language FROM brands")
                .fetch_one(pool)
                .await
        })
        .unwrap();
        assert_eq!(language, "fr");
        assert_eq!(event_count(&app).await, 40);
        assert_eq!(host_applications_with_status(&app, "pending").await, 2);
        // The two demo hosts keep a clean slate.
        assert_eq!(events_of_hosts_at(&app, "atelier-lumen.example").await, 0);
        let args = [
            "seed-load",
            "--hosts",
            "5",
            "--events",
            "20",
            "--guests",
            "100",
            "--orders",
            "200",
        ];
        let out = soiree(&app.database_url, &args, "");
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains("Loaded 5 hosts, 20 parties, 100 guests, 200 orders"),
            "{stdout}"
        );
        assert_eq!(users_at(&app, "load.example").await, 5);
        // Once only.
        let out = soiree(&app.database_url, &args, "");
        assert!(String::from_utf8_lossy(&out.stdout).contains("already there"));
        assert_eq!(event_count(&app).await, 60);
        // The dashboard reads it.
        let admin = app.new_client();
        app.login_with(&admin, crate::helpers::ADMIN.0, crate::helpers::ADMIN.1)
            .await;
        let d: serde_json::Value = admin
            .get(app.url("/api/brand_dashboard?period=quarter"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            d["totals"]["events"].as_i64().unwrap() > 0,
            "{}",
            d["totals"]
        );
        assert!(d["totals"]["revenue_cents"].as_i64().unwrap() > 0);
        assert!(!d["leaderboard"].as_array().unwrap().is_empty());
    }
);
