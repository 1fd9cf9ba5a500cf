//! Spawns a real server on a fresh database of either engine.

use std::{future::Future, path::PathBuf};

use app::db::{Db, Engine};
use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use soiree_server::{settings::Settings, startup::Application};

/// Runs one test case on a fresh app of `engine`. On PostgreSQL the case is
/// skipped, loudly, when no server answers and CI is not set.
pub async fn run<F, Fut>(engine: Engine, case: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    match TestApp::spawn(engine).await {
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
                $crate::helpers::run(app::db::Engine::Sqlite, $case).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $crate::helpers::run(app::db::Engine::Postgres, $case).await
            }
        }
    };
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
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
    pg_database: Option<String>,
}

impl TestApp {
    async fn spawn(engine: Engine) -> Option<TestApp> {
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
        let site_root: PathBuf = dir.path().join("site");
        let settings = Settings::from_lookup(|key| match key {
            "DATABASE_URL" => Some(database_url.clone()),
            "SOIREE_ADDR" => Some("127.0.0.1:0".to_owned()),
            "LEPTOS_SITE_ROOT" => Some(site_root.display().to_string()),
            "OUTBOX_DIR" => Some(dir.path().join("outbox").display().to_string()),
            _ => None,
        })
        .expect("test settings");
        let application = Application::build(settings).await.expect("build the app");
        let address = format!("http://127.0.0.1:{}", application.port());
        let db = application.db().clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(application.run_until(async {
            let _ = stopped.await;
        }));
        Some(TestApp {
            client: client(&address, true),
            address,
            db,
            database_url,
            stop: Some(stop),
            _dir: dir,
            pg_database,
        })
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

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.login_with(&self.client, email, password).await
    }

    /// Loads the demo data and returns the emails of (admin, host).
    pub async fn seed(&self) {
        app::demo::seed_demo(&self.db, chrono::Utc::now())
            .await
            .expect("seed demo");
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

pub const ADMIN: (&str, &str) = ("admin@atelier-lumen.example", "lumen-admin-2026");
pub const HOST: (&str, &str) = ("camille@atelier-lumen.example", "lumen-host-2026");
