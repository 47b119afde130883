//! Search in headless Chromium (`tests/browser/search.mjs`) over the search fixture
//! (`tests/fixtures/search-site/`), from disk and from a server under a sub-path: a
//! word found in each field that is indexed, stems, accents, a prefix being typed,
//! phrases, filters, highlighted excerpts, result links with their anchors, the
//! keyboard, and hostile text shown as text. And search in Ukrainian from disk
//! (`tests/browser/search-ukrainian.mjs`, over `tests/fixtures/sites/ukrainian/`).

use std::process::Command;

use crate::browser::{browser_dir, chromium, node_modules};
use crate::common::*;

fn run_search_check(mode: &str) {
    let chromium = chromium();
    node_modules("playwright-core");
    let site = copy_site(&fixture("search-site"));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let output = Command::new("node")
        .arg(browser_dir().join("search.mjs"))
        .arg(mode)
        .arg(site.path().join("public"))
        .env("DOSSIER_CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the search check `{mode}` failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{stdout}");
}

#[test]
fn search_finds_every_field_from_disk() {
    run_search_check("disk");
}

#[test]
fn search_finds_every_field_under_a_sub_path() {
    run_search_check("server");
}

#[test]
fn search_in_ukrainian_from_disk() {
    let chromium = chromium();
    node_modules("playwright-core");
    let site = copy_site(&fixture("sites/ukrainian"));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let output = Command::new("node")
        .arg(browser_dir().join("search-ukrainian.mjs"))
        .arg(site.path().join("public"))
        .env("DOSSIER_CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the search check in Ukrainian failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{stdout}");
}
