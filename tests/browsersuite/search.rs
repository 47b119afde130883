//! Search in headless Chromium (`tests/browser/search.mjs`) over the search fixture
//! (`tests/fixtures/search-site/`), from disk and from a server under a sub-path: a
//! word found in each field that is indexed, stems, accents, a prefix being typed,
//! phrases, filters, highlighted excerpts, result links with their anchors, the
//! keyboard, and hostile text shown as text. And search in Ukrainian from disk
//! (`tests/browser/search-ukrainian.mjs`, over `tests/fixtures/sites/ukrainian/`).

use crate::browser::{chromium, node_check, node_modules};
use crate::common::*;

fn run_search_check(mode: &str) {
    chromium();
    node_modules("playwright-core");
    let site = copy_site(&fixture("search-site"));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let args = [mode.into(), site.path().join("public").into_os_string()];
    let report = node_check("search.mjs", args)
        .unwrap_or_else(|failed| panic!("the search check `{mode}` failed:\n{failed}"));
    println!("{report}");
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
    chromium();
    node_modules("playwright-core");
    let site = copy_site(&fixture("sites/ukrainian"));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let report = node_check("search-ukrainian.mjs", [site.path().join("public")])
        .unwrap_or_else(|failed| panic!("the search check in Ukrainian failed:\n{failed}"));
    println!("{report}");
}
