//! The layering rule of docs/ARCHITECTURE.md, checked on the source:
//!
//! - `base/` (the floor) refers to no area;
//! - an area refers only to itself and `base`;
//! - only the layer above the areas (`pages/`, `exports/`, `public_api/`,
//!   `lib.rs` and the demo data) combines areas;
//! - SQL lives in server code (`ssr.rs` files and `mod ssr` blocks), never
//!   next to components;
//! - no function of `app/src` or `server/src` is over 100 lines, but view
//!   components (`#[component]`), whose markup is one piece.

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

/// The folders above the areas: they may use any area.
const ABOVE: &[&str] = &["pages", "exports", "public_api"];
/// Files at the root of `src` above the areas.
const ROOT_FILES: &[&str] = &["lib.rs", "demo.rs", "history.rs"];
/// Crate-root macros everyone may use.
const MACROS: &[&str] = &["on_db", "on_tx"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file names: `crate::x…` anywhere, and the
/// first segment of each item of `use crate::{…}` trees.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if let Some(tree) = after.strip_prefix('{') {
            let mut depth = 1;
            let mut item = String::new();
            for c in tree.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 || (depth == 1 && c == ',') {
                    push_first(&mut refs, &item);
                    item.clear();
                    if depth == 0 {
                        break;
                    }
                } else {
                    item.push(c);
                }
            }
        } else {
            push_first(&mut refs, after);
        }
        rest = after;
    }
    refs
}

fn push_first(refs: &mut BTreeSet<String>, path: &str) {
    let name: String = path
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if !name.is_empty() {
        refs.insert(name);
    }
}

/// The text outside `mod ssr { … }` blocks (server code inside a mixed file).
fn outside_ssr_blocks(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("mod ssr {") {
        out.push_str(&rest[..at]);
        let mut depth = 0;
        let mut end = rest.len();
        for (i, c) in rest[at..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = at + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn areas_call_only_themselves_and_the_floor() {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let areas: BTreeSet<String> = fs::read_dir(&root)
        .expect("read src")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| n != "base" && !ABOVE.contains(&n.as_str()))
        .collect();
    let mut broken = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&root).expect("under src");
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        if ROOT_FILES.contains(&first.as_str()) || ABOVE.contains(&first.as_str()) {
            continue;
        }
        let text = fs::read_to_string(file).expect("read file");
        for name in crate_refs(&text) {
            if MACROS.contains(&name.as_str()) || name == "base" || name == first {
                continue;
            }
            if areas.contains(&name) || ABOVE.contains(&name.as_str()) {
                broken.push(format!("{} uses crate::{name}", rel.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "these files reach across the layers (see docs/ARCHITECTURE.md):\n{}",
        broken.join("\n")
    );
}

#[test]
fn sql_stays_in_server_code() {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut broken = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rel = file.strip_prefix(&root).expect("under src");
        // Server-only files: `ssr.rs`, and the floor's and the demo's
        // modules compiled only with `ssr`.
        let text = fs::read_to_string(file).expect("read file");
        if name == "ssr.rs" || !text.contains("#[component]") {
            continue;
        }
        let client = outside_ssr_blocks(&text);
        if client.contains("sqlx::query") {
            broken.push(rel.display().to_string());
        }
    }
    assert!(
        broken.is_empty(),
        "SQL next to components (move it into the area's ssr module):\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_checker_sees_what_it_checks() {
    let refs = crate_refs(
        "use crate::{base::db::Db, orders::{ssr, Cart}}; crate::votes::x(); crate::on_db!",
    );
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        vec!["base", "on_db", "orders", "votes"]
    );
    assert_eq!(
        outside_ssr_blocks("a pub mod ssr { sqlx::query(x) { } } b"),
        "a pub  b"
    );
}

/// Functions longer than `max` lines in `text`, but components and islands
/// (views): (name, lines).
fn long_functions(text: &str, max: usize) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let t = t.strip_prefix("pub ").unwrap_or(t);
        let t = t.strip_prefix("async ").unwrap_or(t);
        let Some(rest) = t.strip_prefix("fn ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let component = lines[i.saturating_sub(3)..i]
            .iter()
            .any(|l| l.contains("#[component]") || l.contains("#[island"));
        // The body: from the first `{` after the signature to its match.
        let (mut depth, mut opened, mut end) = (0i64, false, None);
        'scan: for (j, l) in lines.iter().enumerate().skip(i) {
            for c in l.chars() {
                match c {
                    ';' if !opened => break 'scan,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth -= 1;
                        if opened && depth == 0 {
                            end = Some(j);
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(end) = end {
            let n = end - i + 1;
            if n > max && !component {
                long.push((name, n));
            }
        }
    }
    long
}

#[test]
fn business_functions_stay_under_100_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    rust_files(&src().join("../../server/src"), &mut files);
    let mut broken = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("read file");
        for (name, n) in long_functions(&text, 100) {
            broken.push(format!("{}: fn {name} has {n} lines", file.display()));
        }
    }
    assert!(
        broken.is_empty(),
        "split these into named steps:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_length_check_counts_bodies() {
    let body = "    x();\n".repeat(101);
    let text = format!(
        "pub async fn big() {{\n{body}}}\nfn small() {{}}\n#[component]\nfn View() {{\n{body}}}\n"
    );
    assert_eq!(long_functions(&text, 100), vec![("big".to_owned(), 103)]);
}
