//! Form pieces shared by the pages: a labelled field that shows its own
//! error, the banner above a form that failed, and the second step of an
//! action that cannot be undone.

use leptos::prelude::*;

use crate::base::error::AppError;

/// A labelled `<input>` (or `<textarea>` when `rows` is set). The message of
/// an `Invalid` error about `id` appears under it and is tied to it with
/// `aria-describedby`.
#[component]
pub fn Field(
    /// The element id, and the key of the field in `AppError::Invalid`
    /// unless `field` is given.
    id: &'static str,
    /// The key of the field in `AppError::Invalid` when the id differs
    /// (two forms with the same field on one page).
    #[prop(optional)]
    field: Option<&'static str>,
    /// The form field name; defaults to `id`.
    #[prop(optional, into)]
    name: Option<String>,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
    /// The browser's autofill hint (`name`, `email`, `off`…).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let key = field.unwrap_or(id);
    let message = move || error.get().and_then(|e| e.for_field(key));
    let name = name.unwrap_or_else(|| id.to_owned());
    let has_hint = hint.is_some();
    let described = move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if message().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let control = match rows {
        Some(rows) => view! {
            <textarea id=id name=name rows=rows required=required
                aria-invalid=move || message().map(|_| "true") aria-describedby=described>{value}</textarea>
        }
        .into_any(),
        None => view! {
            <input id=id name=name type=kind value=value inputmode=inputmode required=required list=list autocomplete=autocomplete
                aria-invalid=move || message().map(|_| "true") aria-describedby=described />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            {control}
            {move || message().map(|msg| view! { <p class="field-error" id=format!("{id}-error")>{msg}</p> })}
        </div>
    }
}

/// The banner above a form whose submission failed.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    move || {
        error.get().map(|e| {
            let text = match e {
                AppError::Invalid { also, .. } if also.is_empty() => tr!(lang, FORM_FIX_FIELD),
                AppError::Invalid { .. } => tr!(lang, FORM_FIX_FIELDS),
                other => other.message(lang),
            };
            view! { <p class="form-error" role="alert">{text}</p> }
        })
    }
}

/// An action that cannot be undone, in two steps that work with and
/// without JavaScript: `label` opens a box that says what will happen
/// (`consequence`) and holds the form (`children`) whose button acts.
/// Opening it again closes it: nothing is done. With JavaScript the box
/// closes once its form is sent.
#[component]
pub fn Confirm(
    /// The first button, e.g. "Cancel the party…".
    #[prop(into)]
    label: String,
    /// Its accessible name when several rows share a label ("Decline Ana").
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// What will happen, in plain words.
    #[prop(into)]
    consequence: String,
    /// Styles the first button as dangerous.
    #[prop(optional)]
    danger: bool,
    #[prop(optional)] small: bool,
    children: Children,
) -> impl IntoView {
    let class = match (danger, small) {
        (true, true) => "button small danger",
        (true, false) => "button danger",
        (false, true) => "button small",
        (false, false) => "button",
    };
    // Once its form is sent, the box closes: the answer shows on the page,
    // and the button is not there to be pressed twice.
    let details = NodeRef::<leptos::html::Details>::new();
    let close = move |_| {
        if let Some(d) = details.get() {
            let _ = d.remove_attribute("open");
        }
    };
    let lang = crate::base::l10n::use_lang();
    view! {
        <details class="confirm" node_ref=details on:submit=close>
            <summary class=class aria-label=aria_label>{label}</summary>
            <div class="confirm-box" role="group" aria-label=tr!(lang, CONFIRM_ARE_YOU_SURE)>
                <p class="consequence" data-testid="consequence">{consequence}</p>
                {children()}
            </div>
        </details>
    }
}

/// The error a server function `S` left in the address after a form post
/// without JavaScript (`?__path=…&__err=…`), for forms that are not
/// `ActionForm`s (file uploads).
pub fn error_from_url<S: leptos::server_fn::ServerFn>() -> Option<AppError> {
    use leptos::server_fn::error::ServerFnUrlError;
    use_context::<leptos::server::ServerActionError>()
        .filter(|e| e.path() == S::PATH)
        .map(|e| ServerFnUrlError::<AppError>::decode_err(e.err()))
}

/// The request header in which a page receives the answer of the form that
/// was just posted to it without JavaScript, as `path|base64(json)`
/// (`server::middleware::form_results_carried` puts it there).
pub const FORM_ANSWER_HEADER: &str = "x-soiree-form-answer";

