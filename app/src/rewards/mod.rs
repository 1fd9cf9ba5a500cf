//! Host rewards: the brand's tier table and what an event earns its host.

pub mod domain;
