//! `dossier`: a static site generator for briefings on negotiations.
//!
//! The pipeline runs one way: `Config::load -> content::load -> model::resolve ->
//! render::render -> output::write`, each stage taking the previous stage's value
//! ([`pipeline`]). ARCHITECTURE.md is the map.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod failure;
pub mod i18n;
pub mod ids;
pub mod json_schema;
pub mod links;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scratch;
pub mod serve;
pub mod source_links;
pub mod suggest;
pub mod terminal;
