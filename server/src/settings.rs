//! Typed settings from the environment (and `.env`). A wrong value stops
//! start-up with one line that names the variable.

use std::{net::SocketAddr, path::PathBuf};

use secrecy::SecretString;
use url::Url;

/// Everything the server reads from its environment.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `DATABASE_URL`: `sqlite://data/soiree.db` or `postgres://…`.
    pub database_url: SecretString,
    /// `SOIREE_ADDR`: where to listen.
    pub addr: SocketAddr,
    /// `PUBLIC_URL`: the address users reach Soirée at.
    pub public_url: Url,
    /// `SMTP_URL`: `smtp://user:pass@host:port`; empty means mail goes to `.eml` files.
    pub smtp_url: Option<SecretString>,
    /// `MAIL_FROM`: sender of every email.
    pub mail_from: String,
    /// `OUTBOX_DIR`: where `.eml` files go when `SMTP_URL` is empty.
    pub outbox_dir: PathBuf,
    /// `MEDIA_DIR`: where uploaded item photos are kept (served at `/media/`).
    pub media_dir: PathBuf,
    /// `MEDIA_S3_*`: an S3-compatible bucket for the photos instead of
    /// `MEDIA_DIR`, shared by every server of a deployment.
    pub media_s3: Option<S3Settings>,
    /// `SESSION_SECURE`: mark cookies `Secure` (serve over HTTPS).
    pub session_secure: bool,
    /// `LEPTOS_SITE_ROOT`: the built site (WASM, JS, CSS).
    pub site_root: PathBuf,
    /// `LEPTOS_HASH_FILE`: the list of the site's content hashes that
    /// cargo-leptos writes beside the server binary (`hash.txt` there by
    /// default). Without it, files keep their plain names and short caching.
    pub hash_file: PathBuf,
    /// `LEPTOS_ENV`: `PROD` or `DEV` (DEV adds live reload).
    pub dev: bool,
    /// `OUTBOX_RETRY_BASE_SECS`: first wait after a failed send; it doubles up to an hour.
    pub outbox_retry_base: std::time::Duration,
    /// `OUTBOX_POLL_MS`: how often the mail worker looks for due mail.
    pub outbox_poll: std::time::Duration,
    /// `STRIPE_API_BASE`: Stripe's API (a test server's in tests).
    pub stripe_api_base: url::Url,
    /// `STRIPE_JS_URL`: where pages load Stripe.js from.
    pub stripe_js_url: url::Url,
    /// `SCHEDULE_EVERY_SECS`: how often the timed workers look for due work
    /// (reminders, thank-yous, host digests, deadlines and closings).
    pub schedule_every: std::time::Duration,
    /// `SECRET_KEY`: signs invitation links (at least 32 characters; every
    /// server of one deployment needs the same). Empty: a key kept in
    /// `data/secret.key`, made on first use.
    pub secret_key: Option<SecretString>,
    /// `WEBHOOKS_ALLOW_LOOPBACK`: let webhooks reach this machine's
    /// loopback (local development and tests); other private addresses stay
    /// refused.
    pub webhooks_allow_loopback: bool,
    /// `RATE_LIMIT_*`: requests per minute per client address.
    pub rate_limits: RateLimits,
    /// `CLIENT_IP_HEADER`: the header a reverse proxy puts the client's
    /// address in (its last entry is used); empty: the peer's address.
    pub client_ip_header: Option<http::HeaderName>,
    /// `REQUEST_TIMEOUT_SECS`: a request not answered by then gets 408.
    pub request_timeout: std::time::Duration,
    /// `KEPT_PAGES_MB`: memory for the guests' pages this server keeps
    /// rendered (`kept_pages`), in megabytes; 0 renders every view.
    pub kept_pages_bytes: usize,
}

/// How many requests a minute one client address may send, per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// `RATE_LIMIT_SIGN_IN`: sign-in, applying to host, joining by a share
    /// link, setting a first password.
    pub sign_in: u32,
    /// `RATE_LIMIT_WRITES`: every other form and server function write.
    pub writes: u32,
    /// `RATE_LIMIT_API`: the JSON API and the inbound payment webhooks
    /// (those per brand).
    pub api: u32,
}

