//! The error every server function returns: a sentence that tells the user
//! what to do, typed so the page can place it next to the right field.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::base::l10n::Lang;

/// What went wrong, as a caller can act on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    Unauthorized,
    #[error("Your account does not have access to this.")]
    Forbidden,
    #[error("We could not find that page.")]
    NotFound,
    /// Input that breaks a rule; `field` names the form field to fix.
    /// `kept` carries what was typed (JSON) back to a form posted without
    /// JavaScript, which is re-rendered from the error.
    #[error("{message}")]
    Invalid {
        field: String,
        message: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kept: Option<String>,
        /// The other fields' mistakes, (field, message), found in the same
        /// form: it shows them all at once.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<(String, String)>,
    },
    /// Sign-in failed. Unknown email and wrong password read the same.
    /// `email` brings back what was typed when the form posts without JavaScript.
    #[error("That email and password do not match. Check them and try again.")]
    WrongCredentials { email: String },
    #[error("Too many failed sign-ins for this email. Try again in {minutes} minutes.")]
    LockedOut { email: String, minutes: i64 },
    /// Too many requests from one connection (a rate limit).
    #[error("Too many attempts from your connection. Wait {seconds} seconds and try again.")]
    TooManyRequests { seconds: u64 },
    /// More than a form may send (the body limit).
    #[error("What you sent is too large. Shorten it and send it again.")]
    TooLarge,
    /// The request took longer than the server waits (a slow connection).
    #[error("This took too long, perhaps because of a slow connection. Try again.")]
    TimedOut,
    /// The server is at capacity for this kind of work (password checks).
    #[error("We are very busy right now. Try again in a few seconds.")]
    Busy,
    /// A form whose fields could not be read as the operation's input and
    /// that names no field (a value of the wrong kind).
    #[error("Part of the form could not be read. Check what you entered and send it again.")]
    Unreadable,
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    /// The call did not reach the server or its answer was not understood;
    /// the detail is for logs and developers, never shown.
    #[error(
        "The request did not go through. Check your connection, reload the page and try again."
    )]
    Transport(String),
}

impl AppError {
    /// The sentence a person reads, in `lang`: the text of `Display`
    /// (English, for logs) translated. An `Invalid` error's message was
    /// written in the page's language where it was found.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Unauthorized => tr!(lang, ERROR_UNAUTHORIZED),
            AppError::Forbidden => tr!(lang, ERROR_FORBIDDEN),
            AppError::NotFound => tr!(lang, ERROR_NOT_FOUND),
            AppError::Invalid { message, .. } => message.clone(),
            AppError::WrongCredentials { .. } => tr!(lang, ERROR_WRONG_CREDENTIALS),
            AppError::LockedOut { minutes, .. } => tr!(lang, ERROR_LOCKED_OUT, minutes = *minutes),
            AppError::TooManyRequests { seconds } => {
                tr!(lang, ERROR_TOO_MANY_REQUESTS, seconds = *seconds)
            }
            AppError::TooLarge => tr!(lang, ERROR_TOO_LARGE),
            AppError::TimedOut => tr!(lang, ERROR_TIMED_OUT),
            AppError::Busy => tr!(lang, ERROR_BUSY),
            AppError::Unreadable => tr!(lang, ERROR_UNREADABLE),
            AppError::Internal => tr!(lang, ERROR_INTERNAL),
            AppError::Transport(_) => tr!(lang, ERROR_TRANSPORT),
        }
    }

    /// An `Invalid` error for one form field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.to_owned(),
            message: message.into(),
            kept: None,
            also: Vec::new(),
        }
    }

    /// Attaches what was typed to an `Invalid` error, for the form to refill.
    pub fn keeping<T: Serialize>(self, typed: &T) -> Self {
        match self {
            AppError::Invalid {
                field,
                message,
                also,
                ..
            } => AppError::Invalid {
                field,
                message,
                kept: serde_json::to_string(typed).ok(),
                also,
            },
            other => other,
        }
    }

    /// What was typed, if this error carries it.
    pub fn kept<T: for<'de> Deserialize<'de>>(&self) -> Option<T> {
        match self {
            AppError::Invalid {
                kept: Some(json), ..
            } => serde_json::from_str(json).ok(),
            _ => None,
        }
    }

    /// The message to show next to `field`, if this error is about it.
    pub fn for_field(&self, field: &str) -> Option<String> {
        match self {
            AppError::Invalid {
                field: f, message, ..
            } if f == field => Some(message.clone()),
            AppError::Invalid { also, .. } => also
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, message)| message.clone()),
            _ => None,
        }
    }
}

/// The mistakes found in one form, gathered so that the form shows them
/// all at once, each next to its field.
#[derive(Debug, Default)]
pub struct Mistakes {
    found: Vec<(String, String)>,
    other: Option<AppError>,
}

impl Mistakes {
    /// Notes the mistake of `field`.
    pub fn note(&mut self, field: &str, message: impl Into<String>) {
        self.found.push((field.to_owned(), message.into()));
    }

