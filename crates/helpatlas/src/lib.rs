//! Help Atlas: an open, self-hostable directory of mental-health help.
//!
//! See `docs/design.md` for how the modules fit together.

pub mod app;
pub mod auth;
pub mod backup;
pub mod bundled;
pub mod cli;
pub mod config;
pub mod editing;
pub mod feeds;
pub mod generate;
pub mod geo;
pub mod hsds;
pub mod i18n;
pub mod linkcheck;
pub mod model;
pub mod moderation;
pub mod search;
pub mod stats;
pub mod store;
pub mod transfer;
pub mod web;
