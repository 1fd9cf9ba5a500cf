//! The browser's code runs in islands: the server renders every page whole,
//! and only the parts that need the browser (`#[island]` components: a live
//! figure, the card field, drag and drop…) are hydrated. The rest of a page
//! works as HTML forms and links (docs/ARCHITECTURE.md, "The browser's
//! code: islands").
//!
//! The page head carries our loader ([`IslandScripts`], `islands.js`)
//! rather than Leptos's: it loads no WASM for a page without islands, and
//! hands `hydrate` the page's translations before any island renders a
//! word.

use leptos::prelude::*;

/// The loader of the page's islands, in `<head>`. Also tells the server's
/// renderer that the page is not hydrated as a whole: only the islands'
/// contents carry hydration data.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let built = file_names(&options);
    let (js, wasm, pkg) = (&built.js, &built.wasm, &options.site_pkg_dir);
    let script = format!(
        "{}(\"/{pkg}/{js}\", \"/{pkg}/{wasm}\").catch((e) => console.error(\"islands not hydrated:\", e));",
        include_str!("islands.js").trim_end().trim_end_matches(';')
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}

/// The names of the built files under the site's `pkg` folder.
#[derive(Clone, Debug, Default)]
pub struct Built {
    /// The JS glue.
    pub js: String,
    pub wasm: String,
    pub css: String,
}

/// The names of the JS glue, the WASM and the stylesheet: named after
/// their content when the build hashes files (a `hash.txt` beside the
/// server binary lists the hashes). Shared, as every page names them.
pub fn file_names(options: &LeptosOptions) -> std::sync::Arc<Built> {
    #[cfg(feature = "ssr")]
    {
        use std::sync::Mutex;
        type Key = (String, bool, String);
        // Read once per set of options (tests run servers with several).
        static NAMES: Mutex<Vec<(Key, std::sync::Arc<Built>)>> = Mutex::new(Vec::new());
        let key: Key = (
            options.output_name.to_string(),
            options.hash_files,
            options.hash_file.to_string(),
        );
        let mut names = NAMES.lock().expect("file names");
        if let Some((_, found)) = names.iter().find(|(k, _)| *k == key) {
            return found.clone();
        }
        let hashes = options
            .hash_files
            .then(|| {
                let exe = std::env::current_exe().ok()?;
                std::fs::read_to_string(exe.parent()?.join(&key.2)).ok()
            })
            .flatten()
            .unwrap_or_default();
        let name = |kind: &str| {
            let hash = hashes
                .lines()
                .filter_map(|l| l.trim().split_once(':'))
                .find(|(file, _)| *file == kind)
                .map(|(_, hash)| format!(".{}", hash.trim()))
                .unwrap_or_default();
            format!("{}{hash}.{kind}", key.0)
        };
        let found = std::sync::Arc::new(Built {
            js: name("js"),
            wasm: name("wasm"),
            css: name("css"),
        });
        names.push((key, found.clone()));
        found
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = options;
        std::sync::Arc::new(Built::default())
    }
}

/// In an island: `data` (which came as a prop) is read again with `read`
/// after each change of `changes` (the sum of the island's actions'
/// versions), so that what a form did shows in place.
pub fn reload_on<T, Fut>(
    data: RwSignal<T>,
    changes: impl Fn() -> usize + 'static,
    read: impl Fn() -> Fut + Clone + 'static,
) where
    T: Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    Effect::new(move |seen: Option<usize>| {
        let now = changes();
        if seen.is_some_and(|seen| seen != now) {
            let read = read.clone();
            leptos::task::spawn_local(async move { data.set(read().await) });
        }
        now
    });
}