/// What a form posted without JavaScript left for the page it came back
/// to: the answer of its server function (`path`, JSON), or its error
/// (`path`, encoded as in the address: `?__path=…&__err=…`). The server
/// reads it from the request; an island gets it as a prop, so that it
/// hydrates showing what the server rendered.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Carried {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<(String, String)>,
}

impl Carried {
    /// What the request carries (the middleware put the answer in a header
    /// and the error in the address).
    #[cfg(feature = "ssr")]
    pub fn from_request() -> Carried {
        use base64::Engine;
        let Some(parts) = use_context::<http::request::Parts>() else {
            return Carried::default();
        };
        let answer = (|| {
            let value = parts.headers.get(FORM_ANSWER_HEADER)?.to_str().ok()?;
            let (path, encoded) = value.split_once('|')?;
            let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(encoded)
                .ok()?;
            Some((path.to_owned(), String::from_utf8(json).ok()?))
        })();
        let error = (|| {
            let query = parts.uri.query()?;
            let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect();
            let find = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
            Some((find("__path")?, find("__err")?))
        })();
        Carried { answer, error }
    }

    /// What the page being rendered carries, for an island's prop.
    pub fn here() -> Carried {
        use_context::<Carried>().unwrap_or_default()
    }

    /// Makes it known to the forms below: `ServerAction::new` shows the
    /// error, [`action`] the answer.
    pub fn provide(self) {
        if let Some((path, err)) = &self.error {
            provide_context(leptos::server::ServerActionError::new(path, err));
        }
        provide_context(CarriedAnswer(StoredValue::new(self.answer.clone())));
        provide_context(self);
    }
}

/// The answer carried to this page, for the actions of its server function
/// (see [`action`]).
#[derive(Clone, Copy)]
struct CarriedAnswer(StoredValue<Option<(String, String)>>);

impl CarriedAnswer {
    /// The answer, if it is `path`'s. The server may render a part of the
    /// page more than once (a Suspense whose resources resolve one after
    /// the other), so there every render gets it; in the browser the first
    /// taker has it, so a later form does not show it again.
    fn take(self, path: &str) -> Option<String> {
        let mine = self
            .0
            .with_value(|c| c.as_ref().is_some_and(|(p, _)| p == path));
        if !mine {
            return None;
        }
        let answer = if cfg!(feature = "ssr") {
            self.0.with_value(Clone::clone)
        } else {
            self.0.try_update_value(Option::take).flatten()
        };
        answer.map(|(_, json)| json)
    }
}

/// A `ServerAction` for `S` that also holds the answer of a form posted to
/// `S` without JavaScript, when the page comes back from it: the page says
/// what was done ("3 guests added") either way. Errors come back without
/// help, in the address.
pub fn action<S>() -> ServerAction<S>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: serde::de::DeserializeOwned + Send + Sync + 'static,
{
    let action = ServerAction::<S>::new();
    let answer = use_context::<CarriedAnswer>()
        .and_then(|c| c.take(S::PATH))
        .and_then(|json| serde_json::from_str::<S::Output>(&json).ok());
    if let Some(answer) = answer {
        action.value().set(Some(Ok(answer)));
    }
    action
}

/// The forms of one page, so that only the one used last shows its note:
/// a new attempt on one clears the others' "Done" and errors.
#[derive(Clone, Copy)]
pub struct LastForm(RwSignal<Option<&'static str>>);

impl Default for LastForm {
    fn default() -> Self {
        LastForm(RwSignal::new(None))
    }
}

impl LastForm {
    /// The page's tracker, shared with the components below this one.
    pub fn of_page() -> Self {
        use_context::<LastForm>().unwrap_or_else(|| {
            let last = LastForm::default();
            provide_context(last);
            last
        })
    }

    /// `action`'s answer while its form is the one used last, and not
    /// while a new attempt is on its way.
    pub fn answer<S>(self, action: ServerAction<S>) -> Signal<Option<Result<S::Output, AppError>>>
    where
        S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let last = self.0;
        Effect::new(move |_| {
            if action.pending().get() {
                last.set(Some(S::PATH));
            }
        });
        Signal::derive(move || {
            if action.pending().get() {
                return None;
            }
            action
                .value()
                .get()
                .filter(|_| last.get().is_none_or(|l| l == S::PATH))
        })
    }

    /// `action`'s error while its form is the one used last.
    pub fn error<S>(self, action: ServerAction<S>) -> Signal<Option<AppError>>
    where
        S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let answer = self.answer(action);
        Signal::derive(move || answer.get().and_then(Result::err))
    }
}
