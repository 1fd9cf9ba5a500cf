//! Spawns a real server on a fresh database of either engine, and holds
//! what the tests share: fixtures, named reads and counts, time shifts.
//! Test files import from here only.

use std::{future::Future, path::PathBuf};

use app::base::db::{Db, Engine};
use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use soiree_server::{settings::Settings, startup::Application};

mod clock;
mod fixtures;
mod history;
mod mail;
mod rows;
mod s3;
mod stripe;
mod tamper;

pub use clock::*;
pub use fixtures::*;
pub use history::*;
pub use mail::*;
pub use rows::*;
pub use s3::*;
pub use stripe::*;
pub use tamper::*;

/// Runs one test case on a fresh app of `engine`. On PostgreSQL the case is
/// skipped, loudly, when no server answers and CI is not set.
pub async fn run<F, Fut>(engine: Engine, case: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    match TestApp::spawn_with(engine, &[]).await {
        Some(app) => case(app).await,
        None => eprintln!(
            "\n*** SKIPPED on PostgreSQL: no server at {} (set CI=true to make this an error) ***\n",
            pg_admin_url()
        ),
    }
}

/// Declares a test case as two tests, `NAME::sqlite` and `NAME::postgres`.
#[macro_export]
macro_rules! db_test {
    ($name:ident, $case:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::helpers::run(app::base::db::Engine::Sqlite, $case).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $crate::helpers::run(app::base::db::Engine::Postgres, $case).await
            }
        }
    };
    // The case gets the engine and spawns its own app (custom settings).
    (engine: $name:ident, $case:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($case)(app::base::db::Engine::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($case)(app::base::db::Engine::Postgres).await
            }
        }
    };
}

