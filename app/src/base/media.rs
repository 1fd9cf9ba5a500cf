//! Where uploaded files (item photos) live: a folder served at `/media/`,
//! shared by every server of a deployment.

use std::path::PathBuf;

/// The folder uploaded files live in.
#[derive(Debug, Clone)]
pub struct MediaStore {
    pub root: PathBuf,
}

impl MediaStore {
    /// The public address of a stored file.
    pub fn url(path: &str) -> String {
        format!("/media/{path}")
    }
}
