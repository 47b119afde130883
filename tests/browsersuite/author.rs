//! What an author sees in the browser: `dossier serve`'s error overlay, and the panel
//! of a served build's broken links, readable in the light and the dark scheme
//! (`tests/browser/overlay.mjs`); the network graph as wide as the page with readable
//! labels, on a desktop and on a phone (`tests/browser/graph.mjs`).

use crate::browser::{chromium, node_check, node_modules};
use crate::common::*;

#[test]
fn the_error_overlay_reads_in_the_light_and_the_dark_scheme() {
    chromium();
    node_modules("playwright-core");
    let site = copy_site(&fixture("sites/references"));
    let served = crate::served::Served::start(site.path(), &[]);
    let page = std::ffi::OsString::from(format!("{}briefings/talks/", served.url));
    let file = site
        .path()
        .join("content/briefings/talks.md")
        .into_os_string();
    match node_check("overlay.mjs", [page, file]) {
        Ok(report) => println!("{report}"),
        Err(failed) => panic!("{failed}\n--- the server said:\n{}", served.stderr()),
    }
}

/// A site of `actors` actors with long names, each meeting the next two: a crowded
/// network whose labels run along the radius.
fn crowded_site(actors: usize) -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("a folder");
    let briefings = site.path().join("content/briefings");
    std::fs::create_dir_all(&briefings).expect("a folder");
    let mut text = String::from("---\ntitle: Rounds\ndate: 2025-03-01\nmeetings:\n");
    let name = |i: usize| format!("Delegation of the province {i:02}");
    for i in 0..actors {
        for step in [1, 2] {
            text.push_str(&format!(
                "  - id: round-{i}-{step}\n    participants: [{}, {}]\n",
                name(i),
                name((i + step) % actors)
            ));
        }
    }
    text.push_str("---\nRounds of talks.\n");
    std::fs::write(briefings.join("rounds.md"), text).expect("written");
    site
}

#[test]
fn the_network_graph_uses_the_pages_width_with_readable_labels() {
    chromium();
    node_modules("playwright-core");
    let example = copy_example();
    let crowded = crowded_site(40);
    let mut pages = Vec::new();
    for site in [&example, &crowded] {
        let output = build(site.path(), &[]);
        assert!(output.status.success(), "{}", report(&output, site.path()));
        pages.push(site.path().join("public/network/index.html"));
    }
    let report = node_check("graph.mjs", &pages).unwrap_or_else(|failed| panic!("{failed}"));
    println!("{report}");
}
