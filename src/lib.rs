//! `dossier`: a static site generator for briefings on negotiations.
//!
//! The pipeline runs one way: `Config -> content::load -> model::resolve ->
//! render::render_site -> output`. Each stage takes the previous stage's value.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod links;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod serve;
pub mod suggest;