/// Where photos go when `MEDIA_S3_BUCKET` is set.
#[derive(Debug, Clone)]
pub struct S3Settings {
    /// `MEDIA_S3_BUCKET`: the bucket's name.
    pub bucket: String,
    /// `MEDIA_S3_ENDPOINT`: an S3-compatible service's address (MinIO,
    /// Scaleway, OVH…); empty for Amazon S3.
    pub endpoint: Option<Url>,
    /// `MEDIA_S3_REGION`: the bucket's region (`us-east-1` by default).
    pub region: String,
    /// `MEDIA_S3_ACCESS_KEY_ID` and `MEDIA_S3_SECRET_ACCESS_KEY`: both, or
    /// neither to use the machine's own credentials (an instance role).
    pub keys: Option<(String, SecretString)>,
}

/// A setting that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{var}: {problem}")]
pub struct SettingsError {
    pub var: &'static str,
    pub problem: String,
}

fn bad(var: &'static str, problem: impl Into<String>) -> SettingsError {
    SettingsError {
        var,
        problem: problem.into(),
    }
}

impl Settings {
    /// The key that signs links: `SECRET_KEY`, or the one kept in
    /// `data/secret.key` (made on first use) for a single-machine setup.
    pub fn signing_key(&self) -> anyhow::Result<Vec<u8>> {
        use secrecy::ExposeSecret;
        if let Some(key) = &self.secret_key {
            return Ok(key.expose_secret().as_bytes().to_vec());
        }
        let path = std::path::Path::new("data/secret.key");
        if let Ok(existing) = std::fs::read_to_string(path) {
            if existing.trim().len() >= 32 {
                return Ok(existing.trim().as_bytes().to_vec());
            }
        }
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let key: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        std::fs::create_dir_all("data")?;
        std::fs::write(path, &key)?;
        tracing::warn!("SECRET_KEY is not set: made data/secret.key; set SECRET_KEY when several servers share a database");
        Ok(key.into_bytes())
    }

    /// Reads settings from the process environment, after loading `.env` if
    /// one is present (variables already set win).
    pub fn from_env() -> Result<Settings, SettingsError> {
        let _ = dotenvy::dotenv();
        Settings::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads settings through `get`, so tests can pass their own values.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Settings, SettingsError> {
        let var = |key: &str, default: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };

        let database_url = var("DATABASE_URL", "sqlite://data/soiree.db");
        app::base::db::engine_of(&database_url).map_err(|_| {
            bad(
                "DATABASE_URL",
                "must start with sqlite: (e.g. sqlite://data/soiree.db) or postgres: (e.g. postgres://user@127.0.0.1/soiree)",
            )
        })?;

        let addr_raw = var("SOIREE_ADDR", "127.0.0.1:3000");
        let addr = addr_raw.parse().map_err(|_| {
            bad(
                "SOIREE_ADDR",
                format!("{addr_raw:?} is not an address like 127.0.0.1:3000"),
            )
        })?;

        let public_url = public_url(&var("PUBLIC_URL", "http://127.0.0.1:3000"))?;

        let smtp_url = smtp_url(&var("SMTP_URL", ""))?;

        let mail_from = mail_from(var("MAIL_FROM", "Soirée <no-reply@soiree.localhost>"))?;

        // Cookies are Secure whenever the site is served over HTTPS, unless
        // told otherwise.
        let behind_https = if public_url.scheme() == "https" {
            "true"
        } else {
            "false"
        };
        let session_secure = parse_bool(&var("SESSION_SECURE", behind_https))
            .ok_or_else(|| bad("SESSION_SECURE", "must be true or false"))?;

        let dev = dev_mode(&var("LEPTOS_ENV", "PROD"))?;

        let number = |key: &'static str, default: &str, min: u64| number(&var, key, default, min);
        let outbox_retry_base =
            std::time::Duration::from_secs(number("OUTBOX_RETRY_BASE_SECS", "60", 1)?);
        let outbox_poll = std::time::Duration::from_millis(number("OUTBOX_POLL_MS", "1000", 50)?);
        let schedule_every =
            std::time::Duration::from_secs(number("SCHEDULE_EVERY_SECS", "60", 1)?);
        let kept_pages_mb = number("KEPT_PAGES_MB", "64", 0)?.min(1 << 20);

        let web_address = |key: &'static str, default: &str| {
            let raw = var(key, default);
            url::Url::parse(&raw)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
                .ok_or_else(|| bad(key, format!("{raw:?} is not an http(s) address")))
        };
        let stripe_api_base = web_address("STRIPE_API_BASE", app::base::stripe::DEFAULT_API_BASE)?;
        let stripe_js_url = web_address("STRIPE_JS_URL", app::base::stripe::DEFAULT_JS_URL)?;

