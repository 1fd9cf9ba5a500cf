//! The page's styles, in `<head>`. The pages a guest or a visitor opens (a
//! first visit, often on a phone on mobile data) carry the stylesheet in
//! the page, so that their first paint waits on no other request; the
//! signed-in host's and brand's pages, opened again and again, link it
//! (named by its content, kept a year). Every page carries the brand's
//! colours inline (docs/ARCHITECTURE.md, "Styles").

use leptos::prelude::*;

/// Pages under these paths link the stylesheet rather than carry it.
const LINKED: [&str; 2] = ["/host", "/brand"];

/// Whether the page at `path` carries the stylesheet inline.
pub fn inline_for(path: &str) -> bool {
    !LINKED.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The stylesheet (inline or linked, see the module's note) and the
/// brand's colours, which the request carries as a [`ssr::Theme`].
#[component]
pub fn PageStyles(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<http::request::Parts>();
        let inline = parts.as_ref().is_some_and(|p| inline_for(p.uri.path()));
        let theme = parts
            .and_then(|p| p.extensions.get::<ssr::Theme>().cloned())
            .map(|t| t.0);
        let nonce = leptos::nonce::use_nonce();
        let sheet = inline.then(|| ssr::stylesheet(&options)).flatten();
        view! {
            {match sheet {
                Some(css) => view! { <style nonce=nonce.clone()>{css}</style> }.into_any(),
                None => view! { <leptos_meta::HashedStylesheet options id="leptos" /> }.into_any(),
            }}
            {theme.map(|css| view! { <style nonce=nonce>{css}</style> })}
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = options;
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::{
        sync::{Arc, Mutex},
        time::{Duration, Instant},
    };

    use leptos::prelude::LeptosOptions;

    use crate::base::{db::Db, error::AppError};

    /// The built stylesheet's text, read once per set of options when the
    /// build names files by their content (a development build's stylesheet
    /// changes under `cargo leptos watch`: it is read each time). `None`
    /// when the file cannot be read: the page then links it.
    pub fn stylesheet(options: &LeptosOptions) -> Option<Arc<str>> {
        type Key = (String, String);
        static TEXTS: Mutex<Vec<(Key, Arc<str>)>> = Mutex::new(Vec::new());
        let built = crate::base::islands::file_names(options);
        let name = &built.css;
        let path = std::path::Path::new(options.site_root.as_ref())
            .join(options.site_pkg_dir.as_ref())
            .join(name);
        let read = || std::fs::read_to_string(&path).ok().map(Arc::<str>::from);
        if !options.hash_files {
            return read();
        }
        let mut texts = TEXTS.lock().expect("stylesheets");
        let found = texts
            .iter()
            .find(|((root, css), _)| **root == *options.site_root && css == name);
        if let Some((_, text)) = found {
            return Some(text.clone());
        }
        let text = read()?;
        texts.push(((options.site_root.to_string(), name.clone()), text.clone()));
        Some(text)
    }

    /// The brand's colours as CSS custom properties, which the page head
    /// carries inline; a request's extension, put there by the server.
    #[derive(Clone, Debug)]
    pub struct Theme(pub Arc<str>);

    /// How long the brand's colours are kept before they are read again.
    const KEPT: Duration = Duration::from_secs(60);

    /// The brand's colours, read from the database at most once a minute
    /// (and each time while no brand exists yet), so that a page costs no
    /// statement for them.
    #[derive(Clone, Default)]
    pub struct ThemeCache(Arc<Mutex<Option<Kept>>>);

    /// The colours as CSS, and when they were read.
    type Kept = (Instant, Arc<str>);

    impl ThemeCache {
        pub async fn theme(&self, db: &Db) -> Theme {
            if let Some((at, css)) = &*self.0.lock().expect("theme") {
                if at.elapsed() < KEPT {
                    return Theme(css.clone());
                }
            }
            match theme_css(db).await {
                Ok((css, found)) => {
                    let css: Arc<str> = css.into();
                    if found {
                        *self.0.lock().expect("theme") = Some((Instant::now(), css.clone()));
                    }
                    Theme(css)
                }
                // The last colours read, else the stylesheet's own.
                Err(_) => Theme(
                    self.0
                        .lock()
                        .expect("theme")
                        .as_ref()
                        .map(|(_, css)| css.clone())
                        .unwrap_or_else(|| Arc::from("")),
                ),
            }
        }
    }

    /// `#rrggbb`, or the fallback: a colour from the database goes into a
    /// stylesheet only in that form.
    fn css_color(value: &str, fallback: &'static str) -> String {
        let ok = value.len() == 7
            && value.starts_with('#')
            && value[1..].chars().all(|c| c.is_ascii_hexdigit());
        if ok {
            value.to_owned()
        } else {
            fallback.to_owned()
        }
    }

    /// The brand's colours as CSS, and whether a brand was found.
    pub async fn theme_css(db: &Db) -> Result<(String, bool), AppError> {
        let brand = crate::base::brand::ssr::home_brand(db).await?;
        let found = brand.is_some();
        let (primary, soft) = brand
            .map(|b| (b.primary_color, b.accent_color))
            .unwrap_or_default();
        let css = format!(
            ":root {{ --brand: {}; --brand-soft: {}; }}\n",
            css_color(&primary, "#5b2a86"),
            css_color(&soft, "#f4ecfa"),
        );
        Ok((css, found))
    }
}