/// The settings a test server runs with: its own folders under `dir`,
/// a free port, then `extra` over these defaults.
fn test_settings(
    dir: &std::path::Path,
    database_url: &str,
    extra: &[(&'static str, String)],
) -> Settings {
    Settings::from_lookup(|key| {
        if let Some((_, v)) = extra.iter().find(|(k, _)| *k == key) {
            return Some(v.clone());
        }
        let path = |name: &str| Some(dir.join(name).display().to_string());
        match key {
            "DATABASE_URL" => Some(database_url.to_owned()),
            "SOIREE_ADDR" => Some("127.0.0.1:0".to_owned()),
            "LEPTOS_SITE_ROOT" => path("site"),
            "OUTBOX_DIR" => path("outbox"),
            "OUTBOX_POLL_MS" => Some("100".to_owned()),
            "MEDIA_DIR" => path("media"),
            "SECRET_KEY" => Some("test-secret-key-that-is-long-enough-0123".to_owned()),
            // The test back offices listen on loopback.
            "WEBHOOKS_ALLOW_LOOPBACK" => Some("true".to_owned()),
            // Every test client is 127.0.0.1: the limits' own tests set theirs.
            "RATE_LIMIT_SIGN_IN" | "RATE_LIMIT_WRITES" | "RATE_LIMIT_API" => {
                Some("100000".to_owned())
            }
            _ => None,
        }
    })
    .expect("test settings")
}

fn pg_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A running server and a client that keeps cookies.
pub struct TestApp {
    pub address: String,
    pub db: Db,
    pub database_url: String,
    pub client: reqwest::Client,
    pub outbox_dir: PathBuf,
    pub media_dir: PathBuf,
    pub config: std::sync::Arc<app::base::state::AppConfig>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    /// The settings given over the test defaults (a second server gets them too).
    extra: Vec<(&'static str, String)>,
    _dir: tempfile::TempDir,
    pg_database: Option<String>,
}

impl TestApp {
    /// A fresh app; `extra` settings override the test defaults. `None` when
    /// PostgreSQL is wanted but absent outside CI (the skip is printed).
    pub async fn spawn_with(engine: Engine, extra: &[(&'static str, String)]) -> Option<TestApp> {
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, pg_database) = match engine {
            Engine::Sqlite => (
                format!("sqlite://{}", dir.path().join("test.db").display()),
                None,
            ),
            Engine::Postgres => {
                let name = format!("soiree_test_{}", uuid::Uuid::new_v4().simple());
                let admin = match sqlx::PgPool::connect(&pg_admin_url()).await {
                    Ok(pool) => pool,
                    Err(err) if std::env::var("CI").is_err() => {
                        eprintln!("PostgreSQL unreachable: {err}");
                        return None;
                    }
                    Err(err) => panic!("CI requires PostgreSQL at {}: {err}", pg_admin_url()),
                };
                sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                    .execute(&admin)
                    .await
                    .expect("create the test database");
                admin.close().await;
                let mut url = url::Url::parse(&pg_admin_url()).expect("TEST_POSTGRES_URL is a URL");
                url.set_path(&name);
                (url.to_string(), Some(name))
            }
        };
        let settings = test_settings(dir.path(), &database_url, extra);
        let application = Application::build(settings).await.expect("build the app");
        let address = format!("http://127.0.0.1:{}", application.port());
        let db = application.db().clone();
        let config = application.config();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(application.run_until(async {
            let _ = stopped.await;
        }));
        Some(TestApp {
            outbox_dir: dir.path().join("outbox"),
            media_dir: dir.path().join("media"),
            config,
            client: client(&address, true),
            address,
            db,
            database_url,
            stop: Some(stop),
            extra: extra.to_vec(),
            _dir: dir,
            pg_database,
        })
    }

    /// A second server on this app's database and media store, as another
    /// machine behind the same load balancer; it stops when dropped.
    pub async fn second_server(&self) -> SecondServer {
        self.second_server_with(&[]).await
    }

    /// A second server as [`TestApp::second_server`], with `extra` settings
    /// over this app's.
    pub async fn second_server_with(&self, extra: &[(&'static str, String)]) -> SecondServer {
        let settings: Vec<_> = extra.iter().chain(&self.extra).cloned().collect();
        let settings = test_settings(self._dir.path(), &self.database_url, &settings);
        let application = Application::build(settings)
            .await
            .expect("build the second server");
        let address = format!("http://127.0.0.1:{}", application.port());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(application.run_until(async {
            let _ = stopped.await;
        }));
        SecondServer {
            address,
            _stop: stop,
        }
    }

    /// A new client of this app with its own cookie jar.
    pub fn new_client(&self) -> reqwest::Client {
        client(&self.address, true)
    }

    /// GET `path` with the app's own client.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request")
    }

    /// POST `path` (no body) with the app's own client.
    pub async fn post(&self, path: &str) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .send()
            .await
            .expect("POST request")
    }

    /// The full URL of `path` on this app.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Calls the `login` server function as the browser's form would.
    pub async fn login_with(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/api/login"))
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .expect("login request")
    }

    /// Signs the app's own client in.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.login_with(&self.client, email, password).await
    }

    /// Loads the demo data. The suite reads English: the demo is loaded
    /// in English, the brand's language (its parties follow it), with
    /// French translations; the tests of French (`languages.rs`) set
    /// French where they need it.
    pub async fn seed(&self) {
        app::demo::seed_demo_in(&self.db, chrono::Utc::now(), app::base::l10n::Lang::En)
            .await
            .expect("seed demo");
    }

    /// Sets every brand's default language (`fr`, `en`).
    pub async fn set_brand_language(&self, code: &str) {
        app::on_db!(self.db.writer(), |pool| sqlx::query(
            "UPDATE brands SET language = $1"
        )
        .bind(code)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .expect("brand language");
    }
}

/// A client that sends the app's `Origin`, as a browser on its pages does.
pub fn client(address: &str, with_origin: bool) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    if with_origin {
        headers.insert(
            ORIGIN,
            HeaderValue::from_str(address).expect("origin header"),
        );
    }
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("HTTP client")
}

/// Another server on a [`TestApp`]'s database (see
/// [`TestApp::second_server`]); dropping it stops it.
pub struct SecondServer {
    pub address: String,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl SecondServer {
    /// The full URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // Drop the PostgreSQL database from a thread of its own: Drop cannot await.
        if let Some(name) = self.pg_database.take() {
            let db = self.db.clone();
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                rt.block_on(async move {
                    db.close().await;
                    if let Ok(admin) = sqlx::PgPool::connect(&pg_admin_url()).await {
                        let _ = sqlx::query(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .execute(&admin)
                        .await;
                    }
                });
            })
            .join();
        }
    }
}

/// The demo brand's admin.
pub const ADMIN: (&str, &str) = ("admin@atelier-lumen.example", "lumen-admin-2026");
/// The demo brand's first host, Camille.
pub const HOST: (&str, &str) = ("camille@atelier-lumen.example", "lumen-host-2026");
/// The demo brand's second host, Hugo.
pub const OTHER_HOST: (&str, &str) = ("hugo@atelier-lumen.example", "lumen-host-2026");
/// The test server's signing key (its `SECRET_KEY`), which makes guest links.
pub const KEY: &[u8] = b"test-secret-key-that-is-long-enough-0123";

/// POSTs `form` to `path` with `client`, as a browser form would.
pub async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, String)],
) -> reqwest::Response {
    client.post(app.url(path)).form(form).send().await.unwrap()
}