        let secret_key = secret_key(var("SECRET_KEY", ""))?;
        let media_s3 = media_s3(&var)?;
        let guard = Guard::read(&var)?;

        Ok(Settings {
            database_url: SecretString::from(database_url),
            addr,
            public_url,
            smtp_url,
            mail_from,
            outbox_dir: PathBuf::from(var("OUTBOX_DIR", "data/outbox")),
            media_dir: PathBuf::from(var("MEDIA_DIR", "data/media")),
            media_s3,
            session_secure,
            site_root: PathBuf::from(var("LEPTOS_SITE_ROOT", "target/site")),
            hash_file: hash_file(&var("LEPTOS_HASH_FILE", "hash.txt")),
            dev,
            outbox_retry_base,
            outbox_poll,
            schedule_every,
            stripe_api_base,
            stripe_js_url,
            secret_key,
            webhooks_allow_loopback: guard.webhooks_allow_loopback,
            rate_limits: guard.rate_limits,
            client_ip_header: guard.client_ip_header,
            request_timeout: guard.request_timeout,
            kept_pages_bytes: (kept_pages_mb as usize) << 20,
        })
    }
}

/// `KEY`: a whole number of at least `min`.
fn number(
    var: &impl Fn(&str, &str) -> String,
    key: &'static str,
    default: &str,
    min: u64,
) -> Result<u64, SettingsError> {
    let raw = var(key, default);
    raw.parse::<u64>()
        .ok()
        .filter(|n| *n >= min)
        .ok_or_else(|| {
            bad(
                key,
                format!("{raw:?} is not a whole number of at least {min}"),
            )
        })
}

/// The settings that guard the server against abuse.
struct Guard {
    webhooks_allow_loopback: bool,
    rate_limits: RateLimits,
    client_ip_header: Option<http::HeaderName>,
    request_timeout: std::time::Duration,
}

impl Guard {
    fn read(var: &impl Fn(&str, &str) -> String) -> Result<Guard, SettingsError> {
        let webhooks_allow_loopback = parse_bool(&var("WEBHOOKS_ALLOW_LOOPBACK", "false"))
            .ok_or_else(|| bad("WEBHOOKS_ALLOW_LOOPBACK", "must be true or false"))?;
        let per_minute = |key: &'static str, default: &str| -> Result<u32, SettingsError> {
            let n = number(var, key, default, 1)?;
            u32::try_from(n).map_err(|_| bad(key, "is too large"))
        };
        let rate_limits = RateLimits {
            sign_in: per_minute("RATE_LIMIT_SIGN_IN", "10")?,
            writes: per_minute("RATE_LIMIT_WRITES", "120")?,
            api: per_minute("RATE_LIMIT_API", "600")?,
        };
        let client_ip_header = match var("CLIENT_IP_HEADER", "") {
            raw if raw.is_empty() => None,
            raw => Some(http::HeaderName::try_from(raw.to_lowercase()).map_err(|_| {
                bad(
                    "CLIENT_IP_HEADER",
                    format!("{raw:?} is not a header name like X-Forwarded-For"),
                )
            })?),
        };
        let request_timeout =
            std::time::Duration::from_secs(number(var, "REQUEST_TIMEOUT_SECS", "30", 1)?);
        Ok(Guard {
            webhooks_allow_loopback,
            rate_limits,
            client_ip_header,
            request_timeout,
        })
    }
}

