//! The translation files against the code: every message of
//! `locales/en.ftl` (and so of `fr.ftl`, which `build.rs` holds to the same
//! messages) is used somewhere, so a translator never translates a text no
//! page shows. A message the code asks for and the files lack fails the
//! build already (`base::l10n::keys`).

use std::{
    fs,
    path::{Path, PathBuf},
};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read a source folder") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `name` appears in `text` as a whole identifier.
fn mentions(text: &str, name: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

#[test]
fn every_message_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("../server/src"), &mut files);
    let code: String = files
        .iter()
        .map(|f| fs::read_to_string(f).expect("read a source file"))
        .collect::<Vec<_>>()
        .join("\n");
    let unused: Vec<&str> = app::base::l10n::keys::ALL
        .iter()
        .filter(|id| !mentions(&code, &id.to_uppercase().replace('-', "_")))
        .copied()
        .collect();
    assert!(
        unused.is_empty(),
        "messages of app/locales/*.ftl no code uses (remove them, or use them): {unused:?}"
    );
}
