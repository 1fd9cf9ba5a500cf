//! moto's server mode, a local S3 from PyPI that speaks S3's protocol,
//! started on loopback for the media store tests.

use super::{eventually, free_port, test_tool};

/// A moto server of its own, killed when dropped.
pub struct Moto {
    child: std::process::Child,
    pub endpoint: String,
}

impl Moto {
    /// Starts moto on a free port. `None` (with a loud line) when it is not
    /// installed and CI is not set.
    pub async fn start() -> Option<Moto> {
        let bin = test_tool("moto", "MOTO_SERVER", "moto/bin/moto_server")?;
        let port = free_port();
        let child = std::process::Command::new(&bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start moto");
        let server = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let probe = reqwest::Client::new();
        let url = format!("{}/", server.endpoint);
        eventually(30, "moto to answer", || {
            let (probe, url) = (probe.clone(), url.clone());
            async move { probe.get(&url).send().await.is_ok() }
        })
        .await;
        Some(server)
    }

    /// Makes the bucket `name` and returns the settings that keep the
    /// media in it.
    pub async fn bucket(&self, name: &str) -> Vec<(&'static str, String)> {
        let res = reqwest::Client::new()
            .put(format!("{}/{name}", self.endpoint))
            .send()
            .await
            .expect("make a bucket");
        assert!(res.status().is_success(), "make a bucket: {}", res.status());
        vec![
            ("MEDIA_S3_BUCKET", name.to_owned()),
            ("MEDIA_S3_ENDPOINT", self.endpoint.clone()),
            ("MEDIA_S3_ACCESS_KEY_ID", "testing".to_owned()),
            ("MEDIA_S3_SECRET_ACCESS_KEY", "testing".to_owned()),
        ]
    }

    /// The names of the objects in bucket `name`, as S3 lists them.
    pub async fn objects(&self, name: &str) -> Vec<String> {
        let xml = reqwest::Client::new()
            .get(format!("{}/{name}?list-type=2", self.endpoint))
            .send()
            .await
            .expect("list a bucket")
            .text()
            .await
            .expect("a bucket listing");
        xml.split("<Key>")
            .skip(1)
            .filter_map(|part| part.split_once("</Key>").map(|(key, _)| key.to_owned()))
            .collect()
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