/// `PUBLIC_URL`: an http(s) address with a host.
fn public_url(raw: &str) -> Result<Url, SettingsError> {
    Url::parse(raw)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| {
            bad(
                "PUBLIC_URL",
                format!("{raw:?} is not an http(s) URL like https://soiree.example"),
            )
        })
}

/// `SMTP_URL`: empty (mail goes to files) or an smtp(s) URL.
fn smtp_url(raw: &str) -> Result<Option<SecretString>, SettingsError> {
    if raw.is_empty() {
        return Ok(None);
    }
    let ok = Url::parse(raw)
        .map(|u| matches!(u.scheme(), "smtp" | "smtps") && u.host_str().is_some())
        .unwrap_or(false);
    if !ok {
        return Err(bad(
            "SMTP_URL",
            "must be empty (write mail to files) or like smtp://user:password@mail.example:587",
        ));
    }
    Ok(Some(SecretString::from(raw.to_owned())))
}

/// `MAIL_FROM`: `Name <address>` or a bare address.
fn mail_from(raw: String) -> Result<String, SettingsError> {
    let address = raw
        .rsplit_once('<')
        .map(|(_, a)| a.trim_end_matches('>'))
        .unwrap_or(&raw);
    if app::base::account::EmailAddress::parse(address, "MAIL_FROM").is_err() {
        return Err(bad(
            "MAIL_FROM",
            format!("{raw:?} is not an address like Soirée <no-reply@brand.example>"),
        ));
    }
    Ok(raw)
}

/// `LEPTOS_ENV`: DEV (live reload) or PROD.
fn dev_mode(raw: &str) -> Result<bool, SettingsError> {
    match raw.to_uppercase().as_str() {
        "DEV" | "DEVELOPMENT" => Ok(true),
        "PROD" | "PRODUCTION" => Ok(false),
        _ => Err(bad("LEPTOS_ENV", "must be PROD or DEV")),
    }
}

/// `SECRET_KEY`: empty (a key is made and kept) or at least 32 characters.
fn secret_key(raw: String) -> Result<Option<SecretString>, SettingsError> {
    if raw.is_empty() {
        Ok(None)
    } else if raw.chars().count() < 32 {
        Err(bad(
            "SECRET_KEY",
            "must be at least 32 characters (e.g. the output of openssl rand -hex 32)",
        ))
    } else {
        Ok(Some(SecretString::from(raw)))
    }
}

/// `MEDIA_S3_*`: no bucket (photos stay in `MEDIA_DIR`), or a bucket with
/// its region, an optional endpoint and both keys or neither.
fn media_s3(var: &impl Fn(&str, &str) -> String) -> Result<Option<S3Settings>, SettingsError> {
    let bucket = var("MEDIA_S3_BUCKET", "");
    let endpoint = var("MEDIA_S3_ENDPOINT", "");
    let (key_id, secret) = (
        var("MEDIA_S3_ACCESS_KEY_ID", ""),
        var("MEDIA_S3_SECRET_ACCESS_KEY", ""),
    );
    if bucket.is_empty() {
        if !(endpoint.is_empty() && key_id.is_empty() && secret.is_empty()) {
            return Err(bad(
                "MEDIA_S3_BUCKET",
                "must name the bucket when MEDIA_S3_ENDPOINT or the keys are set",
            ));
        }
        return Ok(None);
    }
    let endpoint = if endpoint.is_empty() {
        None
    } else {
        let url = Url::parse(&endpoint)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
        Some(url.ok_or_else(|| {
            bad(
                "MEDIA_S3_ENDPOINT",
                format!("{endpoint:?} is not an address like https://s3.fr-par.scw.cloud"),
            )
        })?)
    };
    let keys = match (key_id.is_empty(), secret.is_empty()) {
        (true, true) => None,
        (false, false) => Some((key_id, SecretString::from(secret))),
        (true, false) => {
            return Err(bad(
                "MEDIA_S3_ACCESS_KEY_ID",
                "must be set with MEDIA_S3_SECRET_ACCESS_KEY",
            ))
        }
        (false, true) => {
            return Err(bad(
                "MEDIA_S3_SECRET_ACCESS_KEY",
                "must be set with MEDIA_S3_ACCESS_KEY_ID",
            ))
        }
    };
    Ok(Some(S3Settings {
        bucket,
        endpoint,
        region: var("MEDIA_S3_REGION", "us-east-1"),
        keys,
    }))
}

