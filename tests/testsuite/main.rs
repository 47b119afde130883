//! The integration suite: the real `dossier` binary against fixture sites.
//!
//! Snapshots live in `snapshots/`; after a deliberate change, regenerate them with
//! `INSTA_UPDATE=always cargo test` and review the diff.

mod browser;
mod commands;
mod common;
mod injection;
mod invalid;
mod links;
mod output;
mod serve;
mod sites;
