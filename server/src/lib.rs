//! The Soirée server: configuration, start-up, HTTP layers and background
//! workers around the Leptos app. Thin on purpose: the logic lives in `app`.
#![recursion_limit = "256"]

pub mod kept_pages;
pub mod language;
pub mod limits;
pub mod mailer;
pub mod media;
pub mod middleware;
pub mod settings;
pub mod startup;
pub mod workers;
