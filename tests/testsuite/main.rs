//! The integration suite: the real `dossier` binary against fixture sites.
//!
//! Snapshots live in `snapshots/`; after a deliberate change, regenerate them with
//! `INSTA_UPDATE=always cargo test` and review the diff. It needs only a Rust
//! toolchain; the tests that need a browser, Node.js or Java are the `browser`
//! target (`tests/browsersuite/`, feature `browser`).

mod arch_pipeline;
mod author;
mod commands;
mod common;
mod injection;
mod languages;
mod links;
mod output;
mod pages_crawl;
mod serve;
mod serve_search;
mod served;
mod sites;
mod toolkit_check;
mod toolkit_links;
mod toolkit_new;
mod toolkit_published;
mod toolkit_schema;
mod toolkit_terminal;
