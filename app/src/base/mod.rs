//! The floor under the areas: what several areas share, each thing with one
//! owner here. Nothing in `base` depends on an area; an area's code calls
//! only its own area and `base` (docs/ARCHITECTURE.md).

// First, so that its macros (`tr!`) are in scope in the modules below.
#[macro_use]
pub mod l10n;

#[cfg(feature = "ssr")]
pub mod access;
pub mod account;
pub mod auth;
pub mod bank;
pub mod brand;
#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod consent;
pub mod content;
#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod db;
pub mod error;
pub mod forms;
#[cfg(feature = "ssr")]
pub mod guest_credit;
#[cfg(feature = "ssr")]
pub mod hooks;
pub mod islands;
pub mod items;
pub mod live;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod media;
pub mod money;
#[cfg(feature = "ssr")]
pub mod network;
#[cfg(feature = "ssr")]
pub mod onboarding;
pub mod order;
#[cfg(feature = "ssr")]
pub mod order_writer;
pub mod page;
#[cfg(feature = "ssr")]
pub mod photos;
#[cfg(feature = "ssr")]
pub mod presence;
#[cfg(feature = "ssr")]
pub mod queue;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod stripe;
pub mod styles;
#[cfg(feature = "ssr")]
pub mod time;
#[cfg(feature = "ssr")]
pub mod tokens;
#[cfg(feature = "ssr")]
pub mod totp;
