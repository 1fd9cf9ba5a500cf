//! Outgoing mail: every email is written to the `outbox` table in the
//! transaction that caused it; a background worker sends it with retries.

#[cfg(feature = "ssr")]
pub mod ssr;