fn parse_bool(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// The hash file at `name`: as given when absolute, else beside the binary.
fn hash_file(name: &str) -> PathBuf {
    let name = PathBuf::from(name);
    if name.is_absolute() {
        return name;
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(&name)))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_usable() {
        let s = with(&[]).unwrap();
        assert_eq!(s.addr.to_string(), "127.0.0.1:3000");
        assert!(s.smtp_url.is_none());
        assert!(!s.session_secure);
    }

    #[test]
    fn cookies_are_secure_behind_https_unless_told_otherwise() {
        let https = ("PUBLIC_URL", "https://soiree.example");
        assert!(with(&[https]).unwrap().session_secure);
        assert!(
            !with(&[https, ("SESSION_SECURE", "false")])
                .unwrap()
                .session_secure
        );
        assert!(with(&[("SESSION_SECURE", "true")]).unwrap().session_secure);
    }

    #[test]
    fn photos_go_to_a_bucket_only_when_one_is_named_with_whole_settings() {
        assert!(with(&[]).unwrap().media_s3.is_none());
        let s3 = with(&[
            ("MEDIA_S3_BUCKET", "photos"),
            ("MEDIA_S3_ENDPOINT", "http://127.0.0.1:9000"),
            ("MEDIA_S3_ACCESS_KEY_ID", "id"),
            ("MEDIA_S3_SECRET_ACCESS_KEY", "secret"),
        ])
        .unwrap()
        .media_s3
        .unwrap();
        assert_eq!(
            (s3.bucket.as_str(), s3.region.as_str()),
            ("photos", "us-east-1")
        );
        assert!(s3.keys.is_some());
        for (pairs, var) in [
            (
                vec![("MEDIA_S3_ENDPOINT", "http://127.0.0.1:9000")],
                "MEDIA_S3_BUCKET",
            ),
            (
                vec![("MEDIA_S3_BUCKET", "b"), ("MEDIA_S3_ENDPOINT", "s3")],
                "MEDIA_S3_ENDPOINT",
            ),
            (
                vec![("MEDIA_S3_BUCKET", "b"), ("MEDIA_S3_ACCESS_KEY_ID", "id")],
                "MEDIA_S3_SECRET_ACCESS_KEY",
            ),
            (
                vec![
                    ("MEDIA_S3_BUCKET", "b"),
                    ("MEDIA_S3_SECRET_ACCESS_KEY", "x"),
                ],
                "MEDIA_S3_ACCESS_KEY_ID",
            ),
        ] {
            assert_eq!(with(&pairs).unwrap_err().var, var);
        }
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        for (key, value) in [
            ("DATABASE_URL", "mysql://x"),
            ("SOIREE_ADDR", "nowhere"),
            ("PUBLIC_URL", "ftp://x"),
            ("SMTP_URL", "http://mail"),
            ("MAIL_FROM", "nobody"),
            ("SESSION_SECURE", "maybe"),
            ("LEPTOS_ENV", "staging"),
            ("OUTBOX_RETRY_BASE_SECS", "0"),
            ("OUTBOX_POLL_MS", "soon"),
            ("SCHEDULE_EVERY_SECS", "0"),
            ("STRIPE_API_BASE", "stripe"),
            ("STRIPE_JS_URL", "ftp://js.example/v3/"),
            ("SECRET_KEY", "too-short"),
        ] {
            let err = with(&[(key, value)]).unwrap_err();
            assert_eq!(err.var, key);
            assert!(err.to_string().starts_with(key));
        }
    }
}
