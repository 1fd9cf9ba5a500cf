//! The pages that show several areas at once, above the areas: they may
//! call any area; no area calls them (docs/ARCHITECTURE.md).

pub mod event_forms;
pub mod guest;
pub mod home;
pub mod host_event;
pub mod host_home;
pub mod host_report;
#[cfg(feature = "ssr")]
pub mod kept;
pub mod live;
pub mod presentation;
pub mod settings;