    /// The value of a check, or `None` with its mistake noted.
    pub fn check<T>(&mut self, result: Result<T, AppError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(AppError::Invalid {
                field,
                message,
                also,
                ..
            }) => {
                self.found.push((field, message));
                self.found.extend(also);
                None
            }
            Err(other) => {
                self.other.get_or_insert(other);
                None
            }
        }
    }

    /// `Ok` when nothing was noted; else one error that carries every
    /// mistake (the first field's, then the others).
    pub fn finish(self) -> Result<(), AppError> {
        if let Some(other) = self.other {
            return Err(other);
        }
        let mut found = self.found.into_iter();
        match found.next() {
            None => Ok(()),
            Some((field, message)) => Err(AppError::Invalid {
                field,
                message,
                kept: None,
                also: found.collect(),
            }),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The fields of a form did not make the operation's input: read
            // in the browser (Serialization) or on the server (Args,
            // MissingArg). The person gets a message about the field.
            ServerFnErrorErr::Serialization(detail) | ServerFnErrorErr::Args(detail) => {
                unreadable_input(&detail)
            }
            ServerFnErrorErr::MissingArg(name) => missing_field(&name),
            other => AppError::Transport(other.to_string()),
        }
    }
}

/// The error for input that could not be read, from the parser's words
/// (`missing field `rsvp``): the field left out when it names one.
fn unreadable_input(detail: &str) -> AppError {
    detail
        .split_once("missing field ")
        .map(|(_, rest)| {
            rest.trim_start_matches(['`', '\'', '"'])
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .map(|name| missing_field(&name))
        .unwrap_or(AppError::Unreadable)
}

/// The message for a field the form sent without a value: the choices a
/// person has to make say which; any other field is required. In the
/// language of the page the form is on.
fn missing_field(name: &str) -> AppError {
    let lang = crate::base::l10n::page_lang();
    let message = match name {
        "rsvp" => tr!(lang, ERROR_CHOOSE_RSVP),
        "option_id" | "choice" => tr!(lang, ERROR_CHOOSE_ANSWER),
        _ => tr!(lang, ERROR_FIELD_REQUIRED),
    };
    AppError::invalid(name, message)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::AppError;
    use http::StatusCode;

    impl AppError {
        /// The HTTP status this error answers with.
        pub fn status(&self) -> StatusCode {
            match self {
                AppError::Unauthorized | AppError::WrongCredentials { .. } => {
                    StatusCode::UNAUTHORIZED
                }
                AppError::Forbidden => StatusCode::FORBIDDEN,
                AppError::NotFound => StatusCode::NOT_FOUND,
                AppError::Invalid { .. } | AppError::Unreadable => StatusCode::UNPROCESSABLE_ENTITY,
                AppError::LockedOut { .. } | AppError::TooManyRequests { .. } => {
                    StatusCode::TOO_MANY_REQUESTS
                }
                AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                AppError::TimedOut => StatusCode::REQUEST_TIMEOUT,
                AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
                AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
            }
        }
    }

    impl From<anyhow::Error> for AppError {
        fn from(err: anyhow::Error) -> Self {
            tracing::error!(error = ?err, "internal error");
            AppError::Internal
        }
    }

    impl From<sqlx::Error> for AppError {
        fn from(err: sqlx::Error) -> Self {
            AppError::from(anyhow::Error::new(err))
        }
    }

    /// Runs a server function body and, when it fails, sets the response
    /// status from the error. A plain HTML form post (no JavaScript) keeps the
    /// redirect back to the form that the server-function layer sets instead,
    /// so the page can show the error in place.
    pub async fn serve<T>(
        body: impl std::future::Future<Output = Result<T, AppError>>,
    ) -> Result<T, AppError> {
        let result = body.await;
        if let Err(err) = &result {
            if !is_html_form_post() {
                if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                    res.set_status(err.status());
                }
            }
        }
        result
    }

    fn is_html_form_post() -> bool {
        leptos::prelude::use_context::<http::request::Parts>()
            .filter(|parts| parts.method == http::Method::POST)
            .and_then(|parts| {
                parts
                    .headers
                    .get(http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.contains("text/html"))
            })
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_left_out_is_a_message_next_to_it() {
        for detail in [
            "Deserialization error: Custom(\"missing field `rsvp`\")",
            "missing field rsvp",
        ] {
            let err =
                AppError::from_server_fn_error(ServerFnErrorErr::Serialization(detail.into()));
            // No request: the page's language is the default, French.
            assert_eq!(
                err.for_field("rsvp"),
                Some(tr!(Lang::Fr, ERROR_CHOOSE_RSVP))
            );
        }
        let err =
            AppError::from_server_fn_error(ServerFnErrorErr::Args("missing field `email`".into()));
        assert_eq!(
            err.for_field("email"),
            Some(tr!(Lang::Fr, ERROR_FIELD_REQUIRED))
        );
    }

    #[test]
    fn an_error_reads_in_the_language_asked_and_logs_in_english() {
        let err = AppError::LockedOut {
            email: "ana@example.com".into(),
            minutes: 15,
        };
        assert_eq!(err.message(Lang::En), err.to_string());
        assert_ne!(err.message(Lang::Fr), err.to_string());
        for err in [
            AppError::Unauthorized,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::Unreadable,
            AppError::Internal,
            AppError::TooLarge,
            AppError::TimedOut,
            AppError::Busy,
            AppError::TooManyRequests { seconds: 30 },
        ] {
            assert_eq!(err.message(Lang::En), err.to_string());
        }
        assert_eq!(
            AppError::Transport("connection refused".into()).message(Lang::En),
            AppError::Transport(String::new()).to_string()
        );
    }

    #[test]
    fn no_parser_words_reach_a_person() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "invalid digit found in string".into(),
        ));
        assert_eq!(err, AppError::Unreadable);
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Request(
            "error sending request: connection refused".into(),
        ));
        assert!(!err.to_string().contains("connection refused"), "{err}");
    }
}
