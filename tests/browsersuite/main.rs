//! The browser suite: the built example dossier in headless Chromium, every page
//! through the Nu HTML Checker, a served page reloading by itself.
//!
//! It needs Chromium, Node.js with the packages of `tests/browser/` and Java, so it is
//! a target of its own, built only with the `browser` feature:
//! `cargo test --features browser --test browser` (`.ci/run` installs what it needs
//! and runs it after `cargo test`). Helpers are the integration suite's own files.

#[path = "../testsuite/common.rs"]
#[allow(dead_code)]
mod common;
#[path = "../testsuite/served.rs"]
#[allow(dead_code)]
mod served;

mod author;
mod browser;
mod rtl;
mod search;
