//! Where uploaded files (item photos) live: a local folder by default, or
//! an S3-compatible bucket that every server of a deployment shares. Either
//! way they are served at `/media/`. And the QR codes pages draw.

/// The public address of a stored file.
pub fn url(path: &str) -> String {
    format!("/media/{path}")
}

#[cfg(feature = "ssr")]
pub use ssr::MediaStore;

/// The QR code of `url` as an SVG element.
#[cfg(feature = "ssr")]
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Some(
        svg.trim_start_matches(|c| c != '<')
            .splitn(2, "?>")
            .last()
            .unwrap_or_default()
            .to_owned(),
    )
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::{path::PathBuf, sync::Arc};

    use object_store::{local::LocalFileSystem, path::Path, ObjectStore, PutPayload};

    /// The store uploaded files are written to and read from.
    #[derive(Clone)]
    pub struct MediaStore {
        objects: Arc<dyn ObjectStore>,
        folder: Option<PathBuf>,
    }

    impl std::fmt::Debug for MediaStore {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "MediaStore({})", self.objects)
        }
    }

    impl MediaStore {
        /// Files in `folder`, made when missing.
        pub fn folder(folder: PathBuf) -> anyhow::Result<MediaStore> {
            std::fs::create_dir_all(&folder)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", folder.display()))?;
            let objects = LocalFileSystem::new_with_prefix(&folder)
                .map_err(|e| anyhow::anyhow!("cannot use {}: {e}", folder.display()))?;
            Ok(MediaStore {
                objects: Arc::new(objects),
                folder: Some(folder),
            })
        }

        /// Files in a bucket (an S3-compatible object store).
        pub fn bucket(objects: Arc<dyn ObjectStore>) -> MediaStore {
            MediaStore {
                objects,
                folder: None,
            }
        }

        /// The local folder, when files are kept in one (served from disk).
        pub fn local_folder(&self) -> Option<&std::path::Path> {
            self.folder.as_deref()
        }

        /// The store itself, for reading files back.
        pub fn store(&self) -> &Arc<dyn ObjectStore> {
            &self.objects
        }

        /// Writes `bytes` at `path` (relative, like `items/ab12.jpg`).
        pub async fn put(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
            self.objects
                .put(&Path::from(path), PutPayload::from(bytes))
                .await
                .map_err(|e| anyhow::anyhow!("cannot store {path}: {e}"))?;
            Ok(())
        }

        /// Removes the file at `path`; a missing file is not an error.
        pub async fn remove(&self, path: &str) -> anyhow::Result<()> {
            match self.objects.delete(&Path::from(path)).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                Err(e) => Err(anyhow::anyhow!("cannot remove {path}: {e}")),
            }
        }
    }
}
