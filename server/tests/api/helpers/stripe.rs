//! localstripe, a fake Stripe from PyPI that speaks Stripe's API and signs
//! webhooks like Stripe, started on loopback for the payment tests.

use super::{eventually, free_port, test_tool};

/// A localstripe server of its own, killed when dropped.
pub struct LocalStripe {
    child: std::process::Child,
    pub base: String,
}

/// The publishable key the page would use.
pub const PUBLISHABLE_KEY: &str = "pk_test_soiree";
/// The secret key the server uses.
pub const SECRET_KEY: &str = "sk_test_soiree";

impl LocalStripe {
    /// Starts localstripe on a free port. `None` (with a loud line) when it
    /// is not installed and CI is not set.
    pub async fn start() -> Option<LocalStripe> {
        let python = test_tool(
            "localstripe",
            "LOCALSTRIPE_PYTHON",
            "localstripe/bin/python",
        )?;
        let port = free_port();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/run_localstripe.py");
        let child = std::process::Command::new(&python)
            .args([script, &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start localstripe");
        let server = LocalStripe {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let probe = reqwest::Client::new();
        let url = format!("{}/js.stripe.com/v3/", server.base);
        eventually(30, "localstripe to answer", || {
            let (probe, url) = (probe.clone(), url.clone());
            async move {
                probe
                    .get(&url)
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .await;
        Some(server)
    }

    /// What Stripe.js `createToken` does with the card field: a token for
    /// `number`.
    pub async fn card_token(&self, number: &str) -> String {
        let res: serde_json::Value = reqwest::Client::new()
            .post(format!("{}/v1/tokens", self.base))
            .form(&[
                ("card[number]", number),
                ("card[exp_month]", "12"),
                ("card[exp_year]", "2034"),
                ("card[cvc]", "123"),
                ("key", PUBLISHABLE_KEY),
            ])
            .send()
            .await
            .expect("a token")
            .json()
            .await
            .expect("a token's JSON");
        res["id"].as_str().expect("a token id").to_owned()
    }

    /// What Stripe.js `confirmCardPayment` does for a card that asks for
    /// authentication: the payer completes it (`true`) or not.
    pub async fn authenticate(&self, client_secret: &str, success: bool) {
        let intent = client_secret.split("_secret_").next().unwrap_or_default();
        let res = reqwest::Client::new()
            .post(format!(
                "{}/v1/payment_intents/{intent}/_authenticate?success={success}",
                self.base
            ))
            .body(
                serde_json::json!({ "key": PUBLISHABLE_KEY, "client_secret": client_secret })
                    .to_string(),
            )
            .send()
            .await
            .expect("authentication");
        assert!(
            res.status().is_success(),
            "authentication: {}",
            res.status()
        );
    }

    /// Sends Stripe's events to `url`, signed with `secret`.
    pub async fn send_webhooks_to(&self, url: &str, secret: &str) {
        let res = reqwest::Client::new()
            .post(format!("{}/_config/webhooks/soiree", self.base))
            .form(&[("url", url), ("secret", secret)])
            .send()
            .await
            .expect("webhook set-up");
        assert!(
            res.status().is_success(),
            "webhook set-up: {}",
            res.status()
        );
    }
}

impl Drop for LocalStripe {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