/// The JSON `client` reads at `path`, which must answer 200.
pub async fn get_json(app: &TestApp, client: &reqwest::Client, path: &str) -> serde_json::Value {
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::OK, "GET {path}");
    res.json().await.unwrap()
}

/// The text (a page, a CSV file) `client` reads at `path`, which must
/// answer 200.
pub async fn get_text(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::OK, "GET {path}");
    res.text().await.unwrap()
}

/// A free TCP port on loopback (bound, then released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Polls `check` every 100 ms until it holds or `secs` pass.
pub async fn eventually<F, Fut>(secs: u64, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while std::time::Instant::now() < deadline {
        if check().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out after {secs} s waiting for: {what}");
}

/// The path of a test tool that `scripts/install-tools.sh test` installs:
/// `$env`, or `~/.cache/soiree/<in_cache>`. `None` (with a loud line) when
/// it is missing and CI is not set; CI fails instead.
pub fn test_tool(name: &str, env: &str, in_cache: &str) -> Option<String> {
    let path = std::env::var(env).unwrap_or_else(|_| {
        format!(
            "{}/.cache/soiree/{in_cache}",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    if std::path::Path::new(&path).exists() {
        return Some(path);
    }
    if std::env::var("CI").is_ok() {
        panic!("CI requires {name} at {path} (scripts/install-tools.sh test installs it)");
    }
    eprintln!("\n*** SKIPPED: {name} not found at {path}; run scripts/install-tools.sh test ***\n");
    None
}

/// A real SMTP server for tests: MailDev (npm), killed when dropped.
pub struct MailDev {
    child: std::process::Child,
    web_port: u16,
}

impl MailDev {
    /// Starts MailDev with SMTP on `smtp_port`. `None` (with a loud line)
    /// when it is not installed and CI is not set.
    pub async fn start(smtp_port: u16) -> Option<MailDev> {
        let bin = test_tool("MailDev", "MAILDEV_BIN", "tools/node_modules/.bin/maildev")?;
        let web_port = free_port();
        let child = std::process::Command::new(&bin)
            .args([
                "--smtp",
                &smtp_port.to_string(),
                "--web",
                &web_port.to_string(),
                "--ip",
                "127.0.0.1",
                "--silent",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start MailDev");
        let maildev = MailDev { child, web_port };
        let probe = reqwest::Client::new();
        let url = maildev.api("/email");
        eventually(20, "MailDev to answer", || {
            let probe = probe.clone();
            let url = url.clone();
            async move {
                probe
                    .get(&url)
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .await;
        Some(maildev)
    }

    fn api(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.web_port, path)
    }

    /// Every mail MailDev received, as its JSON.
    pub async fn emails(&self) -> Vec<serde_json::Value> {
        reqwest::get(self.api("/email"))
            .await
            .expect("MailDev API")
            .json()
            .await
            .expect("MailDev JSON")
    }
}

impl Drop for MailDev {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
