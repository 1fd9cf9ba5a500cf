//! Delivers formatted messages: over SMTP, or as `.eml` files when
//! `SMTP_URL` is empty.

use std::{path::PathBuf, time::Duration};

use anyhow::Context;
use lettre::{address::Envelope, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::settings::Settings;

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

impl Mailer {
    /// The mailer the settings ask for.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Mailer> {
        match &settings.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    .context("SMTP_URL: cannot be used as an SMTP address")?
                    .timeout(Some(Duration::from_secs(20)))
                    .build();
                Ok(Mailer::Smtp(transport))
            }
            None => Ok(Mailer::Files(settings.outbox_dir.clone())),
        }
    }

    /// Sends one message; `Ok` means the server (or the disk) accepted it.
    pub async fn send(
        &self,
        sender: &str,
        recipient: &str,
        message_id: &str,
        message: &[u8],
    ) -> anyhow::Result<()> {
        match self {
            Mailer::Smtp(transport) => {
                let envelope = Envelope::new(Some(sender.parse()?), vec![recipient.parse()?])?;
                transport.send_raw(&envelope, message).await?;
                Ok(())
            }
            Mailer::Files(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                let name: String = message_id
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@'))
                    .collect();
                let path = dir.join(format!("{name}.eml"));
                // Write then rename, so a reader never sees half a file.
                let tmp = dir.join(format!(".{name}.tmp"));
                tokio::fs::write(&tmp, message).await?;
                tokio::fs::rename(&tmp, &path).await?;
                Ok(())
            }
        }
    }
}
