//! The mail outbox: nothing is lost when the SMTP server is away.

use app::base::{
    db::Engine,
    mail::{build, enqueue, MailIdentity, OutgoingMail},
};

use crate::{
    db_test,
    helpers::{eventually, free_port, mail_states, MailDev, TestApp},
};

fn mail(to: &str) -> app::base::mail::QueuedMail {
    let identity = MailIdentity {
        from: "Soirée <no-reply@soiree.test>".parse().unwrap(),
        message_id_host: "soiree.test".into(),
    };
    let mail = OutgoingMail {
        to_name: "Guest".into(),
        to_email: to.into(),
        subject: "Hello from the outbox".into(),
        text: "Plain".into(),
        html: "<p>Rich</p>".into(),
        attachments: vec![],
        event_id: None,
        reply_to: None,
        unsubscribe: None,
    };
    build(&identity, &mail, chrono::Utc::now()).unwrap()
}

db_test!(engine: without_smtp_mail_is_written_to_files, |engine: Engine| async move {
    let Some(app) = TestApp::spawn_with(engine, &[]).await else { return };
    let queued = mail("ana@example.com");

    enqueue(&app.db, &queued).await.unwrap();

    eventually(10, "the mail to be marked sent", || async {
        mail_states(&app).await.iter().all(|r| r.0 == "sent")
    })
    .await;
    let files: Vec<_> = std::fs::read_dir(&app.outbox_dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1);
    let content = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(content.contains(&queued.message_id));
    assert!(content.contains("To: Guest <ana@example.com>"));
});

db_test!(engine: an_smtp_outage_delays_mail_and_loses_none, |engine: Engine| async move {
    let port = free_port();
    let settings = [
        ("SMTP_URL", format!("smtp://127.0.0.1:{port}")),
        ("OUTBOX_RETRY_BASE_SECS", "1".to_owned()),
    ];
    let Some(app) = TestApp::spawn_with(engine, &settings).await else { return };
    let queued: Vec<_> = ["a@example.com", "b@example.com", "c@example.com"].map(mail).into();
    for q in &queued {
        enqueue(&app.db, q).await.unwrap();
    }

    // Nothing listens on the port: every mail stays pending with its error.
    eventually(10, "a failed attempt on every mail", || async {
        mail_states(&app).await.iter().all(|r| r.0 == "pending" && r.1 >= 1 && r.2.is_some())
    })
    .await;

    // The server comes back: every mail arrives, once.
    let Some(maildev) = MailDev::start(port).await else { return };
    eventually(30, "every mail to be sent", || async {
        mail_states(&app).await.iter().all(|r| r.0 == "sent")
    })
    .await;
    let received = maildev.emails().await;
    let mut ids: Vec<String> = received
        .iter()
        .map(|m| m["messageId"].as_str().unwrap_or_default().trim_matches(['<', '>']).to_owned())
        .collect();
    ids.sort();
    let mut expected: Vec<String> = queued.iter().map(|q| q.message_id.trim_matches(['<', '>']).to_owned()).collect();
    expected.sort();
    assert_eq!(ids, expected, "each mail exactly once: {received:?}");
});

db_test!(engine: two_servers_never_claim_the_same_mail, |engine: Engine| async move {
    // The app's own worker sleeps for a minute after its first pass, so the
    // two claimers below are the only ones.
    let settings = [("OUTBOX_POLL_MS", "60000".to_owned())];
    let Some(app) = TestApp::spawn_with(engine, &settings).await else { return };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for i in 0..40 {
        enqueue(&app.db, &mail(&format!("guest{i}@example.com"))).await.unwrap();
    }
    // A second connection pool stands for a second server.
    let other = app::base::db::Db::connect(&app.database_url).await.unwrap();
    let now = chrono::Utc::now();

    let (a, b) = tokio::join!(
        app::base::mail::claim_due(&app.db, now, 25),
        app::base::mail::claim_due(&other, now, 25)
    );

    let (a, b) = (a.unwrap(), b.unwrap());
    let mut ids: Vec<i64> = a.iter().chain(&b).map(|m| m.id).collect();
    assert_eq!(ids.len(), 40, "all 40 claimed between the two");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 40, "no mail claimed twice");
    // Claimed rows are leased: a third claim right away finds nothing.
    assert!(app::base::mail::claim_due(&app.db, now, 50).await.unwrap().is_empty());
    other.close().await;
});
